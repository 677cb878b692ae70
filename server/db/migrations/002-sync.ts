/**
 * Sync: the synced records, the sequence that orders every accepted change, client moves
 * between owners, and each device's last applied push (docs/sync-protocol.md).
 */
export const sql = /* sql */ `
CREATE SEQUENCE change_seq;

CREATE TABLE records (
  tbl        text        NOT NULL,
  id         uuid        NOT NULL,
  -- Effective owner (a client's owner, also for what hangs off it); NULL = shared reference data.
  owner_id   uuid,
  -- The client a record hangs off (the client itself for clients).
  client_id  uuid,
  data       jsonb       NOT NULL,
  stamps     jsonb       NOT NULL,
  authors    jsonb       NOT NULL DEFAULT '{}'::jsonb,
  seq        bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tbl, id)
);
CREATE INDEX records_seq ON records (seq);
CREATE INDEX records_owner_seq ON records (owner_id, seq);
CREATE INDEX records_client ON records (client_id);

CREATE TABLE record_moves (
  seq        bigint PRIMARY KEY,
  client_id  uuid   NOT NULL,
  from_owner uuid,
  to_owner   uuid   NOT NULL
);

CREATE TABLE device_sync (
  device_id    uuid   PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  last_seq     bigint NOT NULL DEFAULT 0,
  last_results jsonb
);

CREATE TABLE sync_settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);
`;
