/**
 * When each move happened (server time): a record a laptop made offline for a client that was
 * reassigned meanwhile follows the client to its new owner only within 14 days of the move
 * (server/sync/push.ts, docs/security.md). Moves logged before this have no time, and nothing
 * made offline follows them.
 */
export const sql = /* sql */ `
ALTER TABLE record_moves ADD COLUMN moved_at timestamptz;
ALTER TABLE record_moves ALTER COLUMN moved_at SET DEFAULT now();
`;
