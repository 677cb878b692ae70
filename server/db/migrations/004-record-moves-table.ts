/**
 * Moves of any owned record, not only clients: a lead or task handed to a colleague leaves the
 * old owner's laptop the way a reassigned client does (docs/sync-protocol.md, "Scope =
 * permission"). `client_id` keeps its name and holds the moved record's id.
 */
export const sql = /* sql */ `
ALTER TABLE record_moves ADD COLUMN tbl text NOT NULL DEFAULT 'clients';
`;
