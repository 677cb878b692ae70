/**
 * Opening an attachment from a screen (a client's file, a lead's card photo): its bytes from this
 * laptop, or downloaded from the company server as the signed-in device the first time. Its own
 * module because it joins the attachment transfer (attachment-sync.ts) with the connection
 * (sync-controller.ts), and sync-controller already depends on attachment-sync through the engine.
 */
import type { AttachmentRef } from '../../../core/sync/attachments';
import { fetchAttachment } from './attachment-sync';
import { connectedTransport } from './sync-controller';

/**
 * The file as a Blob of its own MIME type (for an <img> or a download). Throws SyncFailure
 * 'offline' when the bytes are not here and the server cannot be reached (or nobody is signed in),
 * SyncFailure with body.error 'not_found' when the server does not have them (yet).
 */
export async function attachmentBlob(ref: AttachmentRef): Promise<Blob> {
  return fetchAttachment(ref, await connectedTransport());
}

/** The file's bytes (what the platform's save dialog takes). */
export async function attachmentBytes(ref: AttachmentRef): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await attachmentBlob(ref)).arrayBuffer());
}
