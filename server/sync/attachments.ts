/**
 * Attachments on the company server (docs/sync-protocol.md, "Attachments"): content addressed by
 * SHA-256, received in chunks appended at the offset the server already holds (so an interrupted
 * upload resumes there), checked against its hash when the last byte arrives, and given out only
 * to users who may see a record that references it.
 *
 *   GET /api/attachments/:sha256/status             → AttachmentStatus (the resume point)
 *   PUT /api/attachments/:sha256?offset=N&size=S     body: the chunk (application/octet-stream)
 *   GET /api/attachments/:sha256                    → the content, as a download
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENTS_FIELD,
  MAX_ATTACHMENT_BYTES,
  sha256Schema,
  type AttachmentStatus,
} from '../../core/sync/attachments';
import { DELETED_FIELD } from '../../core/sync/tables';
import { HttpError, parseInput } from '../http-error';
import { visibleOwners } from './scope';
import type { Sql, SqlTransactor, SyncDevice, SyncUser } from './sql';

const paramsSchema = z.strictObject({ sha256: sha256Schema });
const chunkQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  size: z.coerce.number().int().min(1, { message: 'must be at least 1 byte' }).max(MAX_ATTACHMENT_BYTES, {
    message: `must be at most ${MAX_ATTACHMENT_BYTES} bytes`,
  }),
});

interface AttachmentRow {
  size: number;
  received: number;
  complete: boolean;
}

async function readRow(sql: Sql, sha256: string, lock = false): Promise<AttachmentRow | null> {
  const [row] = await sql.query<AttachmentRow>(
    `SELECT size::float8 AS size, received::float8 AS received, completed_at IS NOT NULL AS complete
       FROM attachments WHERE sha256 = $1${lock ? ' FOR UPDATE' : ''}`,
    [sha256],
  );
  return row ?? null;
}

const statusOf = (sha256: string, row: AttachmentRow | null): AttachmentStatus => ({
  sha256,
  received: row ? Number(row.received) : 0,
  size: row ? Number(row.size) : null,
  complete: row?.complete ?? false,
});

export async function attachmentStatus(db: Sql, sha256: string): Promise<AttachmentStatus> {
  return statusOf(sha256, await readRow(db, sha256));
}

/** The SHA-256 of an attachment's stored chunks, in order. */
async function hashOfChunks(sql: Sql, sha256: string): Promise<string> {
  const hash = createHash('sha256');
  const chunks = await sql.query<{ data: Uint8Array }>(`SELECT data FROM attachment_chunks WHERE sha256 = $1 ORDER BY pos`, [sha256]);
  for (const c of chunks) hash.update(c.data);
  return hash.digest('hex');
}

/**
 * Appends one chunk at `offset`, which must be exactly what the server holds: a chunk sent twice
 * (its answer lost) or out of order is refused with the offset to continue from, never stored
 * twice. Content the server already has completely is a no-op. When the last byte arrives the
 * whole content is hashed; a mismatch discards everything received for that hash.
 */
export async function receiveChunk(db: SqlTransactor, user: SyncUser, sha256: string, offset: number, size: number, chunk: Uint8Array): Promise<AttachmentStatus> {
  const outcome = await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO attachments (sha256, size, created_by) VALUES ($1, $2, $3::uuid) ON CONFLICT (sha256) DO NOTHING`, [sha256, size, user.id]);
    // The row lock serialises uploads of the same content from several laptops.
    const row = (await readRow(tx, sha256, true))!;
    if (row.complete) return { status: statusOf(sha256, row) };
    if (Number(row.size) !== size) {
      // Content with this hash has one size, so one of the two uploads is doomed to fail the hash
      // check. An upload starting over at 0 replaces the incomplete one: a wrong size declared
      // first (by mistake or on purpose) can never block the right content.
      if (offset !== 0) {
        throw new HttpError(409, 'size_mismatch', `This file's upload was started with size ${row.size}, not ${size}: start again at offset 0.`, {
          status: statusOf(sha256, row),
        });
      }
      await tx.query(`DELETE FROM attachment_chunks WHERE sha256 = $1`, [sha256]);
      await tx.query(`UPDATE attachments SET size = $2, received = 0 WHERE sha256 = $1`, [sha256, size]);
      row.size = size;
      row.received = 0;
    }
    if (offset !== Number(row.received)) {
      throw new HttpError(409, 'offset_mismatch', `The server has ${row.received} bytes of this file: continue from there.`, { status: statusOf(sha256, row) });
    }
    if (chunk.byteLength === 0) throw new HttpError(400, 'bad_request', 'The chunk is empty.');
    if (offset + chunk.byteLength > size) throw new HttpError(400, 'bad_request', `The chunk ends after the file's size (${size} bytes).`);
    await tx.query(`INSERT INTO attachment_chunks (sha256, pos, data) VALUES ($1, $2, $3)`, [sha256, offset, chunk]);
    const received = offset + chunk.byteLength;
    if (received < size) {
      await tx.query(`UPDATE attachments SET received = $2 WHERE sha256 = $1`, [sha256, received]);
      return { status: statusOf(sha256, { size, received, complete: false }) };
    }
    if ((await hashOfChunks(tx, sha256)) !== sha256) {
      // Committed, not rolled back: the wrong content must go, so that a correct upload can start over.
      await tx.query(`DELETE FROM attachments WHERE sha256 = $1`, [sha256]);
      return { mismatch: true as const };
    }
    await tx.query(`UPDATE attachments SET received = $2, completed_at = now() WHERE sha256 = $1`, [sha256, received]);
    return { status: statusOf(sha256, { size, received, complete: true }) };
  });
  if ('mismatch' in outcome) {
    throw new HttpError(422, 'hash_mismatch', 'The uploaded content does not match its SHA-256; it was discarded. Upload the file again.', {
      status: statusOf(sha256, null),
    });
  }
  return outcome.status;
}

/**
 * Whether the user may see a record that references the attachment: the same scope rules as pull
 * (own records, the team's for a head of sales, delegations, shared reference data).
 */
export async function mayDownload(db: SqlTransactor, user: SyncUser, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const owners = await visibleOwners(tx, user);
    const rows = await tx.query(
      `SELECT 1 FROM records
        WHERE data->'${ATTACHMENTS_FIELD}' @> $1::jsonb AND data->'${ATTACHMENTS_FIELD}' <> '[]'::jsonb
          AND (owner_id = ANY($2::uuid[]) OR owner_id IS NULL)
          AND coalesce((data->>'${DELETED_FIELD}')::boolean, false) = false
        LIMIT 1`,
      [JSON.stringify([{ sha256 }]), owners],
    );
    return rows.length > 0;
  });
}

/** The hashes among `hashes` whose content the server holds completely. */
export async function completeAttachments(sql: Sql, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await sql.query<{ sha256: string }>(`SELECT sha256 FROM attachments WHERE sha256 = ANY($1::text[]) AND completed_at IS NOT NULL`, [[...new Set(hashes)]]);
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
    deps.deviceOf(request);
    return attachmentStatus(deps.db, sha256);
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
    const status = await attachmentStatus(deps.db, sha256);
    // Not there and not yours look the same: the answer confirms nothing about others' files.
    if (!status.complete || !(await mayDownload(deps.db, user, sha256))) {
      throw new HttpError(404, 'not_found', 'No such file among the ones you may see.');
    }
    const content = await readContent(deps.db, sha256);
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
      .send(content);
  });
}
