/**
 * The network side of attachments (docs/sync-protocol.md, "Attachments"): uploading the files a
 * push batch references before the batch is sent, chunk by chunk from wherever the server's copy
 * ends, and fetching a file's bytes the first time it is opened on this laptop.
 */
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENTS_FIELD, attachmentPath, type AttachmentRef, type AttachmentStatus } from '../../../core/sync/attachments';
import type { PushOp } from '../../../core/sync/protocol';
import { localAttachment, markUploaded, storeDownloaded, type StoredAttachment } from '../data/attachments';
import { getDb } from '../data/db';
import { SyncFailure, type Transport } from './transport';

export interface UploadCounters {
  /** Files uploaded (content the server already had counts too: nothing left to send). */
  files: number;
  /** Bytes sent and received. */
  bytes: number;
}

/** The attachments referenced by a batch's operations that exist on this laptop only. */
export async function pendingAttachmentsOf(ops: readonly PushOp[], db = getDb()): Promise<StoredAttachment[]> {
  const hashes = new Set<string>();
  for (const op of ops) {
    const value = op.fields[ATTACHMENTS_FIELD]?.value;
    if (!Array.isArray(value)) continue;
    for (const ref of value) {
      const sha256 = (ref as { sha256?: unknown } | null)?.sha256;
      if (typeof sha256 === 'string') hashes.add(sha256);
    }
  }
  if (hashes.size === 0) return [];
  const found = await db.attachments.bulkGet([...hashes]);
  return found.filter((a): a is StoredAttachment => a?.state === 'pending');
}

/**
 * Uploads one attachment: asks the server how much it holds, sends the rest in chunks, and
 * marks it uploaded once the server confirms the whole content matched its hash. A connection
 * lost mid-way costs the chunk in flight: the next sync continues from the server's offset.
 */
export async function uploadAttachment(att: StoredAttachment, transport: Transport, counters: UploadCounters, db = getDb()): Promise<void> {
  const path = attachmentPath(att.sha256);
  const first = await transport.get<AttachmentStatus>(`${path}/status`);
  counters.bytes += first.bytes;
  // An incomplete upload of another size is not this content's: start over (the server allows it at 0).
  let status = first.value.size !== null && first.value.size !== att.size && !first.value.complete ? { ...first.value, received: 0 } : first.value;
  while (!status.complete) {
    const from = status.received;
    const chunk = new Uint8Array(await att.blob.slice(from, Math.min(from + ATTACHMENT_CHUNK_BYTES, att.size)).arrayBuffer());
    try {
      const answer = await transport.putBytes<AttachmentStatus>(`${path}?offset=${from}&size=${att.size}`, chunk);
      counters.bytes += answer.bytes;
      status = answer.value;
    } catch (e) {
      // Someone else (another window, another laptop with the same file) moved the upload on:
      // the content is the same, so continue from where the server is.
      const other = e instanceof SyncFailure && e.body?.error === 'offset_mismatch' ? (e.body.status as AttachmentStatus | undefined) : undefined;
      if (!other) throw e;
      status = other;
    }
    if (!status.complete && status.received <= from) throw new SyncFailure('server_error', 'The server did not accept the file chunk.');
  }
  await markUploaded(att.sha256, db);
  counters.files++;
}

/**
 * A file's bytes: from this laptop when it has them, otherwise downloaded from the company
 * server (only for a user who may see a record that references it) and kept for next time.
 */
export async function fetchAttachment(ref: AttachmentRef, transport: Transport | null, db = getDb()): Promise<Blob> {
  const local = await localAttachment(ref.sha256, db);
  if (local) return local.blob.type === ref.mime ? local.blob : local.blob.slice(0, local.size, ref.mime);
  if (!transport) throw new SyncFailure('offline', 'not connected to a company server');
  const { value } = await transport.getBytes(attachmentPath(ref.sha256));
  return storeDownloaded(ref, value, db);
}
