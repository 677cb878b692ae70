/**
 * Moving a client to another owner (docs/sync-protocol.md, "Scope = permission"): the move is
 * logged with the sequence number the client's record was saved with, which is how the old
 * owner's next pull lists the client under `removed` and the new owner's under `addedClients`;
 * and everything hanging off the client follows it. Shared by a push that changes a client's
 * `ownerId` and the admin command `assign-client`, so both move a client the same way.
 */
import type { Sql } from './sql';

export interface ClientMove {
  /** The sequence number the client's record was just saved with (under SEQUENCE_LOCK). */
  seq: number;
  clientId: string;
  from: string | null;
  to: string;
}

/**
 * Logs the move and hands what hangs off the client to the new owner. Call it in the transaction
 * that saved the client with `move.seq`, while holding SEQUENCE_LOCK. Returns how many records of
 * each table followed the client.
 */
export async function recordClientMove(sql: Sql, move: ClientMove): Promise<Record<string, number>> {
  await sql.query(`INSERT INTO record_moves (seq, client_id, from_owner, to_owner) VALUES ($1, $2::uuid, $3::uuid, $4::uuid)`, [move.seq, move.clientId, move.from, move.to]);
  // Their sequence numbers stay as they are: the new owner's laptop fetches them with a
  // snapshot of the added client, the old owner's deletes them with the removed client.
  const followed = await sql.query<{ tbl: string }>(`UPDATE records SET owner_id = $2::uuid WHERE client_id = $1::uuid AND tbl <> 'clients' RETURNING tbl`, [move.clientId, move.to]);
  const counts: Record<string, number> = {};
  for (const { tbl } of followed) counts[tbl] = (counts[tbl] ?? 0) + 1;
  return counts;
}

/**
 * Logs a move of a record that has its own owner (a lead or task handed to a colleague): the old
 * owner's next pull lists it under `removed`, and the new owner's pull brings the record itself
 * (its new sequence number is after their cursor). Nothing hangs off such records.
 */
export async function recordOwnerMove(sql: Sql, move: { seq: number; table: string; id: string; from: string | null; to: string }): Promise<void> {
  await sql.query(`INSERT INTO record_moves (seq, client_id, from_owner, to_owner, tbl) VALUES ($1, $2::uuid, $3::uuid, $4::uuid, $5)`, [move.seq, move.id, move.from, move.to, move.table]);
}

/**
 * How long after a client was reassigned a record its former owner made offline for it still
 * follows it to the new owner: two weeks away from the network (a trade fair and a holiday) is
 * as long as a manager works without a sync; anything older is refused as before.
 */
export const FOLLOW_MOVE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * The clients among `clientIds` that were reassigned away from `userId` after the pushing
 * laptop's `cursor` (a move it had not pulled yet: its person could not know) and at most
 * FOLLOW_MOVE_MAX_AGE_MS before `now`. A new record of a table hanging off such a client,
 * made offline by that person, follows the client (push.ts `scopeOf`). Without a cursor (an older
 * app, or one the server refused) nothing is known of what the laptop had seen: none.
 */
export async function clientsMovedAwayUnseen(sql: Sql, userId: string, clientIds: readonly string[], cursor: number | undefined, now: number): Promise<Set<string>> {
  if (cursor === undefined || clientIds.length === 0) return new Set();
  const rows = await sql.query<{ client_id: string }>(
    `SELECT DISTINCT client_id::text AS client_id FROM record_moves
      WHERE tbl = 'clients' AND from_owner = $1::uuid AND client_id = ANY($2::uuid[]) AND seq > $3 AND moved_at >= $4::timestamptz`,
    [userId, [...new Set(clientIds)], cursor, new Date(now - FOLLOW_MOVE_MAX_AGE_MS).toISOString()],
  );
  return new Set(rows.map((r) => r.client_id));
}
