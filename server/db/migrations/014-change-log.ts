/**
 * The change log (server/sync/change-log.ts): one row per accepted change of a synced record —
 * who (the pushing user; NULL: the company, an import or an admin command), from which device,
 * when (server time), and each changed field's value before and after. Written in the same
 * transaction as the change (a push, an import, `assign-client`); the card's history reads a
 * client's rows (and its contacts') from here, the same on every laptop. The seed of the audit
 * trail the "team and trust" issue builds: it is kept, never pruned here.
 */
export const sql = /* sql */ `
CREATE TABLE change_log (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The client the record is of (a client's own id; a contact's, offer's… client); NULL: none.
  client_id  uuid,
  tbl        text        NOT NULL,
  record_id  uuid        NOT NULL,
  -- created | updated | deleted | undeleted | resolved (a conflict's choice) | imported | assigned
  action     text        NOT NULL,
  -- [{ "field", "from", "to" }]: the values each changed field had before and has after.
  changes    jsonb       NOT NULL DEFAULT '[]',
  user_id    uuid,
  device_id  uuid,
  at         timestamptz NOT NULL
);
CREATE INDEX change_log_client ON change_log (client_id, id) WHERE client_id IS NOT NULL;
CREATE INDEX change_log_record ON change_log (tbl, record_id, id);
`;
