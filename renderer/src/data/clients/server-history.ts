/**
 * A client's history as the company server logged it (server/sync/change-log.ts): everyone's
 * synced edits, imports, reassignments and conflict resolutions, with who and when — the same on
 * every laptop. Asked for when the card opens and after each sync; the last answer is kept in
 * `meta` so the card still shows it offline, with the time it was fetched.
 *
 * The laptop's own history (data/clients/history.ts) adds what the server cannot know yet: the edits
 * made here since the last sync that went through (`unsyncedSince`). Edits older than that sync
 * reached the server (or were refused, which the sync screen shows), so they are in its log.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChangeLogEntry, ClientHistoryResponse } from '../../../../core/sync/protocol';
import type { Transport } from '../../sync/transport';
import { getDb, type FieldbookDb } from '../db';
import type { HistoryEntry } from './history';
import { lastGoodRun } from '../sync/sync-session';

export interface ServerHistory {
  entries: ChangeLogEntry[];
  /** Older entries are on the server: ask with `before`. */
  more: boolean;
  /** When this laptop received it (ISO-8601, the laptop's clock). */
  fetchedAt: string;
}

const cacheKey = (clientId: string) => `clientHistory:${clientId}`;

/** The cached history of a client, or null when this laptop never received it. */
export async function cachedServerHistory(clientId: string, db: FieldbookDb = getDb()): Promise<ServerHistory | null> {
  return ((await db.meta.get(cacheKey(clientId)))?.value as ServerHistory | undefined) ?? null;
}

/**
 * Fetches the newest page of a client's history and keeps it. Throws the transport's
 * `SyncFailure` (offline, or the client is no longer among those this person may see).
 */
export async function fetchServerHistory(clientId: string, transport: Transport, db: FieldbookDb = getDb()): Promise<ServerHistory> {
  const { value } = await transport.get<ClientHistoryResponse>(`/api/clients/${encodeURIComponent(clientId)}/history`);
  const history: ServerHistory = { entries: value.entries, more: value.more, fetchedAt: new Date().toISOString() };
  // Not into a database closed meanwhile (signing out wipes it): the write would open it again.
  if (db.isOpen()) await db.meta.put({ key: cacheKey(clientId), value: history });
  return history;
}

/** The page of entries older than `before` (not kept: the card shows the newest page offline). */
export async function fetchOlderHistory(clientId: string, before: number, transport: Transport): Promise<Pick<ServerHistory, 'entries' | 'more'>> {
  const { value } = await transport.get<ClientHistoryResponse>(`/api/clients/${encodeURIComponent(clientId)}/history?before=${before}`);
  return { entries: value.entries, more: value.more };
}

/**
 * The laptop's own entries the server has not logged yet: made after the last sync that
 * finished without error started (its push took every change made before it began). All of
 * them when the laptop never synced. Both times are the laptop's clock.
 */
export function unsyncedSince(local: readonly HistoryEntry[], lastOkSyncStartedAt: string | null): HistoryEntry[] {
  if (!lastOkSyncStartedAt) return [...local];
  const since = Date.parse(lastOkSyncStartedAt);
  return local.filter((e) => Date.parse(e.at) > since);
}

/** The start of the last sync that went through, or null. */
export async function lastOkSyncStart(db: FieldbookDb = getDb()): Promise<string | null> {
  return (await lastGoodRun(db))?.startedAt ?? null;
}

/** The start of the last sync that went through, live (null: none yet; undefined: loading). */
export function useLastOkSyncStart(): string | null | undefined {
  return useLiveQuery(() => lastOkSyncStart(), []);
}
