/**
 * The device a record's current version came from, when that device already holds it exactly
 * (docs/sync-protocol.md, "Push"): its pulls skip the record instead of sending its own change
 * back. NULL for every other write (a merge, a server write, a change from another device).
 */
export const sql = /* sql */ `
ALTER TABLE records ADD COLUMN known_to_device uuid;
`;
