/**
 * The holes the security review found in push, each as the attack it was, on both database
 * backends (issue "The company server trusts the laptop too much"): an id in upper case taken
 * for a new record, an approval limit read from the record, authorship in a colleague's name,
 * clients moved where assign-client refuses, one bad value blocking a laptop, values stored
 * as sent, whole-record rules, sequence numbers and cursors from the future.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createUser } from '../auth/users';
import { formatHlc } from '../../core/sync/hlc';
import { priceOffer, buildPricingCatalog, clientTerms } from '../../core/pricing/price';
import { SCREWS, testGroups, testPrices, testProducts } from '../../core/offers/test-catalog';
import { blankClientInput, type Client } from '../../core/client-model';
import type { OpResult, PushResponse } from '../../core/sync/protocol';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { bulkInsertRows, serverStamp } from './records';
import { mixed, seedCatalog, upper, uuid } from '../test/push-fixtures';
import type { SqlDb } from '../db/sql-db';

const FAST = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'push security pw';
const now = () => new Date().toISOString();

type Fields = Record<string, unknown>;
type Op = { table: string; id: string; fields: Fields };

/** A signed-in laptop talking to the server through inject, numbering its batches as the app does. */
class Device {
  seq = 0;
  private counter = 0;
  /** The stamp of each field this device wrote last and the server took: the `base` of its next edit, as the app keeps it. */
  private readonly wrote = new Map<string, string>();
  /** The stamps of the last batch made, by record, until its answer says which the server took. */
  private pending = new Map<string, [string, string][]>();
  constructor(
    readonly app: FastifyInstance,
    readonly token: string,
    readonly userId: string,
    private readonly node = Math.floor(Math.random() * 2 ** 48).toString(16).padStart(16, '0'),
  ) {}

  hlc(): string {
    return formatHlc({ wall: Date.now(), counter: this.counter++ % 90_000, node: this.node });
  }

  /** The push request of `ops` as the next batch (values written with fresh stamps). */
  batch(ops: Op[], extra: Record<string, unknown> = {}) {
    const fromSeq = this.seq + 1;
    const toSeq = this.seq + ops.length;
    this.pending = new Map();
    return {
      schemaVersion: 3,
      fromSeq,
      toSeq,
      ops: ops.map((o) => ({
        table: o.table,
        id: o.id,
        fields: Object.fromEntries(
          Object.entries(o.fields).map(([f, value]) => {
            const key = `${o.table}/${o.id.toLowerCase()}/${f}`;
            const write = { value, hlc: this.hlc(), base: this.wrote.get(key) ?? null };
            const record = `${o.table}/${o.id.toLowerCase()}`;
            this.pending.set(record, [...(this.pending.get(record) ?? []), [key, write.hlc]]);
            return [f, write];
          }),
        ),
      })),
      ...extra,
    };
  }

  /** Sends a push request as it is; an applied batch's stamps become the bases of the next edits. */
  async send(body: unknown) {
    const res = await this.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
    if (res.statusCode === 200 && (res.json() as PushResponse).outcome === 'applied') {
      for (const r of (res.json() as PushResponse).results) if (r.status !== 'rejected') for (const [key, hlc] of this.pending.get(`${r.table}/${r.id}`) ?? []) this.wrote.set(key, hlc);
    }
    return res;
  }

  /** Pushes `ops` as the next batch and returns each operation's result (the batch must be taken). */
  async push(...ops: Op[]): Promise<OpResult[]> {
    const res = await this.send(this.batch(ops));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PushResponse;
    this.seq = body.lastSeq;
    return body.results;
  }

  async pull(cursor: number) {
    return this.app.inject({ method: 'POST', url: '/api/sync/pull', headers: { authorization: `Bearer ${this.token}` }, payload: { schemaVersion: 3, cursor, scopeHash: '' } });
  }
}

const clientFields = (ownerId: string, extra: Fields = {}): Fields => {
  const { ...input } = blankClientInput(ownerId);
  return { ...input, name: 'Client', status: 'active', createdAt: now(), archivedAt: null, _deleted: false, ...extra };
};
const contactFields = (clientId: string, extra: Fields = {}): Fields => ({
  name: 'Person',
  position: '',
  phones: [],
  emails: [],
  birthday: '',
  decisionRole: 'user',
  notes: '',
  clientId,
  createdAt: now(),
  archivedAt: null,
  _deleted: false,
  ...extra,
});
const offerFields = (clientId: string, ownerId: string, extra: Fields = {}): Fields => ({
  clientId,
  leadId: null,
  ownerId,
  number: `T-${Math.random().toString(36).slice(2, 8)}`,
  version: 1,
  previousVersionId: null,
  status: 'draft',
  currency: 'EUR',
  pricesIncludeVat: false,
  lines: [],
  terms: { validUntil: '2027-01-31', delivery: '', payment: '', specialConditions: '', notes: '' },
  history: [{ status: 'draft', at: now(), by: ownerId, comment: '' }],
  createdAt: now(),
  _deleted: false,
  ...extra,
});
const leadFields = (ownerId: string, extra: Fields = {}): Fields => ({
  personName: 'Visitor',
  position: '',
  phone: '',
  email: '',
  companyName: '',
  city: '',
  country: '',
  interests: [],
  rating: null,
  answers: {},
  notes: '',
  nextStep: null,
  nextStepOn: '',
  ownerId,
  eventId: null,
  status: 'new',
  clientId: null,
  contactId: null,
  discardReason: '',
  capturedBy: ownerId,
  capturedAt: now(),
  createdAt: now(),
  _deleted: false,
  ...extra,
});
const eventFields = (extra: Fields = {}): Fields => ({
  name: 'Fair',
  kind: 'trade_fair',
  venue: '',
  city: '',
  startsOn: '2027-03-01',
  endsOn: '2027-03-03',
  booth: '',
  teamIds: [],
  productGroups: [],
  questions: [],
  createdAt: now(),
  archivedAt: null,
  _deleted: false,
  ...extra,
});

async function stored(db: SqlDb, table: string, id: string) {
  const [row] = await db.query<{ id: string; owner_id: string | null; data: Fields }>(
    `SELECT id::text AS id, owner_id::text AS owner_id, data FROM records WHERE tbl = $1 AND id = $2::uuid`,
    [table, id],
  );
  return row;
}
const countOf = async (db: SqlDb, table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE tbl = $1`, [table]))[0]!.n);

/** An offer line of screws priced by the pricing engine from the test catalog for a retail client. */
function screwsLine(clientId: string, manualDiscountBp: number) {
  const catalog = buildPricingCatalog({ products: testProducts, priceList: testPrices, groupDiscounts: [], groups: testGroups });
  const client = { id: clientId, priceType: 'retail', discountPct: 0 } as Pick<Client, 'id' | 'priceType' | 'discountPct'>;
  const line = { id: 'l1', productId: SCREWS, sku: 'SCR-4x40', name: 'Wood screws 4×40, box of 200', qty: 2, unit: 'box', manualDiscountBp, pricing: null, stockNote: '' };
  const priced = priceOffer({ from: 'catalog', catalog, client: clientTerms(client), currency: 'EUR', pricesIncludeVat: false, lines: [line], discountLimitBp: 0, now: now() });
  const result = priced.lines[0]!;
  if (result.status !== 'priced') throw new Error('test catalog does not price screws');
  return { ...line, pricing: result.pricing };
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`push trusts the laptop no further than it should (${backend})`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    const ids: Record<string, string> = {};
    const signIn = async (login: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD, deviceName: `${login}'s laptop` } });
      expect(res.statusCode, res.body).toBe(200);
      return new Device(app, res.json().token as string, ids[login]!);
    };

    beforeAll(async () => {
      const make = async (login: string, role: 'manager' | 'head_of_sales' | 'admin', extra: { head?: string; discountLimitPct?: number } = {}) => {
        ids[login] = (await createUser(test.db, { login, displayName: login, role, password: PASSWORD, ...extra }, FAST)).id;
      };
      await make('head', 'head_of_sales', { discountLimitPct: 25 });
      await make('anna', 'manager', { head: 'head', discountLimitPct: 10 });
      await make('ben', 'manager', { head: 'head', discountLimitPct: 10 });
      await make('gone', 'manager', { head: 'head' });
      await make('root', 'admin', { discountLimitPct: 25 });
      await test.db.query(`UPDATE users SET disabled_at = now() WHERE login = 'gone'`);
      app = await buildApp({ db: test.db });
      await seedCatalog(test.db);
    });
    afterAll(async () => app?.close());

    it('an id in upper case is the same record: Anna cannot take, move or rewrite what is Ben’s', async () => {
      const ben = await signIn('ben');
      const anna = await signIn('anna');
      const client = uuid();
      const contact = uuid();
      const offer = uuid();
      expect(await ben.push({ table: 'clients', id: client, fields: clientFields(ben.userId) }, { table: 'contacts', id: contact, fields: contactFields(client) })).toMatchObject([
        { status: 'applied' },
        { status: 'applied' },
      ]);
      expect(await ben.push({ table: 'offers', id: offer, fields: offerFields(client, ben.userId, { status: 'sent' }) })).toMatchObject([{ status: 'applied' }]);
      // The company's terms for Ben's client, as an import would set them.
      await test.db.query(`UPDATE records SET data = data || '{"creditLimit": 500000, "groupDiscounts": [{"groupId": "a0000000-0000-4000-8000-000000000002", "discountBp": 700}]}'::jsonb WHERE tbl = 'clients' AND id = $1::uuid`, [client]);
      const clientsBefore = await countOf(test.db, 'clients');

      for (const id of [upper(client), mixed(client)]) {
        const [taken] = await anna.push({ table: 'clients', id, fields: { ownerId: anna.userId, name: 'Mine now' } });
        expect(taken).toMatchObject({ status: 'rejected', reason: 'not_permitted', id: client });
        // The whole record, as the review sent it, as a "new" client.
        const [whole] = await anna.push({ table: 'clients', id, fields: clientFields(anna.userId, { name: 'Mine now' }) });
        expect(whole).toMatchObject({ status: 'rejected', id: client });
      }
      const [moved] = await anna.push({ table: 'contacts', id: upper(contact), fields: { name: 'Overwritten' } });
      expect(moved).toMatchObject({ status: 'rejected', reason: 'not_permitted' });
      const [rewritten] = await ben.push({ table: 'offers', id: upper(offer), fields: { terms: { validUntil: '2030-01-01', delivery: 'x', payment: '', specialConditions: '', notes: '' } } });
      expect(rewritten).toMatchObject({ status: 'rejected', reason: 'offer_rule' });
      const [createOnly] = await ben.push({ table: 'clients', id: upper(client), fields: { createdAt: '2000-01-01T00:00:00.000Z' } });
      expect(createOnly).toMatchObject({ status: 'rejected', reason: 'create_only' });

      const after = await stored(test.db, 'clients', client);
      expect(after).toMatchObject({ owner_id: ben.userId, data: { ownerId: ben.userId, name: 'Client', creditLimit: 500000, groupDiscounts: [{ discountBp: 700 }] } });
      expect((await stored(test.db, 'contacts', contact))!.data.name).toBe('Person');
      expect(await countOf(test.db, 'clients')).toBe(clientsBefore);
      // Ben's own edit in upper case reaches his record.
      expect(await ben.push({ table: 'clients', id: mixed(client), fields: { notes: 'edited in mixed case' } })).toMatchObject([{ status: 'applied', id: client }]);
      expect((await stored(test.db, 'clients', client))!.data.notes).toBe('edited in mixed case');
    });

    it('the same record twice in one push, in two cases, is refused whole (400), not a 500', async () => {
      const ben = await signIn('ben');
      const client = uuid();
      await ben.push({ table: 'clients', id: client, fields: clientFields(ben.userId) });
      const res = await ben.send(ben.batch([
        { table: 'clients', id: client, fields: { notes: 'a' } },
        { table: 'clients', id: upper(client), fields: { notes: 'b' } },
      ]));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
    });

    it('ids inside values are canonical too: a contact pushed with its client id in upper case hangs off that client', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      const contact = uuid();
      await anna.push({ table: 'clients', id: client, fields: clientFields(anna.userId) });
      expect(await anna.push({ table: 'contacts', id: upper(contact), fields: contactFields(upper(client)) })).toMatchObject([{ status: 'applied', id: contact }]);
      const row = await stored(test.db, 'contacts', contact);
      expect(row).toMatchObject({ id: contact, owner_id: anna.userId, data: { clientId: client } });
    });

    it('the approval limit is the pushing user’s, never the offer’s owner field', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      await anna.push({ table: 'clients', id: client, fields: clientFields(anna.userId) });
      // 25 %: within the head of sales' limit, above Anna's 10 %.
      for (const named of [ids.head!, ids.ben!]) {
        const offer = uuid();
        const [sent] = await anna.push({ table: 'offers', id: offer, fields: offerFields(client, named, { status: 'sent', lines: [screwsLine(client, 2500)] }) });
        expect(sent).toMatchObject({ status: 'rejected', reason: 'offer_rule', detail: 'needs_approval' });
        expect(await stored(test.db, 'offers', offer)).toBeUndefined();
      }
      // Within her limit it goes out, and the offer is hers whoever it named.
      const offer = uuid();
      expect(await anna.push({ table: 'offers', id: offer, fields: offerFields(client, ids.head!, { status: 'sent', lines: [screwsLine(client, 500)] }) })).toMatchObject([{ status: 'applied' }]);
      expect((await stored(test.db, 'offers', offer))!.data).toMatchObject({ ownerId: anna.userId, status: 'sent', history: [{ by: anna.userId }] });
    });

    it('authorship is whoever pushed: capturer, requester, activity and offer owners, conflict resolver, offer history', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      const lead = uuid();
      const activity = uuid();
      const request = uuid();
      await anna.push({ table: 'clients', id: client, fields: clientFields(anna.userId) });
      const results = await anna.push(
        { table: 'leads', id: lead, fields: leadFields(anna.userId, { capturedBy: ids.ben }) },
        { table: 'activities', id: activity, fields: { clientId: client, contactId: null, kind: 'call', at: now(), subject: 'Call', notes: '', offerId: null, ownerId: ids.head, createdAt: now(), _deleted: false } },
        { table: 'stockRequests', id: request, fields: { clientId: client, productId: SCREWS, sku: 'SCR', productName: 'Screws', qty: 5, neededBy: '2027-01-10', offerId: null, note: '', status: 'open', requestedBy: ids.ben, createdAt: now(), _deleted: false } },
      );
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect((await stored(test.db, 'leads', lead))!.data.capturedBy).toBe(anna.userId);
      expect((await stored(test.db, 'activities', activity))!.data.ownerId).toBe(anna.userId);
      expect((await stored(test.db, 'stockRequests', request))!.data.requestedBy).toBe(anna.userId);
      // Logistics answers a request, not the laptop: a device only opens or cancels it.
      expect(await anna.push({ table: 'stockRequests', id: request, fields: { status: 'done' } })).toMatchObject([{ status: 'rejected', reason: 'company_field', field: 'status' }]);
      expect(await anna.push({ table: 'stockRequests', id: uuid(), fields: { clientId: client, productId: SCREWS, sku: 'SCR', productName: 'Screws', qty: 5, neededBy: '2027-01-10', offerId: null, note: '', status: 'planned', requestedBy: anna.userId, createdAt: now(), _deleted: false } })).toMatchObject([{ status: 'rejected', reason: 'company_field' }]);
      expect(await anna.push({ table: 'stockRequests', id: request, fields: { status: 'cancelled' } })).toMatchObject([{ status: 'applied' }]);
      // Once made, the author stays: a later write naming someone else changes nothing.
      await anna.push({ table: 'leads', id: lead, fields: { capturedBy: ids.ben } });
      expect((await stored(test.db, 'leads', lead))!.data.capturedBy).toBe(anna.userId);

      // An offer's history steps the server does not have are signed by whoever pushed them.
      const offer = uuid();
      const draft = offerFields(client, anna.userId);
      await anna.push({ table: 'offers', id: offer, fields: draft });
      const history = [...(draft.history as object[]), { status: 'awaiting_approval', at: now(), by: ids.head, comment: 'approved by me, the head' }];
      await anna.push({ table: 'offers', id: offer, fields: { history, status: 'awaiting_approval' } });
      const steps = (await stored(test.db, 'offers', offer))!.data.history as { by: string }[];
      expect(steps.map((s) => s.by)).toEqual([anna.userId, anna.userId]);

      // A conflict resolved "by" someone else is resolved by the pusher.
      const conflict = uuid();
      await test.db.transaction((tx) =>
        bulkInsertRows(tx, [
          {
            tbl: 'conflicts',
            id: conflict,
            owner_id: anna.userId,
            client_id: client,
            data: { clientId: client, table: 'clients', recordId: client, field: 'notes', values: [{ value: 'a', hlc: anna.hlc(), userId: anna.userId, userName: 'anna' }, { value: 'b', hlc: anna.hlc(), userId: anna.userId, userName: 'anna' }], status: 'open', resolvedBy: null, resolvedAt: null, createdAt: now(), _deleted: false },
            stamps: { '*': serverStamp() },
            authors: {},
          },
        ]),
      );
      // (The server made the conflict, so this device's write is concurrent with it: applied or merged, never refused.)
      expect((await anna.push({ table: 'conflicts', id: conflict, fields: { status: 'resolved', resolvedBy: ids.head, resolvedAt: now() } }))[0]!.status).not.toBe('rejected');
      expect((await stored(test.db, 'conflicts', conflict))!.data.resolvedBy).toBe(anna.userId);
    });

    it('a push moves a client only where assign-client would: never to a disabled user or an admin', async () => {
      const head = await signIn('head');
      const root = await signIn('root');
      const client = uuid();
      await head.push({ table: 'clients', id: client, fields: clientFields(ids.anna!) });
      for (const [who, to] of [
        [head, ids.gone!],
        [root, ids.gone!],
        [root, ids.root!],
        [head, ids.root!],
      ] as const) {
        expect(await who.push({ table: 'clients', id: client, fields: { ownerId: to } })).toMatchObject([{ status: 'rejected', reason: 'not_permitted', field: 'ownerId' }]);
      }
      expect((await stored(test.db, 'clients', client))!.owner_id).toBe(ids.anna);
      // Nor is a new client made in a disabled user's name, and a lead is handed only to someone who works.
      expect(await head.push({ table: 'clients', id: uuid(), fields: clientFields(ids.gone!) })).toMatchObject([{ status: 'rejected', reason: 'not_permitted' }]);
      const anna = await signIn('anna');
      const lead = uuid();
      await anna.push({ table: 'leads', id: lead, fields: leadFields(anna.userId) });
      expect(await anna.push({ table: 'leads', id: lead, fields: { ownerId: ids.gone } })).toMatchObject([{ status: 'rejected', reason: 'not_permitted' }]);
      expect(await anna.push({ table: 'leads', id: lead, fields: { ownerId: ids.ben } })).toMatchObject([{ status: 'applied' }]);
      // The head still hands a client to a colleague who works.
      expect(await head.push({ table: 'clients', id: client, fields: { ownerId: ids.ben } })).toMatchObject([{ status: 'applied' }]);
    });

    it('one bad value never blocks a laptop: the operation is refused with a reason, the others apply, the next batch follows', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      await anna.push({ table: 'clients', id: client, fields: clientFields(anna.userId) });
      const deep = JSON.parse('['.repeat(10_000) + '"x"' + ']'.repeat(10_000)) as unknown;
      const bad: [string, Op][] = [
        ['a NUL', { table: 'clients', id: client, fields: { notes: 'before\u0000after' } }],
        ['an unpaired surrogate', { table: 'clients', id: client, fields: { notes: 'half \uD83D of an emoji' } }],
        ['a lone low surrogate in a nested value', { table: 'clients', id: client, fields: { tags: ['ok', 'x\uDC00'] } }],
        ['a NUL in a key', { table: 'leads', id: uuid(), fields: leadFields(anna.userId, { answers: { 'q\u0000': 'yes' } }) }],
        ['a clientId that is no uuid', { table: 'contacts', id: uuid(), fields: contactFields("x'); DROP TABLE records; --") }],
        ['10 000 levels deep', { table: 'clients', id: client, fields: { notes: deep } }],
        ['a number beyond 2^53', { table: 'clients', id: client, fields: { paymentTermsDays: 2 ** 60 } }],
        // Names every object inherits: they were looked up as if they were fields (a 500).
        ...['toString', 'constructor', 'hasOwnProperty', 'valueOf'].map((f): [string, Op] => [`a field named ${f}`, { table: 'clients', id: client, fields: { [f]: 'x' } }]),
      ];
      const other = uuid();
      await anna.push({ table: 'clients', id: other, fields: clientFields(anna.userId) });
      for (const [what, op] of bad) {
        const good = { table: 'clients', id: other, fields: { legalName: `after ${what}` } };
        // Built as text: JSON.stringify of the deep value would overflow the test's own stack.
        const body = anna.batch([op, good]);
        const text = what === '10 000 levels deep' ? JSON.stringify({ ...body, ops: [{ ...body.ops[0], fields: { notes: { ...body.ops[0]!.fields.notes, value: '@DEEP@' } } }, body.ops[1]] }).replace('"@DEEP@"', '['.repeat(10_000) + '"x"' + ']'.repeat(10_000)) : JSON.stringify(body);
        const res = await anna.send(text);
        expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBe(200);
        const answer = res.json() as PushResponse;
        anna.seq = answer.lastSeq;
        expect(answer.results[0], what).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/invalid_value|missing_parent|unknown_field/) });
        expect(answer.results[1], what).toMatchObject({ status: 'applied' });
        expect((await stored(test.db, 'clients', other))!.data.legalName).toBe(`after ${what}`);
      }
      expect((await stored(test.db, 'clients', client))!.data).toMatchObject({ notes: '', tags: [], paymentTermsDays: 14 });
    });

    it('stores values as the schema normalises them, and checks whole-record rules as the app does', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      expect(await anna.push({ table: 'clients', id: client, fields: clientFields(anna.userId, { name: '   Acme Ltd   ', tags: [' vip '] }) })).toMatchObject([{ status: 'applied' }]);
      expect((await stored(test.db, 'clients', client))!.data).toMatchObject({ name: 'Acme Ltd', tags: ['vip'] });
      const refused = await anna.push(
        { table: 'events', id: uuid(), fields: eventFields({ startsOn: '2027-03-05', endsOn: '2027-03-01' }) },
        { table: 'events', id: uuid(), fields: eventFields({ teamIds: [uuid()] }) },
        { table: 'clients', id: uuid(), fields: clientFields(anna.userId, { createdAt: 'x' }) },
        { table: 'leads', id: uuid(), fields: leadFields(anna.userId, { personName: '' }) },
        { table: 'leads', id: uuid(), fields: leadFields(anna.userId, { nextStep: 'call', nextStepOn: '' }) },
      );
      expect(refused.map((r) => [r.status, r.field])).toEqual([
        ['rejected', 'endsOn'],
        ['rejected', 'teamIds'],
        ['rejected', 'createdAt'],
        ['rejected', 'personName'],
        ['rejected', 'nextStepOn'],
      ]);
      // An event whose dates are changed into the wrong order later is refused too; the right team is fine.
      const event = uuid();
      expect(await anna.push({ table: 'events', id: event, fields: eventFields({ teamIds: [ids.ben, upper(ids.anna!)] }) })).toMatchObject([{ status: 'applied' }]);
      expect((await stored(test.db, 'events', event))!.data.teamIds).toEqual([ids.ben, ids.anna]);
      expect(await anna.push({ table: 'events', id: event, fields: { endsOn: '2027-02-01' } })).toMatchObject([{ status: 'rejected', field: 'endsOn' }]);
    });

    it('a batch follows the device’s last number: nothing from the future, no older batch with new content', async () => {
      const anna = await signIn('anna');
      const client = uuid();
      const op = (notes: string): Op => ({ table: 'clients', id: client, fields: notes ? { notes } : clientFields(anna.userId) });
      // Numbers beyond what a batch can cover are refused outright.
      const huge = { ...anna.batch([op('')]), fromSeq: 1, toSeq: 2 ** 53 - 1 };
      expect((await anna.send(huge)).statusCode).toBe(400);
      await anna.push(op('')); // 1
      const first = anna.batch([op('second')]); // 2
      const res = await anna.send(first);
      expect(res.json()).toMatchObject({ outcome: 'applied', lastSeq: 2 });
      // Its answer lost, the same batch again gets the same results and applies nothing new.
      const again = await anna.send(first);
      expect(again.json()).toMatchObject({ outcome: 'duplicate', lastSeq: 2, results: res.json().results });
      // The same numbers with other content, an older batch, and an overlapping one are refused with the next number.
      for (const body of [{ ...anna.batch([op('forged')]), fromSeq: 2, toSeq: 2 }, { ...anna.batch([op('older')]), fromSeq: 1, toSeq: 1 }, { ...anna.batch([op('overlap')]), fromSeq: 2, toSeq: 3 }]) {
        const refused = await anna.send(body);
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ error: 'out_of_sequence', expectedFromSeq: 3 });
      }
      // A gap is refused as before, and the next number applies.
      const gap = await anna.send({ ...anna.batch([op('gap')]), fromSeq: 5, toSeq: 5 });
      expect(gap.json()).toMatchObject({ error: 'sequence_gap', expectedFromSeq: 3 });
      anna.seq = 2;
      expect(await anna.push(op('third'))).toMatchObject([{ status: 'applied' }]);
      expect((await stored(test.db, 'clients', client))!.data.notes).toBe('third');
    });

    it('a cursor beyond the newest change is refused, in a pull and in a push', async () => {
      const anna = await signIn('anna');
      const [{ newest }] = (await test.db.query<{ newest: number }>(`SELECT last_value::float8 AS newest FROM change_seq`)) as [{ newest: number }];
      const pull = await anna.pull(newest + 1_000);
      expect(pull.statusCode).toBe(409);
      expect(pull.json()).toMatchObject({ error: 'cursor_ahead', newest });
      expect(typeof pull.json().message).toBe('string');
      expect((await anna.pull(2 ** 53 - 1)).statusCode).toBe(409);
      const push = await anna.send(anna.batch([{ table: 'clients', id: uuid(), fields: clientFields(anna.userId) }], { cursor: newest + 1 }));
      expect(push.statusCode).toBe(409);
      expect(push.json()).toMatchObject({ error: 'cursor_ahead' });
      // The newest change itself is a fine cursor.
      expect((await anna.pull(newest)).statusCode).toBe(200);
    });
  });
}
