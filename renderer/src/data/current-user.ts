/**
 * The person using this laptop: the signed-in user, or (not yet signed in: the offline demo) the
 * first manager of the team. Read from `meta` directly rather than through sync-session.ts, so
 * that the client commands can name who acted without importing the sync modules.
 */
import { getDb, type FieldbookDb } from './db';
import type { SyncConnection } from './sync/sync-session';

export async function currentUserId(db: FieldbookDb = getDb()): Promise<string> {
  const connection = (await db.meta.get('syncConnection'))?.value as SyncConnection | undefined;
  if (connection) return connection.user.id;
  const team = await db.team.toArray();
  return team.find((m) => m.role === 'manager')?.id ?? team[0]?.id ?? 'local';
}
