/**
 * When a logged change was made (server/sync/change-log.ts): the physical time of the HLC stamp
 * the laptop gave it, so an edit made offline at 10:00 and synced at 18:00 reads 10:00 in the
 * client's history, with `at` (when the server received it) beside it. Never after `at`: a stamp
 * from a laptop whose clock runs ahead is logged as made when it was received. NULL: the
 * company's own changes (imports, admin commands), which have only the server's time, and every
 * entry logged before this migration.
 */
export const sql = /* sql */ `
ALTER TABLE change_log ADD COLUMN made_at timestamptz;
`;
