/**
 * Who sees and may change what: a user's visible owners are themselves, their team for a head
 * of sales, everyone for an admin, and — for the period of a delegation — the managers they
 * substitute for. A record belongs to its effective owner (a client's owner; for what hangs
 * off a client, that client's owner). Computed from the database on every request: the server
 * keeps no state between requests.
 */
import { createHash } from 'node:crypto';
import type { Sql, SyncUser } from './sql';

/**
 * A disabled user (someone who left) no longer signs in, but their clients stay in sight of
 * their head of sales and the admins, who hand them over: hidden, they would be on no laptop.
 * (A disabled user's own requests never get this far: their laptops are signed out.)
 *
 * The ids of the owners a user sees, in id order, as a query with the parameters
 * `visibleOwnersParams` gives ($1–$3): also used inside larger statements, to save a round trip.
 */
export const VISIBLE_OWNERS = `SELECT id::text AS id FROM users
      WHERE id = $1
         OR $2 = 'admin'
         OR ($2 = 'head_of_sales' AND head_id = $1)
         OR (disabled_at IS NULL AND id IN (SELECT from_user FROM delegations WHERE to_user = $1 AND starts_on <= $3::date AND ends_on >= $3::date))
      ORDER BY id`;

export const visibleOwnersParams = (user: SyncUser, today = new Date().toISOString().slice(0, 10)) => [user.id, user.role, today];

export async function visibleOwners(sql: Sql, user: SyncUser, today?: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(VISIBLE_OWNERS, visibleOwnersParams(user, today));
  return rows.map((r) => r.id);
}

/** A stable hash of a set of owner ids: the laptop sends it back to learn whether its scope changed. */
export function scopeHash(owners: readonly string[]): string {
  return createHash('sha256').update([...owners].sort().join(',')).digest('hex').slice(0, 32);
}
