/**
 * What the laptop remembers about its company server between syncs: the connection (server,
 * signed-in user, device), the pull cursor and scope, the clock offset, and the report of each
 * sync run. All in IndexedDB, next to the data it describes.
 */
import { isDeviceMark } from '../../../../core/offers/offer-number';
import { useLiveQuery } from 'dexie-react-hooks';
import { MAX_CLOCK_AHEAD_MS, type PullResponse, type SnapshotResponse, type SyncRecord, type TeamMemberInfo } from '../../../../core/sync/protocol';
import { formatHlc, hlcWall, parseHlc } from '../../../../core/sync/hlc';
import { deviceNow, pendingCount } from './outbox';
import { getDb, type FieldbookDb } from '../db';
import type { ClientListRow } from '../clients/client-list-row';
import { applyRecords, applyTables, removeClients, removeContacts, removeOwnedRecords } from './sync-store';
import { forgetTrashOf } from '../trash';

export interface SyncConnection {
  serverUrl: string;
  /**
   * Device token, when kept here (the browser build). The desktop keeps it in the OS keychain
   * and `tokenInKeychain` says so; see sync/device-token.ts. null with neither: signed out.
   */
  token: string | null;
  tokenInKeychain?: boolean;
  deviceId: string;
  user: { id: string; displayName: string; role: 'manager' | 'head_of_sales' | 'admin' };
}

export interface SyncCursor {
  cursor: number;
  scopeHash: string;
  owners: string[];
}

/** The report of one sync run (the sync issue's "visible" requirement). */
export interface SyncRun {
  id?: number;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  error?: string;
  pushed: number;
  applied: number;
  merged: number;
  rejected: number;
  conflicts: number;
  pulled: number;
  removed: number;
  bytes: number;
  /** Attached files sent to the server (their bytes are in `bytes`). */
  filesUploaded?: number;
  ms: number;
  /** Server time minus laptop time, when it is large enough to tell the person. */
  clockOffsetMs?: number;
  /** Records made here offline that went to a client's new owner with the client (OpResult.followedClientTo). */
  followed?: FollowedRecord[];
}

/** A record this laptop made for a client that was reassigned meanwhile, now its new owner's. */
export interface FollowedRecord {
  table: string;
  id: string;
  /** What the person knows it by (an offer's number), as it was pushed. */
  label: string;
  /** The client's new owner (a user id; the team list names them). */
  to: string;
}

const get = async <T>(db: FieldbookDb, key: string): Promise<T | undefined> => (await db.meta.get(key))?.value as T | undefined;

export const readConnection = (db = getDb()) => get<SyncConnection>(db, 'syncConnection');
export const saveConnection = (connection: SyncConnection, db = getDb()) => db.meta.put({ key: 'syncConnection', value: connection });
export const forgetConnection = (db = getDb()) => db.meta.delete('syncConnection');

/** This device's offer mark from the company server (core/offers/offer-number.ts), or undefined before it gave one. */
export const readOfferMark = async (db = getDb()): Promise<string | undefined> => {
  const mark = await get<unknown>(db, 'offerMark');
  return isDeviceMark(mark) ? mark : undefined;
};

/**
 * Keeps the mark the server gave this device (at sign-in, and with every pull). A sign-in to a
 * server that gives none forgets the old device's: this device's numbers must not continue them.
 */
export async function keepOfferMark(mark: string | undefined, db = getDb()): Promise<void> {
  if (!isDeviceMark(mark)) return void (await db.meta.delete('offerMark'));
  if ((await readOfferMark(db)) !== mark) await db.meta.put({ key: 'offerMark', value: mark });
}

export async function readCursor(db = getDb()): Promise<SyncCursor> {
  return (await get<SyncCursor>(db, 'syncCursor')) ?? { cursor: 0, scopeHash: '', owners: [] };
}

/**
 * Stores the server's correction of this laptop's clock. A laptop whose clock ran ahead also
 * drops the future part of its HLC: otherwise every later stamp would stay ahead by as much,
 * (the clock never goes back), and its edits would keep winning merges they should not.
 */
export async function saveClockOffset(offsetMs: number, db = getDb()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'clockOffsetMs', value: offsetMs });
    const last = (await db.meta.get('hlcLast'))?.value;
    const now = deviceNow(db) + offsetMs;
    if (typeof last === 'string' && hlcWall(last) > now + MAX_CLOCK_AHEAD_MS) {
      await db.meta.put({ key: 'hlcLast', value: formatHlc({ wall: now, counter: 0, node: parseHlc(last).node }) });
    }
  });
}

/**
 * Applies one pull page and moves the cursor in one transaction: an interruption costs at most
 * this page, never a change skipped.
 */
export async function applyPullPage(page: PullResponse, current: SyncCursor, db = getDb()): Promise<void> {
  await db.transaction('rw', [...applyTables(db), db.team], async () => {
    await replaceTeam(page.team, db);
    await applyRecords(db, page.records);
    const removedClients = page.removed.filter((r) => r.table === 'clients').map((r) => r.id);
    await removeClients(db, removedClients);
    await removeContacts(db, page.removed.filter((r) => r.table === 'contacts').map((r) => r.id));
    for (const table of ['leads', 'tasks'] as const) {
      await removeOwnedRecords(db, table, page.removed.filter((r) => r.table === table).map((r) => r.id));
    }
    await db.meta.put({ key: 'syncCursor', value: { ...current, cursor: page.cursor } satisfies SyncCursor });
  });
}

/** The company's people as the server lists them (owners' names in the list and on cards). */
export async function replaceTeam(team: readonly TeamMemberInfo[], db = getDb()): Promise<void> {
  const ids = new Set(team.map((m) => m.id));
  const gone = (await db.team.toCollection().primaryKeys()).filter((id) => !ids.has(id));
  await db.team.bulkDelete(gone);
  await db.team.bulkPut([...team]);
}

/**
 * Writes one snapshot page with its clients' list rows, or with the rows added to `rowsAside`
 * once the page is committed, so that they are the rows of clients in the database (records
 * only; the cursor moves when the whole snapshot is in).
 */
export async function applySnapshotPage(page: SnapshotResponse, db = getDb(), rowsAside?: ClientListRow[]): Promise<void> {
  const pageRows: ClientListRow[] | undefined = rowsAside ? [] : undefined;
  await db.transaction('rw', applyTables(db), () => applyRecords(db, page.records as SyncRecord[], pageRows));
  if (rowsAside && pageRows) for (const row of pageRows) rowsAside.push(row);
}

/**
 * A new scope is in: drop the clients of owners no longer visible and remember the scope. Runs
 * after the snapshot of the added owners has been written, so an interrupted scope change is
 * simply redone by the next sync.
 */
export async function commitScope(next: SyncCursor, removedOwners: readonly string[], db = getDb()): Promise<number> {
  return db.transaction('rw', applyTables(db), async () => {
    const gone = removedOwners.length ? await db.clients.where('ownerId').anyOf([...removedOwners]).primaryKeys() : [];
    await removeClients(db, gone);
    // A colleague's leads and tasks go with their clients (a delegation that ended, say).
    for (const table of ['leads', 'tasks'] as const) {
      const owned = removedOwners.length ? await db.table(table).where('ownerId').anyOf([...removedOwners]).primaryKeys() : [];
      await removeOwnedRecords(db, table, owned as string[]);
    }
    // Their records in the trash go too (what this person may no longer see leaves the laptop).
    await forgetTrashOf(db, { owners: removedOwners });
    await db.meta.put({ key: 'syncCursor', value: next });
    return gone.length;
  });
}

export const addSyncRun = (run: SyncRun, db = getDb()) => db.syncRuns.add(run);

/** The last sync run that went through (in the order runs were made, not by their clock times). */
export const lastGoodRun = (db = getDb()) => db.syncRuns.orderBy(':id').reverse().filter((r) => r.ok).first();

/** Recent sync runs, newest first. */
export function useSyncRuns(limit = 20) {
  // In the order they ran (the key grows with each run), not by their times: those come from
  // the computer's clock, which may have been a day off and corrected since.
  return useLiveQuery(() => getDb().syncRuns.orderBy(':id').reverse().limit(limit).toArray(), [limit]);
}

/** What the status bar shows: changes waiting, the last good sync (what needs the person: useSyncAttention). */
export function useSyncSummary() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [pending, lastOk, connection] = await Promise.all([
      pendingCount(db),
      lastGoodRun(db),
      readConnection(db),
    ]);
    return { pending, lastSyncAt: lastOk?.finishedAt ?? null, connected: connection !== undefined };
  }, []);
}

/** Revoked device: every local trace of the client base goes (the server says `wipe`). */
export async function wipeLocalData(db = getDb()): Promise<void> {
  db.close();
  await db.delete();
}

/** The owners of this laptop's scope as of its last sync, live (none before the first). */
export function useScopeOwners() {
  return useLiveQuery(async () => (await readCursor()).owners, []);
}

/** The company server connection, live (null when not signed in). */
export function useConnection() {
  return useLiveQuery(async () => (await readConnection()) ?? null, []);
}

/** How many things need the person: open conflicts plus refused changes. */
export function useSyncAttention() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [conflicts, rejected] = await Promise.all([db.conflicts.where('status').equals('open').count(), db.rejected.count()]);
    return conflicts + rejected;
  }, []);
}
