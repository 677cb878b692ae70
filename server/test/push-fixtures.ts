/**
 * Helpers of the push security suites (server/sync/bad-values.test.ts, push-property.test.ts):
 * a company of people with every role, laptops that push through `inject` numbering their
 * batches as the app does, a valid record of every synced table, and the `records` table read
 * back as it is stored.
 */
import type { FastifyInstance } from 'fastify';
import { formatHlc } from '../../core/sync/hlc';
import { stampOf } from '../../core/sync/merge';
import type { OpResult, PushResponse } from '../../core/sync/protocol';
import { DELETED_FIELD, SYNCED_TABLES, type SyncedTable, type SyncedTableName } from '../../core/sync/tables';
import { COMPANY_PROFILE_ID } from '../../core/pricing/catalog-model';
import { FASTENERS, SCREWS, TOOLS, DRILL, testGroupDiscounts, testGroups, testPrices, testProducts, testStock } from '../../core/offers/test-catalog';
import { createUser } from '../auth/users';
import type { SqlDb } from '../db/sql-db';
import { bulkInsertRows, serverStamp } from '../sync/records';

export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };
export const PASSWORD = 'push suites password';

export type Fields = Record<string, unknown>;
export interface Op {
  table: string;
  id: string;
  fields: Fields;
}
export interface WireWrite {
  value: unknown;
  hlc: string;
  base: string | null;
}
export interface WireOp {
  table: string;
  id: string;
  fields: Record<string, WireWrite>;
}

export const uuid = (): string => crypto.randomUUID();
export const upper = (id: string): string => id.toUpperCase();
/** Every other letter in upper case: neither the canonical form nor the all-upper one. */
export const mixed = (id: string): string => [...id].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UUID with at least one upper-case hex letter somewhere in a text. */
export const UPPER_UUID_IN_TEXT = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

export type Role = 'manager' | 'head_of_sales' | 'admin';
export interface Person {
  login: string;
  id: string;
  role: Role;
}

/**
 * The company: a head of sales (limit 25 %) with anna and ben (10 %) and gone (disabled: someone
 * who left, with a client still in the team) in her team, carl outside any team, root the admin.
 */
export const PEOPLE: readonly { login: string; role: Role; head?: string; discountLimitPct: number }[] = [
  { login: 'head', role: 'head_of_sales', discountLimitPct: 25 },
  { login: 'anna', role: 'manager', head: 'head', discountLimitPct: 10 },
  { login: 'ben', role: 'manager', head: 'head', discountLimitPct: 10 },
  { login: 'gone', role: 'manager', head: 'head', discountLimitPct: 10 },
  { login: 'carl', role: 'manager', discountLimitPct: 10 },
  { login: 'root', role: 'admin', discountLimitPct: 25 },
];

export async function createPeople(db: SqlDb): Promise<Record<string, Person>> {
  const out: Record<string, Person> = {};
  for (const p of PEOPLE) {
    const row = await createUser(db, { login: p.login, displayName: p.login[0]!.toUpperCase() + p.login.slice(1), role: p.role, password: PASSWORD, discountLimitPct: p.discountLimitPct, ...(p.head ? { head: p.head } : {}) }, FAST_SCRYPT);
    out[p.login] = { login: p.login, id: row.id, role: p.role };
  }
  return out;
}

export const disable = (db: SqlDb, login: string) => db.query(`UPDATE users SET disabled_at = now() WHERE login = $1`, [login]);

/** A signed-in laptop: pushes through `inject`, its batches numbered on from its last one. */
export class Device {
  /** The device's last applied outbox number. */
  seq = 0;
  private wall = 0;
  private counter = 0;
  readonly node: string;

  constructor(
    readonly app: FastifyInstance,
    readonly token: string,
    readonly person: Person,
  ) {
    this.node = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  static async signIn(app: FastifyInstance, person: Person): Promise<Device> {
    const res = await app.inject({ method: 'POST', url: '/api/login', payload: { login: person.login, password: PASSWORD, deviceName: `${person.login}'s laptop` } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${person.login}: ${res.statusCode} ${res.body}`);
    return new Device(app, (res.json() as { token: string }).token, person);
  }

  get userId(): string {
    return this.person.id;
  }

  /** A fresh stamp, later than every one this device made. */
  hlc(): string {
    const now = Date.now();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else this.counter++;
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** `fields` as writes with fresh stamps; `base` from the stored row's stamps when given (a sequential edit). */
  writes(fields: Fields, stored?: { stamps: Record<string, string> } | null): Record<string, WireWrite> {
    return Object.fromEntries(Object.entries(fields).map(([f, value]) => [f, { value, hlc: this.hlc(), base: stored ? stampOf(stored.stamps, f) : null }]));
  }

  wire(op: Op, stored?: { stamps: Record<string, string> } | null): WireOp {
    return { table: op.table, id: op.id, fields: this.writes(op.fields, stored) };
  }

  /** The next batch: `fromSeq` = last + 1, one number per operation. */
  batch(ops: WireOp[], extra: Record<string, unknown> = {}) {
    return { schemaVersion: 3, fromSeq: this.seq + 1, toSeq: this.seq + ops.length, ops, ...extra };
  }

  async send(body: unknown, url = '/api/sync/push') {
    return this.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Pushes the operations as the next batch; the batch must be taken (200). */
  async push(ops: WireOp[], extra: Record<string, unknown> = {}): Promise<OpResult[]> {
    const res = await this.send(this.batch(ops, extra));
    if (res.statusCode !== 200) throw new Error(`push by ${this.person.login} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    const answer = res.json() as PushResponse;
    this.seq = answer.lastSeq;
    return answer.results;
  }

  /** Pushes ops whose values carry no stamp yet (new records, or edits with bases from `stored`). */
  async pushOps(ops: Op[], stored?: Map<string, StoredRecordRow>): Promise<OpResult[]> {
    return this.push(ops.map((o) => this.wire(o, stored?.get(`${o.table}/${o.id.toLowerCase()}`))));
  }

  async pull(cursor: number) {
    return this.send({ schemaVersion: 3, cursor, scopeHash: '' }, '/api/sync/pull');
  }
}

const now = () => new Date().toISOString();

/** What a valid record refers to: records the pushing user may write, and the people it names. */
export interface Refs {
  /** The record's owner (a client's, a lead's, a task's) and the author of what it records. */
  ownerId: string;
  clientId: string;
  contactId: string;
  eventId: string;
  leadId: string;
  offerId: string;
  teamIds: string[];
}

let numbers = 0;

/**
 * A valid new record of `table` as the app writes it, every field filled and every list holding
 * at least one entry (so each kind of value is there to be spoiled): all the fields a device
 * may write, and none the company sets. Throws for a table it does not know, so a table added
 * to SYNCED_TABLES fails the suites until it has one here.
 */
export function validRecord(table: string, r: Refs): Fields {
  const at = now();
  const byTable: Record<SyncedTableName, () => Fields> = {
    clients: () => ({
      name: 'Acme Tools Ltd',
      legalName: 'Acme Tools Limited',
      taxId: 'GB123456789',
      status: 'active',
      ownerId: r.ownerId,
      segment: 'mid_market',
      industry: 'Construction',
      website: 'https://acme.example',
      addresses: [{ kind: 'office', street: '1 Head Street', city: 'Edinburgh', postcode: 'EH6 1AY', region: 'Scotland', country: 'GB' }],
      priceType: 'retail',
      discountPct: 2.5,
      paymentTermsDays: 30,
      currency: 'EUR',
      contractNumber: 'C-1',
      contractDate: '2026-01-15',
      contractTerms: 'Net 30',
      notes: 'Met at the fair',
      tags: ['vip'],
      language: 'hu',
      eventId: r.eventId,
      createdAt: at,
      archivedAt: null,
      attachments: [],
      [DELETED_FIELD]: false,
    }),
    contacts: () => ({
      name: 'Pat Person',
      position: 'Buyer',
      phones: [{ kind: 'work', number: '+4930123456' }],
      emails: [{ address: 'pat@example.com' }],
      birthday: '1980-02-03',
      decisionRole: 'decision_maker',
      notes: 'Prefers mornings',
      clientId: r.clientId,
      eventId: r.eventId,
      createdAt: at,
      archivedAt: null,
      [DELETED_FIELD]: false,
    }),
    events: () => ({
      name: 'Build Fair',
      kind: 'trade_fair',
      venue: 'Messe',
      city: 'Cologne',
      country: 'DE',
      startsOn: '2027-03-01',
      endsOn: '2027-03-03',
      booth: 'B12',
      teamIds: r.teamIds,
      productGroups: ['Tools'],
      questions: [{ id: 'budget', label: 'Budget?', kind: 'choice', options: ['small', 'large'] }],
      createdAt: at,
      archivedAt: null,
      [DELETED_FIELD]: false,
    }),
    leads: () => ({
      personName: 'Vic Visitor',
      position: 'Owner',
      phone: '+4930123457',
      email: 'vic@example.com',
      companyName: 'Vic GmbH',
      city: 'Bonn',
      country: 'DE',
      interests: ['Tools'],
      rating: 'hot',
      answers: { budget: 'small', topics: ['drills'], callback: true },
      notes: 'Wants a demo',
      nextStep: 'call',
      nextStepOn: '2027-03-10',
      phoneKind: 'work',
      otherPhones: [{ kind: 'mobile', label: '', number: '+491711234567' }],
      otherEmails: ['vic.private@example.net'],
      websites: ['https://vic.example.com'],
      addresses: [{ kind: 'work', poBox: '', extended: '', street: 'Markt 1', city: 'Bonn', region: 'NRW', postcode: '53111', country: 'DE' }],
      departments: ['Purchasing'],
      birthday: '1980-05-21',
      ownerId: r.ownerId,
      eventId: r.eventId,
      status: 'attached',
      clientId: r.clientId,
      contactId: r.contactId,
      discardReason: '',
      capturedBy: r.ownerId,
      capturedAt: at,
      createdAt: at,
      attachments: [],
      [DELETED_FIELD]: false,
    }),
    tasks: () => ({
      title: 'Call Vic back',
      kind: 'call',
      dueOn: '2027-03-10',
      ownerId: r.ownerId,
      leadId: r.leadId,
      clientId: r.clientId,
      doneAt: null,
      createdAt: at,
      [DELETED_FIELD]: false,
    }),
    offers: () => ({
      clientId: r.clientId,
      leadId: r.leadId,
      ownerId: r.ownerId,
      number: `T-${process.pid}-${++numbers}-${Math.random().toString(36).slice(2, 6)}`,
      version: 1,
      previousVersionId: null,
      status: 'draft',
      currency: 'EUR',
      pricesIncludeVat: false,
      lines: [
        {
          id: 'l1',
          productId: SCREWS,
          sku: 'SCR-4x40',
          name: 'Wood screws 4x40, box of 200',
          qty: 2,
          unit: 'box',
          manualDiscountBp: 0,
          pricing: { listUnitPrice: 1250, listIncludesVat: false, autoDiscounts: [{ source: 'group', discountBp: 500 }], vatRateBp: 2000, pricedAt: at },
          stockNote: 'In stock',
        },
      ],
      terms: { validUntil: '2027-01-31', delivery: 'Two weeks', payment: 'Net 30', specialConditions: 'None', notes: 'Thanks' },
      history: [{ status: 'draft', at, by: r.ownerId, comment: 'made' }],
      createdAt: at,
      [DELETED_FIELD]: false,
    }),
    activities: () => ({
      clientId: r.clientId,
      contactId: r.contactId,
      kind: 'call',
      at,
      subject: 'Intro call',
      notes: 'Went well',
      offerId: r.offerId,
      ownerId: r.ownerId,
      createdAt: at,
      [DELETED_FIELD]: false,
    }),
    stockRequests: () => ({
      clientId: r.clientId,
      productId: SCREWS,
      sku: 'SCR-4x40',
      productName: 'Wood screws',
      qty: 5,
      neededBy: '2027-02-01',
      offerId: r.offerId,
      note: 'Urgent',
      status: 'open',
      requestedBy: r.ownerId,
      createdAt: at,
      [DELETED_FIELD]: false,
    }),
    productGroups: () => ({ name: 'Hand tools', parentId: TOOLS, [DELETED_FIELD]: false }),
    products: () => ({
      sku: 'HAM-1',
      name: 'Hammer',
      groupId: TOOLS,
      unit: 'pcs',
      vatRateBp: 2000,
      description: 'A hammer',
      characteristics: [{ name: 'Weight', value: '500 g' }],
      analogueIds: [DRILL],
      discontinued: false,
      cost: { amount: 1250, currency: 'EUR' },
      names: { hu: 'Kalapács', ru: 'Молоток' },
      attachments: [],
      [DELETED_FIELD]: false,
    }),
    stock: () => ({ productId: SCREWS, available: 10, incoming: [{ on: '2027-01-05', qty: 4 }], asOf: at, [DELETED_FIELD]: false }),
    prices: () => ({ productId: SCREWS, priceType: 'retail', currency: 'EUR', includesVat: false, breaks: [{ minQty: 1, unitPrice: 100 }], [DELETED_FIELD]: false }),
    groupDiscounts: () => ({ priceType: 'dealer', groupId: FASTENERS, discountBp: 300, [DELETED_FIELD]: false }),
    company: () => ({
      name: 'Fieldbook Tools',
      legalName: 'Fieldbook Tools GmbH',
      taxId: 'DE1',
      address: 'Main St 1',
      phone: '+49 30 1',
      email: 'office@example.com',
      website: 'example.com',
      bankDetails: 'IBAN DE00',
      logo: '',
      offerFooter: 'Registered in Berlin',
      [DELETED_FIELD]: false,
    }),
    conflicts: () => ({
      clientId: r.clientId,
      table: 'clients',
      recordId: r.clientId,
      field: 'notes',
      values: [
        { value: 'one', hlc: '001763856000000-00000-aaaaaaaaaaaaaaaa', userId: r.ownerId, userName: 'Someone' },
        { value: 'two', hlc: '001763856000001-00000-bbbbbbbbbbbbbbbb', userId: r.ownerId, userName: 'Someone' },
      ],
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      createdAt: at,
      [DELETED_FIELD]: false,
    }),
  };
  const make = (byTable as Record<string, (() => Fields) | undefined>)[table];
  if (!make) throw new Error(`No valid record of table "${table}" in server/test/push-fixtures.ts: add one, and the push suites cover it.`);
  return make();
}

/** The writable fields of a valid record (what a device sends for a new one). */
export function deviceFields(table: string, r: Refs): Fields {
  const t: SyncedTable = SYNCED_TABLES[table as SyncedTableName];
  const all = validRecord(table, r);
  if (t.companyOnly || table === 'conflicts') return all;
  return Object.fromEntries(Object.entries(all).filter(([f]) => !t.companyFields.includes(f)));
}

/** The test catalog and the company profile, as the company's import writes them. */
export async function seedCatalog(db: SqlDb): Promise<void> {
  const stamp = serverStamp();
  const row = (tbl: string, { id, updatedAt: _u, ...data }: { id: string; updatedAt?: string }) => ({ tbl, id, owner_id: null, client_id: null, data: { ...data, _deleted: false }, stamps: { '*': stamp }, authors: {} });
  await db.transaction((tx) =>
    bulkInsertRows(tx, [
      ...testGroups.map((g) => row('productGroups', g)),
      ...testProducts.map((p) => row('products', p)),
      ...testStock.map((s) => row('stock', s)),
      ...testPrices.map((p) => row('prices', p)),
      ...testGroupDiscounts.map((d) => row('groupDiscounts', d)),
      row('company', { id: COMPANY_PROFILE_ID, ...validRecord('company', {} as Refs) }),
    ]),
  );
}

/** A conflict record on a record of a client, as the server makes one. */
export async function seedConflict(db: SqlDb, at: { ownerId: string; clientId: string; recordTable?: string; recordId?: string }): Promise<string> {
  const id = uuid();
  const data = { ...validRecord('conflicts', { ownerId: at.ownerId, clientId: at.clientId } as Refs), table: at.recordTable ?? 'clients', recordId: at.recordId ?? at.clientId };
  await db.transaction((tx) => bulkInsertRows(tx, [{ tbl: 'conflicts', id, owner_id: at.ownerId, client_id: at.clientId, data, stamps: { '*': serverStamp() }, authors: {} }]));
  return id;
}

export interface StoredRecordRow {
  tbl: string;
  id: string;
  owner_id: string | null;
  client_id: string | null;
  data: Fields;
  stamps: Record<string, string>;
  authors: Record<string, string>;
  seq: number;
}

const ROW_COLUMNS = `tbl, id::text AS id, owner_id::text AS owner_id, client_id::text AS client_id, data, stamps, authors, seq::float8 AS seq`;

/** Every stored record, by `table/id`. */
export async function allRecords(db: SqlDb): Promise<Map<string, StoredRecordRow>> {
  const rows = await db.query<StoredRecordRow>(`SELECT ${ROW_COLUMNS} FROM records`);
  return new Map(rows.map((r) => [`${r.tbl}/${r.id}`, { ...r, seq: Number(r.seq) }]));
}

/** The stored records with these keys (`table/id`, ids in any case), by canonical key. */
export async function recordsAt(db: SqlDb, keys: readonly { table: string; id: string }[]): Promise<Map<string, StoredRecordRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<StoredRecordRow>(`SELECT ${ROW_COLUMNS} FROM records WHERE (tbl, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`, [
    keys.map((k) => k.table),
    keys.map((k) => k.id.toLowerCase()),
  ]);
  return new Map(rows.map((r) => [`${r.tbl}/${r.id}`, { ...r, seq: Number(r.seq) }]));
}

export async function newestChange(db: SqlDb): Promise<number> {
  const [row] = await db.query<{ newest: number }>(`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::float8 AS newest FROM change_seq`);
  return Number(row!.newest);
}
