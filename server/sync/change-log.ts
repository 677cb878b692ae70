/**
 * The change log (migrations 014 and 015, docs/sync-protocol.md "History"): every accepted change
 * of a synced record with who made it (the pushing user, or the company), from which device, when
 * it was made (its HLC stamp's time, for a person's change) and when the server received it, and
 * each changed field's value before and after. Written in the transaction of
 * the change — a push (push.ts), an import (admin/write-imported.ts), `assign-client` — with one
 * statement per write, however many records it changes. The card's history reads a client's
 * entries through `GET /api/clients/:id/history`, so every laptop shows the same; the audit trail
 * of the "team and trust" issue grows from this table.
 *
 *   GET /api/clients/:clientId/history?before=<id>&limit=<n>  → ClientHistoryResponse
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../core/ids';
import { hlcWall, type Hlc } from '../../core/sync/hlc';
import { sameValue } from '../../core/sync/merge';
import type { ChangeAction, ChangeLogEntry, ClientHistoryResponse, LoggedFieldChange } from '../../core/sync/protocol';
import { DELETED_FIELD } from '../../core/sync/tables';
import { deviceNameNumber } from '../auth/devices';
import { HttpError, parseInput } from '../http-error';
import { visibleOwners } from './scope';
import type { Sql, SqlTransactor, SyncDevice } from './sql';

/** One change to log. */
export interface ChangeLogRow {
  clientId: string | null;
  table: string;
  recordId: string;
  action: ChangeAction;
  changes: LoggedFieldChange[];
  /** null: the company (an import, an admin command). */
  userId: string | null;
  deviceId: string | null;
  /** When it was made (ms, see madeAtOf); absent: the company's change, which has only the server time. */
  madeAt?: number;
}

/**
 * When a pushed change was made: the physical time of the HLC stamps the laptop gave the fields
 * it wrote — a new record's earliest (when it was created), any other change's latest (several
 * edits of a record between two syncs are one change, done with the last of them). Never after
 * `now`, the server time it arrived at: a laptop whose clock runs ahead (up to the clamp of
 * MAX_CLOCK_AHEAD_MS) made it no later than it was received. Undefined without stamps.
 */
export function madeAtOf(action: ChangeAction, stamps: readonly Hlc[], now: number): number | undefined {
  if (stamps.length === 0) return undefined;
  const walls = stamps.map(hlcWall);
  return Math.min(action === 'created' ? Math.min(...walls) : Math.max(...walls), now);
}

/**
 * What a write did to a record: `before` is the stored data (null for a new record), `after`
 * the data as it is now stored, `fields` the fields the writer set. A new record is `created`
 * (its values are the record's own); a tombstone set or lifted is `deleted` or `undeleted`;
 * otherwise the fields whose value changed, before and after. Null when nothing changed.
 */
export function describeWrite(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[],
  otherwise: Extract<ChangeAction, 'updated' | 'imported' | 'assigned'> = 'updated',
): Pick<ChangeLogRow, 'action' | 'changes'> | null {
  if (!before) return { action: 'created', changes: [] };
  const changes = fields
    .filter((f) => f !== DELETED_FIELD && !sameValue(before[f] ?? null, after[f] ?? null))
    .map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
  const wasDeleted = before[DELETED_FIELD] === true;
  const isDeleted = after[DELETED_FIELD] === true;
  if (isDeleted !== wasDeleted) return { action: isDeleted ? 'deleted' : 'undeleted', changes };
  return changes.length ? { action: otherwise, changes } : null;
}

/**
 * Writes rows of the change log in one statement (a JSON array parameter, as records.ts writes
 * records), inside the caller's transaction, at the server time `now`.
 */
export async function writeChangeLog(tx: Sql, rows: readonly ChangeLogRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const madeAt = (r: ChangeLogRow) => (r.madeAt === undefined ? null : new Date(Math.min(r.madeAt, now)).toISOString());
  const param = JSON.stringify(rows.map((r) => ({ c: r.clientId, t: r.table, r: r.recordId, a: r.action, x: r.changes, u: r.userId, d: r.deviceId, m: madeAt(r) })));
  await tx.query(
    `INSERT INTO change_log (client_id, tbl, record_id, action, changes, user_id, device_id, at, made_at)
     SELECT (e->>'c')::uuid, e->>'t', (e->>'r')::uuid, e->>'a', e->'x', (e->>'u')::uuid, (e->>'d')::uuid, $2::timestamptz, (e->>'m')::timestamptz
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n`,
    [param, new Date(now).toISOString()],
  );
}

/** The tables whose changes a client's history shows: the card itself and its contacts. */
export const CARD_TABLES = ['clients', 'contacts'] as const;

const HISTORY_PAGE = 200;

/**
 * A client's history, newest first, from before the entry `before` (null: the latest), if the
 * user may see the client now (the scope rules of pull); null when they may not, or there is
 * no such client — the same answer, so it tells nothing about others' clients.
 */
export async function clientHistory(db: SqlTransactor, device: SyncDevice, clientId: string, before: number | null, limit = HISTORY_PAGE, now = Date.now()): Promise<ClientHistoryResponse | null> {
  return db.transaction(async (tx) => {
    const [client] = await tx.query<{ owner_id: string | null }>(`SELECT owner_id::text AS owner_id FROM records WHERE tbl = 'clients' AND id = $1::uuid`, [clientId]);
    if (!client?.owner_id || !(await visibleOwners(tx, device.user)).includes(client.owner_id)) return null;
    const rows = await tx.query<{ id: string; tbl: string; record_id: string; action: ChangeAction; changes: LoggedFieldChange[]; user_id: string | null; user_name: string | null; device_name: string | null; device_number: number | null; record_name: string | null; at: string; made_at: string | null }>(
      `SELECT l.id::text AS id, l.tbl, l.record_id::text AS record_id, l.action, l.changes, l.user_id::text AS user_id,
              u.display_name AS user_name, d.name AS device_name, ${deviceNameNumber('d')} AS device_number, r.data->>'name' AS record_name,
              to_json(l.at)#>>'{}' AS at, to_json(l.made_at)#>>'{}' AS made_at
         FROM change_log l LEFT JOIN users u ON u.id = l.user_id LEFT JOIN devices d ON d.id = l.device_id
         LEFT JOIN records r ON r.tbl = l.tbl AND r.id = l.record_id
        WHERE l.client_id = $1::uuid AND l.tbl = ANY($2::text[]) AND ($3::bigint IS NULL OR l.id < $3::bigint)
        ORDER BY l.id DESC LIMIT $4`,
      [clientId, CARD_TABLES, before, limit + 1],
    );
    const entries: ChangeLogEntry[] = rows.slice(0, limit).map((r) => ({
      id: Number(r.id),
      table: r.tbl,
      recordId: r.record_id,
      recordName: r.record_name,
      action: r.action,
      changes: r.changes,
      userId: r.user_id,
      userName: r.user_name,
      deviceName: r.device_name,
      ...(r.device_number !== null ? { deviceNumber: r.device_number } : {}),
      at: new Date(r.at).toISOString(),
      ...(r.made_at !== null ? { madeAt: new Date(r.made_at).toISOString() } : {}),
    }));
    return { entries, more: rows.length > limit, serverTime: new Date(now).toISOString() };
  }, 'repeatable read');
}

const paramsSchema = z.strictObject({ clientId: idSchema });
const querySchema = z.strictObject({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE).optional(),
});

export function registerChangeLogRoutes(app: FastifyInstance, deps: { db: SqlTransactor; deviceOf(request: FastifyRequest): SyncDevice }): void {
  app.get('/api/clients/:clientId/history', async (request) => {
    const { clientId } = parseInput(paramsSchema, request.params, 'path');
    const { before, limit } = parseInput(querySchema, request.query, 'query');
    const history = await clientHistory(deps.db, deps.deviceOf(request), clientId, before ?? null, limit);
    if (!history) throw new HttpError(404, 'not_found', 'No such client among the ones you may see.');
    return history;
  });
}
