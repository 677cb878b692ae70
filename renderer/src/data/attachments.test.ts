import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clientInputSchema } from '../../../core/client-model';
import { attachmentRefSchema, MAX_ATTACHMENT_BYTES, MAX_STORED_ATTACHMENT_BYTES } from '../../../core/sync/attachments';
import { SYNCED_TABLES } from '../../../core/sync/tables';
import { FieldbookDb } from './db';
import { attachFile, createClient, detachFile, updateClient } from './clients/commands';
import { AttachmentError, fileProblem, prepareFile, storeDownloaded } from './attachments';
import { formatFileSize } from '../i18n/format';

const input = clientInputSchema.parse({
  name: 'Files Kft',
  status: 'active',
  ownerId: 'u1',
  priceType: 'retail',
  discountPct: 0,
  paymentTermsDays: 30,
  currency: 'EUR',
});

let db: FieldbookDb;
beforeEach(() => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const pdf = (text: string, name = 'contract.pdf') => new File([text], name, { type: 'application/pdf' });

it('attaches a file: the bytes by SHA-256, the reference on the client, the outbox entry and the history line in one go', async () => {
  const client = await createClient(input, db);
  await db.outbox.clear();
  const prepared = await prepareFile(pdf('%PDF signed'));
  // Known SHA-256 of the text '%PDF signed'.
  expect(prepared.sha256).toBe('4bacb3719f88c4c0ea407b3661638c43b43f844d5259b0ee30e9dfb39362c263');
  const ref = await attachFile(client.id, prepared, db);
  expect(ref).toMatchObject({ sha256: prepared.sha256, name: 'contract.pdf', mime: 'application/pdf', size: 11 });
  expect(SYNCED_TABLES.clients.fields.attachments.safeParse([ref]).success).toBe(true);
  expect((await db.clients.get(client.id))?.attachments).toEqual([ref]);
  const stored = await db.attachments.get(ref.sha256);
  expect(stored).toMatchObject({ state: 'pending', size: 11 });
  expect(await stored!.blob.text()).toBe('%PDF signed');
  const [entry] = await db.outbox.toArray();
  expect(entry!.fields).toEqual({ attachments: { value: [ref], hlc: expect.any(String), base: null } });
  const [line] = await db.history.where('clientId').equals(client.id).reverse().sortBy('at');
  expect(line!.changes).toEqual([{ field: 'attachments', from: [], to: ['contract.pdf'] }]);

  // The same content again: nothing changes.
  await attachFile(client.id, await prepareFile(pdf('%PDF signed', 'copy.pdf')), db);
  expect((await db.clients.get(client.id))?.attachments).toHaveLength(1);
  expect(await db.outbox.count()).toBe(1);

  // Editing the client in the form keeps its files.
  const after = (await db.clients.get(client.id))!;
  await updateClient(client.id, { ...after, notes: 'x' }, db);
  expect((await db.clients.get(client.id))?.attachments).toEqual([ref]);

  await detachFile(client.id, ref.sha256, db);
  expect((await db.clients.get(client.id))?.attachments).toEqual([]);
  expect((await db.outbox.toArray()).at(-1)!.fields.attachments?.value).toEqual([]);
});

it('refuses an empty or too large file before anything is written', async () => {
  await expect(prepareFile(new File([], 'empty.txt'))).rejects.toThrow(new AttachmentError('errors.file_empty'));
  const huge = { size: MAX_ATTACHMENT_BYTES + 1, type: 'image/png', name: 'huge.png', arrayBuffer: () => Promise.reject(new Error('must not be read')) };
  await expect(prepareFile(huge as unknown as File)).rejects.toThrow(new AttachmentError('errors.file_too_large'));
  expect(await db.attachments.count()).toBe(0);
});

it('holds a picked file to the limit as the app shows it: 25 MB, and a file shown as 25.4 MB is over it', () => {
  expect(formatFileSize(MAX_ATTACHMENT_BYTES, 'en-GB')).toBe('25 MB');
  expect(fileProblem({ size: 25_000_000 })).toBeNull();
  expect(formatFileSize(25_400_000, 'en-GB')).toBe('25.4 MB');
  expect(fileProblem({ size: 25_400_000 })).toBe('errors.file_too_large');
});

it('still takes a record whose file was attached under the old limit (25 MiB, shown as 26.2 MB)', () => {
  const ref = { sha256: 'a'.repeat(64), name: 'old-scan.pdf', mime: 'application/pdf', size: 26_000_000, addedAt: '2025-01-01T00:00:00.000Z' };
  expect(attachmentRefSchema.safeParse(ref).success).toBe(true);
  expect(attachmentRefSchema.safeParse({ ...ref, size: MAX_STORED_ATTACHMENT_BYTES + 1 }).success).toBe(false);
});

it('keeps downloaded bytes only when they hash to the reference', async () => {
  const bytes = new TextEncoder().encode('logo');
  const sha256 = '3598ce6f965b2481fe26316c06b30950c46ac7f8e7229f104aa78f579997668d'; // of 'logo'
  await expect(storeDownloaded({ sha256, mime: 'image/png' }, new TextEncoder().encode('logO'), db)).rejects.toThrow('errors.file_corrupt');
  expect(await db.attachments.count()).toBe(0);
  const blob = await storeDownloaded({ sha256, mime: 'image/png' }, bytes, db);
  expect(blob.type).toBe('image/png');
  expect((await db.attachments.get(sha256))?.state).toBe('downloaded');
});
