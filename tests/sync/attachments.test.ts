/**
 * Attachments between laptops through the company server, on both database backends: a file
 * attached offline is uploaded in chunks before the change that references it, an interrupted
 * upload continues from the server's offset, the same content is never sent twice by one
 * person, and another laptop of the same scope downloads the same bytes when the file is opened
 * there — while a manager who cannot see the client cannot; a colleague who has the same file
 * sends it in full (a hash is no ticket), and the server keeps one copy. Real laptop code, real
 * server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, attachmentPath } from '../../core/sync/attachments';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { attachFile, createClient, detachFile, updateClient } from '../../renderer/src/data/clients/commands';
import { prepareFile } from '../../renderer/src/data/attachments';
import { fetchAttachment } from '../../renderer/src/sync/attachment-sync';
import { SyncFailure } from '../../renderer/src/sync/transport';
import { clientInput, inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const file = (bytes: Uint8Array, name: string, type = 'application/pdf') => new File([bytes as BlobPart], name, { type });
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

for (const backend of BACKENDS) {
  describeBackend(backend)(`attachments between laptops (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;
    const puts = (l: Laptop) => l.log.filter((r) => r.startsWith('PUT /api/attachments/'));

    it('a file attached offline on one laptop is opened, with the same bytes, on the head of sales’ laptop', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const content = new Uint8Array(randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 12_345));
      // Offline: a new client and a signed contract scan on its card.
      const c = await createClient(clientInput(test.team.anna, { name: 'Signed Contract Kft' }), a.db);
      const ref = await attachFile(c.id, await prepareFile(file(content, 'contract.pdf')), a.db);
      expect(ref).toMatchObject({ sha256: sha256(content), name: 'contract.pdf', mime: 'application/pdf', size: content.length });
      expect((await a.db.attachments.get(ref.sha256))?.state).toBe('pending');

      const run = await a.sync();
      expect(run).toMatchObject({ ok: true, filesUploaded: 1, rejected: 0 });
      expect(run.bytes).toBeGreaterThan(content.length);
      // Uploaded in chunks, all before the push that references the file.
      const log = a.log.filter((r) => r.includes('/attachments/') || r.includes('/sync/push'));
      expect(log).toEqual([
        `GET ${attachmentPath(ref.sha256)}/status`,
        ...[0, 1, 2].map((i) => `PUT ${attachmentPath(ref.sha256)}?offset=${i * ATTACHMENT_CHUNK_BYTES}&size=${content.length}`),
        'POST /api/sync/push',
      ]);
      expect((await a.db.attachments.get(ref.sha256))?.state).toBe('uploaded');
      expect((await serverRecords(test.db, 'clients')).get(c.id)?.attachments).toEqual([ref]);

      // The head of sales syncs: the reference comes with the client, the bytes do not (lazy).
      await h.sync();
      expect((await h.db.clients.get(c.id))?.attachments).toEqual([ref]);
      expect(await h.db.attachments.count()).toBe(0);
      expect(h.log.some((r) => r.includes('/attachments/'))).toBe(false);
      // Opened: downloaded once, kept, the same bytes.
      const blob = await fetchAttachment(ref, h.transport, h.db);
      expect(await bytesOf(blob)).toEqual(content);
      expect(blob.type).toBe('application/pdf');
      expect((await h.db.attachments.get(ref.sha256))?.state).toBe('downloaded');
      const requests = h.requests;
      expect(await bytesOf(await fetchAttachment(ref, null, h.db))).toEqual(content);
      expect(h.requests).toBe(requests);

      // Ben, a manager of the same team, does not see Anna's client, nor its file.
      const b = await laptop('ben');
      await b.sync();
      expect(await b.db.clients.get(c.id)).toBeUndefined();
      const refused = await fetchAttachment(ref, b.transport, b.db).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SyncFailure);
      expect((refused as SyncFailure).body?.error).toBe('not_found');
      expect(await b.db.attachments.count()).toBe(0);
    });

    it('an upload cut off mid-file continues from the server’s offset at the next sync; nothing is pushed before the file is in', async () => {
      const a = await laptop('anna');
      const content = new Uint8Array(randomBytes(3 * ATTACHMENT_CHUNK_BYTES + 1));
      const c = await createClient(clientInput(test.team.anna, { name: 'Logo Bt' }), a.db);
      await a.sync();
      const ref = await attachFile(c.id, await prepareFile(file(content, 'logo.png', 'image/png')), a.db);
      // Status and the first chunk arrive; the answer to the second chunk is lost (it did arrive).
      a.faults = ['none', 'none', 'drop-response'];
      expect(await a.trySync()).toBe('offline');
      expect(a.log.filter((r) => r.includes('/sync/push'))).toHaveLength(1); // only the first sync's
      expect(await a.db.outbox.count()).toBe(1);
      expect((await a.db.attachments.get(ref.sha256))?.state).toBe('pending');
      const [held] = await test.db.query<{ received: number }>(`SELECT received::float8 AS received FROM attachment_holders WHERE sha256 = $1 AND user_id = $2::uuid`, [
        ref.sha256,
        test.team.anna,
      ]);
      expect(held!.received).toBe(2 * ATTACHMENT_CHUNK_BYTES);

      a.log.length = 0;
      const run = await a.sync();
      expect(run).toMatchObject({ ok: true, filesUploaded: 1, rejected: 0 });
      // Only the two chunks the server lacked were sent.
      expect(puts(a).map((r) => r.replace(/^.*offset=(\d+).*$/, '$1'))).toEqual([String(2 * ATTACHMENT_CHUNK_BYTES), String(3 * ATTACHMENT_CHUNK_BYTES)]);
      expect(await a.db.outbox.count()).toBe(0);
      expect((await serverRecords(test.db, 'clients')).get(c.id)?.attachments).toEqual([ref]);
    });

    it('a colleague with the same file sends all of it (the server says it is not complete for him), resumes from his own offset, and the server keeps one copy', async () => {
      const a = await laptop('anna');
      const b = await laptop('ben');
      // The same price list, from the same e-mail, on two managers' cards.
      const content = new Uint8Array(randomBytes(3 * ATTACHMENT_CHUNK_BYTES + 99));
      const annas = await createClient(clientInput(test.team.anna, { name: 'Price List Kft' }), a.db);
      await attachFile(annas.id, await prepareFile(file(content, 'price-list.pdf')), a.db);
      expect(await a.sync()).toMatchObject({ ok: true, filesUploaded: 1, rejected: 0 });
      const chunks = async () => (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachment_chunks WHERE sha256 = $1`, [sha256(content)]))[0]!.n;
      expect(await chunks()).toBe(4);

      const bens = await createClient(clientInput(test.team.ben, { name: 'Same List Bt' }), b.db);
      const ref = await attachFile(bens.id, await prepareFile(file(content, 'prices.pdf')), b.db);
      // Status, the first chunk and the second arrive; the answer to the second is lost.
      b.log.length = 0;
      b.faults = ['none', 'none', 'drop-response'];
      expect(await b.trySync()).toBe('offline');
      expect(b.log.filter((r) => r.includes('/attachments/'))).toEqual([
        `GET ${attachmentPath(ref.sha256)}/status`,
        `PUT ${attachmentPath(ref.sha256)}?offset=0&size=${content.length}`,
        `PUT ${attachmentPath(ref.sha256)}?offset=${ATTACHMENT_CHUNK_BYTES}&size=${content.length}`,
      ]);
      b.log.length = 0;
      const run = await b.sync();
      expect(run).toMatchObject({ ok: true, filesUploaded: 1, rejected: 0 });
      // From where his own upload was, to the end: checked against Anna's copy, not stored again.
      expect(puts(b).map((r) => r.replace(/^.*offset=(\d+).*$/, '$1'))).toEqual([String(2 * ATTACHMENT_CHUNK_BYTES), String(3 * ATTACHMENT_CHUNK_BYTES)]);
      expect((await b.db.attachments.get(ref.sha256))?.state).toBe('uploaded');
      expect((await serverRecords(test.db, 'clients')).get(bens.id)?.attachments).toEqual([ref]);
      expect(await chunks()).toBe(4);

      // On Ben's second laptop the file is downloaded, the same bytes.
      const b2 = await laptop('ben');
      await b2.sync();
      expect(await bytesOf(await fetchAttachment(ref, b2.transport, b2.db))).toEqual(content);
    });

    it('the same content attached on a second laptop is not sent again; a removed file leaves every laptop’s card', async () => {
      const a = await laptop('anna');
      const a2 = await laptop('anna');
      const content = new Uint8Array(randomBytes(5000));
      const c1 = await createClient(clientInput(test.team.anna, { name: 'First Card Kft' }), a.db);
      await attachFile(c1.id, await prepareFile(file(content, 'price-list.pdf')), a.db);
      await a.sync();
      await a2.sync();
      const c2 = await createClient(clientInput(test.team.anna, { name: 'Second Card Kft' }), a2.db);
      const ref2 = await attachFile(c2.id, await prepareFile(file(content, 'prices.pdf')), a2.db);
      a2.log.length = 0;
      const run = await a2.sync();
      expect(run).toMatchObject({ ok: true, filesUploaded: 1, rejected: 0 });
      expect(puts(a2)).toEqual([]);
      expect((await serverRecords(test.db, 'clients')).get(c2.id)?.attachments).toEqual([ref2]);

      await detachFile(c1.id, ref2.sha256, a2.db);
      await a2.sync();
      await a.sync();
      expect((await a.db.clients.get(c1.id))?.attachments).toEqual([]);
      expect((await serverRecords(test.db, 'clients')).get(c1.id)?.attachments).toEqual([]);
    });

    it('files attached to one client on two laptops offline are both kept on both, with no conflict', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Two Files Kft' }), a.db);
      await a.sync();
      await h.sync();
      const offer = await attachFile(c.id, await prepareFile(file(new Uint8Array(randomBytes(3000)), 'offer-scan.pdf')), a.db);
      const order = await attachFile(c.id, await prepareFile(file(new Uint8Array(randomBytes(4000)), 'order.pdf')), h.db);
      await a.sync();
      const run = await h.sync();
      expect(run.conflicts).toBe(0);
      await a.sync();
      for (const l of [a, h]) expect((await l.db.clients.get(c.id))?.attachments?.map((f) => f.name).sort()).toEqual([offer.name, order.name].sort());
      expect(await a.db.conflicts.count()).toBe(0);
    });

    it('a client reassigned away takes its files off the old owner’s laptop; the new owner can open them', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const content = new Uint8Array(randomBytes(3000));
      const shared = new Uint8Array(randomBytes(2000));
      const leaving = await createClient(clientInput(test.team.anna, { name: 'Leaving Files Kft' }), a.db);
      const staying = await createClient(clientInput(test.team.anna, { name: 'Staying Files Kft' }), a.db);
      const ref = await attachFile(leaving.id, await prepareFile(file(content, 'contract.pdf')), a.db);
      const sharedRef = await attachFile(leaving.id, await prepareFile(file(shared, 'catalogue.pdf')), a.db);
      await attachFile(staying.id, await prepareFile(file(shared, 'catalogue.pdf')), a.db);
      await a.sync();
      expect(await a.db.attachments.count()).toBe(2);

      // The head of sales hands the client to Ben; Anna's next sync removes it, and its file.
      await h.sync();
      await updateClient(leaving.id, inputOf({ ...(await h.db.clients.get(leaving.id))!, ownerId: test.team.ben }), h.db);
      await h.sync();
      await a.sync();
      expect(await a.db.clients.get(leaving.id)).toBeUndefined();
      expect(await a.db.attachments.get(ref.sha256)).toBeUndefined();
      // The catalogue is also on a client Anna keeps: it stays.
      expect((await a.db.attachments.get(sharedRef.sha256))?.state).toBe('uploaded');

      const b = await laptop('ben');
      await b.sync();
      expect(await bytesOf(await fetchAttachment(ref, b.transport, b.db))).toEqual(content);
    });
  });
}
