/**
 * Push: applies one batch of a laptop's outbox in one transaction (docs/sync-protocol.md, "Push").
 * Idempotent by the device's last applied sequence, stored in the same transaction; every
 * operation authorised and validated on its own, so a refused one never blocks the others;
 * concurrent values of a field kept in a conflict record.
 */
import { createHash, randomUUID } from 'node:crypto';
import { formatHlc, hlcWall, parseHlc, type Hlc } from '../../core/sync/hlc';
import { mergeFields, sameValue, stampOf, type FieldWrite, type LostValue, type MergeResult } from '../../core/sync/merge';
import { MAX_CLOCK_AHEAD_MS, type CursorAheadError, type OpResult, type PushOp, type PushRequest, type PushResponse, type PushSequenceError, type RejectReason } from '../../core/sync/protocol';
import { DELETED_FIELD, SYNCED_TABLES, SYNCED_TABLE_NAMES, type ConflictValue, type SyncedTable } from '../../core/sync/tables';
import { VALUE_PROBLEM_DETAIL, jsonPieces, valueProblem } from '../../core/sync/wire-value';
import { ATTACHMENTS_FIELD } from '../../core/sync/attachments';
import { clientsMovedAwayUnseen, recordClientMove, recordOwnerMove } from './client-move';
import { loadClientOwners, loadForUpdate, saveRow, saveRows, saveRowsAndCommit, serverStamp, tablesWithIds, type RowWrite, type StoredRow } from './records';
import { attachableHashes } from './attachments';
import { describeWrite, madeAtOf, writeChangeLog, type ChangeLogRow } from './change-log';
import { goesOutWithoutApproval, offerWriteError } from '../../core/offers/offer-write-rules';
import { offerLinesOutsideRules, type OfferPricingCheck } from './offer-pricing';
import type { Offer, StatusChange } from '../../core/offers/offer-model';
import { loadPeople, ownerProblem, type Person } from './people';
import { NEWEST_CHANGE } from './pull';
import { VISIBLE_OWNERS, visibleOwnersParams } from './scope';
import type { Sql, SqlTransactor, SyncDevice } from './sql';

export type PushOutcome = { ok: true; response: PushResponse } | { ok: false; sequence: PushSequenceError } | { ok: false; cursor: CursorAheadError };

class Rejection {
  constructor(
    readonly reason: RejectReason,
    readonly field?: string,
    readonly detail?: string,
  ) {}
}

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } };
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

/** Thrown, not returned, so the transaction rolls back and a refused batch leaves no trace. */
class Refused extends Error {
  constructor(readonly outcome: Extract<PushOutcome, { ok: false }>) {
    super('push refused');
  }
}

export async function applyPush(db: SqlTransactor, device: SyncDevice, req: PushRequest, now = Date.now()): Promise<PushOutcome> {
  try {
    return await applyInTransaction(db, device, req, now);
  } catch (e) {
    if (e instanceof Refused) return e.outcome;
    throw e;
  }
}

/** What identifies a batch: its numbers and its operations (after ids were made canonical). */
function batchHash(req: PushRequest): string {
  const batch = [req.fromSeq, req.toSeq, req.ops];
  const hash = createHash('sha256');
  try {
    hash.update(JSON.stringify(batch));
  } catch (e) {
    // A value nested thousands of levels deep (refused per operation, still part of the batch)
    // overflows JSON.stringify; jsonPieces writes the same text without recursion, slower.
    if (!(e instanceof RangeError)) throw e;
    for (const piece of jsonPieces(batch)) hash.update(piece);
  }
  return hash.digest('hex');
}

const outOfSequence = (error: PushSequenceError['error'], expectedFromSeq: number) => new Refused({ ok: false, sequence: { error, expectedFromSeq } });

/**
 * Whether the device's numbers allow this batch: the next one (`fromSeq = last + 1`), or the last
 * applied batch again, whose answer was lost (answered with its stored results, by the caller).
 * Any other batch at or below the last number — older, overlapping it, or the same numbers with
 * other content — is refused with the number the server expects: answered "applied", it was
 * stored nowhere. A batch after a gap is refused too (the server lacks earlier changes).
 */
function checkSequence(req: PushRequest, last: { seq: number; hash: string | null; results: OpResult[] | null }): 'next' | 'again' {
  const expected = last.seq + 1;
  if (req.fromSeq > expected) throw outOfSequence('sequence_gap', expected);
  if (req.fromSeq === expected) return 'next';
  if (req.toSeq === last.seq && last.results) {
    // Batches applied before the server kept their hash are recognised by their records.
    const same = last.hash !== null ? last.hash === batchHash(req) : sameRecords(req.ops, last.results);
    if (same) return 'again';
  }
  throw outOfSequence('out_of_sequence', expected);
}

const sameRecords = (ops: readonly PushOp[], results: readonly OpResult[]) =>
  ops.length === results.length && ops.every((o, i) => o.table === results[i]!.table && o.id === results[i]!.id);

async function applyInTransaction(db: SqlTransactor, device: SyncDevice, req: PushRequest, now: number): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    // The device's row, made on its first push and locked (the update of a conflict locks it), the
    // owners the user may write for and the newest change number, in one round trip: this
    // laptop's pushes apply one at a time.
    const [state] = await tx.query<{ last_seq: number; last_results: OpResult[] | null; last_batch_hash: string | null; owners: string[]; newest: number }>(
      `WITH device AS (
         INSERT INTO device_sync (device_id) VALUES ($4::uuid) ON CONFLICT (device_id) DO UPDATE SET device_id = EXCLUDED.device_id
         RETURNING last_seq, last_results, last_batch_hash)
       SELECT last_seq::float8 AS last_seq, last_results, last_batch_hash, ARRAY(SELECT id FROM (${VISIBLE_OWNERS}) AS visible) AS owners,
              ${NEWEST_CHANGE} AS newest
         FROM device`,
      [...visibleOwnersParams(device.user), device.id],
    );
    const newest = Number(state!.newest);
    // A cursor this server never gave would make the answer's quiet marks wrong (see pull).
    if (req.cursor !== undefined && req.cursor > newest) throw new Refused({ ok: false, cursor: { error: 'cursor_ahead', newest } });
    const lastSeq = Number(state!.last_seq);
    const serverTime = new Date(now).toISOString();
    if (checkSequence(req, { seq: lastSeq, hash: state!.last_batch_hash, results: state!.last_results }) === 'again') {
      // Applied before; the answer was lost. Give the same per-operation results again.
      return { ok: true, response: { outcome: 'duplicate', lastSeq, results: state!.last_results!, serverTime } };
    }

    const writable = new Set(state!.owners);
    const current = await loadForUpdate(tx, req.ops);
    // A new record's id must be no other record's (see tablesWithIds).
    const taken = await tablesWithIds(tx, req.ops.filter((o) => !current.has(`${o.table}/${o.id}`)).map((o) => o.id), SYNCED_TABLE_NAMES);
    // Every value is checked before anything else reads it: a clientId that is no id used to
    // reach the database as one and fail the whole batch.
    const people = req.ops.some(needsPeople) ? await loadPeople(tx) : new Map<string, Person>();
    const prepared = req.ops.map((op) => prepareOp(op, current.get(`${op.table}/${op.id}`) ?? null, device.user, people));
    const parentIds = prepared.flatMap((p) => (p instanceof Rejection || p.op.table === 'clients' ? [] : [clientIdOf(p.op, current.get(`${p.op.table}/${p.op.id}`))]));
    const parents = await loadClientOwners(tx, parentIds.filter((id): id is string => id !== null));
    // Clients reassigned away from this user since the laptop's last pull: what it made offline
    // for them follows them (scopeOf). Looked up only when some parent is not the user's to write.
    const unwritable = [...parents].filter(([, p]) => !writable.has(p.ownerId)).map(([id]) => id);
    const followable = await clientsMovedAwayUnseen(tx, device.user.id, unwritable, req.cursor, now);
    // Files are uploaded before the push that references them; a reference to content the server
    // lacks would leave every other laptop with a file it can never open. And a hash is no
    // ticket: the pusher must have sent the file themselves, or see a record that has it already.
    const uploaded = await attachableHashes(tx, device.user, state!.owners, prepared.flatMap((p) => (p instanceof Rejection ? [] : referencedHashes(p.op.fields[ATTACHMENTS_FIELD]?.value))));

    const results: OpResult[] = [];
    const writes: PendingWrite[] = [];
    // Every accepted change, for the change log (change-log.ts): written below in one statement.
    const logged: ChangeLogRow[] = [];
    // Conflicts this push resolved: as stored before it, and when the laptop resolved them.
    const resolved: { conflict: StoredRow; madeAt: number | undefined }[] = [];
    let clockAheadMs = 0;
    for (const [i, op] of req.ops.entries()) {
      const key = `${op.table}/${op.id}`;
      try {
        const ready = prepared[i]!;
        if (ready instanceof Rejection) throw ready;
        if (!current.has(key)) {
          if (taken.get(op.id)?.some((t) => t !== op.table)) throw new Rejection('invalid_value', 'id', 'this id is already another record’s');
          taken.set(op.id, [...(taken.get(op.id) ?? []), op.table]);
        }
        const existing = current.get(key) ?? null;
        const table: SyncedTable = SYNCED_TABLES[op.table as keyof typeof SYNCED_TABLES];
        const missing = referencedHashes(ready.op.fields[ATTACHMENTS_FIELD]?.value).find((h) => !uploaded.has(h));
        if (missing) throw new Rejection('missing_attachment', ATTACHMENTS_FIELD, missing);
        const writesIn: Record<string, FieldWrite> = {};
        for (const [field, w] of Object.entries(ready.op.fields)) {
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
        const scope = scopeOf(ready.op, table, existing, merged.data, { writable, people }, parents, device.user, followable);
        // A record that followed its client is not as this laptop holds it (another owner's now): not quiet.
        const quiet = !defaulted && !scope.followed && knownTo(existing, device, req.cursor) && storedAsSent(op, merged);
        if (ready.createOnly) throw new Rejection('create_only', ready.createOnly);
        if (!existing) {
          const missing = requiredFields(table).filter((f) => !(f in merged.data));
          if (missing.length) throw new Rejection('incomplete', missing[0], `missing: ${missing.join(', ')}`);
        }
        checkRecordRules(table, existing, merged.data);
        // An offer that followed its client is its author's: held to their own limit, not the new owner's.
        const limit = approvalLimit(device.user, scope.followed ? device.user.id : scope.ownerId, people);
        if (op.table === 'offers') await checkOffer(tx, existing, merged.data, device, limit, { now, cursor: req.cursor, client: current.get(`clients/${String(merged.data.clientId)}`) });
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
          const change = op.table === 'conflicts' ? null : describeWrite(existing?.data ?? null, merged.data, Object.keys(wrote));
          const clientOfRecord = op.table === 'clients' || 'clientField' in table.scope ? scope.clientId : null;
          if (change) {
            const madeAt = madeAtOf(change.action, Object.keys(wrote).map((f) => merged.stamps[f]!), now);
            logged.push({ clientId: clientOfRecord, table: op.table, recordId: op.id, ...change, userId: device.user.id, deviceId: device.id, madeAt });
          }
          if (op.table === 'conflicts' && existing?.data.status === 'open' && merged.data.status === 'resolved') {
            resolved.push({ conflict: existing, madeAt: madeAtOf('resolved', [stampOf(merged.stamps, 'status')].filter((h): h is Hlc => h !== null), now) });
          }
        }
        const conflicted = [...new Set(merged.lost.map((l) => l.field))];
        const followed = scope.followed ? { followedClientTo: scope.ownerId! } : {};
        results.push(
          conflicted.length
            ? { table: op.table, id: op.id, status: 'merged', lostFields: conflicted, ...followed }
            : { table: op.table, id: op.id, status: 'applied', ...(quiet ? { quiet: true as const } : {}), ...followed },
        );
      } catch (e) {
        if (!(e instanceof Rejection)) throw e;
        results.push({ table: op.table, id: op.id, status: 'rejected', reason: e.reason, ...(e.field ? { field: e.field } : {}), ...(e.detail ? { detail: e.detail } : {}) });
      }
    }

    // A conflict resolved: the value chosen is the record's field as this push left it (the app
    // sends the choice and the resolution together; a record not in this batch says nothing).
    for (const { conflict: c, madeAt } of resolved) {
      const { table, recordId, field } = c.data as { table: string; recordId: string; field: string };
      const record = current.get(`${table}/${recordId}`)?.data;
      const changes = [{ field, ...(record && field in record ? { to: record[field] } : {}) }];
      logged.push({ clientId: c.client_id, table, recordId, action: 'resolved', changes, userId: device.user.id, deviceId: device.id, madeAt });
    }
    await writeChangeLog(tx, logged, now);

    // The device's answer first: it needs no sequence numbers, so it is not written under the lock.
    await tx.query(`UPDATE device_sync SET last_seq = $2, last_results = $3::jsonb, last_batch_hash = $4 WHERE device_id = $1::uuid`, [
      device.id,
      req.toSeq,
      JSON.stringify(results),
      batchHash(req),
    ]);
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

const pick = <T,>(values: Record<string, T>, fields: readonly string[]): Record<string, T> => Object.fromEntries(fields.map((f) => [f, values[f]!]));

function clientIdOf(op: PushOp, existing: StoredRow | undefined): string | null {
  if (op.table === 'clients') return op.id;
  if (existing?.client_id) return existing.client_id;
  const v = op.fields.clientId?.value;
  return typeof v === 'string' ? v : null;
}

/** The SHA-256 of every attachment a pushed `attachments` value refers to (validated before). */
function referencedHashes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((a: unknown) => (a as { sha256?: unknown } | null)?.sha256).filter((h): h is string => typeof h === 'string');
}

const tableOf = (op: PushOp): SyncedTable => SYNCED_TABLES[op.table as keyof typeof SYNCED_TABLES];

/** Whether checking `op` needs the company's people: an owner given, users named, an offer's approval limit. */
function needsPeople(op: PushOp): boolean {
  const table = tableOf(op);
  if (op.table === 'offers') return true;
  if ('ownerField' in table.scope && table.scope.ownerField in op.fields) return true;
  return (table.userFields ?? []).some((f) => f in op.fields);
}

/** An operation whose every value is valid for its field, normalised as the schema gives it. */
interface PreparedOp {
  op: PushOp;
  /**
   * A create-only field the operation would change: refused after the scope check, so that a
   * colleague's record is "not permitted" like a made-up one, not told apart by this reason.
   */
  createOnly?: string;
}

/**
 * Checks every pushed value before anything else reads it, and gives the values as they are
 * stored: normalised by the field's schema (trimmed text, canonical ids), authorship fields set
 * to the pushing user, an offer's new history entries signed by them. The laptop learns the
 * normalised values from its next pull (such an operation is not `quiet`).
 */
function prepareOp(op: PushOp, existing: StoredRow | null, user: SyncDevice['user'], people: ReadonlyMap<string, Person>): PreparedOp | Rejection {
  const table = tableOf(op);
  const schemas = fieldSchemas(table);
  // Reference data (the catalog) comes from the company's imports only.
  if (table.companyOnly) return new Rejection('company_field', Object.keys(op.fields)[0]);
  if (op.table === 'conflicts' && !existing) return new Rejection('not_permitted', undefined, 'conflicts are created by the server');
  const authorFields = table.authorFields ?? [];
  const fields: PushOp['fields'] = {};
  let createOnly: string | undefined;
  for (const [field, w] of Object.entries(op.fields)) {
    // Own fields only: `toString` or `constructor` named a function of every object (a 500).
    const schema = Object.hasOwn(schemas, field) ? schemas[field] : undefined;
    if (!schema) return new Rejection('unknown_field', field);
    if (table.companyFields.includes(field)) return new Rejection('company_field', field);
    const problem = valueProblem(w.value);
    if (problem) return new Rejection('invalid_value', field, VALUE_PROBLEM_DETAIL[problem]);
    const allowed = table.deviceValues?.[field];
    if (allowed && !allowed.some((v) => sameValue(v, w.value))) return new Rejection('company_field', field, `only the company sets ${field} to other values than ${allowed.join(', ')}`);
    // Who did it is whoever pushed it, whatever the laptop says.
    let value: unknown = authorFields.includes(field) ? user.id : w.value;
    if (op.table === 'offers' && field === 'history') value = signedHistory(value, existing, user.id);
    const parsed = schema.safeParse(value);
    if (!parsed.success) return new Rejection('invalid_value', field, parsed.error?.issues[0]?.message);
    value = parsed.data;
    if (existing && table.createOnlyFields.includes(field) && field in existing.data && !sameValue(existing.data[field], value)) createOnly ??= field;
    const unknownUser = (table.userFields ?? []).includes(field) ? userIdsIn(value).find((id) => !people.has(id)) : undefined;
    if (unknownUser !== undefined) return new Rejection('invalid_value', field, `${unknownUser} is nobody in the company`);
    fields[field] = { ...w, value: value as PushOp['fields'][string]['value'] };
  }
  if (!existing) {
    // A new record names its author even when the laptop left the field out.
    const stamp = Object.values(op.fields).map((w) => w.hlc).sort().at(-1)!;
    for (const field of authorFields) fields[field] ??= { value: user.id, hlc: stamp, base: null };
  }
  return { op: { ...op, fields }, ...(createOnly ? { createOnly } : {}) };
}

/** The user ids a user field holds (one id, or a list of them). */
const userIdsIn = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * An offer's history as pushed, with every step the server does not have yet signed by the
 * pushing user: a laptop cannot record an approval "by" the head of sales. Steps already stored
 * keep their author.
 */
function signedHistory(value: unknown, existing: StoredRow | null, userId: string): unknown {
  if (!Array.isArray(value)) return value;
  const stored = Array.isArray(existing?.data.history) ? (existing.data.history as StatusChange[]) : [];
  return value.map((step: unknown) =>
    step !== null && typeof step === 'object' && !stored.some((s) => sameValue(s, step)) ? { ...step, by: userId } : step,
  );
}

/**
 * Rules on the whole record (core/sync/tables.ts `recordRules`), as the app's forms check them.
 * A record stored before a rule existed and already breaking it may still be edited: only a write
 * that breaks a rule the record kept is refused.
 */
function checkRecordRules(table: SyncedTable, existing: StoredRow | null, merged: Record<string, unknown>): void {
  if (merged[DELETED_FIELD] === true) return;
  for (const rule of table.recordRules ?? []) {
    if (!rule.holds(merged) && (!existing || rule.holds(existing.data))) throw new Rejection('invalid_value', rule.field, rule.message);
  }
}

/**
 * The discount limit an offer write is held to: the pushing user's own, never a field of the
 * record (an offer naming the head of sales as its owner once went out at 25 % unapproved).
 * A manager writing an offer of a client they do not own writes it as a substitute (the only
 * way such a client is theirs to write): then the absent manager's limit.
 */
function approvalLimit(user: SyncDevice['user'], clientOwnerId: string | null, people: ReadonlyMap<string, Person>): number {
  const holder = user.role === 'manager' && clientOwnerId !== null && clientOwnerId !== user.id ? clientOwnerId : user.id;
  return people.get(holder)?.discountLimitBp ?? 0;
}

/**
 * An offer write must be one its writer may make (core/offers/offer-write-rules.ts): approvals
 * by a head of sales or an admin only, nothing above the limit sent without one, no line priced
 * outside the company's rules sent without one (offer-pricing.ts), and no change to what a sent
 * offer says. The limit is the one the server knows now (`approvalLimit`).
 */
async function checkOffer(tx: Sql, existing: StoredRow | null, merged: Record<string, unknown>, device: SyncDevice, limitBp: number, pricing: Omit<OfferPricingCheck, 'offer'>): Promise<void> {
  const before = existing ? (existing.data as unknown as Offer) : null;
  const after = merged as unknown as Offer;
  const error = offerWriteError(before, after, device.user, limitBp);
  if (error) throw new Rejection('offer_rule', 'status', error);
  // Going out unapproved, its lines must carry prices the company's rules give (offer-pricing.ts).
  if (goesOutWithoutApproval(before, after, device.user) && (await offerLinesOutsideRules(tx, { ...pricing, offer: after })).length > 0) {
    throw new Rejection('offer_rule', 'status', offerWriteError(before, after, device.user, limitBp, { linesOutsideRules: true }) ?? 'needs_approval');
  }
}

function scopeOf(
  op: PushOp,
  table: SyncedTable,
  existing: StoredRow | null,
  merged: Record<string, unknown>,
  users: { writable: Set<string>; people: ReadonlyMap<string, Person> },
  parents: Map<string, { ownerId: string; deleted: boolean }>,
  user: SyncDevice['user'],
  followable: ReadonlySet<string>,
): { ownerId: string | null; clientId: string | null; followed?: true } {
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
    if (after === null) throw new Rejection('not_permitted', field);
    if (after === before) return { ownerId: after, clientId: op.id };
    // A new owner is someone who works with clients (server/sync/people.ts), as assign-client
    // requires; a new lead or task may also stay with whoever makes it (an admin at the booth),
    // but nobody takes a colleague's for themselves unless they may own it.
    const problem = !existing && after === user.id && table.scope.handOver ? null : ownerProblem(users.people.get(after));
    if (problem) throw new Rejection('not_permitted', field, problem);
    // A lead or task may be passed to any such colleague, by whoever may write it.
    if (table.scope.handOver) return { ownerId: after, clientId: op.id };
    if (!writable.has(after)) throw new Rejection('not_permitted', field);
    // Reassigning a client is a head of sales' (or admin's) decision, not a manager's.
    if (existing && user.role === 'manager') throw new Rejection('not_permitted', field);
    return { ownerId: after, clientId: op.id };
  }
  const clientId = clientIdOf(op, existing ?? undefined);
  const parent = clientId ? parents.get(clientId) : undefined;
  if (!clientId || !parent) throw new Rejection('missing_parent', 'clientId');
  if (!writable.has(parent.ownerId)) {
    // A record made offline for a client that was reassigned meanwhile is not refused away: a
    // new one (never an edit of what the server has) follows the client to its owner, when this
    // user owned the client until a move their laptop had not pulled, at most 14 days ago
    // (clientsMovedAwayUnseen). It is stored under the client's owner, as everything of it.
    if (!existing && followable.has(clientId)) return { ownerId: parent.ownerId, clientId, followed: true };
    throw new Rejection('not_permitted');
  }
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
         FROM records WHERE tbl = 'conflicts' AND client_id IS NOT DISTINCT FROM $1::uuid AND data->>'recordId' = $2 AND data->>'field' = $3
          AND data->>'table' = $4 AND data->>'status' = 'open'
         FOR UPDATE`,
      [w.row.client_id, w.row.id, lost.field, w.table],
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
