import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankClientInput, type ClientInput } from '../../../../core/client-model';
import { ClientSearch } from '../clients/client-search';
import { createClient, createContact } from '../clients/commands';
import { FieldbookDb } from '../db';
import { importLeads, type ImportItem } from './lead-import';
import { prepareFile } from '../attachments';
import { emptyCapture, type CaptureValues } from '../../leads/capture-values';

const client = (name: string, country: string): ClientInput => ({
  ...blankClientInput('u1'),
  name,
  status: 'active',
  addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country }],
  priceType: 'wholesale',
  paymentTermsDays: 30,
});

let db: FieldbookDb;
let search: ClientSearch;

beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.add({ id: 'u1', name: 'Ben Okafor', role: 'manager' });
  const harbour = await createClient(client('Harbour Fixings Ltd', 'GB'), db);
  await createContact(
    harbour.id,
    { name: 'James Whitmore', position: 'Buyer', phones: [{ kind: 'mobile', number: '+44 7700 900123' }], emails: [{ address: 'j.whitmore@harbourfixings.co.uk' }], birthday: '', decisionRole: 'other', notes: '' },
    db,
  );
  search = new ClientSearch();
  search.apply(await db.clientRows.toArray());
});
afterEach(async () => {
  await db.delete();
});

let position = 0;
const item = (values: Partial<CaptureValues>, pictures: ImportItem['pictures'] = []): ImportItem => ({ position: ++position, values: { ...emptyCapture(), ...values }, pictures });

describe('importing many contacts as leads', () => {
  it('finds a contact by its phone alone (an exact look-up of the whole number) and flags the lead', async () => {
    const pelda = await createClient(client('Példa Kft.', 'HU'), db);
    await createContact(pelda.id, { name: 'Nagy Péter', position: '', phones: [{ kind: 'mobile', number: '+36 30 999 8888' }], emails: [], birthday: '', decisionRole: 'other', notes: '' }, db);
    search.apply(await db.clientRows.toArray());
    const report = await importLeads([item({ personName: 'P. Nagy', phone: '06 30 999 8888', country: 'HU' })], { search }, db);
    expect(report.captured).toHaveLength(1);
    expect(report.flagged.map((f) => f.matches.map((m) => [m.kind, m.title, m.reasons]))).toEqual([[['contact', 'Példa Kft.', ['phone']]]]);
  });

  it('captures every contact with all it carries, reports the ones it cannot take, and a second import adds nothing', async () => {
    const photo = await prepareFile(new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9])], { type: 'image/jpeg' }), 'photo.jpg');
    const items = [
      item(
        {
          personName: 'Anna Kovács',
          companyName: 'Példa Kft.',
          phone: '+36 30 123 4567',
          phoneKind: 'mobile',
          otherPhones: [{ kind: 'fax', label: '', number: '+36 1 234 5679' }],
          email: 'anna.kovacs@pelda.hu',
          otherEmails: ['kovacs.anna@freemail.hu'],
          websites: ['https://pelda.hu'],
          addresses: [{ kind: 'work', poBox: '', extended: '', street: 'Váci út 1', city: 'Budapest', region: '', postcode: '1051', country: 'HU' }],
          departments: ['Beszerzés'],
          birthday: '1984-03-15',
          city: 'Budapest',
          country: 'HU',
        },
        [photo],
      ),
      item({ notes: 'Left at the stand, no name on it', city: 'Rotterdam' }),
      item({ personName: 'Priya Nair', companyName: 'Nair Pumps Pvt Ltd', email: 'priya@nairpumps.example.in' }),
      // The same contact twice in one file: the second is a duplicate of the first.
      item({ personName: 'Priya Nair', companyName: 'Nair Pumps Pvt Ltd', email: 'priya@nairpumps.example.in' }),
      // Already a contact of a client: skipped; a company spelt another way: captured, flagged.
      item({ personName: 'James Whitmore', companyName: 'Harbour Fixings Ltd', email: 'j.whitmore@harbourfixings.co.uk', phone: '+44 7700 900123' }),
      item({ companyName: 'Harbor Fixings', phone: '+44 117 496 0000' }),
    ];
    const progress: [number, number][] = [];
    const first = await importLeads(items, { search, batchSize: 2, onProgress: (done, total) => progress.push([done, total]) }, db);
    expect(progress).toEqual([
      [0, 6],
      [2, 6],
      [4, 6],
      [6, 6],
    ]);
    expect(first.captured).toHaveLength(3);
    expect(first.failed).toEqual([{ position: items[1]!.position, name: '', message: 'lead_empty', field: 'personName' }]);
    expect(first.duplicates.map((d) => [d.position, d.of.kind, d.of.title])).toEqual([
      [items[3]!.position, 'lead', 'Nair Pumps Pvt Ltd'],
      [items[4]!.position, 'contact', 'Harbour Fixings Ltd'],
    ]);
    expect(first.flagged.map((f) => [f.name, f.matches.map((m) => [m.kind, m.title, m.reasons])])).toEqual([['Harbor Fixings', [['client', 'Harbour Fixings Ltd', ['company_similar']]]]]);

    const anna = (await db.leads.toArray()).find((l) => l.personName === 'Anna Kovács')!;
    expect(anna).toMatchObject({
      phone: '+36301234567',
      phoneKind: 'mobile',
      otherPhones: [{ kind: 'fax', label: '', number: '+3612345679' }],
      otherEmails: ['kovacs.anna@freemail.hu'],
      websites: ['https://pelda.hu'],
      addresses: [{ kind: 'work', street: 'Váci út 1', city: 'Budapest', postcode: '1051', country: 'HU' }],
      departments: ['Beszerzés'],
      birthday: '1984-03-15',
      status: 'new',
    });
    expect(anna.attachments?.map((a) => [a.sha256, a.mime])).toEqual([[photo.sha256, 'image/jpeg']]);
    expect(await db.attachments.get(photo.sha256)).toMatchObject({ state: 'pending' });
    // Each lead is queued for the company server, whole.
    expect((await db.outbox.toArray()).filter((e) => e.table === 'leads')).toHaveLength(3);

    const again = await importLeads(items, { search }, db);
    expect(again.captured).toEqual([]);
    expect(again.duplicates).toHaveLength(5);
    expect(again.failed).toHaveLength(1);
    expect(await db.leads.count()).toBe(3);
  });

  it('a common name shared by a hundred contacts: each is still told from the others by its other pieces, and every repeat is caught', async () => {
    // A hundred "Budi Santoso", each at his own company with his own email, then the file again
    // with three of them repeated, one known only by his name and company, one by his name alone.
    const budis = Array.from({ length: 100 }, (_, i) => item({ personName: 'Budi Santoso', companyName: `Toko ${i} Jaya`, email: `budi${i}@toko${i}.example` }));
    const first = await importLeads(budis, { search }, db);
    expect(first.captured).toHaveLength(100);
    expect(first.duplicates).toEqual([]);
    // The namesakes are flagged for a look (the same name), never skipped.
    expect(first.flagged).toHaveLength(99);
    for (const flag of first.flagged) expect(flag.matches.every((m) => m.reasons.includes('person'))).toBe(true);

    const again = await importLeads(
      [
        item({ personName: 'Budi Santoso', companyName: 'Toko 2 Jaya', email: 'budi2@toko2.example' }),
        item({ personName: 'Budi Santoso', companyName: 'Toko 3 Jaya' }),
        item({ personName: 'Budi Santoso' }),
        item({ personName: 'Budi Santoso', companyName: 'Toko 100 Jaya', email: 'budi100@toko100.example' }),
      ],
      { search },
      db,
    );
    expect(again.duplicates.map((d) => d.of.title)).toEqual(['Toko 2 Jaya', 'Toko 3 Jaya', expect.stringMatching(/^Toko \d+ Jaya$/)]);
    expect(again.captured).toHaveLength(1);
    expect(await db.leads.count()).toBe(101);
  });
});
