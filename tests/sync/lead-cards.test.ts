/**
 * What a business card carries, kept through a sync, on both database backends: a lead imported
 * from a real iPhone vCard (fixtures/vcards) with several phones, emails, web addresses, two
 * addresses, departments, a birthday and the card's photo arrives whole on another laptop, photo
 * bytes included; and a lead written by a laptop that knows nothing of these fields still syncs.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseVcfFile } from '../../core/leads/scan-payload';
import { SYNC_SCHEMA_VERSION } from '../../core/sync/protocol';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { ClientSearch } from '../../renderer/src/data/clients/client-search';
import { importLeads } from '../../renderer/src/data/leads/lead-import';
import { fetchAttachment } from '../../renderer/src/sync/attachment-sync';
import { emptyCapture, fillFromCard } from '../../renderer/src/leads/capture-values';
import { cardPictures } from '../../renderer/src/leads/VcfImport';
import { serverRecords, useSyncServer } from './harness';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../core/leads/fixtures/vcards/${name}`, import.meta.url)));

for (const backend of BACKENDS) {
  describeBackend(backend)(`business cards through the sync (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('a lead from an iPhone card — every phone, email, web address, address, department, birthday and its photo — arrives whole on another laptop', async () => {
      const a = await laptop('anna');
      const parsed = parseVcfFile(fixture('iphone-3.0.vcf'));
      if (!parsed.ok) throw new Error(parsed.error);
      const card = parsed.value.cards[0]!;
      const values = fillFromCard(emptyCapture(), card, (e) => e.name);
      const report = await importLeads([{ position: 1, values, pictures: await cardPictures(card, 'James Whitmore') }], { search: new ClientSearch() }, a.db);
      expect(report.captured).toHaveLength(1);
      const lead = (await a.db.leads.get(report.captured[0]!))!;
      expect(lead).toMatchObject({
        personName: 'Dr. James Edward Whitmore',
        companyName: 'Harbour Fixings Ltd',
        departments: ['Sales', 'Key Accounts'],
        // Ofcom's drama range (07700 900xxx) is no real number: kept as the card wrote it, marked.
        phone: '07700 900123',
        phoneKind: 'mobile',
        otherPhones: [
          { kind: 'work', label: '', number: '+442079460958' },
          { kind: '', label: 'Switchboard', number: '+442079460000' },
          { kind: 'mobile', label: '', number: '+44 7700 900456' },
        ],
        email: 'j.whitmore@harbourfixings.co.uk',
        otherEmails: ['jim.whitmore@example.net'],
        websites: ['https://harbourfixings.co.uk', 'https://www.linkedin.com/in/jwhitmore-example'],
        addresses: [
          { kind: 'work', poBox: '', extended: '', street: 'Unit 4, Quayside Trading Estate', city: 'Bristol', region: '', postcode: 'BS1 5TX', country: 'GB' },
          { kind: 'home', poBox: '', extended: '', street: '12 Elm Row', city: 'Bath', region: 'Somerset', postcode: 'BA1 2AB', country: 'GB' },
        ],
        city: 'Bristol',
        country: 'GB',
        birthday: '1975-11-02',
      });
      expect(lead.notes).toContain('NICKNAME: Jim');
      const [photo] = lead.attachments!;
      expect(photo).toMatchObject({ mime: 'image/jpeg', size: 1186 });

      const run = await a.sync();
      expect(run).toMatchObject({ ok: true, rejected: 0, filesUploaded: 1 });
      const onServer = (await serverRecords(test.db, 'leads')).get(lead.id)!;
      for (const field of ['phone', 'phoneKind', 'otherPhones', 'otherEmails', 'websites', 'addresses', 'departments', 'birthday', 'attachments'] as const) {
        expect(onServer[field]).toEqual(lead[field]);
      }

      // The head of sales' laptop: the lead as Anna saved it, and the photo's bytes.
      const h = await laptop('head');
      await h.sync();
      const { updatedAt: _local, ...saved } = lead;
      expect(await h.db.leads.get(lead.id)).toMatchObject(saved);
      const bytes = new Uint8Array(await (await fetchAttachment(photo!, h.transport, h.db)).arrayBuffer());
      expect(bytes).toEqual(card.pictures[0]!.bytes);
    });

    it('a lead pushed without the card fields (a laptop from before them) is stored and read with their defaults', async () => {
      const a = await laptop('anna');
      await a.sync();
      const id = crypto.randomUUID();
      const at = new Date().toISOString();
      const fields = {
        personName: 'Old Laptop', position: '', phone: '', email: 'old@example.com', companyName: '', city: '', country: '', interests: [], rating: null, answers: {},
        notes: '', nextStep: null, nextStepOn: '', ownerId: test.team.anna, eventId: null, status: 'new', clientId: null, contactId: null, discardReason: '',
        capturedBy: test.team.anna, capturedAt: at, createdAt: at, _deleted: false,
      };
      const hlc = `${String(Date.now()).padStart(15, '0')}-00000-${'0'.repeat(16)}`;
      const pushed = await a.transport.post<{ results: unknown[] }>('/api/sync/push', {
        schemaVersion: SYNC_SCHEMA_VERSION,
        fromSeq: 1,
        toSeq: 1,
        ops: [{ table: 'leads', id, fields: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, hlc, base: null }])) }],
      });
      expect(pushed.value).toMatchObject({ results: [{ status: 'applied' }] });
      const h = await laptop('head');
      await h.sync();
      expect(await h.db.leads.get(id)).toMatchObject({ personName: 'Old Laptop', email: 'old@example.com' });
    });
  });
}
