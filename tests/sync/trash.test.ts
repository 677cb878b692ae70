/**
 * The trash between laptops, on both database backends: a client, contact, lead or offer deleted
 * on one laptop leaves every laptop's lists at the next sync and waits in each one's trash with
 * who deleted it and when; restored anywhere, it comes back everywhere with what hangs off it. A
 * delete not sent yet stands against a colleague's edit pulled meanwhile; a sent offer is never
 * deleted. Real laptop code, real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import type { ContactFormValues } from '../../core/client-model';
import type { LeadFormValues } from '../../core/leads/lead-model';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient, createContact, deleteClient, deleteContact, updateClient } from '../../renderer/src/data/clients/commands';
import { captureLead } from '../../renderer/src/data/leads/leads';
import { createOffer, recordActivity } from '../../renderer/src/data/offers/offers';
import { applyPullPage, readCursor } from '../../renderer/src/data/sync/sync-session';
import { nextStamp, outboxTables, recordKey, type OutboxEntry } from '../../renderer/src/data/sync/outbox';
import { deleteLead, deleteOffer, restoreFromTrash } from '../../renderer/src/data/trash';
import { clientInput, inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

const person = (name: string): ContactFormValues => ({ name, position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' });

const visitor = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'Kovács Anna',
  position: '',
  phone: '',
  email: 'anna.kovacs@example.hu',
  companyName: 'Példa Kft',
  city: 'Győr',
  country: 'HU',
  interests: [],
  rating: 'warm',
  answers: {},
  notes: '',
  ...patch,
});

const paymentText = (days: number) => `${days} days net`;

/** A trash entry on a laptop, or undefined. */
const trashed = (l: Laptop, table: string, id: string) => l.db.trash.get(recordKey(table, id));

for (const backend of BACKENDS) {
  describeBackend(backend)(`the trash between laptops (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('a client deleted on one laptop is in the other’s trash with who and when, its contacts and offers hidden with it; restored there, it is back everywhere with them', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Deleted By Mistake Kft', currency: 'EUR' }), a.db);
      const contact = await createContact(c.id, person('Szabó Éva'), a.db);
      const offer = await createOffer({ clientId: c.id, paymentText }, a.db);
      await recordActivity({ clientId: c.id, kind: 'call', subject: 'First call' }, a.db);
      await a.sync();
      await h.sync();
      expect(await h.db.offers.get(offer.id)).toBeDefined();

      const before = Date.now();
      await deleteClient(c.id, a.db);
      expect(await trashed(a, 'clients', c.id)).toMatchObject({ by: test.team.anna });
      await a.sync();
      await h.sync();
      // Gone from the head's client base; in her trash, deleted by Anna, with its contact inside.
      expect(await h.db.clients.get(c.id)).toBeUndefined();
      const entry = await trashed(h, 'clients', c.id);
      expect(entry).toMatchObject({ table: 'clients', by: test.team.anna, record: { name: 'Deleted By Mistake Kft', contacts: [expect.objectContaining({ id: contact.id })] } });
      expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(before - 2000);
      // Its offer and activity stay (hidden with it): nothing of theirs was deleted.
      expect(await h.db.offers.get(offer.id)).toBeDefined();
      expect((await serverRecords(test.db, 'offers')).get(offer.id)).toMatchObject({ _deleted: false });

      await restoreFromTrash(recordKey('clients', c.id), h.db);
      await h.sync();
      await a.sync();
      for (const l of [a, h]) {
        expect(await l.db.clients.get(c.id)).toMatchObject({ name: 'Deleted By Mistake Kft', contacts: [expect.objectContaining({ name: 'Szabó Éva' })] });
        expect(await trashed(l, 'clients', c.id)).toBeUndefined();
        expect(await l.db.offers.get(offer.id)).toBeDefined();
        expect(await l.db.activities.where('clientId').equals(c.id).count()).toBe(1);
      }
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ _deleted: false });
    });

    it('a contact deleted on one laptop is in the other’s trash; restored, it is on its client again on both', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Contact Trash GmbH' }), a.db);
      const contact = await createContact(c.id, person('Max Mustermann'), a.db);
      await a.sync();
      await h.sync();
      await deleteContact(contact, h.db);
      await h.sync();
      await a.sync();
      expect((await a.db.clients.get(c.id))?.contacts ?? []).toEqual([]);
      expect((await a.db.clientRows.get(c.id))?.hay).not.toContain('mustermann');
      expect(await trashed(a, 'contacts', contact.id)).toMatchObject({ table: 'contacts', clientId: c.id, by: test.team.head, record: { name: 'Max Mustermann' } });

      await restoreFromTrash(recordKey('contacts', contact.id), a.db);
      await a.sync();
      await h.sync();
      for (const l of [a, h]) {
        expect((await l.db.clients.get(c.id))?.contacts?.map((x) => x.name)).toEqual(['Max Mustermann']);
        expect(await trashed(l, 'contacts', contact.id)).toBeUndefined();
      }
    });

    it('a lead deleted on one of the owner’s laptops is in the other’s trash; restored there, back on both', async () => {
      const a = await laptop('anna');
      const a2 = await laptop('anna', 'anna-2');
      const lead = await captureLead(visitor({ nextStep: 'call', nextStepOn: '2026-04-01' }), { taskTitle: (s, who) => `${s}: ${who}`, eventId: null }, a.db);
      await a.sync();
      await a2.sync();
      await deleteLead(lead.id, a.db);
      await a.sync();
      await a2.sync();
      expect(await a2.db.leads.get(lead.id)).toBeUndefined();
      expect(await trashed(a2, 'leads', lead.id)).toMatchObject({ by: test.team.anna, record: { personName: 'Kovács Anna' } });
      // Its follow-up task was not deleted (it is hidden while the lead is in the trash).
      expect(await a2.db.tasks.where('leadId').equals(lead.id).count()).toBe(1);

      await restoreFromTrash(recordKey('leads', lead.id), a2.db);
      await a2.sync();
      await a.sync();
      for (const l of [a, a2]) {
        expect(await l.db.leads.get(lead.id)).toMatchObject({ personName: 'Kovács Anna' });
        expect(await trashed(l, 'leads', lead.id)).toBeUndefined();
      }
    });

    it('a draft offer deleted goes to the other laptop’s trash and comes back; a sent offer is never deleted', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Offer Trash Zrt', currency: 'EUR' }), a.db);
      const draft = await createOffer({ clientId: c.id, paymentText }, a.db);
      await a.sync();
      await h.sync();
      await deleteOffer(draft.id, a.db);
      await a.sync();
      await h.sync();
      expect(await h.db.offers.get(draft.id)).toBeUndefined();
      expect(await trashed(h, 'offers', draft.id)).toMatchObject({ by: test.team.anna, record: { number: draft.number } });
      await restoreFromTrash(recordKey('offers', draft.id), h.db);
      await h.sync();
      await a.sync();
      for (const l of [a, h]) expect(await l.db.offers.get(draft.id)).toMatchObject({ number: draft.number, status: 'draft' });

      // Sent: the app does not delete it, and a tampered laptop's delete is refused.
      const sent = await createOffer({ clientId: c.id, paymentText }, a.db);
      await a.db.offers.update(sent.id, { status: 'sent' });
      await expect(deleteOffer(sent.id, a.db)).rejects.toThrow('offers.errors.not_deletable');
      await a.sync();
      await test.db.query(`UPDATE records SET data = data || '{"status": "sent"}' WHERE tbl = 'offers' AND id = $1::uuid`, [sent.id]);
      await forgeChange(a, 'offers', sent.id, { _deleted: true });
      await a.sync();
      expect((await a.db.rejected.toArray()).find((r) => r.recordId === sent.id)).toMatchObject({ reason: 'offer_rule', detail: 'not_deletable' });
      expect((await serverRecords(test.db, 'offers')).get(sent.id)).toMatchObject({ _deleted: false });
    });

    it('a delete not sent yet stands against a colleague’s edit pulled meanwhile, and the trash keeps the edit', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Edited Meanwhile Kft' }), a.db);
      await a.sync();
      await h.sync();
      await updateClient(c.id, inputOf({ ...(await h.db.clients.get(c.id))!, notes: 'head: keep this' }), h.db);
      await h.sync();
      await deleteClient(c.id, a.db);
      // Anna's pull brings the head's edit before her delete goes out (a push that is not answered).
      a.faults = ['drop-request'];
      expect(await a.trySync()).toBe('offline');
      const position = await readCursor(a.db);
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/sync/pull',
        headers: { authorization: `Bearer ${a.token}` },
        payload: { schemaVersion: 3, cursor: position.cursor, scopeHash: position.scopeHash },
      });
      await applyPullPage(res.json(), position, a.db);
      expect(await a.db.clients.get(c.id)).toBeUndefined();
      expect(await trashed(a, 'clients', c.id)).toMatchObject({ record: { notes: 'head: keep this' } });
      await a.sync();
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ _deleted: true, notes: 'head: keep this' });
      // Restored, it has the head's note.
      await restoreFromTrash(recordKey('clients', c.id), a.db);
      expect((await a.db.clients.get(c.id))?.notes).toBe('head: keep this');
    });
  });
}

/** What a tampered laptop sends: an outbox entry the app's own commands would never write. */
async function forgeChange(l: Laptop, table: 'offers', id: string, values: Record<string, unknown>): Promise<void> {
  await l.db.transaction('rw', outboxTables(l.db), async () => {
    const seq = (((await l.db.meta.get('outboxSeq'))?.value as number | undefined) ?? 0) + 1;
    const hlc = await nextStamp(l.db);
    const fields = Object.fromEntries(Object.entries(values).map(([f, value]) => [f, { value, hlc, base: null }]));
    await l.db.meta.put({ key: 'outboxSeq', value: seq });
    await l.db.outbox.add({ seq, table, id, key: recordKey(table, id), fields: fields as OutboxEntry['fields'], at: new Date().toISOString() });
  });
}
