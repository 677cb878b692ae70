/**
 * Sync between laptops through the company server, on both database backends: offline edits on
 * two laptops, conflicts, lost answers and requests, clocks a day off, revoked devices, clients
 * reassigned between syncs, and refused changes. Real laptop code, real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient, createContact, updateClient, updateContact } from '../../renderer/src/data/clients/commands';
import { resolveConflict } from '../../renderer/src/data/sync/conflicts';
import { rowsFromRecords } from '../../renderer/src/data/clients/list-snapshot';
import { continueOutboxOnNewDevice, serverStampsOf, setDeviceClock } from '../../renderer/src/data/sync/outbox';
import { openPostgres } from '../../server/db/postgres';
import { SEQUENCE_LOCK } from '../../server/sync/records';
import { runSync, type SyncProgress } from '../../renderer/src/sync/engine';
import { FAST_HASH, PASSWORD, clientInput, inputOf, serverRecords, useSyncServer } from './harness';
import { createUser } from '../../server/auth/users';
import { runCli } from '../../server/cli';
import { io } from '../../server/test/admin-helpers';

const DAY = 86_400_000;

/**
 * Two laptops' edits in the same millisecond are ordered by their random HLC node ids, not by
 * which came first: a test that expects the later edit to win makes sure it is later.
 */
const laterMillisecond = () => new Promise((done) => setTimeout(done, 3));

for (const backend of BACKENDS) {
  describeBackend(backend)(`two laptops syncing through the server (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('different fields edited offline on each laptop: both edits kept everywhere', async () => {
      const a = await laptop('anna');
      const b = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Both Edits Kft' }), a.db);
      await a.sync();
      await b.sync();
      expect((await b.db.clients.get(c.id))?.name).toBe('Both Edits Kft');
      // The team comes with the sync: owners have names on every laptop.
      expect((await b.db.team.toArray()).map((m) => m.name)).toEqual(expect.arrayContaining(['Anna Berger', 'Helena Head', 'Ben Okafor']));

      // Offline: each laptop changes a different field.
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, notes: 'met at the fair' }), a.db);
      await updateClient(c.id, inputOf({ ...(await b.db.clients.get(c.id))!, discountPct: 12, language: 'en' }), b.db);
      const ra = await a.sync();
      const rb = await b.sync();
      await a.sync();
      expect(ra.rejected + rb.rejected + ra.conflicts + rb.conflicts).toBe(0);
      for (const l of [a, b]) {
        const got = await l.db.clients.get(c.id);
        expect(got).toMatchObject({ notes: 'met at the fair', discountPct: 12, language: 'en' });
        expect(await l.db.outbox.count()).toBe(0);
      }
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ notes: 'met at the fair', discountPct: 12, language: 'en' });
    });

    it('an address changed on one laptop and a note on the other: the note’s laptop does not send the address back', async () => {
      const a = await laptop('anna');
      const b = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Moved Office GmbH' }), a.db);
      await a.sync();
      await b.sync(); // b's copy comes back from PostgreSQL, each address's keys in jsonb's order
      const moved = { ...c.addresses[0]!, street: 'Neue Straße 5' };
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, addresses: [moved] }), a.db);
      await updateClient(c.id, inputOf({ ...(await b.db.clients.get(c.id))!, notes: 'Moved in November' }), b.db);
      expect((await b.db.outbox.toArray()).map((e) => Object.keys(e.fields))).toEqual([['notes']]);
      const ra = await a.sync();
      const rb = await b.sync();
      await a.sync();
      expect(ra.conflicts + rb.conflicts).toBe(0);
      for (const l of [a, b]) expect(await l.db.clients.get(c.id)).toMatchObject({ notes: 'Moved in November', addresses: [expect.objectContaining({ street: 'Neue Straße 5' })] });
      expect(await b.db.conflicts.count()).toBe(0);
    });

    it('a laptop’s own changes do not come back in its pull; its next edit of them is not a conflict', async () => {
      const a = await laptop('anna');
      const b = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Quiet Echo Oy' }), a.db);
      const contact = await createContact(c.id, { name: 'Aino Virtanen', position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, a.db);
      await a.sync();
      await b.sync();
      const values = { name: 'Aino Virtanen', phones: [], emails: [], birthday: '', decisionRole: 'user' as const, notes: '' };

      // Edited twice on the same laptop, with a sync after each: sequential edits, nothing pulled back.
      for (const [notes, position] of [['first visit', 'Head buyer'], ['second visit', 'Purchasing director']] as const) {
        await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, notes }), a.db);
        await updateContact(contact, { ...values, position }, a.db);
        const run = await a.sync();
        expect(run).toMatchObject({ pushed: 2, applied: 2, conflicts: 0, pulled: 0 });
        const server = (await test.db.query<{ id: string; stamps: Record<string, string> }>(`SELECT id::text AS id, stamps FROM records WHERE id = ANY($1::uuid[])`, [[c.id, contact.id]]));
        expect(await serverStampsOf(a.db, 'clients', c.id, c.id)).toEqual(server.find((r) => r.id === c.id)!.stamps);
        expect(await serverStampsOf(a.db, 'contacts', contact.id, c.id)).toEqual(server.find((r) => r.id === contact.id)!.stamps);
      }
      expect(await test.db.query(`SELECT 1 FROM records WHERE tbl = 'conflicts' AND client_id = $1::uuid`, [c.id])).toHaveLength(0);

      // The other laptop of the same manager does get them.
      const rb = await b.sync();
      expect(rb.pulled).toBe(2);
      expect(await b.db.clients.get(c.id)).toMatchObject({ notes: 'second visit', contacts: [expect.objectContaining({ position: 'Purchasing director' })] });

      // A change made on top of a version the laptop has not pulled yet comes back, with the rest.
      await updateClient(c.id, inputOf({ ...(await b.db.clients.get(c.id))!, discountPct: 9 }), b.db);
      await b.sync();
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, paymentTermsDays: 60 }), a.db);
      const ra = await a.sync();
      expect(ra).toMatchObject({ applied: 1, conflicts: 0, pulled: 1 });
      expect(await a.db.clients.get(c.id)).toMatchObject({ discountPct: 9, paymentTermsDays: 60, notes: 'second visit' });
    });

    it('the same field on both: one deterministic winner everywhere, a conflict the person sees and resolves', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Same Field Zrt' }), a.db);
      await a.sync();
      await h.sync();
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, paymentTermsDays: 45 }), a.db);
      await laterMillisecond();
      await updateClient(c.id, inputOf({ ...(await h.db.clients.get(c.id))!, paymentTermsDays: 60 }), h.db);
      await a.sync();
      const rh = await h.sync();
      await a.sync();
      expect(rh.conflicts).toBe(1);
      // The later edit (the head's) wins on both laptops and the server.
      for (const l of [a, h]) expect((await l.db.clients.get(c.id))?.paymentTermsDays).toBe(60);
      const [conflictA] = await a.db.conflicts.where('clientId').equals(c.id).toArray();
      expect(conflictA).toMatchObject({ field: 'paymentTermsDays', status: 'open', recordId: c.id });
      expect(conflictA!.values.map((v) => v.value).sort()).toEqual([45, 60]);
      expect(conflictA!.values.find((v) => v.value === 45)?.userName).toBe('Anna Berger');
      expect(conflictA!.values.find((v) => v.value === 60)?.userName).toBe('Helena Head');

      // Anna keeps her value; the choice syncs and the conflict closes on the other laptop.
      await resolveConflict(conflictA!.id, 45, test.team.anna, a.db);
      await a.sync();
      await h.sync();
      for (const l of [a, h]) {
        expect((await l.db.clients.get(c.id))?.paymentTermsDays).toBe(45);
        expect((await l.db.conflicts.get(conflictA!.id))?.status).toBe('resolved');
      }
    });

    it('the same contact field on both: the conflict is shown and resolved like a client’s', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Contact Conflict Bhd' }), a.db);
      const contact = await createContact(c.id, { name: 'Nurul Aziz', position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, a.db);
      await a.sync();
      await h.sync();
      const values = { name: 'Nurul Aziz', phones: [], emails: [], birthday: '', decisionRole: 'user' as const, notes: '' };
      await updateContact(contact, { ...values, position: 'Head of purchasing' }, a.db);
      await laterMillisecond();
      await updateContact(contact, { ...values, position: 'Chief buyer' }, h.db);
      await a.sync();
      expect((await h.sync()).conflicts).toBe(1);
      await a.sync();
      const positionOn = async (l: typeof a) => (await l.db.clients.get(c.id))?.contacts?.find((k) => k.id === contact.id)?.position;
      for (const l of [a, h]) expect(await positionOn(l)).toBe('Chief buyer');
      const [conflict] = await a.db.conflicts.where('clientId').equals(c.id).toArray();
      expect(conflict).toMatchObject({ table: 'contacts', recordId: contact.id, field: 'position', status: 'open' });

      await resolveConflict(conflict!.id, 'Head of purchasing', test.team.anna, a.db);
      expect((await a.db.clientRows.get(c.id))?.hay).toContain('head of purchasing');
      await a.sync();
      await h.sync();
      for (const l of [a, h]) {
        expect(await positionOn(l)).toBe('Head of purchasing');
        expect((await l.db.conflicts.get(conflict!.id))?.status).toBe('resolved');
      }
      expect((await serverRecords(test.db, 'contacts')).get(contact.id)).toMatchObject({ position: 'Head of purchasing' });
    });

    it('an answer lost after the server applied a push: the resend is acknowledged, not applied twice', async () => {
      const a = await laptop('anna');
      await a.sync();
      const c = await createClient(clientInput(test.team.anna, { name: 'Lost Answer GmbH' }), a.db);
      await updateClient(c.id, inputOf({ ...c, notes: 'second' }), a.db);
      const seqBefore = (await test.db.query<{ seq: number }>(`SELECT max(seq)::float8 AS seq FROM records`))[0]!.seq;
      a.faults = ['drop-response'];
      expect(await a.trySync()).toBe('offline');
      expect(await a.db.outbox.count()).toBe(2); // still queued: the laptop never heard back
      const run = await a.sync();
      expect(await a.db.outbox.count()).toBe(0);
      expect(run.rejected).toBe(0);
      // Exactly one server change for the client: the resend changed nothing.
      const changes = await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE id = $1::uuid AND seq > $2`, [c.id, seqBefore ?? 0]);
      expect(changes[0]!.n).toBe(1);
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ name: 'Lost Answer GmbH', notes: 'second' });
    });

    it('an answer lost, then more edits: the laptop sends the applied batch again exactly, keeps its refusals, and goes on', async () => {
      const a = await laptop('anna');
      await a.sync();
      const mine = await createClient(clientInput(test.team.anna, { name: 'Lost Answer Two' }), a.db);
      const bens = await createClient(clientInput(test.team.ben, { name: 'Not Annas Either' }), a.db); // refused: Ben's
      a.faults = ['drop-response'];
      expect(await a.trySync()).toBe('offline');
      // Edits made before the next sync join the outbox after the batch the server applied.
      await updateClient(mine.id, inputOf({ ...mine, notes: 'after the lost answer' }), a.db);
      const later = await createClient(clientInput(test.team.anna, { name: 'Made Later' }), a.db);
      const run = await a.sync();
      expect(run.ok).toBe(true);
      expect(await a.db.outbox.count()).toBe(0);
      // The refusal in the batch whose answer was lost still reaches the person.
      expect(await a.db.rejected.toArray()).toMatchObject([{ recordId: bens.id, reason: 'not_permitted' }]);
      const clients = await serverRecords(test.db, 'clients');
      expect(clients.get(mine.id)).toMatchObject({ notes: 'after the lost answer' });
      expect(clients.get(later.id)).toMatchObject({ name: 'Made Later' });
      expect(clients.get(bens.id)).toBeUndefined();
      // The requests: the batch refused as out of sequence, sent again up to the applied number, then the rest.
      const pushes = a.log.filter((l) => l.endsWith('/api/sync/push'));
      expect(pushes.length).toBe(4);
    });

    it('a cursor the server never gave (its data restored from a backup): the laptop fetches its scope again and keeps its unsent changes', async () => {
      const a = await laptop('anna');
      const kept = await createClient(clientInput(test.team.anna, { name: 'Before The Restore' }), a.db);
      await a.sync();
      // As if the company server's database went back in time: this laptop's cursor is now ahead of it.
      const cursor = (await a.db.meta.get('syncCursor'))!.value as { cursor: number };
      await a.db.meta.put({ key: 'syncCursor', value: { ...cursor, cursor: cursor.cursor + 1_000_000 } });
      const unsent = await createClient(clientInput(test.team.anna, { name: 'Typed Since' }), a.db);
      const b = await laptop('anna');
      await b.sync();
      const fromB = await createClient(clientInput(test.team.anna, { name: 'From Another Laptop' }), b.db);
      await b.sync();
      const run = await a.sync();
      expect(run.ok).toBe(true);
      expect(await a.db.outbox.count()).toBe(0);
      expect((await serverRecords(test.db, 'clients')).get(unsent.id)).toMatchObject({ name: 'Typed Since' });
      // The laptop holds what the server has again, the colleague's change included, and its cursor is one the server gave.
      expect(await a.db.clients.get(fromB.id)).toMatchObject({ name: 'From Another Laptop' });
      expect(await a.db.clients.get(kept.id)).toMatchObject({ name: 'Before The Restore' });
      const [{ newest }] = (await test.db.query<{ newest: number }>(`SELECT last_value::float8 AS newest FROM change_seq`)) as [{ newest: number }];
      expect(((await a.db.meta.get('syncCursor'))!.value as { cursor: number }).cursor).toBeLessThanOrEqual(newest);
    });

    it('a request lost on the way, and a pull cut mid-page: the next sync completes with nothing lost', async () => {
      const a = await laptop('anna');
      const b = await laptop('anna');
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await createClient(clientInput(test.team.anna, { name: `Paged ${i}` }), a.db)).id);
      a.faults = ['drop-request'];
      expect(await a.trySync(3)).toBe('offline');
      await a.sync(3);
      await b.sync(3); // first sync: snapshot
      await updateClient(ids[0]!, inputOf({ ...(await a.db.clients.get(ids[0]!))!, notes: 'page test', language: 'ru' }), a.db);
      for (let i = 7; i < 12; i++) ids.push((await createClient(clientInput(test.team.anna, { name: `Paged ${i}` }), a.db)).id);
      await a.sync(3);
      // b: the pull's second page answer is lost; the cursor stays at the last applied page.
      b.faults = ['none', 'drop-response'];
      expect(await b.trySync(3)).toBe('offline');
      await b.sync(3);
      for (const id of ids) expect(await b.db.clients.get(id), id).toBeDefined();
      expect(await b.db.clients.get(ids[0]!)).toMatchObject({ notes: 'page test', language: 'ru' });
    });

    it('a first sync cut mid-snapshot: the next one fetches it again and builds every list row with its contacts', async () => {
      const a = await laptop('anna');
      const ids: string[] = [];
      // Enough clients for more than three snapshot pages of 3, whatever earlier tests left.
      for (let i = 0; i < 10; i++) {
        const c = await createClient(clientInput(test.team.anna, { name: `Snapshot ${i}` }), a.db);
        ids.push(c.id);
        for (const role of ['user', 'decision_maker'] as const) {
          await createContact(c.id, { name: `${role} of ${i}`, position: '', phones: [], emails: [], birthday: '', decisionRole: role, notes: '' }, a.db);
        }
      }
      await a.sync();
      const b = await laptop('anna');
      // Pull (scope), snapshot page 1 and page 2 arrive; page 3's answer is lost.
      b.faults = ['none', 'none', 'none', 'drop-response'];
      expect(await b.trySync(3)).toBe('offline');
      expect((await b.db.meta.get('syncCursor'))?.value).toBeUndefined();
      // The rows of the pages written went to the list (a new list generation) when it was cut.
      expect((await b.db.meta.get('listGeneration'))?.value).toBe(1);
      await b.sync(3);
      // A first sync keeps the rows aside for the list, not written as records (takeInRowsAside),
      // also when it starts again after being cut (here no window's list saved a snapshot): the
      // list is built from the records until its snapshot is saved.
      expect(await b.db.clientRows.count()).toBe(0);
      expect((await b.db.meta.get('listGeneration'))?.value).toBe(2);
      const rows = new Map((await rowsFromRecords(b.db)).map((r) => [r.id, r]));
      for (const [i, id] of ids.entries()) {
        const row = rows.get(id);
        expect(row, id).toMatchObject({ name: `Snapshot ${i}`, primaryContact: `decision_maker of ${i}` });
        expect(row!.hay).toBe((await a.db.clientRows.get(id))!.hay);
      }
      // Later snapshots, into a base that holds clients, write their rows.
      const c = await createClient(clientInput(test.team.anna, { name: 'Later' }), a.db);
      await a.sync();
      await b.sync(3);
      expect((await b.db.clientRows.get(c.id))?.name).toBe('Later');
    });

    it('a first sync shows its progress against the total the snapshot’s first page counts', async () => {
      const a = await laptop('anna');
      for (let i = 0; i < 6; i++) {
        const c = await createClient(clientInput(test.team.anna, { name: `Progress ${i}` }), a.db);
        await createContact(c.id, { name: `Contact ${i}`, position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, a.db);
      }
      await a.sync();
      const b = await laptop('anna');
      const seen: SyncProgress[] = [];
      const run = await runSync({ transport: b.transport, db: b.db, pageSize: 2, onProgress: (p) => seen.push(p) });
      const [before, ...snapshot] = seen.filter((p) => p.phase === 'firstSync');
      // Said before the first page arrives (the server counts meanwhile), with nothing to count yet.
      expect(before).toEqual({ phase: 'firstSync', done: 0, total: null });
      expect(snapshot.length).toBeGreaterThanOrEqual(3); // six clients, pages of two
      // Every record of the snapshot (clients, their contacts, the company's shared records) counted.
      const total = snapshot.at(-1)!.done;
      expect(total).toBe(run.pulled);
      expect(snapshot.map((p) => p.total)).toEqual(snapshot.map(() => total));
      expect(snapshot[0]!.done).toBeLessThan(total);
    });

    it('a snapshot sends each client’s contacts right after the client, never paged on their own', async () => {
      const a = await laptop('anna');
      const made = new Map<string, string[]>();
      for (let i = 0; i < 5; i++) {
        const c = await createClient(clientInput(test.team.anna, { name: `Paged ${i}` }), a.db);
        const contacts: string[] = [];
        for (let k = 0; k < i % 3; k++) {
          contacts.push((await createContact(c.id, { name: `Contact ${i}.${k}`, position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, a.db)).id);
        }
        made.set(c.id, contacts);
      }
      await a.sync();
      const seen: { table: string; id: string; clientId?: unknown }[] = [];
      let after: unknown = null;
      do {
        const res = await test.app.inject({
          method: 'POST',
          url: '/api/sync/snapshot',
          headers: { authorization: `Bearer ${a.token}` },
          payload: { schemaVersion: 3, owners: [test.team.anna], clientIds: [], shared: false, after, limit: 2 },
        });
        expect(res.statusCode).toBe(200);
        const page = res.json<{ records: { table: string; id: string; data: Record<string, unknown> }[]; next: unknown }>();
        expect(page.records[0]?.table).not.toBe('contacts');
        seen.push(...page.records.map((r) => ({ table: r.table, id: r.id, clientId: r.data.clientId })));
        after = page.next;
      } while (after);
      let client = '';
      const got = new Map<string, string[]>();
      for (const r of seen) {
        if (r.table === 'clients') got.set((client = r.id), []);
        else if (r.table === 'contacts') {
          expect(r.clientId).toBe(client);
          got.get(client)!.push(r.id);
        }
      }
      // The server holds other tests' clients too: these five came, each with its contacts.
      for (const [id, contacts] of made) expect(got.get(id)?.sort(), id).toEqual(contacts.sort());
    });

    // Stopping the database server under a push is only possible with a real PostgreSQL: its
    // connection is terminated while the push waits to commit.
    it.runIf(backend === 'postgres')('the server stopped in the middle of a push: nothing half-applied, the resend applies once', async () => {
      const a = await laptop('anna');
      await a.sync();
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await createClient(clientInput(test.team.anna, { name: `Mid-push ${i}` }), a.db)).id);
      const other = openPostgres({ connectionString: test.db.url! });
      let release!: () => void;
      const released = new Promise<void>((done) => (release = done));
      // Another writer holds the sequence lock, so the push stops right before it commits.
      let locked!: () => void;
      const holding = new Promise<void>((done) => (locked = done));
      const holder = other.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
        locked();
        await released;
      });
      // Only then the push: on a busy machine it could otherwise take the lock first and finish.
      await holding;
      const sync = a.trySync();
      let killed = 0;
      try {
        // Bounded by time, not tries: on a busy machine the push may take a while to get there.
        for (const deadline = Date.now() + 20_000; Date.now() < deadline && killed === 0; ) {
          await new Promise((r) => setTimeout(r, 25));
          const rows = await other.query<{ killed: boolean }>(
            `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`,
          );
          killed = rows.filter((r) => r.killed).length;
        }
      } finally {
        // Whatever happened, the lock goes: a holder left behind would stall every later test.
        release();
        await holder;
        await other.close();
      }
      expect(killed).toBe(1);
      expect(await sync).toBe('server_error');
      const server = await serverRecords(test.db, 'clients');
      for (const id of ids) expect(server.has(id)).toBe(false);
      expect(await a.db.outbox.count()).toBe(3);
      const run = await a.sync();
      expect(run.applied).toBe(3);
      const after = await serverRecords(test.db, 'clients');
      for (const id of ids) expect(after.get(id)?.name).toMatch(/^Mid-push/);
    }, 60_000);

    it('a laptop signed in again (a new device) sends its unsent changes from sequence 1: no gap', async () => {
      const a = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Signed In Again Ltd' }), a.db);
      await a.sync();
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, notes: 'typed before signing in again' }), a.db);
      expect((await a.db.outbox.toArray()).map((e) => e.seq)).toEqual([2]);
      await a.signInAgain('anna');
      await continueOutboxOnNewDevice(a.db); // as the app's sign-in does
      expect((await a.db.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
      const run = await a.sync();
      expect(run.rejected).toBe(0);
      expect(await a.db.outbox.count()).toBe(0);
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ notes: 'typed before signing in again' });
    });

    it('a push that skips sequence numbers is refused and changes nothing', async () => {
      const a = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Gap Test' }), a.db);
      const entry = (await a.db.outbox.toArray())[0]!;
      const res = await test.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${a.token}` },
        payload: { schemaVersion: 3, fromSeq: 5, toSeq: 5, ops: [{ table: 'clients', id: c.id, fields: entry.fields }] },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: 'sequence_gap', expectedFromSeq: 1 });
      expect((await serverRecords(test.db, 'clients')).has(c.id)).toBe(false);
      await a.sync(); // the real batch, in order, goes through
      expect((await serverRecords(test.db, 'clients')).has(c.id)).toBe(true);
    });

    it('a laptop clock a day ahead or behind: edits still merge right, and the person is told', async () => {
      const ahead = await laptop('anna');
      const behind = await laptop('head');
      setDeviceClock(ahead.db, () => Date.now() + DAY);
      setDeviceClock(behind.db, () => Date.now() - DAY);
      const c = await createClient(clientInput(test.team.anna, { name: 'Clock Skew Ltd' }), ahead.db);
      const first = await ahead.sync();
      expect(first.clockOffsetMs).toBeLessThan(-DAY + 60_000);
      // The server clamped the future stamps: nothing from this laptop is stamped a day ahead.
      const [stamps] = await test.db.query<{ stamps: Record<string, string> }>(`SELECT stamps FROM records WHERE id = $1::uuid`, [c.id]);
      for (const s of Object.values(stamps!.stamps)) expect(Number(s.slice(0, 15))).toBeLessThan(Date.now() + 10 * 60_000);

      await behind.sync();
      expect(await behind.db.clients.get(c.id)).toBeDefined();
      // The laptop a day behind edits after seeing the value: a sequential edit, it applies.
      await updateClient(c.id, inputOf({ ...(await behind.db.clients.get(c.id))!, notes: 'from behind' }), behind.db);
      const run = await behind.sync();
      expect(run.clockOffsetMs).toBeGreaterThan(DAY - 60_000);
      expect(run.conflicts).toBe(0);
      await ahead.sync();
      expect((await ahead.db.clients.get(c.id))?.notes).toBe('from behind');
      // After the first sync the laptop ahead stamps with the server's time.
      await updateClient(c.id, inputOf({ ...(await ahead.db.clients.get(c.id))!, notes: 'corrected' }), ahead.db);
      const [entry] = await ahead.db.outbox.toArray();
      expect(Math.abs(Number(entry!.fields.notes!.hlc.slice(0, 15)) - Date.now())).toBeLessThan(60_000);
    });

    it('a revoked laptop is told to wipe on its next sync', async () => {
      const a = await laptop('anna');
      await a.sync();
      const { devices } = (await test.app.inject({ method: 'GET', url: '/api/devices', headers: { authorization: `Bearer ${a.token}` } })).json() as { devices: { id: string; current: boolean }[] };
      const lost = devices.find((d) => d.current)!;
      // Anna revokes her lost laptop from her other one.
      const other = await laptop('anna');
      const res = await test.app.inject({ method: 'POST', url: `/api/devices/${lost.id}/revoke`, headers: { authorization: `Bearer ${other.token}` }, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
      expect(await a.trySync()).toBe('device_revoked');
      expect(await other.trySync()).not.toBe('device_revoked');
    });

    it('a client reassigned between two syncs leaves the old owner’s laptop and reaches the new one', async () => {
      const anna = await laptop('anna');
      const ben = await laptop('ben');
      const head = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Reassigned Sdn Bhd' }), anna.db);
      await createContact(c.id, { name: 'Siti Rahman', position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'decision_maker', notes: '' }, anna.db);
      await anna.sync();
      await ben.sync();
      expect(await ben.db.clients.get(c.id)).toBeUndefined(); // not ben's
      await head.sync();
      await updateClient(c.id, inputOf({ ...(await head.db.clients.get(c.id))!, ownerId: test.team.ben }), head.db);
      await head.sync();
      await anna.sync();
      await ben.sync();
      expect(await anna.db.clients.get(c.id)).toBeUndefined();
      expect(await anna.db.looseContacts.where('clientId').equals(c.id).count()).toBe(0);
      expect((await ben.db.clients.get(c.id))?.ownerId).toBe(test.team.ben);
      expect((await ben.db.clients.get(c.id))?.contacts).toHaveLength(1);
    });

    it('a manager who left is disabled: their laptop is wiped, their clients stay in the head of sales’ sight and are handed over', async () => {
      const tess = await createUser(test.db, { login: 'tess', displayName: 'Tess Left', role: 'manager', head: 'head', password: PASSWORD }, FAST_HASH);
      const laptopOfTess = await laptop('tess');
      const c = await createClient(clientInput(tess.id, { name: 'Left Behind Ltd' }), laptopOfTess.db);
      await laptopOfTess.sync();
      const disabled = io();
      expect(await runCli(['disable-user', '--login', 'tess'], {}, disabled.io, test.db)).toBe(0);
      expect(disabled.out.join('\n')).toContain('1 client still belongs to tess; their head of sales sees them. Hand them over with: assign-client --from tess --to <login>');
      expect(await laptopOfTess.trySync()).toBe('device_revoked');
      const head = await laptop('head');
      await head.sync();
      expect((await head.db.clients.get(c.id))?.name).toBe('Left Behind Ltd');
      // Her name stays on her clients, marked as having left (the app offers her in no picker).
      expect(await head.db.team.get(tess.id)).toMatchObject({ name: 'Tess Left', role: 'manager', left: true });
      expect((await head.db.team.get(test.team.ben))?.left).toBeUndefined();
      const handed = io();
      expect(await runCli(['assign-client', '--from', 'tess', '--to', 'ben'], {}, handed.io, test.db)).toBe(0);
      expect(handed.out.join()).toMatch(/^1 client of tess reassigned to ben/);
      const ben = await laptop('ben');
      await ben.sync();
      expect((await ben.db.clients.get(c.id))?.ownerId).toBe(test.team.ben);
    });

    it('changes the server refuses are kept with the reason: another manager’s client, a company field', async () => {
      const anna = await laptop('anna');
      const ben = await laptop('ben');
      const c = await createClient(clientInput(test.team.ben, { name: 'Not Annas' }), anna.db); // anna creates for ben: refused
      await updateClient(c.id, inputOf({ ...c, notes: 'typed by anna' }), anna.db);
      const run = await anna.sync();
      expect(run.rejected).toBe(1);
      const [rejected] = await anna.db.rejected.toArray();
      expect(rejected).toMatchObject({ recordId: c.id, reason: 'not_permitted' });
      expect(rejected!.fields.notes).toBe('typed by anna');
      await ben.sync();
      expect(await ben.db.clients.get(c.id)).toBeUndefined();
      // A company field sent by hand is refused too (the app never queues one).
      const own = await createClient(clientInput(test.team.anna, { name: 'Own' }), anna.db);
      await anna.sync();
      const res = await test.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${anna.token}` },
        payload: { schemaVersion: 3, fromSeq: 100, toSeq: 100, ops: [{ table: 'clients', id: own.id, fields: { creditLimit: { value: 1, hlc: '001900000000000-00000-aaaaaaaaaaaaaaaa', base: null } } }] },
      });
      // Out of sequence for this device, so refused before anything else.
      expect(res.statusCode).toBe(409);
    });
  });
}
