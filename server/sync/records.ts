/**
 * The server's store of synced records: one row per (table, id) with the fields as JSON, their
 * HLC stamps, who wrote each field, the effective owner and client (for scope), and the server
 * sequence of the last change. See server/db/migrations (sync tables) and docs/sync-protocol.md.
 */
import { formatHlc, parseHlc, type Hlc } from '../../core/sync/hlc';
import type { Stamps } from '../../core/sync/merge';
import type { Sql, SqlTxn } from './sql';

/** Node id of stamps the server makes itself (imports, conflict records, clamped clocks). */
export const SERVER_NODE = 'ffffffffffffffff';

export const serverStamp = (now = Date.now()): Hlc => formatHlc({ wall: now, counter: 0, node: SERVER_NODE });

/**
 * A server stamp later than `current`, the field's stamp now. Usually `serverStamp(now)`; but a
 * laptop's stamp may be up to MAX_CLOCK_AHEAD_MS ahead of the server clock, and a server write
 * stamped earlier would lose to the value it replaces instead of being the field's next edit.
 */
export function serverStampAfter(current: Hlc | null, now = Date.now()): Hlc {
  const stamp = serverStamp(now);
  if (current === null || stamp > current) return stamp;
  const { wall, counter } = parseHlc(current);
  return counter < 99_999 ? formatHlc({ wall, counter: counter + 1, node: SERVER_NODE }) : formatHlc({ wall: wall + 1, counter: 0, node: SERVER_NODE });
}

/**
 * Serialises the transactions that assign sequence numbers: taken just before a write commits,
 * so changes commit in sequence order and a pull never skips a lower number that commits late.
 */
export const SEQUENCE_LOCK = 7_291_001;

export interface StoredRow {
  tbl: string;
  id: string;
  owner_id: string | null;
  client_id: string | null;
  data: Record<string, unknown>;
  stamps: Stamps;
  /** User id per field: who wrote the value (for conflict records). */
  authors: Record<string, string>;
  /**
   * The device that wrote this version and holds it exactly (a push stored as sent on top of a
   * version that device had): its pulls skip it. Absent or null for every other write.
   */
  known_to_device?: string | null;
  seq: number;
}

const COLUMNS = `tbl, id::text AS id, owner_id::text AS owner_id, client_id::text AS client_id, data, stamps, authors,
  known_to_device::text AS known_to_device, seq::float8 AS seq`;

/** Loads and row-locks records (in key order, so concurrent pushes cannot deadlock). */
export async function loadForUpdate(sql: Sql, keys: readonly { table: string; id: string }[]): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  if (keys.length === 0) return out;
  const sorted = [...keys].sort((a, b) => (a.table + a.id < b.table + b.id ? -1 : 1));
  const rows = await sql.query<StoredRow>(
    `SELECT ${COLUMNS} FROM records
      WHERE (tbl, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
      ORDER BY tbl, id FOR UPDATE`,
    [sorted.map((k) => k.table), sorted.map((k) => k.id)],
  );
  for (const r of rows) out.set(`${r.tbl}/${r.id}`, r);
  return out;
}

/**
 * The tables that hold a record with each of `ids` (among `tables`), by id: a record made on a
 * laptop must have an id of its own. A lead created under a colleague's client id hung off that
 * client in every query by `client_id` (its moves, its conflicts). Read along the primary key.
 */
export async function tablesWithIds(sql: Sql, ids: readonly string[], tables: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await sql.query<{ id: string; tbl: string }>(
    `SELECT r.id::text AS id, r.tbl FROM unnest($1::uuid[]) AS i(id) JOIN records r ON r.tbl = ANY($2::text[]) AND r.id = i.id`,
    [[...new Set(ids)], tables],
  );
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.tbl]);
  return out;
}

export async function loadClientOwners(sql: Sql, clientIds: readonly string[]): Promise<Map<string, { ownerId: string; deleted: boolean }>> {
  const out = new Map<string, { ownerId: string; deleted: boolean }>();
  if (clientIds.length === 0) return out;
  const rows = await sql.query<{ id: string; owner_id: string; deleted: boolean }>(
    `SELECT id::text AS id, owner_id::text AS owner_id, coalesce((data->>'_deleted')::boolean, false) AS deleted
       FROM records WHERE tbl = 'clients' AND id = ANY($1::uuid[])`,
    [[...new Set(clientIds)]],
  );
  for (const r of rows) out.set(r.id, { ownerId: r.owner_id, deleted: r.deleted });
  return out;
}

/**
 * Writes a record the server made or changed itself (a conflict record, an import) with the next
 * sequence number; the caller holds SEQUENCE_LOCK. No device holds such a version yet.
 */
export async function saveRow(sql: Sql, row: Omit<StoredRow, 'seq'>): Promise<number> {
  const [saved] = await sql.query<{ seq: number }>(
    `INSERT INTO records (tbl, id, owner_id, client_id, data, stamps, authors, seq, updated_at)
     VALUES ($1, $2::uuid, $3::uuid, $4::uuid, $5::jsonb, $6::jsonb, $7::jsonb, nextval('change_seq'), now())
     ON CONFLICT (tbl, id) DO UPDATE SET owner_id = EXCLUDED.owner_id, client_id = EXCLUDED.client_id, data = EXCLUDED.data,
       stamps = EXCLUDED.stamps, authors = EXCLUDED.authors, known_to_device = NULL, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
     RETURNING seq::float8 AS seq`,
    [row.tbl, row.id, row.owner_id, row.client_id, JSON.stringify(row.data), JSON.stringify(row.stamps), JSON.stringify(row.authors)],
  );
  return saved!.seq;
}

/**
 * A record to write with `saveRows`: a new one whole; an existing one as the fields that change
 * (their values, stamps and authors; an author of null removes the field's author), which
 * PostgreSQL merges into the stored record. The scope columns are always given whole.
 */
export type RowWrite = Omit<StoredRow, 'seq' | 'authors'> & { authors: Record<string, string | null> };

/**
 * Records as one JSON array, the parameter of an insert of many rows (`RECORDS_PARAM`). One
 * `JSON.stringify` of the batch: as arrays of JSON texts, node-postgres escaped every record's
 * text character by character into an array literal (a tenth of the server's work in a busy
 * evening's pushes).
 */
const recordsParam = (rows: readonly RowWrite[]) =>
  JSON.stringify(rows.map((r) => ({ t: r.tbl, i: r.id, o: r.owner_id, c: r.client_id, d: r.data, s: r.stamps, a: r.authors, k: r.known_to_device ?? null })));

/** The rows of `recordsParam` ($1), in their order (`n`). */
const RECORDS_PARAM = `jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(r, n)`;
const RECORD_COLUMNS = `tbl, id, owner_id, client_id, data, stamps, authors, known_to_device`;
const RECORD_VALUES = `r->>'t', (r->>'i')::uuid, (r->>'o')::uuid, (r->>'c')::uuid, r->'d', r->'s', r->'a', (r->>'k')::uuid`;

/**
 * Writes several records (`RowWrite`) in one statement, each with its own next sequence number.
 * The statement takes SEQUENCE_LOCK itself (held to the commit; taking it again in a transaction
 * that holds it is a no-op): every laptop's push waits for that lock, so the lock and the writes
 * cost one round trip, not one per record or two. The lock is read before any row is produced,
 * so before any `nextval`. Each record may appear once.
 */
const SAVE_ROWS = `WITH sequence_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock($2))
     INSERT INTO records (${RECORD_COLUMNS}, seq, updated_at)
     SELECT ${RECORD_VALUES}, nextval('change_seq'), now()
       FROM sequence_lock, ${RECORDS_PARAM}
      ORDER BY n
     ON CONFLICT (tbl, id) DO UPDATE SET owner_id = EXCLUDED.owner_id, client_id = EXCLUDED.client_id,
       data = records.data || EXCLUDED.data, stamps = records.stamps || EXCLUDED.stamps,
       authors = jsonb_strip_nulls(records.authors || EXCLUDED.authors), known_to_device = EXCLUDED.known_to_device,
       seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
     RETURNING tbl, id::text AS id, seq::float8 AS seq`;

type Saved = { tbl: string; id: string; seq: number };

/** The sequence numbers of `rows`, in their order. */
function seqsOf(rows: readonly RowWrite[], saved: readonly Saved[]): number[] {
  const seqOf = new Map(saved.map((r) => [`${r.tbl}/${r.id}`, Number(r.seq)]));
  return rows.map((r) => seqOf.get(`${r.tbl}/${r.id}`)!);
}

/** Writes records with SAVE_ROWS; returns their sequence numbers in the order given. */
export async function saveRows(sql: Sql, rows: readonly RowWrite[]): Promise<number[]> {
  if (rows.length === 0) return [];
  return seqsOf(rows, await sql.query<Saved>(SAVE_ROWS, [recordsParam(rows), SEQUENCE_LOCK]));
}

/**
 * `saveRows` as the transaction's last statement, committed right behind it: a push holds the
 * sequence lock while PostgreSQL writes its rows, not also while the server (busy with other
 * laptops' requests) gets round to committing, and every push waits for that lock in turn.
 * With no rows the caller's transaction commits as usual.
 */
export async function saveRowsAndCommit(tx: SqlTxn, rows: readonly RowWrite[]): Promise<number[]> {
  if (rows.length === 0) return [];
  return seqsOf(rows, await tx.queryAndCommit<Saved>(SAVE_ROWS, [recordsParam(rows), SEQUENCE_LOCK]));
}

/**
 * Inserts many records at once (imports, the demo base, benchmarks), each with its own next
 * sequence number, one statement per chunk, not per row.
 */
export async function bulkInsertRows(sql: Sql, rows: readonly Omit<StoredRow, 'seq'>[], chunk = 2000): Promise<void> {
  await sql.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await sql.query(
      `INSERT INTO records (${RECORD_COLUMNS}, seq)
       SELECT ${RECORD_VALUES}, nextval('change_seq') FROM ${RECORDS_PARAM} ORDER BY n
       ON CONFLICT (tbl, id) DO NOTHING`,
      [recordsParam(part)],
    );
  }
}
