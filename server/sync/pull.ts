/**
 * Pull and snapshot (docs/sync-protocol.md): changes after the laptop's cursor in sequence order,
 * limited to what the user may see; moves of clients in or out of the user's scope; and whole
 * records, in key order, for a first sync or a grown scope.
 */
import { DEFAULT_PAGE_SIZE, type CursorAheadError, type PullRequest, type PullResponse, type SnapshotRequest, type SnapshotResponse } from '../../core/sync/protocol';
import { VISIBLE_OWNERS, scopeHash, visibleOwners, visibleOwnersParams } from './scope';
import type { Sql, SqlTransactor, SyncDevice, SyncUser } from './sql';

/**
 * The columns of a page: each record as the JSON text of a `SyncRecord`, made by PostgreSQL from
 * its stored JSON. The server passes it on as it is (`wireJson`): parsing every record's data
 * into objects and serialising them again was a third of the server's work in a busy evening's
 * pulls, and most of a first sync's time on the server.
 *
 * A tombstone also says who deleted it (`deletedBy`, the author of its `_deleted`), for the trash
 * of every laptop that held it; only tombstones carry it, so a page of live records is as before.
 *
 * Queries selecting them ORDER BY `records.seq` / `records.tbl, records.id`: a bare `id` or
 * `seq` there means these text and float output columns, which no index is sorted by, and every
 * page then scanned and sorted everything after the cursor (a first sync of 100k clients read
 * most of the table for each of its 175 pages).
 */
const RECORD_COLUMNS = `tbl, id::text AS id, seq::float8 AS seq,
  (CASE WHEN data @> '{"_deleted": true}'
        THEN json_build_object('table', tbl, 'id', id, 'data', data, 'stamps', stamps, 'seq', seq, 'deletedBy', authors->'_deleted')
        ELSE json_build_object('table', tbl, 'id', id, 'data', data, 'stamps', stamps, 'seq', seq) END)::text AS json`;

interface PageRow {
  tbl: string;
  id: string;
  seq: number;
  /** The record as the JSON text of a `SyncRecord`. */
  json: string;
}

/** A value of an answer that is already JSON text (records and the team, made by PostgreSQL). */
export class JsonText {
  constructor(readonly text: string) {}
}

const jsonArray = (items: readonly string[]) => new JsonText(`[${items.join(',')}]`);

/** An answer whose records (and team) are JSON text: `wireJson` sends it. */
export type WithJsonText<T> = { [K in keyof T]: K extends 'records' | 'team' ? JsonText : T[K] };

/** The body of an answer: the same JSON as `JSON.stringify` of the parsed answer would give. */
export function wireJson(answer: object): string {
  const fields = Object.entries(answer)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${v instanceof JsonText ? v.text : JSON.stringify(v)}`);
  return `{${fields.join(',')}}`;
}

/** The answer parsed (for tests and tools that read it). */
export function parsedAnswer<T>(answer: WithJsonText<T>): T {
  return JSON.parse(wireJson(answer)) as T;
}

/**
 * Everyone in the company (the laptop's names of owners and colleagues), as JSON text. Someone
 * who left (a disabled account) is listed with `left: true`: their clients keep a name on the
 * head of sales' laptop until they are handed over, and the app offers them in no picker.
 */
const TEAM_JSON = `SELECT coalesce(json_agg(json_strip_nulls(json_build_object('id', id::text, 'name', display_name, 'role', role,
       'discountLimitBp', round(discount_limit_pct * 100)::int, 'offerPrefix', offer_prefix,
       'left', CASE WHEN disabled_at IS NOT NULL THEN true END))
       ORDER BY display_name), '[]')::text FROM users`;

/** Whether `user` may see what the goods cost (`cost` of products: core/pricing/catalog-model.ts). */
export const seesCosts = (user: Pick<SyncUser, 'role'>) => user.role === 'head_of_sales' || user.role === 'admin';

/**
 * A page's records for `user`: a manager's products without their cost. What the goods cost the
 * company is for the heads of sales who approve discounts (an offer's margin), not for every
 * laptop in the field, where a lost one would give it away with the price lists. Only products
 * that have a cost are parsed; every other record passes as PostgreSQL wrote it.
 */
function withoutCostsFor<T extends { tbl: string; json: string }>(user: Pick<SyncUser, 'role'>, rows: T[]): T[] {
  if (seesCosts(user)) return rows;
  return rows.map((r) => {
    if (r.tbl !== 'products' || !r.json.includes('"cost"')) return r;
    const record = JSON.parse(r.json) as { data: Record<string, unknown>; stamps: Record<string, unknown> };
    delete record.data.cost;
    delete record.stamps.cost;
    return { ...r, json: JSON.stringify(record) };
  });
}

/** The newest change number the server has given (0 before the first), as SQL. */
export const NEWEST_CHANGE = `(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq)::float8`;

/** What every pull starts from, in one round trip: the user's owners, the team, the tombstone horizon, the newest change. */
async function pullContext(tx: Sql, user: SyncUser): Promise<{ owners: string[]; team: JsonText; horizon: number | null; newest: number }> {
  const [row] = await tx.query<{ owners: string[]; team: string; horizon: string | null; newest: number }>(
    `SELECT ARRAY(SELECT id FROM (${VISIBLE_OWNERS}) AS visible) AS owners, (${TEAM_JSON}) AS team,
            (SELECT value FROM sync_settings WHERE key = 'tombstone_horizon') AS horizon, ${NEWEST_CHANGE} AS newest`,
    visibleOwnersParams(user),
  );
  return { owners: row!.owners, team: new JsonText(row!.team), horizon: row!.horizon === null ? null : Number(row!.horizon), newest: Number(row!.newest) };
}

/**
 * The records of a pull page: the first changes after the cursor ($1) of the user's owners ($2)
 * and of what everyone shares, at most $3, without those the device ($4) holds already. Read
 * owner by owner along the (owner_id, seq) index, each owner's read stopping at a page, and
 * merged; the records' JSON is made for the page's rows only. Against one query over all the
 * owners, PostgreSQL's time for the 200-device benchmark's pulls went from 1.15 to 0.90 s.
 */
const PULL_PAGE = `WITH page AS (
    SELECT r.tbl, r.id, r.seq AS page_seq
      FROM unnest($2::uuid[]) AS o(owner_id)
      CROSS JOIN LATERAL (
        SELECT tbl, id, seq FROM records
         WHERE records.owner_id = o.owner_id AND records.seq > $1 AND records.known_to_device IS DISTINCT FROM $4::uuid
         ORDER BY records.seq LIMIT $3) AS r
    UNION ALL
    (SELECT tbl, id, seq FROM records
      WHERE records.owner_id IS NULL AND records.seq > $1 AND records.known_to_device IS DISTINCT FROM $4::uuid
      ORDER BY records.seq LIMIT $3)
    ORDER BY page_seq LIMIT $3)
  SELECT ${RECORD_COLUMNS} FROM page JOIN records USING (tbl, id) ORDER BY page.page_seq`;

/**
 * A page of changes after the cursor. A record whose current version the pulling device wrote
 * itself and already holds (`known_to_device`, set by a quiet push) is skipped: a laptop's
 * end-of-day sync would otherwise download every change it just uploaded. A cursor beyond the
 * newest change is refused (`cursor_ahead`): echoed back, it left the laptop never receiving
 * the changes numbered below it.
 */
export async function pull(db: SqlTransactor, device: SyncDevice, req: PullRequest, now = Date.now()): Promise<WithJsonText<PullResponse> | CursorAheadError> {
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  const { user } = device;
  return db.transaction(async (tx) => {
    const serverTime = new Date(now).toISOString();
    const mark = device.offerMark ? { offerMark: device.offerMark } : {};
    const { owners, team, horizon, newest } = await pullContext(tx, user);
    if (req.cursor > newest) return { error: 'cursor_ahead' as const, newest };
    const hash = scopeHash(owners);
    if (req.scopeHash !== hash) {
      // The set of visible owners changed (or this is the first sync): the laptop snapshots the
      // added owners and drops the removed ones, then pulls again with the new hash.
      return { records: jsonArray([]), team, removed: [], addedClients: [], scope: { hash, owners }, cursor: req.cursor, hasMore: true, serverTime, ...mark };
    }
    if (horizon !== null && req.cursor < horizon) {
      return { records: jsonArray([]), team, removed: [], addedClients: [], cursor: req.cursor, hasMore: true, resnapshot: true, serverTime, ...mark };
    }
    const rows = await tx.query<PageRow>(PULL_PAGE, [req.cursor, owners, limit + 1, device.id]);
    const hasMore = rows.length > limit;
    const page = withoutCostsFor(user, rows.slice(0, limit));
    // The page ends at its last record, or — on the last page — at the newest committed change,
    // so moves that involve no visible record still reach the laptop. One statement gives the
    // end and the moves up to it (a row with the end alone when there are none).
    const ends = await tx.query<{ end: number; tbl: string | null; client_id: string; from_owner: string | null; to_owner: string }>(
      `WITH bound AS (SELECT coalesce($2::float8, greatest($1::float8, (SELECT coalesce(max(seq), 0)::float8 FROM records))) AS "end")
       SELECT bound."end", m.tbl, m.client_id::text AS client_id, m.from_owner::text AS from_owner, m.to_owner::text AS to_owner
         FROM bound LEFT JOIN record_moves m
           ON m.seq > $1 AND m.seq <= bound."end" AND (m.from_owner = ANY($3::uuid[]) OR m.to_owner = ANY($3::uuid[]))
        ORDER BY m.seq`,
      [req.cursor, hasMore ? Number(page[page.length - 1]!.seq) : null, owners],
    );
    const end = Number(ends[0]!.end);
    const moves = ends.filter((m): m is typeof m & { tbl: string } => m.tbl !== null);
    const visible = new Set(owners);
    const removed = new Map<string, { table: string; id: string }>();
    const added = new Set<string>();
    for (const m of moves) {
      const wasVisible = m.from_owner !== null && visible.has(m.from_owner);
      const isVisible = visible.has(m.to_owner);
      const key = `${m.tbl}/${m.client_id}`;
      if (wasVisible && !isVisible) {
        removed.set(key, { table: m.tbl, id: m.client_id });
        added.delete(m.client_id);
      } else if (!wasVisible && isVisible) {
        // A moved-in client comes with a snapshot of what hangs off it; a moved-in lead or task
        // is in this pull already (it was saved with the move's sequence number).
        if (m.tbl === 'clients') added.add(m.client_id);
        removed.delete(key);
      }
    }
    return {
      records: jsonArray(page.map((r) => r.json)),
      team,
      removed: [...removed.values()],
      addedClients: [...added],
      cursor: end,
      hasMore,
      serverTime,
      ...mark,
    };
  }, 'repeatable read');
}

export class ScopeError extends Error {}

/**
 * A snapshot page's records with each client's contacts (tombstones included) right after it.
 * The laptop keeps a client's contacts inside the client's record: paged on their own, in their
 * id order, a first sync would rewrite each client once for every page that held one of its
 * contacts; this way it writes each once. A contact has its client's scope, so it is visible
 * exactly when its client is.
 */
async function withContacts(tx: Sql, page: readonly PageRow[]): Promise<JsonText> {
  const clientIds = page.filter((r) => r.tbl === 'clients').map((r) => r.id);
  if (clientIds.length === 0) return jsonArray(page.map((r) => r.json));
  const contacts = await tx.query<PageRow & { client_id: string }>(
    `SELECT ${RECORD_COLUMNS}, client_id::text AS client_id FROM records
      WHERE tbl = 'contacts' AND client_id = ANY($1::uuid[]) ORDER BY client_id, id`,
    [clientIds],
  );
  const byClient = new Map<string, PageRow[]>();
  for (const c of contacts) {
    const list = byClient.get(c.client_id);
    if (list) list.push(c);
    else byClient.set(c.client_id, [c]);
  }
  return jsonArray(page.flatMap((r) => [r, ...(r.tbl === 'clients' ? (byClient.get(r.id) ?? []) : [])].map((x) => x.json)));
}

export async function snapshot(db: SqlTransactor, user: SyncUser, req: SnapshotRequest, now = Date.now()): Promise<WithJsonText<SnapshotResponse>> {
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  return db.transaction(async (tx) => {
    const owners = await visibleOwners(tx, user);
    const notVisible = req.owners.filter((o) => !owners.includes(o));
    if (notVisible.length) throw new ScopeError(`not visible to this user: ${notVisible.join(', ')}`);
    const [top] = await tx.query<{ max: number }>(`SELECT coalesce(max(seq), 0)::float8 AS max FROM records`);
    const after = req.after ?? { table: '', id: '00000000-0000-0000-0000-000000000000' };
    // Clients asked for by id are included only while the user may see them. Tombstones are
    // included: the laptop may hold a copy of a record deleted before its first sync finished.
    // Contacts are not paged on their own: each client's come right after it (below).
    const inScope = `(owner_id = ANY($1::uuid[]) OR (client_id = ANY($2::uuid[]) AND owner_id = ANY($3::uuid[])) OR ($4 AND owner_id IS NULL))`;
    const scopeParams = [req.owners, req.clientIds, owners, req.shared];
    const rows = await tx.query<PageRow>(
      `SELECT ${RECORD_COLUMNS} FROM records
        WHERE ${inScope} AND (tbl, id) > ($5, $6::uuid) AND tbl <> 'contacts'
        ORDER BY records.tbl, records.id LIMIT $7`,
      [...scopeParams, after.table, after.id, limit + 1],
    );
    // The first page tells how many records will come (contacts have their client's scope), so
    // the laptop shows how far a first sync of minutes has got.
    const [counted] = req.after ? [] : await tx.query<{ total: number }>(`SELECT count(*)::float8 AS total FROM records WHERE ${inScope}`, scopeParams);
    const hasMore = rows.length > limit;
    const page = withoutCostsFor(user, rows.slice(0, limit));
    const last = page[page.length - 1];
    return {
      records: await withContacts(tx, page),
      next: hasMore && last ? { table: last.tbl, id: last.id } : null,
      highWater: Number(top!.max),
      serverTime: new Date(now).toISOString(),
      ...(counted ? { total: Number(counted.total) } : {}),
    };
  }, 'repeatable read');
}
