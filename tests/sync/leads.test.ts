/**
 * Trade-fair lead capture between laptops through the company server, on both database backends:
 * events (shared by the whole company), leads with a business-card photo and their follow-up
 * tasks (each owned by a manager), hand-over of leads by a manager and by the head of sales,
 * concurrent edits of an event, and refused owners. Real laptop code (the lead commands and the
 * sync engine on IndexedDB), real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { EventInput, LeadFormValues } from '../../core/leads/lead-model';
import { SYNC_SCHEMA_VERSION, type PushResponse } from '../../core/sync/protocol';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createUser } from '../../server/auth/users';
import { prepareFile } from '../../renderer/src/data/attachments';
import { createClient, updateClient } from '../../renderer/src/data/clients/commands';
import { resolveConflict } from '../../renderer/src/data/sync/conflicts';
import { assignLeads, captureLead, createEvent, discardLead, updateEvent, updateLead, type TaskTitle } from '../../renderer/src/data/leads/leads';
import { takePushBatch } from '../../renderer/src/data/sync/sync-store';
import { fetchAttachment } from '../../renderer/src/sync/attachment-sync';
import { SyncFailure } from '../../renderer/src/sync/transport';
import { FAST_HASH, PASSWORD, clientInput, inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

const taskTitle: TaskTitle = (step, who) => `${step}: ${who}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

const fair = (name: string, teamIds: string[] = []): EventInput => ({
  name,
  kind: 'trade_fair',
  venue: 'Hungexpo',
  city: 'Budapest',
  startsOn: '2026-03-10',
  endsOn: '2026-03-12',
  booth: 'A-12',
  teamIds,
  productGroups: ['Pumps', 'Valves'],
  questions: [{ id: 'budget', label: 'Budget', kind: 'choice', options: ['under 10k', '10k or more'] }],
});

const visitor = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'Kovács Anna',
  position: 'Purchasing manager',
  phone: '+36 30 123 4567',
  email: 'anna.kovacs@example.hu',
  companyName: 'Példa Kft',
  city: 'Győr',
  country: 'HU',
  interests: ['Pumps'],
  rating: 'hot',
  answers: { budget: '10k or more' },
  notes: 'wants a quote before April',
  ...patch,
});

const cardPhoto = async (bytes: Uint8Array) => prepareFile(new File([bytes as BlobPart], 'card.jpg', { type: 'image/jpeg' }));

for (const backend of BACKENDS) {
  describeBackend(backend)(`lead capture between laptops (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;
    /** The owner of a record as the server stores it (null for shared records). */
    const ownerOnServer = async (table: string, id: string) =>
      (await test.db.query<{ owner_id: string | null }>(`SELECT owner_id::text AS owner_id FROM records WHERE tbl = $1 AND id = $2::uuid`, [table, id]))[0]?.owner_id;
    const tasksOf = (l: Laptop, leadId: string) => l.db.tasks.where('leadId').equals(leadId).toArray();

    it('an event and two leads captured offline reach the server; another manager gets the event only, the head of sales everything and the photo', async () => {
      const a = await laptop('anna');
      // Offline, never synced: an event, a lead with a next step, a lead with a business-card photo.
      const event = await createEvent(fair('Industry Days 2026', [test.team.anna]), a.db);
      const withTask = await captureLead(visitor({ nextStep: 'call', nextStepOn: '2026-03-20' }), { taskTitle, eventId: event.id }, a.db);
      const content = new Uint8Array(randomBytes(40_000));
      const withPhoto = await captureLead(
        visitor({ personName: 'Nagy Péter', email: 'peter@pelda.hu', phone: '', rating: 'warm', answers: { budget: 'under 10k' } }),
        { taskTitle, eventId: event.id, photo: await cardPhoto(content) },
        a.db,
      );
      expect(withTask).toMatchObject({ ownerId: test.team.anna, capturedBy: test.team.anna, eventId: event.id, phone: '+36301234567', status: 'new' });
      const [task] = await tasksOf(a, withTask.id);
      expect(task).toMatchObject({ ownerId: test.team.anna, kind: 'call', dueOn: '2026-03-20', doneAt: null, title: 'call: Kovács Anna (Példa Kft)' });
      expect(await tasksOf(a, withPhoto.id)).toEqual([]);
      const ref = withPhoto.attachments![0]!;
      expect(ref).toMatchObject({ sha256: sha256(content), mime: 'image/jpeg', size: content.length });

      const run = await a.sync();
      expect(run).toMatchObject({ ok: true, rejected: 0, filesUploaded: 1, pushed: 4 });
      expect(await a.db.outbox.count()).toBe(0);
      expect((await a.db.attachments.get(ref.sha256))?.state).toBe('uploaded');
      // On the server: the event is nobody's (shared), the leads and the task are Anna's.
      expect(await ownerOnServer('events', event.id)).toBeNull();
      for (const [table, id] of [['leads', withTask.id], ['leads', withPhoto.id], ['tasks', task!.id]] as const) expect(await ownerOnServer(table, id)).toBe(test.team.anna);
      expect((await serverRecords(test.db, 'leads')).get(withPhoto.id)).toMatchObject({ rating: 'warm', answers: { budget: 'under 10k' }, attachments: [ref], _deleted: false });

      // Ben, another manager, first sync: the event (shared with the company), none of Anna's leads.
      const b = await laptop('ben');
      await b.sync();
      expect(await b.db.events.get(event.id)).toMatchObject({ name: 'Industry Days 2026', booth: 'A-12', teamIds: [test.team.anna], questions: event.questions });
      expect(await b.db.leads.bulkGet([withTask.id, withPhoto.id])).toEqual([undefined, undefined]);
      expect(await b.db.tasks.get(task!.id)).toBeUndefined();
      const refused = await fetchAttachment(ref, b.transport, b.db).catch((e: unknown) => e);
      expect((refused as SyncFailure).body?.error).toBe('not_found');

      // The head of sales, first sync: the event, both leads as Anna saved them, the task, the photo's bytes.
      const h = await laptop('head');
      await h.sync();
      expect(await h.db.events.get(event.id)).toMatchObject({ name: 'Industry Days 2026' });
      for (const lead of [withTask, withPhoto]) {
        const { updatedAt: _local, ...saved } = (await a.db.leads.get(lead.id))!;
        expect(await h.db.leads.get(lead.id)).toMatchObject(saved);
      }
      expect(await h.db.leads.where('eventId').equals(event.id).count()).toBe(2);
      const { updatedAt: _t, ...savedTask } = task!;
      expect(await h.db.tasks.get(task!.id)).toMatchObject(savedTask);
      expect(await h.db.attachments.count()).toBe(0); // lazily: bytes only when opened
      expect(await bytesOf(await fetchAttachment(ref, h.transport, h.db))).toEqual(content);
      expect((await h.db.attachments.get(ref.sha256))?.state).toBe('downloaded');
    });

    it('an event edited on two laptops: different fields merge, the same field keeps both values in a conflict that both see and one resolves', async () => {
      const a = await laptop('anna');
      const b = await laptop('ben');
      const event = await createEvent(fair('Conflict Expo'), a.db);
      await a.sync();
      await b.sync();
      const onB = (await b.db.events.get(event.id))!;

      // Offline on both: different fields.
      await updateEvent(event.id, { ...event, booth: 'B-7' }, a.db);
      await updateEvent(event.id, { ...onB, venue: 'Hall 2' }, b.db);
      const runs = [await a.sync(), await b.sync(), await a.sync()];
      expect(runs.map((r) => r.conflicts + r.rejected)).toEqual([0, 0, 0]);
      for (const l of [a, b]) expect(await l.db.events.get(event.id)).toMatchObject({ booth: 'B-7', venue: 'Hall 2' });

      // Offline on both: the same field.
      await updateEvent(event.id, { ...(await a.db.events.get(event.id))!, booth: 'C-3' }, a.db);
      await updateEvent(event.id, { ...(await b.db.events.get(event.id))!, booth: 'D-4' }, b.db);
      await a.sync();
      const rb = await b.sync();
      await a.sync();
      expect(rb.conflicts).toBe(1);
      const winner = (await serverRecords(test.db, 'events')).get(event.id)?.booth;
      expect(['C-3', 'D-4']).toContain(winner);
      for (const l of [a, b]) expect((await l.db.events.get(event.id))?.booth).toBe(winner);
      // The conflict of a shared record has no client and no owner: every laptop receives it.
      const [conflict] = await a.db.conflicts.filter((c) => c.recordId === event.id).toArray();
      expect(conflict).toMatchObject({ table: 'events', field: 'booth', clientId: null, status: 'open' });
      expect(conflict!.values.map((v) => v.value).sort()).toEqual(['C-3', 'D-4']);
      expect(conflict!.values.find((v) => v.value === 'C-3')?.userName).toBe('Anna Berger');
      expect(conflict!.values.find((v) => v.value === 'D-4')?.userName).toBe('Ben Okafor');
      expect(await ownerOnServer('conflicts', conflict!.id)).toBeNull();
      expect((await b.db.conflicts.get(conflict!.id))?.status).toBe('open');

      // Anna picks the losing value; the choice and the closed conflict reach Ben.
      const loser = winner === 'C-3' ? 'D-4' : 'C-3';
      await resolveConflict(conflict!.id, loser, test.team.anna, a.db);
      const resolved = await a.sync();
      expect(await a.db.rejected.toArray()).toEqual([]);
      expect(resolved.rejected).toBe(0);
      await b.sync();
      for (const l of [a, b]) {
        expect((await l.db.events.get(event.id))?.booth).toBe(loser);
        expect(await l.db.conflicts.get(conflict!.id)).toMatchObject({ status: 'resolved', resolvedBy: test.team.anna });
      }
      expect((await serverRecords(test.db, 'conflicts')).get(conflict!.id)).toMatchObject({ status: 'resolved' });
    });

    it('a lead edited in the same field on two of its owner’s laptops: a conflict in the owner’s scope, resolved from one laptop', async () => {
      const a = await laptop('anna');
      const a2 = await laptop('anna', 'anna-second');
      const h = await laptop('head');
      const lead = await captureLead(visitor({ personName: 'Edited Twice' }), { taskTitle, eventId: null }, a.db);
      await a.sync();
      await a2.sync();
      await updateLead(lead.id, visitor({ personName: 'Edited Twice', notes: 'call after 3 pm' }), a.db);
      await updateLead(lead.id, visitor({ personName: 'Edited Twice', notes: 'prefers email' }), a2.db);
      await a.sync();
      expect((await a2.sync()).conflicts).toBe(1);
      await a.sync();
      await h.sync();
      const [conflict] = await a.db.conflicts.filter((c) => c.recordId === lead.id).toArray();
      expect(conflict).toMatchObject({ table: 'leads', field: 'notes', status: 'open' });
      expect(await ownerOnServer('conflicts', conflict!.id)).toBe(test.team.anna);
      expect((await h.db.conflicts.get(conflict!.id))?.status).toBe('open'); // the head sees her team's conflicts

      await resolveConflict(conflict!.id, 'call after 3 pm, or email', test.team.anna, a.db);
      expect((await a.sync()).rejected).toBe(0);
      await a2.sync();
      await h.sync();
      for (const l of [a, a2, h]) {
        expect((await l.db.leads.get(lead.id))?.notes).toBe('call after 3 pm, or email');
        expect((await l.db.conflicts.get(conflict!.id))?.status).toBe('resolved');
      }
    });

    it('a manager hands a lead to a colleague: it reaches the colleague with its open task and photo, and leaves the giver’s laptop', async () => {
      const a = await laptop('anna');
      const b = await laptop('ben');
      await a.sync(); // the team comes with the first sync: assigning needs to know the colleagues
      await b.sync();
      const content = new Uint8Array(randomBytes(5_000));
      const lead = await captureLead(visitor({ personName: 'Handed Over', nextStep: 'visit', nextStepOn: '2026-04-02' }), { taskTitle, eventId: null, photo: await cardPhoto(content) }, a.db);
      const [task] = await tasksOf(a, lead.id);
      await a.sync();

      await assignLeads([lead.id], test.team.ben, a.db);
      const handed = await a.sync();
      expect(handed).toMatchObject({ rejected: 0, pushed: 2 });
      expect(await ownerOnServer('leads', lead.id)).toBe(test.team.ben);
      expect(await ownerOnServer('tasks', task!.id)).toBe(test.team.ben);

      // Ben (who synced before) receives both through pull, as his, and can open the photo.
      await b.sync();
      expect(await b.db.leads.get(lead.id)).toMatchObject({ personName: 'Handed Over', ownerId: test.team.ben, capturedBy: test.team.anna, status: 'new' });
      expect(await b.db.tasks.get(task!.id)).toMatchObject({ ownerId: test.team.ben, leadId: lead.id, doneAt: null, dueOn: '2026-04-02' });
      expect(await bytesOf(await fetchAttachment(lead.attachments![0]!, b.transport, b.db))).toEqual(content);

      // Anna's laptop lets go in the same sync: the lead, its open task and the photo's bytes.
      expect(await a.db.leads.get(lead.id)).toBeUndefined();
      expect(await a.db.tasks.get(task!.id)).toBeUndefined();
      expect(await a.db.attachments.get(lead.attachments![0]!.sha256)).toBeUndefined();
      // Ben's later changes are his alone; nothing comes back to Anna.
      await discardLead(lead.id, 'a competitor', b.db);
      await b.sync();
      await a.sync();
      expect(await a.db.leads.get(lead.id)).toBeUndefined();
      expect((await serverRecords(test.db, 'leads')).get(lead.id)).toMatchObject({ status: 'discarded', discardReason: 'a competitor' });

      // The existing rule stands: a manager may hand over a lead, not reassign a client.
      const client = await createClient(clientInput(test.team.anna, { name: 'Stays Annas Kft' }), a.db);
      await a.sync();
      await updateClient(client.id, inputOf({ ...(await a.db.clients.get(client.id))!, ownerId: test.team.ben }), a.db);
      const moved = await a.sync();
      expect(moved.rejected).toBe(1);
      expect(await a.db.rejected.filter((r) => r.recordId === client.id).toArray()).toEqual([expect.objectContaining({ reason: 'not_permitted', field: 'ownerId' })]);
      expect(await ownerOnServer('clients', client.id)).toBe(test.team.anna);
    });

    it('the head of sales assigns a team member’s lead to another manager: the new owner gets it with its task, the old owner’s laptop lets go', async () => {
      const a = await laptop('anna');
      const b = await laptop('ben');
      const h = await laptop('head');
      const lead = await captureLead(visitor({ personName: 'Reassigned By Head', nextStep: 'send_offer', nextStepOn: '2026-03-25' }), { taskTitle, eventId: null }, a.db);
      const [task] = await tasksOf(a, lead.id);
      await a.sync();
      await b.sync();
      await h.sync();
      expect(await b.db.leads.get(lead.id)).toBeUndefined();

      await assignLeads([lead.id], test.team.ben, h.db);
      expect(await h.sync()).toMatchObject({ rejected: 0, pushed: 2 });
      await b.sync();
      await a.sync();
      await h.sync();
      expect(await b.db.leads.get(lead.id)).toMatchObject({ ownerId: test.team.ben, personName: 'Reassigned By Head' });
      expect(await b.db.tasks.get(task!.id)).toMatchObject({ ownerId: test.team.ben, kind: 'send_offer' });
      expect(await h.db.leads.get(lead.id)).toMatchObject({ ownerId: test.team.ben });
      expect(await h.db.tasks.get(task!.id)).toMatchObject({ ownerId: test.team.ben });
      expect(await a.db.leads.get(lead.id)).toBeUndefined();
      expect(await a.db.tasks.get(task!.id)).toBeUndefined();
    });

    it('a lead given to someone who is not an active user is refused (not_permitted) and kept on the laptop as a rejected change', async () => {
      await createUser(test.db, { login: 'carol', displayName: 'Carol Left', role: 'manager', password: PASSWORD }, FAST_HASH);
      const a = await laptop('anna');
      await a.sync();
      const carol = (await a.db.team.toArray()).find((m) => m.name === 'Carol Left')!;
      expect(carol).toBeDefined();
      const lead = await captureLead(visitor({ personName: 'To A Leaver', nextStep: 'call', nextStepOn: '2026-03-30' }), { taskTitle, eventId: null }, a.db);
      const [task] = await tasksOf(a, lead.id);
      await a.sync();
      // Carol leaves the company after Anna's laptop learnt the team.
      await test.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1::uuid`, [carol.id]);
      await assignLeads([lead.id], carol.id, a.db);
      const run = await a.sync();
      expect(run.rejected).toBe(2);
      const rejected = await a.db.rejected.toArray();
      expect(rejected.map((r) => [r.table, r.recordId, r.reason, r.field])).toEqual(
        expect.arrayContaining([
          ['leads', lead.id, 'not_permitted', 'ownerId'],
          ['tasks', task!.id, 'not_permitted', 'ownerId'],
        ]),
      );
      expect(await ownerOnServer('leads', lead.id)).toBe(test.team.anna);
      expect(await ownerOnServer('tasks', task!.id)).toBe(test.team.anna);

      // A new lead pushed with an owner id that is nobody's (the app never sends one).
      const x = await laptop('anna', 'anna-raw');
      await captureLead(visitor({ personName: 'Nobody Owns Me' }), { taskTitle, eventId: null }, x.db);
      const batch = (await takePushBatch(10, x.db))!;
      const op = batch.ops[0]!;
      expect(op.table).toBe('leads');
      op.fields.ownerId = { ...op.fields.ownerId!, value: randomUUID() };
      const { value } = await x.transport.post<PushResponse>('/api/sync/push', { schemaVersion: SYNC_SCHEMA_VERSION, fromSeq: batch.fromSeq, toSeq: batch.toSeq, ops: batch.ops });
      expect(value.results).toEqual([expect.objectContaining({ table: 'leads', id: op.id, status: 'rejected', reason: 'not_permitted', field: 'ownerId' })]);
      expect((await serverRecords(test.db, 'leads')).has(op.id)).toBe(false);
    });

    it('a delegation ends: the substitute’s laptop drops the colleague’s clients, leads and tasks', async () => {
      const a = await laptop('anna');
      const client = await createClient(clientInput(test.team.anna, { name: 'Delegated Kft' }), a.db);
      const lead = await captureLead(visitor({ personName: 'Delegated Lead', nextStep: 'call', nextStepOn: '2026-03-21' }), { taskTitle, eventId: null }, a.db);
      const [task] = await tasksOf(a, lead.id);
      await a.sync();
      const today = new Date().toISOString().slice(0, 10);
      await test.db.query(`INSERT INTO delegations (from_user, to_user, starts_on, ends_on) VALUES ($1::uuid, $2::uuid, $3::date, $3::date)`, [test.team.anna, test.team.ben, today]);
      const b = await laptop('ben');
      await b.sync();
      expect(await b.db.clients.get(client.id)).toBeDefined();
      expect(await b.db.leads.get(lead.id)).toMatchObject({ ownerId: test.team.anna });
      expect(await b.db.tasks.get(task!.id)).toBeDefined();

      await test.db.query(`DELETE FROM delegations WHERE from_user = $1::uuid AND to_user = $2::uuid`, [test.team.anna, test.team.ben]);
      await b.sync();
      expect(await b.db.clients.get(client.id)).toBeUndefined();
      expect(await b.db.leads.get(lead.id)).toBeUndefined();
      expect(await b.db.tasks.get(task!.id)).toBeUndefined();
    });

    it('a laptop that synced before an event existed receives it, and its later edits, through pull (no snapshot)', async () => {
      const b = await laptop('ben');
      await b.sync();
      const a = await laptop('anna');
      await a.sync();
      const event = await createEvent(fair('Later Fair'), a.db);
      await a.sync();

      b.log.length = 0;
      await b.sync();
      expect(b.log.filter((r) => r.includes('/snapshot'))).toEqual([]);
      expect(await b.db.events.get(event.id)).toMatchObject({ name: 'Later Fair', city: 'Budapest' });

      await updateEvent(event.id, { ...event, name: 'Later Fair (renamed)', endsOn: '2026-03-13' }, a.db);
      await a.sync();
      await b.sync();
      expect(await b.db.events.get(event.id)).toMatchObject({ name: 'Later Fair (renamed)', endsOn: '2026-03-13' });
    });
  });
}
