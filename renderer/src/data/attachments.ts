/**
 * Attachments on this laptop: the bytes of files attached to records (contract scans, logos,
 * later business-card photos), kept in IndexedDB by their SHA-256. A record holds only
 * references (core/sync/attachments.ts); the bytes upload before the push that references them
 * and download when someone opens the file (docs/sync-protocol.md, "Attachments").
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { MAX_ATTACHMENT_BYTES, SHA256_PATTERN, type AttachmentRef } from '../../../core/sync/attachments';
import { getDb, type FieldbookDb } from './db';

/**
 * - `pending`: attached on this laptop, not yet on the company server (the next sync uploads it);
 * - `uploaded`: attached here and safely on the server;
 * - `downloaded`: attached elsewhere, fetched from the server when opened here.
 */
export type AttachmentState = 'pending' | 'uploaded' | 'downloaded';

export interface StoredAttachment {
  sha256: string;
  blob: Blob;
  size: number;
  state: AttachmentState;
  /** ISO-8601 UTC, when the bytes came onto this laptop. */
  storedAt: string;
}

/** Thrown when a file cannot be attached or opened; `message` is an i18n key the UI shows. */
export class AttachmentError extends Error {}

/** Lower-case hex SHA-256 of the bytes (the attachment's identity everywhere). */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new AttachmentError('errors.file_no_crypto');
  const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buffer as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Why a picked file cannot be attached (an i18n key), or null when it can. */
export function fileProblem(file: { size: number }): string | null {
  if (file.size === 0) return 'errors.file_empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'errors.file_too_large';
  return null;
}

/** A file as the person picked it, read and hashed: ready for the attach command. */
export interface PreparedFile {
  sha256: string;
  blob: Blob;
  name: string;
  mime: string;
}

/**
 * Reads and hashes a picked file. Done before the attach command's transaction: an IndexedDB
 * transaction closes when it waits for anything else (hashing is a WebCrypto promise).
 */
export async function prepareFile(file: Blob & { name?: string }, name = file.name ?? 'file'): Promise<PreparedFile> {
  const problem = fileProblem(file);
  if (problem) throw new AttachmentError(problem);
  const mime = /^[a-z0-9][\w!#$&^.+-]*\/[a-z0-9][\w!#$&^.+-]*$/i.test(file.type) ? file.type : 'application/octet-stream';
  // A copy as a plain Blob: what IndexedDB keeps is the bytes, not a handle on the picked file.
  const blob = new Blob([await file.arrayBuffer()], { type: mime });
  return { sha256: await sha256Hex(blob), blob, name: name.trim() || 'file', mime };
}

export const localAttachment = (sha256: string, db = getDb()) => db.attachments.get(sha256);

/** Marks attachments made here as safely on the server. */
export async function markUploaded(sha256: string, db = getDb()): Promise<void> {
  await db.attachments.where('sha256').equals(sha256).modify((a) => {
    if (a.state === 'pending') a.state = 'uploaded';
  });
}

/**
 * Keeps bytes fetched from the server, after checking they are the file the reference names
 * (the server checked on upload; this guards against a truncated or altered answer).
 */
export async function storeDownloaded(ref: Pick<AttachmentRef, 'sha256' | 'mime'>, bytes: Uint8Array, db = getDb()): Promise<Blob> {
  if (!SHA256_PATTERN.test(ref.sha256) || (await sha256Hex(bytes)) !== ref.sha256) throw new AttachmentError('errors.file_corrupt');
  const blob = new Blob([bytes as BlobPart], { type: ref.mime });
  await db.transaction('rw', db.attachments, async () => {
    if (await db.attachments.get(ref.sha256)) return;
    await db.attachments.put({ sha256: ref.sha256, blob, size: bytes.byteLength, state: 'downloaded', storedAt: new Date().toISOString() });
  });
  return blob;
}

/** Which of a client's files are on this laptop, and which still wait to be sent. */
export function useLocalAttachments(hashes: readonly string[]) {
  const key = hashes.join(',');
  return useLiveQuery(async () => {
    const found = await getDb().attachments.bulkGet([...hashes]);
    return new Map(found.filter((a): a is StoredAttachment => a !== undefined).map((a) => [a.sha256, a.state]));
  }, [key]);
}

/** A record that may reference attachments (a client, a lead). */
interface WithAttachments {
  id: string;
  attachments?: AttachmentRef[];
}

/**
 * Drops the bytes of the files that only these records referenced. They are leaving this laptop
 * (a client reassigned to another manager, a lead handed to a colleague, out of its scope): what
 * a manager may no longer see must not stay on the disk either. A file still waiting for upload
 * stays (its push needs it), and so does one that a client or lead staying here also has. Runs
 * inside the caller's transaction, which must include clients, leads and attachments.
 */
export async function forgetAttachmentsOf(db: FieldbookDb, leaving: readonly WithAttachments[]): Promise<void> {
  const hashes = new Set(leaving.flatMap((r) => (r.attachments ?? []).map((a) => a.sha256)));
  if (hashes.size === 0) return;
  const leavingIds = new Set(leaving.map((r) => r.id));
  // A scan, but only when leaving records had files: rare, and the same file on two records rarer.
  const keep = (r: WithAttachments) => {
    if (!leavingIds.has(r.id)) r.attachments?.forEach((a) => hashes.delete(a.sha256));
  };
  await db.clients.filter((c) => (c.attachments ?? []).length > 0).each(keep);
  await db.leads.filter((l) => (l.attachments ?? []).length > 0).each(keep);
  const stored = await db.attachments.bulkGet([...hashes]);
  await db.attachments.bulkDelete(stored.flatMap((a) => (a && a.state !== 'pending' ? [a.sha256] : [])));
}
