/**
 * Bad values in every field of every synced table (core/sync/tables.ts), on both database
 * backends: the cases are generated from SYNCED_TABLES, so a table or field added later is
 * covered as soon as server/test/push-fixtures.ts has a valid record of it.
 *
 * For each field, each value inside it (down to a line's price snapshot) is replaced in turn by
 * text with a NUL, another control character or an unpaired surrogate, a number beyond 2^53 or
 * not finite, a value nested deeper than 16 levels, and, where it is an id, the same id in upper
 * and mixed case; in a new record and in an edit of an existing one. A bad value refuses its
 * operation (`rejected`, with the reason) and nothing else: the batch is answered 200, a good
 * operation in it applies, and the database holds no trace of the value. An id in another case
 * is the same id: applied to the lower-case record, stored in lower case, and refused wherever
 * the lower-case id is. Then the numbers from the future (sequence, cursor), and the fields that
 * name people: authorship is the pusher's, an owner only one the pusher may give the record to.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { sameValue } from '../../core/sync/merge';
import { MAX_PUSH_SEQ_SPAN, type OpResult, type PushResponse } from '../../core/sync/protocol';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable } from '../../core/sync/tables';
import { MAX_VALUE_DEPTH, VALUE_PROBLEM_DETAIL, valueProblem, type ValueProblem } from '../../core/sync/wire-value';
import { FASTENERS } from '../../core/offers/test-catalog';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import {
  Device,
  UPPER_UUID_IN_TEXT,
  UUID_PATTERN,
  allRecords,
  createPeople,
  deviceFields,
  disable,
  mixed,
  newestChange,
  recordsAt,
  seedCatalog,
  seedConflict,
  upper,
  uuid,
  validRecord,
  type Fields,
  type Person,
  type Refs,
  type StoredRecordRow,
  type WireOp,
} from '../test/push-fixtures';
import { bulkInsertRows, serverStamp } from './records';

type Path = (string | number)[];
type TableName = (typeof SYNCED_TABLE_NAMES)[number];
const tableOf = (name: string): SyncedTable => SYNCED_TABLES[name as TableName];

/** Copies of each table's record that a batch may edit (one operation per record per batch). */
const COPIES = 60;
/** Operations per batch (the protocol allows 500). */
const BATCH = 450;

// ---------------------------------------------------------------------------------------------
// The bad values.

/** Text the server refuses whatever the field, made from a good text `s`. */
const badTexts = (s: string): [string, string, ValueProblem][] => [
  ['NUL at the end', `${s}\u0000`, 'text_control'],
  ['only a NUL', '\u0000', 'text_control'],
  ['SOH inside', `${s.slice(0, 1)}\u0001${s.slice(1)}`, 'text_control'],
  ['ESC sequence', `\u001b[2J${s}`, 'text_control'],
  ['unit separator', `${s}\u001f`, 'text_control'],
  ['lone high surrogate \\uD800', '\uD800', 'text_surrogate'],
  ['half an emoji at the end', `${s}\uD83D`, 'text_surrogate'],
  ['lone low surrogate \\uDC00', '\uDC00', 'text_surrogate'],
  ['low surrogate first', `\uDE00${s}`, 'text_surrogate'],
];

/** A JSON number as text (JSON.stringify cannot write Infinity; 2^53 + 1 parses to 2^53). */
class RawJson {
  constructor(readonly text: string) {}
}

/** Numbers beyond 2^53 or not finite: never exact, never stored. */
const BAD_NUMBERS: [string, unknown][] = [
  ['2^53 + 2', 2 ** 53 + 2],
  ['-(2^53 + 2)', -(2 ** 53) - 2],
  ['1e300', 1e300],
  ['2^53 + 1 as written', new RawJson('9007199254740993')],
  ['1e400 (Infinity once parsed)', new RawJson('1e400')],
  ['-1e400', new RawJson('-1e400')],
];

const nestArrays = (levels: number, inner: unknown = 'x'): unknown => {
  let v = inner;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
const nestObjects = (levels: number, inner: unknown = 'x'): unknown => {
  let v = inner;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
/** 10 000 levels, written as text (JSON.stringify of it would overflow the test's stack). */
const TEN_THOUSAND_DEEP = new RawJson(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`);

// ---------------------------------------------------------------------------------------------
// Walking values.

function scalarPaths(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (v === null || typeof v !== 'object') return [{ path, value: v }];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return entries.flatMap(([k, x]) => scalarPaths(x, [...path, k]));
}

function objectKeys(v: unknown, path: Path = []): { path: Path; key: string }[] {
  if (v === null || typeof v !== 'object') return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => objectKeys(x, [...path, i]));
  return Object.entries(v).flatMap(([k, x]) => [{ path, key: k }, ...objectKeys(x, [...path, k])]);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

function renameKeyAt(root: unknown, path: Path, key: string, newKey: string): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path) node = node[k] as Record<string | number, unknown>;
  const entries = Object.entries(node).map(([k, x]) => [k === key ? newKey : k, x] as const);
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, Object.fromEntries(entries));
  return copy;
}

/** Every UUID in a value in lower case (the form the server stores). */
const lowerIds = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(UPPER_UUID_IN_TEXT, (m) => m.toLowerCase())) as unknown;

const where = (path: Path) => (path.length ? path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') : '');

// ---------------------------------------------------------------------------------------------
// Cases.

type Expect =
  | { status: 'rejected'; reason: string; field?: string; detail?: string; notDetail?: string }
  /** Taken, and the field stored as `stored` (ids in lower case). */
  | { status: 'applied'; stored: unknown };

interface Case {
  what: string;
  table: string;
  field: string;
  /** An edit of an existing record (one of the table's copies), else a new record. */
  existing: boolean;
  /** The field's value as pushed (RawJson inside is written as its text). */
  value: unknown;
  /** The record's id as pushed, from the canonical id (default: as it is). */
  idForm?: (id: string) => string;
  expect: Expect;
}

/** Why a write of `field` is refused before its value is looked at, if it is. */
/** Stands for a bad value: one no list of allowed values holds. */
const BAD = Symbol('bad value');

function refusedUnread(table: string, field: string, existing: boolean, value: unknown = BAD): string | null {
  const t = tableOf(table);
  if ('companyOnly' in t) return 'company_field';
  if (table === 'conflicts' && !existing) return 'not_permitted';
  if (t.companyFields.includes(field)) return 'company_field';
  // Values only the company gives (a request to logistics planned or done), once a value passed
  // the check every value passes first.
  const allowed = t.deviceValues?.[field];
  if (allowed && value !== BAD && !allowed.some((v) => sameValue(v, value))) return 'company_field';
  return null;
}

/**
 * A bad value's answer: refused unread where the field is the company's, else refused as an
 * invalid value (by the check every value passes first, unless `problem` is 'any': one that
 * passes it and fails the field's schema). An authorship field's value is never read (it becomes
 * the pusher's id) once it passed that first check.
 */
function rejected(table: string, field: string, existing: boolean, problem: ValueProblem | 'any', pusher?: string): Expect {
  const unread = refusedUnread(table, field, existing);
  if (unread === 'company_field' && !('companyOnly' in tableOf(table))) return { status: 'rejected', reason: unread, field };
  if (unread) return { status: 'rejected', reason: unread };
  if (problem === 'any' && pusher && (tableOf(table).authorFields ?? []).includes(field)) return { status: 'applied', stored: pusher };
  if (problem === 'any' && tableOf(table).deviceValues?.[field]) return { status: 'rejected', reason: 'company_field', field };
  if (problem === 'any') return { status: 'rejected', reason: 'invalid_value', field, notDetail: VALUE_PROBLEM_DETAIL.too_deep };
  return { status: 'rejected', reason: 'invalid_value', field, detail: VALUE_PROBLEM_DETAIL[problem] };
}

/**
 * The value of every field to spoil: the valid record's, or a sample where the valid record has
 * none to look into (the company's fields a device never sends, an empty list of files).
 */
function samples(table: string, refs: Refs, people: Record<string, Person>): Fields {
  const t = tableOf(table);
  const at = new Date().toISOString();
  const valid = validRecord(table, refs);
  const extra: Fields = {
    attachments: [{ sha256: 'ab'.repeat(32), name: 'card.jpg', mime: 'image/jpeg', size: 1024, addedAt: at }],
    ...(table === 'clients' ? { creditLimit: 1000, receivables: { balance: 1, overdue: 0, overdueDays: 0, currency: 'EUR', asOf: '2026-01-01' }, groupDiscounts: [{ groupId: FASTENERS, discountBp: 100 }] } : {}),
    ...(table === 'conflicts' ? { resolvedBy: people.anna!.id, resolvedAt: at } : {}),
  };
  const out: Fields = {};
  for (const field of Object.keys(t.fields)) {
    const v = field in extra ? extra[field] : valid[field];
    if (v === undefined) throw new Error(`No sample value of ${table}.${field}: add one to the valid record or to the samples here.`);
    out[field] = v;
  }
  return out;
}

function casesOf(table: string, refs: Refs, people: Record<string, Person>, stored: Fields): Case[] {
  const out: Case[] = [];
  const fieldSamples = samples(table, refs, people);
  const t = tableOf(table);
  for (const existing of [false, true]) {
    const add = (field: string, what: string, value: unknown, expect: Expect) => out.push({ what: `${existing ? 'edit' : 'new'} ${table}.${field}${what}`, table, field, existing, value, expect });
    for (const [field, sample] of Object.entries(fieldSamples)) {
      // Every scalar inside the value.
      for (const { path, value } of scalarPaths(sample)) {
        const at = where(path);
        if (typeof value === 'string') {
          for (const [name, bad, problem] of badTexts(value)) add(field, `${at} = ${name}`, setAt(sample, path, bad), rejected(table, field, existing, problem));
          if (UUID_PATTERN.test(value)) {
            for (const [name, form] of [['upper case', upper], ['mixed case', mixed]] as const) {
              const pushed = setAt(sample, path, form(value));
              let expect: Expect = { status: 'applied', stored: lowerIds(pushed) };
              const unread = refusedUnread(table, field, existing, lowerIds(pushed));
              if (unread) expect = rejected(table, field, existing, 'any');
              else if (existing && t.createOnlyFields.includes(field) && field in stored && !sameValue(stored[field], lowerIds(pushed))) expect = { status: 'rejected', reason: 'create_only', field };
              // Who did it is whoever pushed: anna, who is also every author in the samples.
              if (expect.status === 'applied' && (t.authorFields ?? []).includes(field)) expect = { status: 'applied', stored: people.anna!.id };
              add(field, `${at} = the id in ${name}`, pushed, expect);
            }
          }
        } else if (typeof value === 'number') {
          for (const [name, bad] of BAD_NUMBERS) add(field, `${at} = ${name}`, setAt(sample, path, bad), rejected(table, field, existing, 'number_range'));
        } else {
          add(field, `${at} (${JSON.stringify(value)}) = NUL text`, setAt(sample, path, '\u0000'), rejected(table, field, existing, 'text_control'));
          add(field, `${at} (${JSON.stringify(value)}) = 2^53 + 2`, setAt(sample, path, 2 ** 53 + 2), rejected(table, field, existing, 'number_range'));
        }
        // Deeper than 16 levels, in place of this scalar.
        add(field, `${at} = ${MAX_VALUE_DEPTH + 1} arrays deep`, setAt(sample, path, nestArrays(MAX_VALUE_DEPTH + 1)), rejected(table, field, existing, 'too_deep'));
      }
      // Every key of every object inside the value.
      for (const { path, key } of objectKeys(sample)) {
        add(field, `${where(path)} key "${key}" with a NUL`, renameKeyAt(sample, path, key, `${key}\u0000`), rejected(table, field, existing, 'text_control'));
        add(field, `${where(path)} key "${key}" with a lone surrogate`, renameKeyAt(sample, path, key, `\uDC00${key}`), rejected(table, field, existing, 'text_surrogate'));
      }
      // The whole value.
      add(field, ' = 17 objects deep', nestObjects(MAX_VALUE_DEPTH + 1), rejected(table, field, existing, 'too_deep'));
      add(field, ' = 2^53 + 2 in place of the value', 2 ** 53 + 2, rejected(table, field, existing, 'number_range'));
      // 16 levels pass the depth check (and then fail the field's schema, never with a 500).
      add(field, ` = ${MAX_VALUE_DEPTH} arrays deep (the limit)`, nestArrays(MAX_VALUE_DEPTH), rejected(table, field, existing, 'any', people.anna!.id));
      // 10 000 levels: once a 500 for the whole batch, on every retry.
      add(field, ' = 10 000 arrays deep', TEN_THOUSAND_DEEP, rejected(table, field, existing, 'too_deep'));
    }
  }
  return out;
}

/** A new value of a field the owner may write, for edits that should apply. */
const EDITABLE: Record<string, [string, (n: number) => unknown]> = {
  clients: ['notes', (n) => `edited ${n}`],
  contacts: ['position', (n) => `edited ${n}`],
  events: ['booth', (n) => `B${n}`],
  leads: ['notes', (n) => `edited ${n}`],
  tasks: ['title', (n) => `edited ${n}`],
  offers: ['terms', (n) => ({ validUntil: '2027-01-31', delivery: `edited ${n}`, payment: '', specialConditions: '', notes: '' })],
  activities: ['subject', (n) => `edited ${n}`],
  stockRequests: ['note', (n) => `edited ${n}`],
  conflicts: ['status', () => 'resolved'],
};
const editableField = (table: string): [string, (n: number) => unknown] => {
  const t = tableOf(table);
  if ('companyOnly' in t) return [Object.keys(t.fields)[0]!, () => 'x'];
  const e = EDITABLE[table];
  if (!e) throw new Error(`No editable field of ${table} in bad-values.test.ts: add one.`);
  return e;
};

// ---------------------------------------------------------------------------------------------

const describeRow = (r: StoredRecordRow | undefined) => (r ? JSON.stringify({ owner: r.owner_id, client: r.client_id, seq: r.seq, data: r.data }) : 'none');

for (const backend of BACKENDS) {
  describeBackend(backend)(`a bad value in any field of any table refuses its operation, never the batch (${backend})`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    let people: Record<string, Person>;
    const devices: Record<string, Device> = {};
    /** Anna's records of each table (the first one is what the others refer to). */
    const copies: Record<string, string[]> = {};
    let refs: Refs;
    let canary: string;
    /** Ben's client and what hangs off it. */
    const bens: Record<string, string> = {};
    /** What went wrong, all of it, for one readable failure. */
    const problems: string[] = [];
    let batches = 0;

    const anna = () => devices.anna!;

    beforeAll(async () => {
      people = await createPeople(test.db);
      app = await buildApp({ db: test.db });
      await seedCatalog(test.db);
      for (const p of Object.values(people)) devices[p.login] = await Device.signIn(app, p);
      await disable(test.db, 'gone');

      // Anna's world, COPIES of each record: the first client, contact, event, lead, offer are
      // what the rest refer to.
      const a = people.anna!.id;
      const ids = (table: string) => (copies[table] = Array.from({ length: COPIES }, uuid));
      for (const t of SYNCED_TABLE_NAMES) ids(t);
      canary = uuid();
      refs = { ownerId: a, clientId: copies.clients![0]!, contactId: copies.contacts![0]!, eventId: copies.events![0]!, leadId: copies.leads![0]!, offerId: copies.offers![0]!, teamIds: [a, people.ben!.id] };
      const make = (table: string) => copies[table]!.map((id) => anna().wire({ table, id, fields: deviceFields(table, refs) }));
      // What others refer to first; a table added later after them.
      const order = [['clients', 'events'], ['contacts', 'leads'], ['offers', 'tasks'], ['activities', 'stockRequests']];
      order.push(SYNCED_TABLE_NAMES.filter((t) => !('companyOnly' in tableOf(t)) && t !== 'conflicts' && !order.flat().includes(t)));
      const seeded: OpResult[] = await anna().push([anna().wire({ table: 'clients', id: canary, fields: deviceFields('clients', refs) })]);
      for (const tables of order) for (let i = 0; i < tables.length; i += 2) seeded.push(...(await anna().push(tables.slice(i, i + 2).flatMap(make))));
      expect(seeded.filter((r) => r.status !== 'applied')).toEqual([]);
      // The company's terms of Anna's clients, as the accounting import sets them.
      await test.db.query(`UPDATE records SET data = data || '{"creditLimit": 500000, "groupDiscounts": [{"groupId": "${FASTENERS}", "discountBp": 700}]}'::jsonb WHERE tbl = 'clients'`);
      // Conflicts (made by the server) and the company's tables (by its imports).
      copies.conflicts = [];
      for (let i = 0; i < COPIES; i++) copies.conflicts.push(await seedConflict(test.db, { ownerId: a, clientId: refs.clientId }));
      const stamp = serverStamp();
      const companyTables = SYNCED_TABLE_NAMES.filter((t) => 'companyOnly' in tableOf(t));
      await test.db.transaction((tx) =>
        bulkInsertRows(
          tx,
          companyTables.flatMap((tbl) => copies[tbl]!.map((id) => ({ tbl, id, owner_id: null, client_id: null, data: validRecord(tbl, refs), stamps: { '*': stamp }, authors: {} }))),
        ),
      );

      // Ben's client and what hangs off it.
      const ben = devices.ben!;
      bens.client = uuid();
      const b = people.ben!.id;
      const benRefs: Refs = { ownerId: b, clientId: bens.client, contactId: uuid(), eventId: refs.eventId, leadId: uuid(), offerId: uuid(), teamIds: [b] };
      bens.contact = benRefs.contactId;
      bens.lead = benRefs.leadId;
      bens.offer = benRefs.offerId;
      await ben.push([ben.wire({ table: 'clients', id: bens.client, fields: deviceFields('clients', benRefs) })]);
      await ben.push([ben.wire({ table: 'contacts', id: bens.contact, fields: deviceFields('contacts', benRefs) }), ben.wire({ table: 'leads', id: bens.lead, fields: deviceFields('leads', benRefs) })]);
      await ben.push([ben.wire({ table: 'offers', id: bens.offer, fields: deviceFields('offers', benRefs) })]);
    });
    afterAll(async () => app?.close());

    /**
     * Runs cases in batches of Anna's, each with a good edit of her canary client first: every
     * batch must be answered 200 and the good edit applied; each case as it expects; a refused
     * value leaves its record as it was (a new one absent).
     */
    async function run(cases: Case[]): Promise<void> {
      let pending = cases;
      while (pending.length) {
        const used = new Map<string, number>();
        const batch: { c: Case; id: string }[] = [];
        const rest: Case[] = [];
        for (const c of pending) {
          if (batch.length >= BATCH) {
            rest.push(c);
            continue;
          }
          if (c.existing) {
            const n = used.get(c.table) ?? 0;
            if (n >= copies[c.table]!.length) {
              rest.push(c);
              continue;
            }
            used.set(c.table, n + 1);
            batch.push({ c, id: copies[c.table]![n]! });
          } else batch.push({ c, id: uuid() });
        }
        pending = rest;
        await runBatch(batch);
      }
    }

    async function runBatch(batch: { c: Case; id: string }[]): Promise<void> {
      const device = anna();
      const keys = batch.filter((b) => b.c.existing).map((b) => ({ table: b.c.table, id: b.id }));
      const before = await recordsAt(test.db, [...keys, { table: 'clients', id: canary }]);
      const raws: string[] = [];
      const writeOf = (value: unknown): unknown =>
        JSON.parse(
          JSON.stringify(value, (_k, v: unknown) => {
            if (v instanceof RawJson) {
              raws.push(v.text);
              return `@@RAW${raws.length - 1}@@`;
            }
            return v;
          }),
        ) as unknown;
      const legalName = `batch ${++batches}`;
      const ops: WireOp[] = [device.wire({ table: 'clients', id: canary, fields: { legalName } }, before.get(`clients/${canary}`))];
      for (const { c, id } of batch) {
        const value = c.value instanceof RawJson ? c.value : writeOf(c.value);
        const fields = c.existing ? { [c.field]: value } : { ...deviceFields(c.table, refs), [c.field]: value };
        const op = device.wire({ table: c.table, id: (c.idForm ?? ((x: string) => x))(id), fields }, before.get(`${c.table}/${id}`));
        if (value instanceof RawJson) {
          raws.push(value.text);
          op.fields[c.field]!.value = `@@RAW${raws.length - 1}@@`;
        }
        ops.push(op);
      }
      const body = JSON.stringify(device.batch(ops)).replace(/"@@RAW(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!);
      const res = await device.send(body);
      if (res.statusCode !== 200) {
        if (batch.length === 1) {
          const op = JSON.stringify(ops[1]).replace(/"@@RAW(\d+)@@"/g, (_m, i: string) => (raws[Number(i)]!.length > 40 ? `<${raws[Number(i)]!.slice(0, 12)}… ${raws[Number(i)]!.length} characters>` : raws[Number(i)]!));
          problems.push(`${batch[0]!.c.what}: the batch (a good operation and this one) was answered ${res.statusCode} ${res.body.slice(0, 300)}\n  operation: ${op.slice(0, 1200)}`);
          return;
        }
        // Find which case did it, by halves (the refused batch changed nothing).
        const half = Math.ceil(batch.length / 2);
        await runBatch(batch.slice(0, half));
        await runBatch(batch.slice(half));
        return;
      }
      const answer = res.json() as PushResponse;
      device.seq = answer.lastSeq;
      const results: OpResult[] = answer.results;
      if (results.length !== ops.length) problems.push(`batch ${batches}: ${results.length} results for ${ops.length} operations`);
      if (results[0]?.status !== 'applied') problems.push(`batch ${batches}: the good operation was not applied: ${JSON.stringify(results[0])}`);
      const after = await recordsAt(test.db, [...keys, { table: 'clients', id: canary }]);
      if (after.get(`clients/${canary}`)?.data.legalName !== legalName) problems.push(`batch ${batches}: the good operation's value is not stored`);
      const fresh = batch.filter((b) => !b.c.existing).map((b) => b.id);
      const stored = new Map(
        (await test.db.query<{ tbl: string; id: string; data: Fields }>(`SELECT tbl, id::text AS id, data FROM records WHERE id = ANY($1::uuid[])`, [fresh])).map((r) => [r.id, r]),
      );
      for (const [i, { c, id }] of batch.entries()) {
        const result = results[i + 1];
        const request = () => `\n  request: ${JSON.stringify(ops[i + 1]).slice(0, 600)}\n  answer: ${JSON.stringify(result)}`;
        const e = c.expect;
        const row = c.existing ? after.get(`${c.table}/${id}`) : stored.get(id);
        const was = before.get(`${c.table}/${id}`);
        if (e.status === 'rejected') {
          const ok =
            result?.status === 'rejected' &&
            result.reason === e.reason &&
            (e.field === undefined || result.field === e.field) &&
            (e.detail === undefined || result.detail === e.detail) &&
            (e.notDetail === undefined || result.detail !== e.notDetail);
          if (!ok) problems.push(`${c.what}: expected ${JSON.stringify(e)}${request()}`);
          // Nothing of it stored: an existing record as it was, a new one not at all.
          if (c.existing) {
            const now = after.get(`${c.table}/${id}`);
            if (!was || !now || was.seq !== now.seq || was.owner_id !== now.owner_id || !sameValue(was.data, now.data)) problems.push(`${c.what}: the record changed: ${describeRow(was)} → ${describeRow(now)}${request()}`);
          } else if (row) problems.push(`${c.what}: a record was stored: ${JSON.stringify(row)}${request()}`);
        } else {
          if (result?.status !== 'applied' || result.id !== id) problems.push(`${c.what}: expected applied to ${id}${request()}`);
          else if (!row || !sameValue(row.data[c.field], e.stored)) problems.push(`${c.what}: stored ${JSON.stringify(row?.data[c.field])}, expected ${JSON.stringify(e.stored)}${request()}`);
        }
      }
    }

    it('every synced table has a valid record, and the valid records apply', async () => {
      for (const table of SYNCED_TABLE_NAMES) {
        const fields = validRecord(table, refs);
        const t = tableOf(table);
        for (const [f, schema] of Object.entries(t.fields)) {
          if (f in fields) expect(schema.safeParse(fields[f]).success, `${table}.${f}: ${JSON.stringify(fields[f])}`).toBe(true);
        }
        for (const f of Object.keys(fields)) expect(Object.keys(t.fields), `${table}.${f} is no field of the table`).toContain(f);
      }
      // Everything of Anna's world was applied in the set-up; the company's tables are refused to a device.
      const results = await anna().push(SYNCED_TABLE_NAMES.map((table) => anna().wire({ table, id: uuid(), fields: deviceFields(table, refs) })));
      const expected = SYNCED_TABLE_NAMES.map((t) => ('companyOnly' in tableOf(t) ? 'company_field' : t === 'conflicts' ? 'not_permitted' : 'applied'));
      expect(results.map((r) => r.reason ?? r.status)).toEqual(expected);
    });

    it('refuses a control character, an unpaired surrogate, a value deeper than 16 levels and a number beyond 2^53 anywhere in any field, and reads an id in any case as the same id', async () => {
      const stored = Object.fromEntries((await Promise.all(SYNCED_TABLE_NAMES.map(async (t) => [t, (await recordsAt(test.db, [{ table: t, id: copies[t]![0]! }])).get(`${t}/${copies[t]![0]}`)!.data] as const))));
      problems.length = 0;
      const cases = SYNCED_TABLE_NAMES.flatMap((t) => casesOf(t, refs, people, stored[t]!));
      const movesBefore = (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_moves`))[0]!.n;
      console.info(`[bad-values ${backend}] ${cases.length} cases over ${SYNCED_TABLE_NAMES.length} tables`);
      await run(cases);
      expect(problems).toEqual([]);
      // No client moved, and no stored record holds such a value or an id in upper case.
      expect((await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_moves`))[0]!.n).toBe(movesBefore);
      for (const row of (await allRecords(test.db)).values()) {
        expect(valueProblem(row.data), `${row.tbl}/${row.id}`).toBeNull();
        expect(JSON.stringify(row.data).match(UPPER_UUID_IN_TEXT)?.filter((m) => m !== m.toLowerCase()) ?? [], `${row.tbl}/${row.id}`).toEqual([]);
      }
      // Anna's clients kept the company's terms through every edit.
      const clients = await recordsAt(test.db, copies.clients!.map((id) => ({ table: 'clients', id })));
      for (const row of clients.values()) expect(row.data).toMatchObject({ creditLimit: 500000, groupDiscounts: [{ groupId: FASTENERS, discountBp: 700 }], ownerId: people.anna!.id });
    }, 120_000);

    it('an id in upper or mixed case is the record with the lower-case id: an edit reaches it, a new record lands under it, and every check on it holds', async () => {
      problems.length = 0;
      const cases: Case[] = [];
      for (const table of SYNCED_TABLE_NAMES) {
        const [field, valueOf] = editableField(table);
        for (const [name, form] of [['upper', upper], ['mixed', mixed]] as const) {
          const value = valueOf(cases.length);
          const unreadEdit = refusedUnread(table, field, true, value);
          // An edit by the owner reaches the lower-case record (company tables: refused as ever).
          cases.push({ what: `edit ${table} under its id in ${name} case`, table, field, existing: true, value, idForm: form, expect: unreadEdit ? { status: 'rejected', reason: unreadEdit } : { status: 'applied', stored: value } });
          // A new record is stored under the lower-case id.
          const first = Object.keys(deviceFields(table, refs))[0]!;
          const unreadNew = refusedUnread(table, first, false, deviceFields(table, refs)[first]);
          cases.push({ what: `new ${table} under an id in ${name} case`, table, field: first, existing: false, value: deviceFields(table, refs)[first], idForm: form, expect: unreadNew ? { status: 'rejected', reason: unreadNew } : { status: 'applied', stored: deviceFields(table, refs)[first] } });
        }
      }
      await run(cases);
      expect(problems).toEqual([]);

      // A whole record sent again under the id in another case is the existing record, not a new
      // one: its create-only fields (a new createdAt) are refused as they are in lower case, and
      // a client keeps the company's terms.
      for (const table of SYNCED_TABLE_NAMES) {
        const t = tableOf(table);
        if ('companyOnly' in t || table === 'conflicts') continue;
        const results = await anna().push(
          [(x: string) => x, upper, mixed].map((form, i) => {
            const id = copies[table]![COPIES - 1 - i]!;
            return anna().wire({ table, id: form(id), fields: { ...deviceFields(table, refs), createdAt: new Date(Date.UTC(2001, 0, 1 + i)).toISOString() } });
          }),
        );
        expect(results.map((r) => [r.status, r.reason]), table).toEqual(Array(3).fill(['rejected', 'create_only']));
        for (const r of results) expect(t.createOnlyFields, table).toContain(r.field);
        expect(new Set(results.map((r) => r.field)).size, `${table}: the same field refused in every case`).toBe(1);
      }
      const clients = await recordsAt(test.db, copies.clients!.map((id) => ({ table: 'clients', id })));
      expect(clients.size).toBe(COPIES);
      for (const row of clients.values()) expect(row.data).toMatchObject({ creditLimit: 500000, ownerId: people.anna!.id });
    }, 60_000);

    it('an id in another case bypasses no check: a colleague’s record stays theirs, a create-only id stays, a sent offer stays as sent', async () => {
      const ben = devices.ben!;
      const carl = devices.carl!;
      const forms = [['lower', (x: string) => x], ['upper', upper], ['mixed', mixed]] as const;
      for (const table of SYNCED_TABLE_NAMES) {
        const t = tableOf(table);
        if ('companyOnly' in t || 'shared' in t.scope) continue;
        const [field, valueOf] = editableField(table);
        for (const [name, form] of forms) {
          const target = copies[table]![0]!;
          const before = (await recordsAt(test.db, [{ table, id: target }])).get(`${table}/${target}`)!;
          for (const who of [ben, carl]) {
            // An edit of Anna's record, and her record sent whole as if new in the colleague's name
            // (without its create-only fields, which are refused for themselves).
            const whole = Object.fromEntries(Object.entries(deviceFields(table, { ...refs, ownerId: who.userId })).filter(([f]) => !t.createOnlyFields.includes(f)));
            const results = await who.push([who.wire({ table, id: form(target), fields: { [field]: valueOf(1) } }, before), ...(table === 'conflicts' ? [] : [who.wire({ table: 'clients', id: uuid(), fields: deviceFields('clients', { ...refs, ownerId: who.userId }) })])]);
            expect([results[0]!.status, results[0]!.reason, results[0]!.id], `${who.person.login} edits ${table} (${name} case)`).toEqual(['rejected', 'not_permitted', target]);
            if (table !== 'conflicts') {
              const [taken] = await who.push([who.wire({ table, id: form(target), fields: whole })]);
              expect([taken!.status, taken!.reason], `${who.person.login} sends ${table} whole (${name} case)`).toEqual(['rejected', 'not_permitted']);
            }
          }
          const after = (await recordsAt(test.db, [{ table, id: target }])).get(`${table}/${target}`)!;
          expect([after.seq, after.owner_id, after.data], `${table} (${name} case)`).toEqual([before.seq, before.owner_id, before.data]);
        }
      }

      // Anna moves no record of hers to Ben's client by naming it in another case; Ben's client id
      // in another case is still Ben's client for a new record.
      for (const [name, form] of forms) {
        for (const table of ['contacts', 'offers', 'activities', 'stockRequests']) {
          const id = copies[table]![1]!;
          const before = (await recordsAt(test.db, [{ table, id }])).get(`${table}/${id}`)!;
          const results = await anna().push([
            anna().wire({ table, id: form(id), fields: { clientId: form(bens.client!) } }, before),
            anna().wire({ table, id: uuid(), fields: { ...deviceFields(table, refs), clientId: form(bens.client!) } }),
          ]);
          expect(results.map((r) => [r.status, r.reason]), `${table} to Ben's client (${name} case)`).toEqual([
            ['rejected', 'create_only'],
            ['rejected', 'not_permitted'],
          ]);
          // The same client in another case is no change.
          const [same] = await anna().push([anna().wire({ table, id: form(id), fields: { clientId: form(refs.clientId) } }, before)]);
          expect(same!.status, `${table} to its own client in ${name} case`).toBe('applied');
          expect((await recordsAt(test.db, [{ table, id }])).get(`${table}/${id}`)!.client_id).toBe(refs.clientId);
        }
        // A client given to Ben in another case of his id: a manager reassigns nothing.
        const client = copies.clients![2]!;
        const [given] = await anna().push([anna().wire({ table: 'clients', id: form(client), fields: { ownerId: form(people.ben!.id) } })]);
        expect([given!.status, given!.reason], `client to Ben (${name} case)`).toEqual(['rejected', 'not_permitted']);
      }

      // A sent offer, in any case of its id, keeps what it says.
      const sent = uuid();
      expect(await anna().push([anna().wire({ table: 'offers', id: sent, fields: { ...deviceFields('offers', refs), status: 'sent', lines: [] } })])).toMatchObject([{ status: 'applied' }]);
      const before = (await recordsAt(test.db, [{ table: 'offers', id: sent }])).get(`offers/${sent}`)!;
      for (const [name, form] of forms) {
        const results = await anna().push([
          anna().wire({ table: 'offers', id: form(sent), fields: { terms: { ...(before.data.terms as Fields), specialConditions: `changed (${name})` } } }, before),
          anna().wire({ table: 'offers', id: uuid(), fields: { ...deviceFields('offers', refs), clientId: form(refs.clientId) } }),
        ]);
        expect(results.map((r) => [r.status, r.detail]), `sent offer (${name} case)`).toEqual([
          ['rejected', 'not_editable'],
          ['applied', undefined],
        ]);
      }
      expect((await recordsAt(test.db, [{ table: 'offers', id: sent }])).get(`offers/${sent}`)!.data).toEqual(before.data);
    }, 60_000);

    it('authorship fields hold the pushing user whoever they name, in a new record and an edit; offer history steps the server lacks are signed by the pusher', async () => {
      const others = [people.ben!.id, people.head!.id, people.root!.id, people.carl!.id, people.gone!.id, uuid(), upper(people.ben!.id), mixed(people.head!.id)];
      const a = people.anna!.id;
      for (const table of SYNCED_TABLE_NAMES) {
        const t = tableOf(table);
        for (const field of t.authorFields ?? []) {
          if (table !== 'conflicts') {
            // New records naming someone else, or no one.
            const ops = others.map((who) => ({ table, id: uuid(), fields: { ...deviceFields(table, refs), [field]: who } }));
            const { [field]: _omitted, ...without } = deviceFields(table, refs);
            ops.push({ table, id: uuid(), fields: without });
            const results = await anna().push(ops.map((o) => anna().wire(o)));
            expect(results.map((r) => r.status), `${table}.${field}`).toEqual(ops.map(() => 'applied'));
            const rows = await recordsAt(test.db, ops);
            for (const o of ops) expect(rows.get(`${table}/${o.id}`)!.data[field], `${table}.${field} sent as ${String(o.fields[field])}`).toBe(a);
          }
          // An edit naming someone else: never stored as them (create-only authors keep Anna).
          const id = copies[table]![3]!;
          const before = (await recordsAt(test.db, [{ table, id }])).get(`${table}/${id}`)!;
          const results = await anna().push([anna().wire({ table, id, fields: { [field]: people.head!.id } }, before)]);
          expect(['applied', 'rejected'], `${table}.${field} edit: ${JSON.stringify(results)}`).toContain(results[0]!.status);
          const after = (await recordsAt(test.db, [{ table, id }])).get(`${table}/${id}`)!;
          expect(after.data[field], `${table}.${field} after an edit naming the head`).toBe(table === 'conflicts' ? a : before.data[field]);
        }
      }
      // The head of sales (who may write Anna's clients' records) edits an offer of Anna's: the
      // steps it had keep their author, a new one is hers whoever it names, and the offer's
      // owner stays Anna.
      const head = devices.head!;
      const offer = copies.offers![4]!;
      const before = (await recordsAt(test.db, [{ table: 'offers', id: offer }])).get(`offers/${offer}`)!;
      const history = [...(before.data.history as Fields[]), { status: 'awaiting_approval', at: new Date().toISOString(), by: a, comment: 'sent for approval by Anna, says the laptop' }];
      expect(await head.push([head.wire({ table: 'offers', id: offer, fields: { history, status: 'awaiting_approval' } }, before)])).toMatchObject([{ status: 'applied' }]);
      const after = (await recordsAt(test.db, [{ table: 'offers', id: offer }])).get(`offers/${offer}`)!;
      expect((after.data.history as Fields[]).map((s) => s.by)).toEqual([a, people.head!.id]);
      expect(after.data.ownerId).toBe(a);
      const [ownerChanged] = await head.push([head.wire({ table: 'offers', id: offer, fields: { ownerId: people.ben!.id } }, after)]);
      expect([ownerChanged!.status, ownerChanged!.reason]).toEqual(['rejected', 'create_only']);
      // A step rewritten to name someone else is a step the server lacks: signed by the pusher.
      const forged = (after.data.history as Fields[]).map((s) => ({ ...s, by: people.root!.id }));
      await anna().push([anna().wire({ table: 'offers', id: offer, fields: { history: forged } }, after)]);
      const steps = ((await recordsAt(test.db, [{ table: 'offers', id: offer }])).get(`offers/${offer}`)!.data.history as Fields[]).map((s) => s.by);
      expect(steps.every((by) => by === a || by === people.head!.id), JSON.stringify(steps)).toBe(true);
    }, 60_000);

    it('an owner field names only someone the pusher may give the record to (not_permitted otherwise), in any case of the id', async () => {
      const who = (login: string) => people[login]!;
      const active = (login: string) => login !== 'gone';
      const ownerRole = (login: string) => who(login).role !== 'admin';
      /** Whom `pusher` may name as the owner of a record of `table` (new, or an existing one they may write). */
      const may = (pusher: string, table: string, target: string | null, existing: boolean): boolean => {
        if (target === null) return false;
        const handOver = table !== 'clients';
        if (handOver && target === pusher && !existing) return true;
        if (!active(target) || !ownerRole(target)) return false;
        if (handOver) return true;
        const sees: Record<string, string[]> = { anna: ['anna'], ben: ['ben'], carl: ['carl'], head: ['head', 'anna', 'ben', 'gone'], root: Object.keys(people) };
        if (!sees[pusher]!.includes(target)) return false;
        return !existing || who(pusher).role !== 'manager';
      };
      const targets = [...Object.keys(people), null];
      const problemsHere: string[] = [];
      for (const pusher of ['anna', 'head', 'root']) {
        const device = devices[pusher]!;
        for (const table of SYNCED_TABLE_NAMES) {
          const t = tableOf(table);
          if (!('ownerField' in t.scope)) continue;
          const field = t.scope.ownerField;
          for (const [name, form] of [['lower', (x: string) => x], ['upper', upper], ['mixed', mixed]] as const) {
            // New records: one per target, each in its own batch with a good one (a refused owner refuses only its record).
            const newOps = targets.map((target) => ({ target, op: { table, id: uuid(), fields: { ...deviceFields(table, refs), [field]: target === null ? uuid() : form(who(target).id) } } }));
            const results = await device.pushOps(newOps.map((n) => n.op));
            const rows = await recordsAt(test.db, newOps.map((n) => n.op));
            for (const [i, { target, op }] of newOps.entries()) {
              const want = may(pusher, table, target, false);
              const r = results[i]!;
              const row = rows.get(`${table}/${op.id}`);
              const label = `${pusher} makes a ${table} record owned by ${target ?? 'nobody known'} (${name} case)`;
              if (want && (r.status !== 'applied' || row?.owner_id !== who(target!).id || row.data[field] !== who(target!).id)) problemsHere.push(`${label}: expected applied, got ${JSON.stringify(r)}, stored owner ${row?.owner_id}`);
              if (!want && (r.status !== 'rejected' || r.reason !== 'not_permitted' || row)) problemsHere.push(`${label}: expected not_permitted, got ${JSON.stringify(r)}\n  request: ${JSON.stringify(op).slice(0, 400)}`);
            }
            // Existing records: a fresh one of Anna's per target (the head and root see Anna's).
            {
              const made = targets.map(() => ({ table, id: uuid(), fields: deviceFields(table, refs) }));
              await anna().pushOps(made);
              const stored = await recordsAt(test.db, made);
              const edits = targets.map((target, i) => ({ target, op: { table, id: form(made[i]!.id), fields: { [field]: target === null ? uuid() : form(who(target).id) } } }));
              const edited = await device.pushOps(edits.map((e) => e.op), stored);
              const rows = await recordsAt(test.db, made);
              for (const [i, { target }] of edits.entries()) {
                const id = made[i]!.id;
                const want = target === 'anna' || may(pusher, table, target, true);
                const r = edited[i]!;
                const row = rows.get(`${table}/${id}`)!;
                const label = `${pusher} gives Anna's ${table} record to ${target ?? 'nobody known'} (${name} case)`;
                if (want && (r.status !== 'applied' || row.owner_id !== who(target!).id)) problemsHere.push(`${label}: expected applied, got ${JSON.stringify(r)}, stored owner ${row.owner_id}`);
                if (!want && (r.status !== 'rejected' || r.reason !== 'not_permitted' || row.owner_id !== people.anna!.id)) problemsHere.push(`${label}: expected not_permitted, got ${JSON.stringify(r)}, stored owner ${row.owner_id}\n  request: ${JSON.stringify(edits[i]!.op)}`);
              }
            }
          }
        }
      }
      expect(problemsHere).toEqual([]);
      // No client is an admin's or a disabled user's.
      const owners = await test.db.query<{ login: string }>(`SELECT DISTINCT u.login FROM records r JOIN users u ON u.id = r.owner_id WHERE r.tbl = 'clients'`);
      expect(owners.map((o) => o.login).filter((l) => l === 'root' || l === 'gone')).toEqual([]);
    }, 60_000);

    it('numbers from the future: a cursor beyond the newest change is 409 cursor_ahead, a gap 409 sequence_gap, an older batch with new content 409 out_of_sequence, a span too large 400; the next batch always applies', async () => {
      const device = await Device.signIn(app, people.anna!);
      const edit = (n: string) => device.wire({ table: 'clients', id: canary, fields: { notes: n } });
      const stampsNow = async () => (await recordsAt(test.db, [{ table: 'clients', id: canary }])).get(`clients/${canary}`)!;
      const expectNext = async (what: string) => {
        const row = await stampsNow();
        const res = await device.send(device.batch([device.wire({ table: 'clients', id: canary, fields: { notes: `after ${what}` } }, row)]));
        expect(res.statusCode, `the batch after ${what}: ${res.body}`).toBe(200);
        const answer = res.json() as PushResponse;
        expect(answer.results[0]!.status, what).toBe('applied');
        device.seq = answer.lastSeq;
        expect((await stampsNow()).data.notes).toBe(`after ${what}`);
      };
      const refusedWith = async (what: string, body: unknown, status: number, shape: Fields) => {
        const lastSeq = device.seq;
        const before = await stampsNow();
        const res = await device.send(body);
        expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
        const answer = res.json() as Fields;
        expect(answer, what).toMatchObject(shape);
        expect(typeof answer.message === 'string' && answer.message.length > 10, `${what}: a message`).toBe(true);
        expect((await stampsNow()).seq, `${what} changed nothing`).toBe(before.seq);
        expect(device.seq).toBe(lastSeq);
        await expectNext(what);
      };
      await expectNext('signing in');
      await expectNext('the first batch');

      for (const ahead of [(n: number) => n + 1, (n: number) => n + 1000, () => 2 ** 31, () => 2 ** 53 - 1]) {
        const newest = await newestChange(test.db);
        const cursor = ahead(newest);
        const pull = await device.pull(cursor);
        expect(pull.statusCode, `pull at ${cursor}, the newest change ${newest}`).toBe(409);
        expect(pull.json()).toMatchObject({ error: 'cursor_ahead', newest });
        expect(typeof pull.json().message).toBe('string');
        await refusedWith(`a push cursor at ${cursor}, the newest change ${newest}`, device.batch([edit('cursor')], { cursor }), 409, { error: 'cursor_ahead', newest });
      }
      // Beyond 2^53 a cursor is no number the protocol knows.
      expect((await device.pull(2 ** 53 + 2)).statusCode).toBe(400);
      await refusedWith('a push cursor beyond 2^53', device.batch([edit('cursor')], { cursor: 2 ** 53 + 2 }), 400, { error: 'bad_request' });
      // The newest change itself is a fine cursor, for pull and push.
      const newest = await newestChange(test.db);
      expect((await device.pull(newest)).statusCode).toBe(200);
      const row = await stampsNow();
      expect(await device.push([device.wire({ table: 'clients', id: canary, fields: { notes: 'at the newest' } }, row)], { cursor: newest })).toMatchObject([{ status: 'applied' }]);

      const last = device.seq;
      for (const [what, fromSeq, toSeq] of [
        ['a gap of one', last + 2, last + 2],
        ['a gap of a thousand', last + 1001, last + 1001],
        ['a start at 2^53 - 1', 2 ** 53 - 1, 2 ** 53 - 1],
      ] as const) {
        await refusedWith(`${what}`, { ...device.batch([edit(what)]), fromSeq, toSeq }, 409, { error: 'sequence_gap', expectedFromSeq: device.seq + 1 });
      }
      // The last batch again is its answer again; anything else at or before it is refused.
      const lastBatch = device.batch([device.wire({ table: 'clients', id: canary, fields: { notes: 'the last batch' } }, await stampsNow())]);
      const first = await device.send(lastBatch);
      expect(first.statusCode).toBe(200);
      device.seq = (first.json() as PushResponse).lastSeq;
      const again = await device.send(lastBatch);
      expect(again.json()).toMatchObject({ outcome: 'duplicate', lastSeq: device.seq, results: (first.json() as PushResponse).results });
      const at = device.seq;
      for (const [what, fromSeq, toSeq] of [
        ['the last numbers with other content', at, at],
        ['an older batch', 1, 1],
        ['a batch overlapping the last', at, at + 1],
        ['a batch from 1 past the last', 1, at + 5],
      ] as const) {
        await refusedWith(what, { ...device.batch([edit(what)]), fromSeq, toSeq }, 409, { error: 'out_of_sequence', expectedFromSeq: device.seq + 1 });
      }
      // Spans: the largest allowed applies, one more is refused whole.
      await refusedWith('a span one too large', { ...device.batch([edit('span')]), toSeq: device.seq + MAX_PUSH_SEQ_SPAN + 1 }, 400, { error: 'bad_request' });
      await refusedWith('a span to 2^53 - 1', { ...device.batch([edit('span')]), toSeq: 2 ** 53 - 1 }, 400, { error: 'bad_request' });
      await refusedWith('numbers beyond 2^53', { ...device.batch([edit('span')]), fromSeq: 2 ** 53 + 2, toSeq: 2 ** 53 + 2 }, 400, { error: 'bad_request' });
      const from = device.seq + 1;
      const widest = await device.send({ ...device.batch([device.wire({ table: 'clients', id: canary, fields: { notes: 'widest' } }, await stampsNow())]), fromSeq: from, toSeq: from + MAX_PUSH_SEQ_SPAN - 1 });
      expect(widest.statusCode, widest.body).toBe(200);
      device.seq = (widest.json() as PushResponse).lastSeq;
      expect(device.seq).toBe(from + MAX_PUSH_SEQ_SPAN - 1);
      await expectNext('the widest batch');

      // A batch full of bad values is no batch to stop at either.
      const refused = await device.push([device.wire({ table: 'clients', id: canary, fields: { notes: 'x\u0000' } }), device.wire({ table: 'contacts', id: uuid(), fields: { ...deviceFields('contacts', refs), name: '\uD800' } })]);
      expect(refused.map((r) => r.reason)).toEqual(['invalid_value', 'invalid_value']);
      await expectNext('a batch of refused operations');
    }, 60_000);
  });
}
