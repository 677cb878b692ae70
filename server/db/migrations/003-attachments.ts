/**
 * Attachments: files content-addressed by SHA-256, uploaded in chunks (docs/sync-protocol.md,
 * "Attachments"). The content is kept as its chunks, one row each, so an upload appends rows
 * instead of rewriting an ever-growing value. Who may download a file follows from the records
 * that reference it (their `attachments` field), so no owner is stored here.
 */
export const sql = /* sql */ `
CREATE TABLE attachments (
  sha256       text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size         bigint      NOT NULL CHECK (size > 0),
  received     bigint      NOT NULL DEFAULT 0,
  -- Set when every byte arrived and the content's SHA-256 matched.
  completed_at timestamptz,
  -- The first uploader and when, for pruning uploads never completed or never referenced.
  created_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE attachment_chunks (
  sha256 text   NOT NULL REFERENCES attachments (sha256) ON DELETE CASCADE,
  pos    bigint NOT NULL,
  data   bytea  NOT NULL,
  PRIMARY KEY (sha256, pos)
);

-- The download check finds the records that reference a file.
CREATE INDEX records_attachments ON records USING gin ((data->'attachments') jsonb_path_ops);
`;
