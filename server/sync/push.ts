/**
 * Push: applies one batch of a laptop's outbox in one transaction (docs/sync-protocol.md, "Push").
 * Idempotent by the device's last applied sequence, stored in the same transaction; every
 * operation authorised and validated on its own, so a refused one never blocks the others;
 * concurrent values of a field kept in a conflict record.
 */
import { randomUUID } from 'node:crypto';
import { formatHlc, hlcWall, parseHlc, type Hlc } from '../../core/sync/hlc';
import { mergeFields, sameValue, type FieldWrite, type LostValue, type MergeResult } from '../../core/sync/merge';
import { MAX_CLOCK_AHEAD_MS, type OpResult, type PushGapError, type PushOp, type PushRequest, type PushResponse, type RejectReason } from '../../core/sync/protocol';
import { DELETED_FIELD, SYNCED_TABLES, type ConflictValue, type SyncedTable } from '../../core/sync/tables';
import { ATTACHMENTS_FIELD } from '../../core/sync/attachments';
import { recordClientMove, recordOwnerMove } from './client-move';
import { loadClientOwners, loadForUpdate, saveRow, saveRows, saveRowsAndCommit, serverStamp, type RowWrite, type StoredRow } from './records';
import { completeAttachments } from './attachments';
import { offerWriteError } from '../../core/offers/offer-write-rules';
import type { Offer } from '../../core/offers/offer-model';
import { VISIBLE_OWNERS, visibleOwnersParams } from './scope';
import type { Sql, SqlTransactor, SyncDevice } from './sql';

export type PushOutcome = { ok: true; response: PushResponse } | { ok: false; gap: PushGapError };

class Rejection {
  constructor(
    readonly reason: RejectReason,
    readonly field?: string,
    readonly detail?: string,
  ) {}
}

type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } };
const fieldSchemas = (t: SyncedTable) => t.fields as Record<string, Schema>;

/** Fields a new record must have: those whose schema has no default (the tombstone flag aside). */
function requiredFields(t: SyncedTable): string[] {
  return Object.entries(fieldSchemas(t))
    .filter(([f, s]) => f !== DELETED_FIELD && !t.companyFields.includes(f) && !s.safeParse(undefined).success)
    .map(([f]) => f);
}

/** Stamps far ahead of the server clock are pulled back to it (see MAX_CLOCK_AHEAD_MS). */
function clamp(hlc: Hlc, now: number): { hlc: Hlc; aheadMs: number } {
  const ahead = hlcWall(hlc) - now;
  if (ahead <= MAX_CLOCK_AHEAD_MS) return { hlc, aheadMs: 0 };
  const { counter, node } = parseHlc(hlc);
  return { hlc: formatHlc({ wall: now, counter, node }), aheadMs: ahead };
}

interface PendingWrite {
  row: RowWrite;
  /** Who wrote each field before this push (the authors of values that lost). */
  authorsBefore: Record<string, string>;
  /** Set when a client changed owner: the move is logged with the client's new sequence. */
  move?: { from: string | null; to: string };
  lost: LostValue[];
  table: string;
}

class SequenceGap extends Error {
  constructor(readonly expectedFromSeq: number) {
    super('sequence gap');
  }
}

export async function applyPush(db: SqlTransactor, device: SyncDevice, req: PushRequest, now = Date.now()): Promise<PushOutcome> {
  try {
    return await applyInTransaction(db, device, req, now);
  } catch (e) {
    if (e instanceof SequenceGap) return { ok: false, gap: { error: 'sequence_gap', expectedFromSeq: e.expectedFromSeq } };
    throw e;
  }
}

async function applyInTransaction(db: SqlTransactor, device: SyncDevice, req: PushRequest, now: number): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    // The device's row, made on its first push and locked (the update of a conflict locks it), and
    // the owners the user may write for, in one round trip: this laptop's pushes apply one at a time.
    const [state] = await tx.query<{ last_seq: number; last_results: OpResult[] | null; owners: string[] }>(
      `WITH device AS (
         INSERT INTO device_sync (device_id) VALUES ($4::uuid) ON CONFLICT (device_id) DO UPDATE SET device_id = EXCLUDED.device_id
         RETURNING last_seq, last_results)
       SELECT last_seq::float8 AS last_seq, last_results, ARRAY(SELECT id FROM (${VISIBLE_OWNERS}) AS visible) AS owners FROM device`,
      [...visibleOwnersParams(device.user), device.id],
    );
    const lastSeq = Number(state!.last_seq);
    const serverTime = new Date(now).toISOString();
    if (req.toSeq <= lastSeq) {
      // Applied before; the answer was lost. Give the same per-operation results again.
      const results = req.toSeq === lastSeq && state!.last_results ? state!.last_results : req.ops.map((o) => ({ table: o.table, id: o.id, status: 'applied' as const }));
      return { ok: true, response: { outcome: 'duplicate', lastSeq, results, serverTime } };
    }
    // Thrown, not returned, so the transaction rolls back and a refused batch leaves no trace.
    if (req.fromSeq > lastSeq + 1) throw new SequenceGap(lastSeq + 1);

    const writable = new Set(state!.owners);
    const handsOver = req.ops.some((o) => { const t: SyncedTable = SYNCED_TABLES[o.table as keyof typeof SYNCED_TABLES]; return 'ownerField' in t.scope && t.scope.handOver; });
    const colleagues = handsOver ? new Set(await activeUserIds(tx)) : new Set<string>();
    const current = await loadForUpdate(tx, req.ops);
    const parentIds = req.ops.filter((o) => o.table !== 'clients').map((o) => clientIdOf(o, current.get(`${o.table}/${o.id}`)));
    const parents = await loadClientOwners(tx, parentIds.filter((id): id is string => id !== null));
    // Files are uploaded before the push that references them; a reference to content the server
    // lacks would leave every other laptop with a file it can never open.
    const uploaded = await completeAttachments(tx, req.ops.flatMap((o) => referencedHashes(o.fields[ATTACHMENTS_FIELD]?.value)));
    const limits = req.ops.some((o) => o.table === 'offers') ? await discountLimits(tx) : new Map<string, number>();

    const results: OpResult[] = [];
    const writes: PendingWrite[] = [];
    let clockAheadMs = 0;
    for (const op of req.ops) {
      const key = `${op.table}/${op.id}`;
      try {
        const existing = current.get(key) ?? null;
        const table: SyncedTable = SYNCED_TABLES[op.table as keyof typeof SYNCED_TABLES];
        checkFields(op, table, existing);
        const missing = referencedHashes(op.fields[ATTACHMENTS_FIELD]?.value).find((h) => !uploaded.has(h));
        if (missing) throw new Rejection('missing_attachment', ATTACHMENTS_FIELD, missing);
        const writesIn: Record<string, FieldWrite> = {};
        for (const [field, w] of Object.entries(op.fields)) {
          const c = clamp(w.hlc, now);
          clockAheadMs = Math.max(clockAheadMs, c.aheadMs);
          writesIn[field] = { value: w.value, hlc: c.hlc, base: w.base };
        }
        const merged = mergeFields(existing ? { data: existing.data, stamps: existing.stamps } : null, writesIn);
        const defaulted = !existing && table.companyDefaults !== undefined;
        if (defaulted) {
          // A record made on a laptop starts with the company's defaults (no credit yet).
          for (const [field, value] of Object.entries(table.companyDefaults!)) {
            merged.data[field] = value;
            merged.stamps[field] = serverStamp(now);
          }
        }
        const quiet = !defaulted && knownTo(existing, device, req.cursor) && storedAsSent(op, merged);
        const scope = scopeOf(op, table, existing, merged.data, { writable, colleagues }, parents, device.user.role);
        if (!existing) {
          const missing = requiredFields(table).filter((f) => !(f in merged.data));
          if (missing.length) throw new Rejection('incomplete', missing[0], `missing: ${missing.join(', ')}`);
        }
        if (op.table === 'offers') checkOffer(existing, merged.data, device, limits);
        const wrote: Record<string, string> = {};
        for (const f of merged.changed) if (merged.data[f] === writesIn[f]?.value && merged.stamps[f] === writesIn[f]?.hlc) wrote[f] = device.user.id;
        if (merged.changed.length || merged.lost.length) {
          const whole = {
            tbl: op.table,
            id: op.id,
            owner_id: scope.ownerId,
            client_id: scope.clientId,
            data: merged.data,
            stamps: merged.stamps,
            authors: { ...existing?.authors, ...wrote },
            known_to_device: quiet ? device.id : null,
          };
          // An existing record is written as what changed (saveRows): a tenth of its bytes.
          const row = existing ? { ...whole, data: pick(merged.data, merged.changed), stamps: pick(merged.stamps, merged.changed), authors: wrote } : whole;
          // A client, lead or task given to another owner leaves the old owner's laptops.
          const moved = 'ownerField' in table.scope && existing && existing.owner_id !== scope.ownerId;
          writes.push({ row, authorsBefore: existing?.authors ?? {}, lost: merged.lost, table: op.table, ...(moved ? { move: { from: existing.owner_id, to: scope.ownerId! } } : {}) });
          current.set(key, { ...whole, seq: 0 });
          if (op.table === 'clients') parents.set(op.id, { ownerId: scope.ownerId!, deleted: merged.data[DELETED_FIELD] === true });
        }
        const conflicted = [...new Set(merged.lost.map((l) => l.field))];
        results.push(
          conflicted.length
            ? { table: op.table, id: op.id, status: 'merged', lostFields: conflicted }
            : { table: op.table, id: op.id, status: 'applied', ...(quiet ? { quiet: true as const } : {}) },
        );
      } catch (e) {
        if (!(e instanceof Rejection)) throw e;
        results.push({ table: op.table, id: op.id, status: 'rejected', reason: e.reason, ...(e.field ? { field: e.field } : {}), ...(e.detail ? { detail: e.detail } : {}) });
      }
    }

    // The device's answer first: it needs no sequence numbers, so it is not written under the lock.
    await tx.query(`UPDATE device_sync SET last_seq = $2, last_results = $3::jsonb WHERE device_id = $1::uuid`, [device.id, req.toSeq, JSON.stringify(results)]);
    // Write phase: saveRows takes the sequence lock and assigns the numbers; the commit releases
    // it. Usually the write is all there is, and the commit goes right behind it.
    const rows = writes.map((w) => w.row);
    if (writes.every((w) => !w.move && w.lost.length === 0)) {
      await saveRowsAndCommit(tx, rows);
      return { ok: true, response: answer(req, results, serverTime, clockAheadMs) };
    }
    const seqs = await saveRows(tx, rows);
    for (const [i, w] of writes.entries()) {
      // Everything hanging off the client follows it to the new owner.
      if (w.move && w.table === 'clients') await recordClientMove(tx, { seq: seqs[i]!, clientId: w.row.id, from: w.move.from, to: w.move.to });
      else if (w.move) await recordOwnerMove(tx, { seq: seqs[i]!, table: w.table, id: w.row.id, from: w.move.from, to: w.move.to });
      if (w.lost.length) await recordConflicts(tx, w, device, now);
    }
    return { ok: true, response: answer(req, results, serverTime, clockAheadMs) };
  });
}

const answer = (req: PushRequest, results: OpResult[], serverTime: string, clockAheadMs: number): PushResponse => ({
  outcome: 'applied',
  lastSeq: req.toSeq,
  results,
  serverTime,
  ...(clockAheadMs ? { clockAheadMs } : {}),
});

/**
 * Whether the device holds the record's current version: it has pulled up to (at least) its
 * sequence number, or the version is the device's own quiet write. A new record: nothing to hold.
 */
function knownTo(existing: StoredRow | null, device: SyncDevice, cursor: number | undefined): boolean {
  if (!existing) return true;
  return (cursor !== undefined && existing.seq <= cursor) || existing.known_to_device === device.id;
}

/**
 * Whether every pushed field is now stored as sent, value and stamp, with no concurrent value
 * lost: the merge then equals what the laptop computed locally, so it need not be sent back.
 */
function storedAsSent(op: PushOp, merged: MergeResult): boolean {
  return merged.lost.length === 0 && Object.entries(op.fields).every(([field, w]) => merged.stamps[field] === w.hlc && sameValue(merged.data[field], w.value));
}

async function activeUserIds(tx: Sql): Promise<string[]> {
  return (await tx.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE disabled_at IS NULL`)).map((r) => r.id);
}

const pick = <T,>(values: Record<string, T>, fields: readonly string[]): Record<string, T> => Object.fromEntries(fields.map((f) => [f, values[f]!]));

function clientIdOf(op: PushOp, existing: StoredRow | undefined): string | null {
  if (op.table === 'clients') return op.id;
  if (existing?.client_id) return existing.client_id;
  const v = op.fields.clientId?.value;
  return typeof v === 'string' ? v : null;
}

/** The SHA-256 of every attachment a pushed `attachments` value refers to (validated later). */
function referencedHashes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((a: unknown) => (a as { sha256?: unknown } | null)?.sha256).filter((h): h is string => typeof h === 'string');
}

/** Each active user's discount limit on offers, in basis points. */
async function discountLimits(tx: Sql): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: string; bp: number }>(`SELECT id::text AS id, round(discount_limit_pct * 100)::int AS bp FROM users`);
  return new Map(rows.map((r) => [r.id, Number(r.bp)]));
}

/**
 * An offer write must be one its writer may make (core/offers/offer-write-rules.ts): approvals
 * by a head of sales or an admin only, nothing above the owner's discount limit sent without
 * one, and no change to what a sent offer says. The limit is the owner's as the server knows it
 * now, not what the laptop believed.
 */
function checkOffer(existing: StoredRow | null, merged: Record<string, unknown>, device: SyncDevice, limits: Map<string, number>): void {
  const after = merged as unknown as Offer;
  const error = offerWriteError(existing ? (existing.data as unknown as Offer) : null, after, device.user, limits.get(after.ownerId) ?? 0);
  if (error) throw new Rejection('offer_rule', 'status', error);
}

function checkFields(op: PushOp, table: SyncedTable, existing: StoredRow | null): void {
  const schemas = fieldSchemas(table);
  // Reference data (the catalog) comes from the company's imports only.
  if (table.companyOnly) throw new Rejection('company_field', Object.keys(op.fields)[0]);
  if (op.table === 'conflicts' && !existing) throw new Rejection('not_permitted', undefined, 'conflicts are created by the server');
  for (const [field, w] of Object.entries(op.fields)) {
    const schema = schemas[field];
    if (!schema) throw new Rejection('unknown_field', field);
    if (table.companyFields.includes(field)) throw new Rejection('company_field', field);
    if (existing && table.createOnlyFields.includes(field) && field in existing.data && !sameValue(existing.data[field], w.value)) {
      throw new Rejection('create_only', field);
    }
    const parsed = schema.safeParse(w.value);
    if (!parsed.success) throw new Rejection('invalid_value', field, parsed.error?.issues[0]?.message);
  }
}

function scopeOf(
  op: PushOp,
  table: SyncedTable,
  existing: StoredRow | null,
  merged: Record<string, unknown>,
  users: { writable: Set<string>; colleagues: Set<string> },
  parents: Map<string, { ownerId: string; deleted: boolean }>,
  role: SyncDevice['user']['role'],
): { ownerId: string | null; clientId: string | null } {
  const { writable } = users;
  if (op.table === 'conflicts' && existing && existing.data.table !== 'clients' && existing.data.table !== 'contacts') {
    // A conflict on a shared record (an event: no owner, no client) or on a record with its own
    // owner (a lead, a task) has no client to take its owner from: it keeps the scope the server
    // gave it when it made the conflict, so whoever sees it may resolve it.
    if (existing.owner_id !== null && !writable.has(existing.owner_id)) throw new Rejection('not_permitted');
    return { ownerId: existing.owner_id, clientId: existing.client_id };
  }
  if ('shared' in table.scope) {
    if (existing && existing.owner_id !== null) throw new Rejection('not_permitted');
    return { ownerId: null, clientId: null };
  }
  if ('ownerField' in table.scope) {
    const field = table.scope.ownerField;
    const before = existing?.owner_id ?? null;
    const after = typeof merged[field] === 'string' ? (merged[field] as string) : before;
    if (existing && (before === null || !writable.has(before))) throw new Rejection('not_permitted');
    if (table.scope.handOver) {
      // A lead may be passed to any active colleague, by whoever may write it.
      if (after === null || !(writable.has(after) || users.colleagues.has(after))) throw new Rejection('not_permitted', field);
      return { ownerId: after, clientId: op.id };
    }
    if (after === null || !writable.has(after)) throw new Rejection('not_permitted', field);
    // Reassigning a client is a head of sales' (or admin's) decision, not a manager's.
    if (existing && after !== before && role === 'manager') throw new Rejection('not_permitted', field);
    return { ownerId: after, clientId: op.id };
  }
  const clientId = clientIdOf(op, existing ?? undefined);
  const parent = clientId ? parents.get(clientId) : undefined;
  if (!clientId || !parent) throw new Rejection('missing_parent', 'clientId');
  if (!writable.has(parent.ownerId)) throw new Rejection('not_permitted');
  return { ownerId: parent.ownerId, clientId };
}

/** Keeps each concurrent value in the open conflict of that field (made if none is open). */
async function recordConflicts(tx: Sql, w: PendingWrite, device: SyncDevice, now: number): Promise<void> {
  const authorIds = new Set<string>([device.user.id, ...Object.values(w.authorsBefore)]);
  const names = new Map(
    (await tx.query<{ id: string; display_name: string }>(`SELECT id::text AS id, display_name FROM users WHERE id = ANY($1::uuid[])`, [[...authorIds].filter(isUuid)])).map((r) => [r.id, r.display_name]),
  );
  for (const lost of w.lost) {
    const before = w.authorsBefore[lost.field] ?? '';
    const loserAuthor = lost.incomingLost ? device.user.id : before;
    const winnerAuthor = lost.incomingLost ? before : device.user.id;
    const value = (v: unknown, hlc: string, userId: string): ConflictValue => ({ value: v as ConflictValue['value'], hlc, userId, userName: names.get(userId) ?? '' });
    const incoming = [value(lost.winner.value, lost.winner.hlc, winnerAuthor), value(lost.value, lost.hlc, loserAuthor)];
    const [open] = await tx.query<StoredRow>(
      `SELECT tbl, id::text AS id, owner_id::text AS owner_id, client_id::text AS client_id, data, stamps, authors, seq::float8 AS seq
         FROM records WHERE tbl = 'conflicts' AND client_id IS NOT DISTINCT FROM $1::uuid AND data->>'recordId' = $2 AND data->>'field' = $3 AND data->>'status' = 'open'
         FOR UPDATE`,
      [w.row.client_id, w.row.id, lost.field],
    );
    const stamp = serverStamp(now);
    if (open) {
      const values = [...(open.data.values as ConflictValue[])];
      for (const v of incoming) if (!values.some((x) => x.hlc === v.hlc)) values.push(v);
      if (values.length === (open.data.values as ConflictValue[]).length) continue;
      await saveRow(tx, { ...open, data: { ...open.data, values }, stamps: { ...open.stamps, values: stamp } });
    } else {
      await saveRow(tx, {
        tbl: 'conflicts',
        id: randomUUID(),
        owner_id: w.row.owner_id,
        client_id: w.row.client_id,
        data: {
          clientId: w.row.client_id,
          table: w.table,
          recordId: w.row.id,
          field: lost.field,
          values: incoming,
          status: 'open',
          resolvedBy: null,
          resolvedAt: null,
          createdAt: new Date(now).toISOString(),
          [DELETED_FIELD]: false,
        },
        stamps: { '*': stamp },
        authors: {},
      });
    }
  }
}

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
