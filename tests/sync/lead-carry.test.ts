/**
 * A lead converted on one laptop arrives on another as a client and contact that keep what was
 * learnt, on both database backends: the event they were met at (the new `eventId` of clients
 * and contacts), the card's photo on the client card with its bytes, the rating and answers in
 * the notes, a mobile as a mobile. And a client and contact pushed by a laptop from before
 * `eventId` existed are stored and read with its default.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION } from '../../core/sync/protocol';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { initI18n } from '../../renderer/src/i18n';
import { prepareFile } from '../../renderer/src/data/attachments';
import { captureLead, convertLead, createEvent, setActiveEvent } from '../../renderer/src/data/leads/leads';
import { fetchAttachment } from '../../renderer/src/sync/attachment-sync';
import { serverRecords, useSyncServer } from './harness';

initI18n('en');

for (const backend of BACKENDS) {
  describeBackend(backend)(`a converted lead through the sync (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('the client and contact keep the event, the photo, the answers and the mobile on another laptop', async () => {
      const a = await laptop('anna');
      await a.sync();
      const event = await createEvent(
        {
          name: 'Build Fair',
          kind: 'trade_fair',
          venue: '',
          city: 'Cologne',
          startsOn: '2026-03-10',
          endsOn: '2026-03-12',
          booth: '',
          teamIds: [],
          productGroups: [],
          questions: [{ id: 'budget', label: 'Budget', kind: 'choice', options: ['small', 'large'] }],
        },
        a.db,
      );
      await setActiveEvent(event.id, a.db);
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 9, 8, 7, 6]);
      const photo = await prepareFile(new File([bytes as BlobPart], 'card.jpg', { type: 'image/jpeg' }));
      const lead = await captureLead(
        { personName: 'Vic Visitor', companyName: 'Vic GmbH', phone: '+491711234567', phoneKind: 'mobile', country: 'DE', rating: 'warm', answers: { budget: 'large' } },
        { photo, taskTitle: (s, w) => `${s}: ${w}` },
        a.db,
      );
      const { client, contact } = await convertLead(lead.id, a.db);
      expect(await a.sync()).toMatchObject({ ok: true, rejected: 0 });

      const onServer = (await serverRecords(test.db, 'clients')).get(client.id)!;
      expect(onServer).toMatchObject({ eventId: event.id, notes: client.notes });
      expect((await serverRecords(test.db, 'contacts')).get(contact!.id)).toMatchObject({ eventId: event.id, phones: [{ kind: 'mobile', number: '+491711234567' }] });

      const h = await laptop('head');
      await h.sync();
      const there = (await h.db.clients.get(client.id))!;
      expect(there).toMatchObject({ eventId: event.id, name: 'Vic GmbH' });
      expect(there.notes).toContain('Rating: Warm');
      expect(there.notes).toContain('Budget: large');
      expect(there.contacts![0]).toMatchObject({ eventId: event.id, phones: [{ kind: 'mobile', number: '+491711234567' }] });
      expect(await h.db.leads.get(lead.id)).toMatchObject({ status: 'converted', clientId: client.id, contactId: contact!.id });
      const [file] = there.attachments!;
      expect(new Uint8Array(await (await fetchAttachment(file!, h.transport, h.db)).arrayBuffer())).toEqual(bytes);
    });

    it('a client and contact pushed without eventId (a laptop from before it) are stored and read with its default', async () => {
      const a = await laptop('anna');
      await a.sync();
      const clientId = crypto.randomUUID();
      const contactId = crypto.randomUUID();
      const at = new Date().toISOString();
      const client = {
        name: 'Old Laptop Ltd', legalName: '', taxId: '', status: 'prospect', ownerId: test.team.anna, segment: '', industry: '', website: '', addresses: [], priceType: 'retail',
        discountPct: 0, paymentTermsDays: 14, currency: 'EUR', contractNumber: '', contractDate: '', contractTerms: '', notes: '', tags: [], createdAt: at, archivedAt: null, _deleted: false,
      };
      const contact = { name: 'Olga Old', position: '', phones: [], emails: [], birthday: '', decisionRole: 'other', notes: '', clientId, createdAt: at, archivedAt: null, _deleted: false };
      const hlc = `${String(Date.now()).padStart(15, '0')}-00000-${'0'.repeat(16)}`;
      const wire = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, hlc, base: null }]));
      const pushed = await a.transport.post<{ results: unknown[] }>('/api/sync/push', {
        schemaVersion: SYNC_SCHEMA_VERSION,
        fromSeq: 1,
        toSeq: 1,
        ops: [
          { table: 'clients', id: clientId, fields: wire(client) },
          { table: 'contacts', id: contactId, fields: wire(contact) },
        ],
      });
      expect(pushed.value).toMatchObject({ results: [{ status: 'applied' }, { status: 'applied' }] });
      const h = await laptop('head');
      await h.sync();
      const there = (await h.db.clients.get(clientId))!;
      expect(there).toMatchObject({ name: 'Old Laptop Ltd' });
      expect(there.eventId ?? null).toBeNull();
      expect(there.contacts![0]).toMatchObject({ name: 'Olga Old' });
      expect(there.contacts![0]!.eventId ?? null).toBeNull();
    });
  });
}
