/**
 * One sync run: push the outbox in batches, then pull pages after the cursor, fetching whole
 * snapshots where the scope grew. Every step is resumable: a push batch is idempotent on the
 * server, a pull page and its cursor are applied in one transaction, and a scope change is
 * committed only after its snapshot is in. See docs/sync-protocol.md.
 */
import { CLOCK_TRUST_MS, CLOCK_WARNING_MS, MAX_PAGE_SIZE, MAX_PUSH_OPS, SYNC_SCHEMA_VERSION, type PullResponse, type PushResponse, type SnapshotResponse } from '../../../core/sync/protocol';
import {
  addSyncRun,
  applyPullPage,
  applySnapshotPage,
  commitScope,
  keepOfferMark,
  readCursor,
  replaceTeam,
  saveClockOffset,
  type FollowedRecord,
  type SyncCursor,
  type SyncRun,
} from '../data/sync/sync-session';
import { labelIn } from '../data/record-label';
import { settlePush, takePushBatch, type PushBatch } from '../data/sync/sync-store';
import { deviceNow } from '../data/sync/outbox';
import { holdingCatchUp, takeInRowsAside } from '../data/clients/client-base';
import { listIsEmpty } from '../data/clients/list-snapshot';
import { getDb, type FieldbookDb } from '../data/db';
import { SyncFailure, type Transport } from './transport';
import { pendingAttachmentsOf, uploadAttachment } from './attachment-sync';

/** `firstSync`: the first snapshot, which brings the catalog too; `snapshot`: clients added since. */
export type SyncPhase = 'upload' | 'push' | 'pull' | 'firstSync' | 'snapshot';

export interface SyncProgress {
  phase: SyncPhase;
  /** Work done in this phase (operations pushed, records pulled). */
  done: number;
  /** Known total for the phase, when the server told it. */
  total: number | null;
}

export interface RunOptions {
  transport: Transport;
  onProgress?: (p: SyncProgress) => void;
  /**
   * Page size for pull and snapshot (tests use small pages to exercise paging). Without it, pull
   * pages are the server's default and snapshot pages the largest it serves: fewer, larger
   * transactions for a first sync.
   */
  pageSize?: number;
  /** The laptop database (tests simulate several laptops in one process). */
  db?: FieldbookDb;
}

const db = (opts: RunOptions) => opts.db ?? getDb();

type Counters = Omit<SyncRun, 'id' | 'startedAt' | 'finishedAt' | 'ok' | 'error' | 'ms'>;

function offsetFrom(serverTime: string, opts: RunOptions): number {
  return Date.parse(serverTime) - deviceNow(db(opts));
}

/** A 409 of the push whose body names the number the server expects next. */
const expectedFromSeq = (e: unknown): number | null =>
  e instanceof SyncFailure && e.code === 'out_of_sequence' && typeof e.body?.expectedFromSeq === 'number' ? e.body.expectedFromSeq : null;

async function push(opts: RunOptions, c: Counters): Promise<void> {
  // Set when the server refused this laptop's cursor as one it never gave (`cursor_ahead`): the
  // pushes go without it, and the pull fetches the whole scope again.
  let cursorRefused = false;
  // The highest number the next batch may cover: set once when the server has applied a batch
  // whose answer was lost and this laptop's next batch runs past it (new changes made since).
  let upTo: number | undefined;
  for (;;) {
    const batch = await takePushBatch(MAX_PUSH_OPS, db(opts), upTo);
    if (!batch) return;
    await uploadFiles(opts, c, batch.ops);
    // The cursor tells the server which versions this laptop holds, so that what it stores
    // exactly as sent does not come back in the pull (OpResult.quiet).
    const { cursor } = await readCursor(db(opts));
    let answer: { value: PushResponse; bytes: number };
    try {
      answer = await opts.transport.post<PushResponse>('/api/sync/push', {
        schemaVersion: SYNC_SCHEMA_VERSION,
        fromSeq: batch.fromSeq,
        toSeq: batch.toSeq,
        ops: batch.ops,
        ...(cursorRefused ? {} : { cursor }),
      });
    } catch (e) {
      if (e instanceof SyncFailure && e.code === 'cursor_ahead' && !cursorRefused) {
        cursorRefused = true;
        continue;
      }
      // The server applied this laptop's entries up to expected - 1 and its answer was lost: the
      // batch that ended there is sent again, exactly, and answered with its stored results.
      const expected = expectedFromSeq(e);
      if (expected !== null && upTo === undefined && expected > batch.fromSeq && expected - 1 < batch.toSeq) {
        upTo = expected - 1;
        continue;
      }
      throw e;
    }
    upTo = undefined;
    const { value, bytes } = answer;
    c.bytes += bytes;
    await settlePush(batch, value, db(opts));
    c.pushed += batch.ops.length;
    for (const [i, r] of value.results.entries()) {
      if (r.status === 'applied') c.applied++;
      else if (r.status === 'merged') c.merged++;
      else c.rejected++;
      if (r.lostFields?.length) c.conflicts += r.lostFields.length;
      if (r.followedClientTo) (c.followed ??= []).push(followedRecord(batch.ops[i], r, r.followedClientTo));
    }
    await noteClock(value.serverTime, c, opts);
    opts.onProgress?.({ phase: 'push', done: c.pushed, total: null });
  }
}

/**
 * What the person is told of a record that went to the client's new owner: its label as pushed
 * (the pull that follows removes it from this laptop with the client).
 */
function followedRecord(op: PushBatch['ops'][number] | undefined, r: { table: string; id: string }, to: string): FollowedRecord {
  const values = Object.fromEntries(Object.entries(op?.fields ?? {}).map(([f, w]) => [f, w.value]));
  return { table: r.table, id: r.id, label: labelIn(values) ?? (typeof values.productName === 'string' ? values.productName : ''), to };
}

/** Files the batch references that are only on this laptop go first: the server refuses dangling references. */
async function uploadFiles(opts: RunOptions, c: Counters, ops: PushBatch['ops']): Promise<void> {
  const pending = await pendingAttachmentsOf(ops, db(opts));
  if (pending.length === 0) return;
  const counters = { files: 0, bytes: 0 };
  try {
    for (const att of pending) {
      opts.onProgress?.({ phase: 'upload', done: counters.files, total: pending.length });
      await uploadAttachment(att, opts.transport, counters, db(opts));
    }
  } finally {
    c.bytes += counters.bytes;
    c.filesUploaded = (c.filesUploaded ?? 0) + counters.files;
  }
}

async function noteClock(serverTime: string, c: Counters, opts: RunOptions): Promise<void> {
  const offset = offsetFrom(serverTime, opts);
  await saveClockOffset(Math.abs(offset) > CLOCK_TRUST_MS ? offset : 0, db(opts));
  if (Math.abs(offset) > CLOCK_WARNING_MS) c.clockOffsetMs = offset;
}

/**
 * Fetches whole records of added owners or clients and builds their list rows; returns the
 * first page's high-water mark. The caller commits the scope or cursor only after this, so an
 * interruption anywhere in here means the next sync fetches the snapshot again, rows included.
 */
async function snapshot(opts: RunOptions, c: Counters, scope: { owners?: string[]; clientIds?: string[]; shared?: boolean }): Promise<number> {
  const fetchPage = (after: SnapshotResponse['next']) =>
    opts.transport.post<SnapshotResponse>('/api/sync/snapshot', {
      schemaVersion: SYNC_SCHEMA_VERSION,
      owners: scope.owners ?? [],
      clientIds: scope.clientIds ?? [],
      shared: scope.shared ?? false,
      after,
      limit: opts.pageSize ?? MAX_PAGE_SIZE,
    });
  let highWater: number | null = null;
  let done = 0;
  let total: number | null = null;
  const phase = scope.shared ? 'firstSync' : 'snapshot';
  // The first page takes the server a moment (it counts what will come): say what is happening meanwhile.
  opts.onProgress?.({ phase, done, total });
  // A first sync into a base without list rows (an empty one, or one a first sync cut short
  // left) keeps the snapshot's rows aside rather than writing each as a record, and hands them
  // to the list at the end (takeInRowsAside says why).
  const rowsAside = scope.shared && (await listIsEmpty(db(opts))) ? [] : undefined;
  // The list takes in the snapshot's rows once, at its end: taking in every page would re-sort
  // and re-render the whole growing list every few seconds, on the thread that writes the pages.
  await holdingCatchUp(async () => {
    try {
      let request = fetchPage(null);
      for (;;) {
        const { value, bytes } = await request;
        // The next page is on its way while this one is written: the server's time and ours overlap.
        // Pages are still written one after the other, in order.
        const next = value.next ? fetchPage(value.next) : null;
        // Should writing this page fail, the sync fails with that error, not the request's.
        next?.catch(() => undefined);
        c.bytes += bytes;
        highWater ??= value.highWater;
        total ??= value.total ?? null;
        await applySnapshotPage(value, db(opts), rowsAside);
        done += value.records.length;
        c.pulled += value.records.length;
        // Records changed while the snapshot ran may take it past the total counted at its start.
        opts.onProgress?.({ phase, done, total: total === null ? null : Math.max(total, done) });
        if (!next) break;
        request = next;
      }
    } catch (e) {
      // A first sync cut short (the connection lost) leaves the pages written so far: their
      // clients go to the list now rather than at the next sync. The sync fails with its error.
      if (rowsAside?.length) await takeInRowsAside(rowsAside, db(opts)).catch(() => undefined);
      throw e;
    }
    if (rowsAside) await takeInRowsAside(rowsAside, db(opts));
  });
  return highWater ?? 0;
}

async function pull(opts: RunOptions, c: Counters): Promise<void> {
  let cursor: SyncCursor = await readCursor(db(opts));
  let pulled = 0;
  for (;;) {
    let answer: { value: PullResponse; bytes: number };
    try {
      answer = await opts.transport.post<PullResponse>('/api/sync/pull', {
        schemaVersion: SYNC_SCHEMA_VERSION,
        cursor: cursor.cursor,
        scopeHash: cursor.scopeHash,
        ...(opts.pageSize ? { limit: opts.pageSize } : {}),
      });
    } catch (e) {
      // A cursor this server never gave (its data was restored or replaced): fetch the whole
      // scope again, as after a resnapshot (the outbox stays). Once: a server that refuses
      // cursor 0 is broken, and the sync fails with its answer.
      if (e instanceof SyncFailure && e.code === 'cursor_ahead' && cursor.cursor !== 0) {
        cursor = { cursor: 0, scopeHash: '', owners: [] };
        continue;
      }
      throw e;
    }
    const { value: page, bytes } = answer;
    c.bytes += bytes;
    await noteClock(page.serverTime, c, opts);
    // A laptop signed in before the server gave offer marks learns its own here.
    if (page.offerMark) await keepOfferMark(page.offerMark, db(opts));
    if (page.scope || page.resnapshot) await replaceTeam(page.team, db(opts));
    if (page.resnapshot) {
      // Older than the server keeps tombstones for: fetch the whole scope again (the outbox stays).
      cursor = { cursor: 0, scopeHash: '', owners: [] };
      continue;
    }
    if (page.scope) {
      const first = cursor.scopeHash === '';
      const added = first ? page.scope.owners : page.scope.owners.filter((o) => !cursor.owners.includes(o));
      const removed = cursor.owners.filter((o) => !page.scope!.owners.includes(o));
      // The first snapshot also brings what the whole company shares; later ones only added owners.
      const highWater = added.length || first ? await snapshot(opts, c, { owners: added, shared: first }) : cursor.cursor;
      const next: SyncCursor = { cursor: first ? highWater : cursor.cursor, scopeHash: page.scope.hash, owners: page.scope.owners };
      c.removed += await commitScope(next, removed, db(opts));
      cursor = next;
      continue;
    }
    if (page.addedClients.length) await snapshot(opts, c, { clientIds: page.addedClients });
    await applyPullPage(page, cursor, db(opts));
    cursor = { ...cursor, cursor: page.cursor };
    pulled += page.records.length;
    c.pulled += page.records.length;
    c.removed += page.removed.length;
    opts.onProgress?.({ phase: 'pull', done: pulled, total: null });
    if (!page.hasMore) return;
  }
}

/**
 * Runs one sync and records its report. Throws `SyncFailure` (after recording the failed run)
 * so the caller can react to `device_revoked`, `unauthorized` or `update_required`.
 */
export async function runSync(opts: RunOptions): Promise<SyncRun> {
  const started = Date.now();
  const c: Counters = { pushed: 0, applied: 0, merged: 0, rejected: 0, conflicts: 0, pulled: 0, removed: 0, bytes: 0 };
  const finish = async (error?: unknown): Promise<SyncRun> => {
    const run: SyncRun = {
      ...c,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date().toISOString(),
      ok: error === undefined,
      ms: Date.now() - started,
      ...(error === undefined ? {} : { error: error instanceof SyncFailure ? error.code : String(error) }),
    };
    await addSyncRun(run, db(opts));
    return run;
  };
  try {
    opts.onProgress?.({ phase: 'push', done: 0, total: null });
    await push(opts, c);
    opts.onProgress?.({ phase: 'pull', done: 0, total: null });
    await pull(opts, c);
  } catch (e) {
    await finish(e);
    throw e;
  }
  return finish();
}
