/**
 * Attachments (business-card photos, contract scans, logos): files that hang off synced records.
 * A record holds references `{ sha256, name, mime, size, addedAt }` in its `attachments` field;
 * the bytes travel separately, content-addressed by their SHA-256, uploaded in resumable chunks
 * before the push that references them and downloaded lazily (docs/sync-protocol.md,
 * "Attachments"). The limits here are the one definition the laptop and the server share.
 */
import { z } from 'zod';

/**
 * The largest file a person may attach: a phone photo or a multi-page scan fits comfortably.
 * 25 MB as the app writes every file size (renderer/src/i18n/format.ts formatFileSize: 1 MB is
 * 1 000 000 bytes), so the limit reads "25 MB" and a file shown as "25.4 MB" is over it. (It was
 * 25 MiB, which the app showed as "26.2 MB".)
 */
export const MAX_ATTACHMENT_BYTES = 25_000_000;
/**
 * The largest file a record may reference and the server accepts: 25 MiB, the limit before it
 * became 25 MB, so a file attached then (up to 26.2 MB) still syncs and is never refused in a
 * pull. Only what a person picks now is held to MAX_ATTACHMENT_BYTES.
 */
export const MAX_STORED_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/**
 * Upload chunk size: small enough that a dropped connection costs little and a chunk fits well
 * under the server's body limits, large enough that a 25 MB file is about 100 requests.
 */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;
/** Most files on one record. */
export const MAX_ATTACHMENTS_PER_RECORD = 50;
/**
 * Allowed types: any. Files are never rendered by the app or the server (the server always
 * answers `application/octet-stream` as a download), so a type is only a label for the person;
 * restrict here if the company wants to.
 */
export const ALLOWED_MIME_TYPES = 'any' as readonly string[] | 'any';

/** The field of a synced record that lists its attachments (the server's download permission looks here). */
export const ATTACHMENTS_FIELD = 'attachments';

/** Lower-case hex SHA-256: the attachment's identity. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256_PATTERN, { message: 'must be a lower-case hex SHA-256' });

const mimeSchema = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { message: 'must be a MIME type' })
  .refine((m) => ALLOWED_MIME_TYPES === 'any' || ALLOWED_MIME_TYPES.includes(m.toLowerCase()), { message: 'type not allowed' });

/** A reference from a record to an attachment's content. */
export const attachmentRefSchema = z.strictObject({
  sha256: sha256Schema,
  /** The file name as the person picked it (shown, and suggested when saving). */
  name: z.string().trim().min(1).max(255),
  mime: mimeSchema,
  size: z.number().int().min(1).max(MAX_STORED_ATTACHMENT_BYTES),
  /** ISO-8601 UTC, when the file was attached. */
  addedAt: z.iso.datetime({ offset: true }),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** A record's list of attachments (one file at most once). */
export const attachmentListSchema = z
  .array(attachmentRefSchema)
  .max(MAX_ATTACHMENTS_PER_RECORD)
  .refine((list) => new Set(list.map((a) => a.sha256)).size === list.length, { message: 'the same file twice' });

/** `GET /api/attachments/:sha256/status` and every chunk upload answer. */
export interface AttachmentStatus {
  sha256: string;
  /** Bytes the server holds: where an interrupted upload continues. */
  received: number;
  /** Total size declared by the first chunk (null before any chunk arrived). */
  size: number | null;
  /** The whole content arrived and its SHA-256 matched. */
  complete: boolean;
}

/** Path of an attachment's content on the company server. */
export const attachmentPath = (sha256: string) => `/api/attachments/${sha256}`;
