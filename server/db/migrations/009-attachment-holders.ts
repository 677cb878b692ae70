/**
 * Who holds a file (docs/sync-protocol.md, "Attachments"): knowing a SHA-256 is no proof of
 * having the content, so the server keeps, per user and hash, how far that user's own upload
 * got. A user holds the content once they sent every byte of it themselves and the bytes were
 * checked: their own upload hashed to the SHA-256, or, where the company already held the
 * content, each of their chunks equalled the stored bytes. Attaching a file to a record needs
 * that (or the file to be on a record the user may see already).
 *
 * An upload in progress is the user's own: its chunks wait in `attachment_upload_chunks` until
 * they hash right and become the content (`attachments`, `attachment_chunks`), which is then
 * only ever complete content. Nobody's upload can block, overwrite or reveal another's.
 *
 * Existing complete content is held by its first uploader; an incomplete upload becomes its
 * first uploader's upload in progress (other users' laptops start theirs again at 0).
 */
export const sql = /* sql */ `
CREATE TABLE attachment_holders (
  sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The size this user's upload declared, and how many of its bytes arrived (the resume point).
  size       bigint      NOT NULL CHECK (size > 0),
  received   bigint      NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  -- The upload is checked against content the company already held (nothing of it stored),
  -- and whether a chunk differed (said only at the end: a chunk's answer must not tell).
  compared   boolean     NOT NULL DEFAULT false,
  diverged   boolean     NOT NULL DEFAULT false,
  -- Set when every byte arrived and matched: from then on the user holds the content.
  held_at    timestamptz,
  started_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, user_id)
);

CREATE TABLE attachment_upload_chunks (
  sha256  text   NOT NULL,
  user_id uuid   NOT NULL,
  pos     bigint NOT NULL,
  data    bytea  NOT NULL,
  PRIMARY KEY (sha256, user_id, pos),
  FOREIGN KEY (sha256, user_id) REFERENCES attachment_holders (sha256, user_id) ON DELETE CASCADE
);

INSERT INTO attachment_holders (sha256, user_id, size, received, held_at, started_at)
  SELECT sha256, created_by, size, size, completed_at, created_at
    FROM attachments WHERE completed_at IS NOT NULL AND created_by IS NOT NULL;

INSERT INTO attachment_holders (sha256, user_id, size, received, started_at)
  SELECT sha256, created_by, size, least(received, size), created_at
    FROM attachments WHERE completed_at IS NULL AND created_by IS NOT NULL;
INSERT INTO attachment_upload_chunks (sha256, user_id, pos, data)
  SELECT c.sha256, a.created_by, c.pos, c.data
    FROM attachment_chunks c JOIN attachments a ON a.sha256 = c.sha256
   WHERE a.completed_at IS NULL AND a.created_by IS NOT NULL;
DELETE FROM attachments WHERE completed_at IS NULL;
`;
