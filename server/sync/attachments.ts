/**
 * Attachments on the company server (docs/sync-protocol.md, "Attachments"): content addressed by
 * SHA-256, received in chunks appended at the offset the user's own upload reached (so an
 * interrupted upload resumes there), checked against its hash when the last byte arrives, and
 * given out only to users who may see a record that references it. A hash is no ticket: a user
 * may attach content only after sending all of it themselves (then they "hold" it), or when it
 * is on a record they may see already (`attachableHashes`, for push).
 *
 *   GET /api/attachments/:sha256/status             → AttachmentStatus (the user's resume point)
 *   PUT /api/attachments/:sha256?offset=N&size=S     body: the chunk (application/octet-stream)
 *   GET /api/attachments/:sha256                    → the content, as a download
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENTS_FIELD,
  MAX_STORED_ATTACHMENT_BYTES,
  SHA256_PATTERN,
  sha256Schema,
  type AttachmentStatus,
} from '../../core/sync/attachments';
import { DELETED_FIELD } from '../../core/sync/tables';
import { HttpError, parseInput } from '../http-error';
import { visibleOwners } from './scope';
import type { Sql, SqlTransactor, SyncDevice, SyncUser } from './sql';

const paramsSchema = z.strictObject({ sha256: sha256Schema });
const chunkQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_STORED_ATTACHMENT_BYTES),
  size: z.coerce.number().int().min(1, { message: 'must be at least 1 byte' }).max(MAX_STORED_ATTACHMENT_BYTES, {
    message: `must be at most ${MAX_STORED_ATTACHMENT_BYTES} bytes`,
  }),
});

/** Content the company holds: only ever complete and checked (an upload in progress is its uploader's). */
interface ContentRow {
  size: number;
  complete: boolean;
}

/** One user's upload of one hash (server/db/migrations/009-attachment-holders.ts). */
interface UploadRow {
  size: number;
  received: number;
  compared: boolean;
  diverged: boolean;
  held: boolean;
}

async function readContentRow(sql: Sql, sha256: string): Promise<ContentRow | null> {
  const [row] = await sql.query<ContentRow>(`SELECT size::float8 AS size, completed_at IS NOT NULL AS complete FROM attachments WHERE sha256 = $1`, [sha256]);
  return row ? { size: Number(row.size), complete: row.complete } : null;
}

async function readUpload(sql: Sql, user: SyncUser, sha256: string, lock = false): Promise<UploadRow | null> {
  const [row] = await sql.query<UploadRow>(
    `SELECT size::float8 AS size, received::float8 AS received, compared, diverged, held_at IS NOT NULL AS held
       FROM attachment_holders WHERE sha256 = $1 AND user_id = $2::uuid${lock ? ' FOR UPDATE' : ''}`,
    [sha256, user.id],
  );
  return row ? { ...row, size: Number(row.size), received: Number(row.received) } : null;
}

const NOTHING = (sha256: string): AttachmentStatus => ({ sha256, received: 0, size: null, complete: false });
const whole = (sha256: string, size: number): AttachmentStatus => ({ sha256, received: size, size, complete: true });
/** An upload in progress, as its own uploader sees it. */
const progress = (sha256: string, upload: UploadRow): AttachmentStatus => ({ sha256, received: upload.received, size: upload.size, complete: false });

/**
 * The status as this user may know it: the content is `complete` only when the company holds it
 * and the user holds it too (uploaded it) or may see a record that references it — everyone
 * else sees their own upload's progress, so the answer never confirms a colleague's file.
 */
export async function attachmentStatus(db: SqlTransactor, user: SyncUser, sha256: string): Promise<AttachmentStatus> {
  const [content, upload] = await Promise.all([readContentRow(db, sha256), readUpload(db, user, sha256)]);
  if (content?.complete && (upload?.held || (await mayDownload(db, user, sha256)))) return whole(sha256, content.size);
  if (!upload || upload.held) return NOTHING(sha256);
  return progress(sha256, upload);
}

/** The SHA-256 of chunks, in order. */
function hashOf(chunks: { data: Uint8Array }[]): string {
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c.data);
  return hash.digest('hex');
}

/** The stored content's bytes from `from` (inclusive) to `to` (exclusive). */
async function contentSlice(sql: Sql, sha256: string, from: number, to: number): Promise<Buffer> {
  const chunks = await sql.query<{ pos: number; data: Uint8Array }>(
    `SELECT pos::float8 AS pos, data FROM attachment_chunks WHERE sha256 = $1 AND pos < $3 AND pos + octet_length(data) > $2 ORDER BY pos`,
    [sha256, from, to],
  );
  if (chunks.length === 0) return Buffer.alloc(0);
  const joined = Buffer.concat(chunks.map((c) => c.data));
  const start = from - Number(chunks[0]!.pos);
  return joined.subarray(start, start + (to - from));
}

/**
 * Takes one chunk of the user's own upload at `offset`, which must be exactly where that upload
 * is: a chunk sent twice (its answer lost) or out of order is refused with the offset to
 * continue from, never stored twice. Each user uploads for themselves — knowing a hash proves
 * nothing, sending its bytes does:
 *
 * - Content the company already holds completely (with this size) is not stored again: each
 *   chunk is compared with the stored bytes at its offset. Whether it matched is said only when
 *   the last byte arrived (as `hash_mismatch`, like any wrong content): a chunk's answer telling
 *   it would let anyone who knows a hash read the file byte by byte.
 * - Otherwise the chunks are kept as this user's upload; when the last one arrives they are
 *   hashed, and become the company's copy (unless someone else's finished first).
 *
 * Then the user holds the content (push lets them attach it). A mismatch discards that user's
 * upload and nothing else. Another user's upload of the same hash, finished or not, right or
 * wrong, or declared with another size, never changes these answers.
 */
export async function receiveChunk(db: SqlTransactor, user: SyncUser, sha256: string, offset: number, size: number, chunk: Uint8Array): Promise<AttachmentStatus> {
  const outcome = await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO attachment_holders (sha256, user_id, size) VALUES ($1, $2::uuid, $3) ON CONFLICT (sha256, user_id) DO NOTHING`, [sha256, user.id, size]);
    // The row lock serialises this user's laptops uploading the same file.
    let upload = (await readUpload(tx, user, sha256, true))!;
    const content = await readContentRow(tx, sha256);
    if (upload.held && content?.complete) return { status: whole(sha256, content.size) };
    const restart = upload.held || (upload.size !== size && offset === 0);
    if (upload.size !== size && !restart) {
      throw new HttpError(409, 'size_mismatch', `This file's upload was started with size ${upload.size}, not ${size}: start again at offset 0.`, {
        status: progress(sha256, upload),
      });
    }
    if (restart) {
      // A chunk at 0 with another size starts this user's upload over: a wrong size declared by
      // mistake never blocks the right content. (Also a holding whose content is gone.)
      await tx.query(`DELETE FROM attachment_upload_chunks WHERE sha256 = $1 AND user_id = $2::uuid`, [sha256, user.id]);
      upload = { size, received: 0, compared: false, diverged: false, held: false };
    }
    if (offset !== upload.received) {
      throw new HttpError(409, 'offset_mismatch', `The server has ${upload.received} bytes of this file from you: continue from there.`, { status: progress(sha256, upload) });
    }
    if (chunk.byteLength === 0) throw new HttpError(400, 'bad_request', 'The chunk is empty.');
    if (offset + chunk.byteLength > size) throw new HttpError(400, 'bad_request', `The chunk ends after the file's size (${size} bytes).`);
    // Decided when the upload starts, and kept: content the company holds is only ever complete.
    if (offset === 0) upload = { ...upload, compared: content?.complete === true && content.size === size, diverged: false };
    if (upload.compared) {
      if (!Buffer.from(chunk).equals(await contentSlice(tx, sha256, offset, offset + chunk.byteLength))) upload.diverged = true;
    } else {
      await tx.query(`INSERT INTO attachment_upload_chunks (sha256, user_id, pos, data) VALUES ($1, $2::uuid, $3, $4)`, [sha256, user.id, offset, chunk]);
    }
    const received = offset + chunk.byteLength;
    if (received < size) {
      await tx.query(
        `UPDATE attachment_holders SET size = $3, received = $4, compared = $5, diverged = $6, held_at = NULL WHERE sha256 = $1 AND user_id = $2::uuid`,
        [sha256, user.id, size, received, upload.compared, upload.diverged],
      );
      return { status: progress(sha256, { ...upload, received }) };
    }
    const matches = upload.compared
      ? !upload.diverged
      : hashOf(await tx.query<{ data: Uint8Array }>(`SELECT data FROM attachment_upload_chunks WHERE sha256 = $1 AND user_id = $2::uuid ORDER BY pos`, [sha256, user.id])) === sha256;
    if (!matches) {
      // Committed, not rolled back: the wrong upload must go, so that a correct one can start over.
      await tx.query(`DELETE FROM attachment_holders WHERE sha256 = $1 AND user_id = $2::uuid`, [sha256, user.id]);
      return { mismatch: true as const };
    }
    if (!upload.compared) {
      // The first complete upload becomes the company's copy; a later one (someone else's that
      // finished meanwhile) had the same bytes and is simply dropped.
      const [made] = await tx.query(
        `INSERT INTO attachments (sha256, size, received, completed_at, created_by) VALUES ($1, $2, $2, now(), $3::uuid) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, size, user.id],
      );
      if (made) await tx.query(`INSERT INTO attachment_chunks (sha256, pos, data) SELECT sha256, pos, data FROM attachment_upload_chunks WHERE sha256 = $1 AND user_id = $2::uuid`, [sha256, user.id]);
      await tx.query(`DELETE FROM attachment_upload_chunks WHERE sha256 = $1 AND user_id = $2::uuid`, [sha256, user.id]);
    }
    await tx.query(
      `UPDATE attachment_holders SET size = $3, received = $3, compared = $4, diverged = false, held_at = now() WHERE sha256 = $1 AND user_id = $2::uuid`,
      [sha256, user.id, size, upload.compared],
    );
    return { status: whole(sha256, size) };
  });
  if ('mismatch' in outcome) {
    throw new HttpError(422, 'hash_mismatch', 'The uploaded content does not match its SHA-256; it was discarded. Upload the file again.', {
      status: NOTHING(sha256),
    });
  }
  return outcome.status;
}

/**
 * Records a user may see that reference a file: the scope rules of pull (`owners`: the owners
 * whose records they see; shared records have none), not deleted. `files`: a JSON list
 * `[{ sha256 }]`, which the partial index on the attachments field answers (migration 006).
 */
const visibleReference = (files: string, owners: string) => `SELECT 1 FROM records r
        WHERE r.data->'${ATTACHMENTS_FIELD}' @> ${files} AND r.data->'${ATTACHMENTS_FIELD}' <> '[]'::jsonb
          AND (r.owner_id = ANY(${owners}) OR r.owner_id IS NULL)
          AND coalesce((r.data->>'${DELETED_FIELD}')::boolean, false) = false`;

/**
 * Whether the user may see a record that references the attachment: the same scope rules as pull
 * (own records, the team's for a head of sales, delegations, shared reference data).
 */
export async function mayDownload(db: SqlTransactor, user: SyncUser, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const owners = await visibleOwners(tx, user);
    const rows = await tx.query(`${visibleReference('$1::jsonb', '$2::uuid[]')} LIMIT 1`, [JSON.stringify([{ sha256 }]), owners]);
    return rows.length > 0;
  });
}

/**
 * The hashes among `hashes` that the user may put on a record: content the company holds
 * completely, and that the user holds (sent every byte of it themselves) or that is on a (not
 * deleted) record the user may see already — a colleague's file resent with a record's whole
 * list, a catalog picture. Anything else, content the server lacks included, is left out alike:
 * push refuses it as `missing_attachment`, which tells nothing about others' files.
 * `visibleOwners`: the owners whose records the user sees (server/sync/scope.ts).
 */
export async function attachableHashes(sql: Sql, user: SyncUser, visibleOwners: readonly string[], hashes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(hashes)].filter((h) => SHA256_PATTERN.test(h));
  if (wanted.length === 0) return new Set();
  const rows = await sql.query<{ sha256: string }>(
    `SELECT a.sha256 FROM attachments a
      WHERE a.sha256 = ANY($1::text[]) AND a.completed_at IS NOT NULL
        AND (EXISTS (SELECT 1 FROM attachment_holders h WHERE h.sha256 = a.sha256 AND h.user_id = $2::uuid AND h.held_at IS NOT NULL)
          OR EXISTS (${visibleReference(`jsonb_build_array(jsonb_build_object('sha256', a.sha256))`, '$3::uuid[]')}))`,
    [wanted, user.id, [...visibleOwners]],
  );
  return new Set(rows.map((r) => r.sha256));
}

async function readContent(db: Sql, sha256: string): Promise<Buffer> {
  const chunks = await db.query<{ data: Uint8Array }>(`SELECT data FROM attachment_chunks WHERE sha256 = $1 ORDER BY pos`, [sha256]);
  return Buffer.concat(chunks.map((c) => c.data));
}

export interface AttachmentRouteDeps {
  db: SqlTransactor;
  deviceOf(request: FastifyRequest): SyncDevice;
}

export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  // Chunks arrive as raw bytes. Registered in the authenticated scope only: nowhere else accepts them.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: ATTACHMENT_CHUNK_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/attachments/:sha256/status', async (request) => {
    const { sha256 } = parseInput(paramsSchema, request.params, 'path');
    return attachmentStatus(deps.db, deps.deviceOf(request).user, sha256);
  });

  app.put('/api/attachments/:sha256', { bodyLimit: ATTACHMENT_CHUNK_BYTES }, async (request) => {
    const { sha256 } = parseInput(paramsSchema, request.params, 'path');
    const { offset, size } = parseInput(chunkQuerySchema, request.query, 'query');
    if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'unsupported_media_type', 'Send the chunk as application/octet-stream.');
    return receiveChunk(deps.db, deps.deviceOf(request).user, sha256, offset, size, request.body);
  });

  app.get('/api/attachments/:sha256', async (request, reply) => {
    const { sha256 } = parseInput(paramsSchema, request.params, 'path');
    const user = deps.deviceOf(request).user;
    const content = await readContentRow(deps.db, sha256);
    // Not there and not yours look the same: the answer confirms nothing about others' files.
    if (!content?.complete || !(await mayDownload(deps.db, user, sha256))) {
      throw new HttpError(404, 'not_found', 'No such file among the ones you may see.');
    }
    const bytes = await readContent(deps.db, sha256);
    // Always a download of opaque bytes, never rendered: an uploaded HTML file must not run
    // on the server's origin (where the browser build of the app lives).
    return reply
      .headers({
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
        etag: `"${sha256}"`,
      })
      .send(bytes);
  });
}
