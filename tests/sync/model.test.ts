/**
 * Model-based randomised sync test: three laptops (two of one manager, one of her head of
 * sales) make random offline creates, edits, deletes and undeletes (and set the event a client
 * and contact were met at) and sync with random lost
 * requests and answers, over 200 seeded schedules. After a final sync every laptop equals the
 * server, and no write the server acknowledged is missing: its stamp was only ever overtaken by
 * a later write, and a concurrent loser sits in a conflict record.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sameValue } from '../../core/sync/merge';
import type { PushRequest, PushResponse } from '../../core/sync/protocol';
import { buildApp } from '../../server/app';
import { BACKENDS, describeBackend, useTestDatabase } from '../../server/test/backends';
import { carryLeadOrigin, createClient, createContact, deleteClient, undeleteClient, updateClient } from '../../renderer/src/data/clients/commands';
import { serverStampsOf } from '../../renderer/src/data/sync/outbox';
import { SYNCED_TABLES } from '../../core/sync/tables';
import { Laptop, clientInput, createTeam, inputOf, type Fault, type TeamIds } from './harness';

const SCHEDULES = Number(process.env.SYNC_MODEL_SCHEDULES ?? 200);
const STEPS = 24;

/** mulberry32: a small seeded generator, so a failing schedule can be replayed by its number. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

interface Acked {
  table: string;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
  conflicted: boolean;
}

/** Records each write the server acknowledged (answers that were lost are not acknowledgements). */
function trackAcks(laptop: Laptop, acked: Acked[]): void {
  const post = laptop.transport.post.bind(laptop.transport);
  (laptop as { transport: Laptop['transport'] }).transport = {
    ...laptop.transport,
    post: async <T>(path: string, body: unknown) => {
      const answer = await post<T>(path, body);
      if (path === '/api/sync/push') {
        const req = body as PushRequest;
        const res = answer.value as unknown as PushResponse;
        if (res.outcome === 'applied') {
          res.results.forEach((r) => {
            if (r.status === 'rejected') return;
            const op = req.ops.find((o) => o.table === r.table && o.id === r.id)!;
            for (const [field, w] of Object.entries(op.fields)) {
              acked.push({ table: op.table, id: op.id, field, value: w.value, hlc: w.hlc, conflicted: r.lostFields?.includes(field) ?? false });
            }
          });
        }
      }
      return answer;
    },
  };
}

const EDITS: { field: 'name' | 'notes' | 'discountPct' | 'paymentTermsDays' | 'status' | 'tags' | 'language'; values: unknown[] }[] = [
  { field: 'name', values: ['Alfa Kft', 'Альфа ООО', 'अल्फा ट्रेडर्स', 'Alpha Ltd'] },
  { field: 'notes', values: ['', 'call back', 'met at fair', 'sent offer'] },
  { field: 'discountPct', values: [0, 5, 7.5, 12] },
  { field: 'paymentTermsDays', values: [0, 14, 30, 60] },
  { field: 'status', values: ['lead', 'prospect', 'active', 'key'] },
  { field: 'tags', values: [[], ['vip'], ['fair-2026'], ['vip', 'export']] },
  // The language offers are printed in; 'pt-BR' as a newer laptop may have chosen it, kept as it is.
  { field: 'language', values: ['en', 'hu', 'ru', 'pt-BR'] },
];

/** Events a client or contact may have been met at (`eventId`, set by a converted or attached lead). */
const MET_AT = ['6f1c9a52-3a43-4f0e-9a43-0a3e5d1b2c01', '6f1c9a52-3a43-4f0e-9a43-0a3e5d1b2c02'];

const syncedClientFields = Object.keys(SYNCED_TABLES.clients.fields).filter((f) => f !== '_deleted');
const syncedContactFields = Object.keys(SYNCED_TABLES.contacts.fields).filter((f) => f !== '_deleted');
const pick = (record: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

for (const backend of BACKENDS) {
  describeBackend(backend)(`model-based sync (${backend})`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    let team: TeamIds;

    beforeAll(async () => {
      team = await createTeam(test.db);
      app = await buildApp({ db: test.db });
    });
    afterAll(async () => app?.close());

    async function runSchedule(seed: number): Promise<void> {
      await test.db.query(`TRUNCATE records, record_moves, device_sync`);
      const r = rng(seed);
      const laptops = [await Laptop.signIn(app, 'anna', 'anna-1'), await Laptop.signIn(app, 'anna', 'anna-2'), await Laptop.signIn(app, 'head', 'head')];
      const acked: Acked[] = [];
      laptops.forEach((l) => trackAcks(l, acked));
      try {
        for (let step = 0; step < STEPS; step++) {
          const l = r.pick(laptops);
          const roll = r.next();
          const local = await l.db.clients.toArray();
          if (roll < 0.15 || local.length === 0) {
            await createClient(clientInput(team.anna, { name: `Client ${seed}-${step}` }), l.db);
          } else if (roll < 0.5) {
            const c = r.pick(local);
            const edit = r.pick(EDITS);
            await updateClient(c.id, inputOf({ ...c, [edit.field]: r.pick(edit.values) }), l.db);
          } else if (roll < 0.57) {
            await deleteClient(r.pick(local).id, l.db);
          } else if (roll < 0.62) {
            const trash = await l.db.trash.toArray();
            if (trash.length) await undeleteClient(r.pick(trash).id, l.db);
          } else if (roll < 0.7) {
            await createContact(r.pick(local).id, { name: `Contact ${step}`, position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, l.db);
          } else if (roll < 0.74) {
            // A lead converted or attached: the client and a contact keep the event they were met at.
            const c = r.pick(local);
            await carryLeadOrigin({ clientId: c.id, contactId: c.contacts?.[0]?.id ?? null }, r.pick(MET_AT), [], l.db);
          } else {
            const faults: Fault[] = ['none', 'none', 'none', 'drop-request', 'drop-response'];
            l.faults = Array.from({ length: r.int(4) }, () => r.pick(faults));
            await l.trySync(r.pick([2, 5, 50]));
            l.faults = [];
          }
        }
        for (let round = 0; round < 3; round++) for (const l of laptops) await l.sync();

        const server = await test.db.query<{ tbl: string; id: string; data: Record<string, unknown>; stamps: Record<string, string> }>(
          `SELECT tbl, id::text AS id, data, stamps FROM records`,
        );
        const live = (tbl: string) => server.filter((s) => s.tbl === tbl && s.data._deleted !== true);
        for (const l of laptops) {
          expect(await l.db.outbox.count(), `seed ${seed}: outbox of ${l.db.name}`).toBe(0);
          const clients = await l.db.clients.toArray();
          const extra = clients.filter((c) => !live('clients').some((s) => s.id === c.id));
          if (extra.length && process.env.SYNC_MODEL_DEBUG) {
            console.log(JSON.stringify({ history: await l.db.history.where('clientId').anyOf(extra.map((c) => c.id)).toArray(), stamps: await l.db.stamps.bulkGet(extra.map((c) => `clients/${c.id}`)), extra: extra.map((c) => c.id), server: server.filter((s) => extra.some((c) => c.id === s.id)), rejected: await l.db.rejected.toArray(), trash: await l.db.trash.toArray() }, null, 1));
          }
          expect(clients.map((c) => c.id).sort(), `seed ${seed}: clients on ${l.db.name}`).toEqual(live('clients').map((s) => s.id).sort());
          for (const c of clients) {
            const s = live('clients').find((x) => x.id === c.id)!;
            expect(pick(c as unknown as Record<string, unknown>, syncedClientFields), `seed ${seed}`).toEqual(pick(s.data, syncedClientFields));
            // The stamps the laptop takes as the server's (the base of its next edit) are the
            // server's, whether they came back in a pull or from a quiet push.
            const held = [{ tbl: 'clients' as const, id: c.id }, ...(c.contacts ?? []).map((k) => ({ tbl: 'contacts' as const, id: k.id }))];
            for (const { tbl, id } of held) {
              const stored = server.find((x) => x.tbl === tbl && x.id === id);
              expect(await serverStampsOf(l.db, tbl, id, c.id), `seed ${seed}: server stamps of ${tbl}/${id} on ${l.db.name}`).toEqual(stored?.stamps);
            }
          }
          // Contacts are stored inside their clients: those of the clients here (a deleted client's
          // stay with it in the trash, as on the server, where they are not deleted with it).
          const contacts = clients.flatMap((c) => c.contacts ?? []);
          const here = new Set(clients.map((c) => c.id));
          expect(contacts.map((c) => c.id).sort(), `seed ${seed}: contacts`).toEqual(live('contacts').filter((s) => here.has(String(s.data.clientId))).map((s) => s.id).sort());
          for (const c of contacts) {
            const s = live('contacts').find((x) => x.id === c.id)!;
            expect(pick(c as unknown as Record<string, unknown>, syncedContactFields), `seed ${seed}`).toEqual(pick(s.data, syncedContactFields));
          }
        }
        // No acknowledged write is missing.
        for (const a of acked) {
          const s = server.find((x) => x.tbl === a.table && x.id === a.id);
          expect(s, `seed ${seed}: acknowledged ${a.table}/${a.id}`).toBeDefined();
          const stamp = s!.stamps[a.field] ?? s!.stamps['*']!;
          expect(stamp >= a.hlc, `seed ${seed}: ${a.field} of ${a.id} went back in time`).toBe(true);
          if (stamp === a.hlc) expect(sameValue(s!.data[a.field], a.value), `seed ${seed}: ${a.field} of ${a.id}`).toBe(true);
          if (a.conflicted && !sameValue(s!.data[a.field], a.value)) {
            const kept = server.some(
              (x) => x.tbl === 'conflicts' && x.data.recordId === a.id && x.data.field === a.field && (x.data.values as { value: unknown }[]).some((v) => sameValue(v.value, a.value)),
            );
            expect(kept, `seed ${seed}: the losing value of ${a.field} of ${a.id} is kept in a conflict`).toBe(true);
          }
        }
      } finally {
        await Promise.all(laptops.map((l) => l.close()));
      }
    }

    it(`${SCHEDULES} random schedules: every laptop ends equal to the server, no acknowledged write lost`, async () => {
      const first = Number(process.env.SYNC_MODEL_FIRST ?? 1);
      for (let seed = first; seed < first + SCHEDULES; seed++) await runSchedule(seed);
    }, 600_000);
  });
}
