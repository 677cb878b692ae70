/**
 * Attachments on the company server, over both database backends: chunked upload, resuming an
 * interrupted upload from the server's offset, content that does not match its hash, the same
 * content uploaded twice, size limits, and downloads only for users who may see a client that
 * references the file. Real HTTP application, real database.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES, type AttachmentRef, type AttachmentStatus } from '../../core/sync/attachments';
import { formatHlc } from '../../core/sync/hlc';
import { buildApp } from '../app';
import { createUser } from '../auth/users';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';

const FAST = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'attachment test password';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const chunksOf = (bytes: Buffer) => {
  const out: { offset: number; data: Buffer }[] = [];
  for (let o = 0; o < bytes.length; o += ATTACHMENT_CHUNK_BYTES) out.push({ offset: o, data: bytes.subarray(o, o + ATTACHMENT_CHUNK_BYTES) });
  return out;
};

for (const backend of BACKENDS) {
  describeBackend(backend)(`attachments on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    let pushSeq: Record<string, number> = {};

    const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const status = async (who: string, hash: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/attachments/${hash}/status`, headers: auth(who) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as AttachmentStatus;
    };
    const put = (who: string, hash: string, offset: number, size: number, data: Buffer) =>
      app.inject({
        method: 'PUT',
        url: `/api/attachments/${hash}?offset=${offset}&size=${size}`,
        headers: { ...auth(who), 'content-type': 'application/octet-stream' },
        payload: data,
      });
    const upload = async (who: string, content: Buffer, hash = sha256(content)) => {
      let last;
      for (const c of chunksOf(content)) last = await put(who, hash, c.offset, content.length, c.data);
      return last!;
    };
    const chunkRows = async (hash: string) =>
      (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachment_chunks WHERE sha256 = $1`, [hash]))[0]!.n;

    /** Pushes a new client of `owner` whose card holds `files`; returns the operation's result. */
    const pushClient = async (who: string, files: AttachmentRef[]) => {
      const hlc = formatHlc({ wall: Date.now(), counter: 0, node: 'abcdefabcdefabcd' });
      const values: Record<string, unknown> = {
        name: 'Files Kft',
        status: 'active',
        ownerId: ids[who],
        priceType: 'retail',
        discountPct: 0,
        paymentTermsDays: 30,
        currency: 'EUR',
        createdAt: new Date().toISOString(),
        archivedAt: null,
        attachments: files,
      };
      const seq = (pushSeq[who] ?? 0) + 1;
      pushSeq[who] = seq;
      const id = randomUUID();
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: auth(who),
        payload: { schemaVersion: 3, fromSeq: seq, toSeq: seq, ops: [{ table: 'clients', id, fields: Object.fromEntries(Object.entries(values).map(([f, v]) => [f, { value: v, hlc, base: null }])) }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return { id, result: (res.json() as { results: { status: string; reason?: string }[] }).results[0]! };
    };
    const ref = (content: Buffer, name = 'contract.pdf'): AttachmentRef => ({ sha256: sha256(content), name, mime: 'application/pdf', size: content.length, addedAt: new Date().toISOString() });

    beforeAll(async () => {
      await createUser(test.db, { login: 'head', displayName: 'Helena Head', role: 'head_of_sales', password: PASSWORD }, FAST);
      await createUser(test.db, { login: 'anna', displayName: 'Anna', role: 'manager', head: 'head', password: PASSWORD }, FAST);
      await createUser(test.db, { login: 'ben', displayName: 'Ben', role: 'manager', head: 'head', password: PASSWORD }, FAST);
      app = await buildApp({ db: test.db });
      for (const login of ['head', 'anna', 'ben']) {
        const res = await app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD, deviceName: login } });
        const body = res.json() as { token: string; user: { id: string } };
        tokens[login] = body.token;
        ids[login] = body.user.id;
      }
      pushSeq = {};
    });
    afterAll(async () => app?.close());

    it('uploads in chunks: the server reports what it holds after each, and the whole when the hash matches', async () => {
      const content = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 1000);
      const hash = sha256(content);
      expect(await status('anna', hash)).toEqual({ sha256: hash, received: 0, size: null, complete: false });
      const chunks = chunksOf(content);
      expect(chunks).toHaveLength(3);
      const answers = [];
      for (const c of chunks) {
        const res = await put('anna', hash, c.offset, content.length, c.data);
        expect(res.statusCode, res.body).toBe(200);
        answers.push(res.json() as AttachmentStatus);
      }
      expect(answers.map((a) => [a.received, a.complete])).toEqual([
        [ATTACHMENT_CHUNK_BYTES, false],
        [2 * ATTACHMENT_CHUNK_BYTES, false],
        [content.length, true],
      ]);
      expect(await status('ben', hash)).toEqual({ sha256: hash, received: content.length, size: content.length, complete: true });
    });

    it('an interrupted upload resumes from the server’s offset; a resent or skipped chunk is refused with that offset', async () => {
      const content = randomBytes(3 * ATTACHMENT_CHUNK_BYTES);
      const hash = sha256(content);
      const [first, second, third] = chunksOf(content);
      expect((await put('anna', hash, first!.offset, content.length, first!.data)).statusCode).toBe(200);
      // The connection dropped: the laptop does not know whether the second chunk arrived, and
      // sends the third — refused, with where to continue. Nothing is stored out of order.
      const skipped = await put('anna', hash, third!.offset, content.length, third!.data);
      expect(skipped.statusCode).toBe(409);
      expect(skipped.json()).toMatchObject({ error: 'offset_mismatch', message: expect.any(String), status: { received: ATTACHMENT_CHUNK_BYTES, complete: false } });
      // The first chunk again (its answer was lost): refused, stored once.
      const again = await put('anna', hash, first!.offset, content.length, first!.data);
      expect(again.statusCode).toBe(409);
      expect(await chunkRows(hash)).toBe(1);
      // Resume from the server's offset.
      const { received } = await status('anna', hash);
      expect(received).toBe(ATTACHMENT_CHUNK_BYTES);
      expect((await put('anna', hash, second!.offset, content.length, second!.data)).json()).toMatchObject({ received: 2 * ATTACHMENT_CHUNK_BYTES, complete: false });
      expect((await put('anna', hash, third!.offset, content.length, third!.data)).json()).toMatchObject({ received: content.length, complete: true });
    });

    it('content that does not match its SHA-256 is refused and discarded, so a correct upload can start over', async () => {
      const real = randomBytes(ATTACHMENT_CHUNK_BYTES + 10);
      const hash = sha256(real);
      const forged = Buffer.from(real);
      forged[5] = forged[5]! ^ 0xff;
      const res = await upload('ben', forged, hash);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'hash_mismatch', message: expect.any(String) });
      expect(await status('ben', hash)).toEqual({ sha256: hash, received: 0, size: null, complete: false });
      expect(await chunkRows(hash)).toBe(0);
      const ok = await upload('ben', real);
      expect(ok.json()).toMatchObject({ complete: true });
    });

    it('an incomplete upload declared with a wrong size cannot block the right content', async () => {
      const content = randomBytes(ATTACHMENT_CHUNK_BYTES + 5);
      const hash = sha256(content);
      // Someone starts an upload of this hash with a size it cannot have.
      expect((await put('ben', hash, 0, 10, randomBytes(10).subarray(0, 9))).statusCode).toBe(200);
      const midway = await put('anna', hash, 9, content.length, content.subarray(9, 20));
      expect(midway.statusCode).toBe(409);
      expect(midway.json()).toMatchObject({ error: 'size_mismatch', status: { size: 10, received: 9 } });
      // The right upload starts over at 0 and completes.
      expect((await upload('anna', content)).json()).toMatchObject({ received: content.length, complete: true });
      expect(await chunkRows(hash)).toBe(2);
    });

    it('uploading content the server already has is a no-op', async () => {
      const content = randomBytes(1000);
      const hash = sha256(content);
      expect((await upload('anna', content)).json()).toMatchObject({ complete: true });
      const [before] = await test.db.query(`SELECT * FROM attachments WHERE sha256 = $1`, [hash]);
      // Another laptop (another user) uploads the same file: answered complete, nothing written.
      const res = await put('ben', hash, 0, content.length, content);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ sha256: hash, received: content.length, size: content.length, complete: true });
      const [after] = await test.db.query(`SELECT * FROM attachments WHERE sha256 = $1`, [hash]);
      expect(after).toEqual(before);
      expect(await chunkRows(hash)).toBe(1);
    });

    it('refuses files over the size limit, chunks over the chunk size, and chunks past the declared size', async () => {
      const hash = sha256(Buffer.from('x'));
      const tooBig = await put('anna', hash, 0, MAX_ATTACHMENT_BYTES + 1, Buffer.from('x'));
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('size') });
      const bigChunk = await put('anna', sha256(randomBytes(8)), 0, 2 * ATTACHMENT_CHUNK_BYTES, randomBytes(ATTACHMENT_CHUNK_BYTES + 1));
      expect(bigChunk.statusCode).toBe(413);
      expect(bigChunk.json().error).toBe('payload_too_large');
      const past = await put('anna', sha256(randomBytes(8)), 0, 10, randomBytes(20));
      expect(past.statusCode).toBe(400);
      const json = await app.inject({ method: 'PUT', url: `/api/attachments/${hash}?offset=0&size=1`, headers: { ...auth('anna'), 'content-type': 'application/json' }, payload: '{}' });
      expect(json.statusCode).toBe(415);
      const badHash = await put('anna', 'ABC', 0, 1, Buffer.from('x'));
      expect(badHash.statusCode).toBe(400);
      const anonymous = await app.inject({ method: 'GET', url: `/api/attachments/${hash}/status` });
      expect(anonymous.statusCode).toBe(401);
      expect(await test.db.query(`SELECT sha256 FROM attachments WHERE size > $1 OR sha256 = $2`, [MAX_ATTACHMENT_BYTES, hash])).toEqual([]);
    });

    it('downloads the same bytes to whoever may see a client that references the file, and to no one else', async () => {
      const content = randomBytes(ATTACHMENT_CHUNK_BYTES + 77);
      const hash = sha256(content);
      expect((await upload('anna', content)).json()).toMatchObject({ complete: true });
      // Uploaded but not referenced yet: nobody may download it, not even the uploader.
      expect((await app.inject({ method: 'GET', url: `/api/attachments/${hash}`, headers: auth('anna') })).statusCode).toBe(404);
      const { result } = await pushClient('anna', [ref(content)]);
      expect(result.status).toBe('applied');
      for (const who of ['anna', 'head']) {
        const res = await app.inject({ method: 'GET', url: `/api/attachments/${hash}`, headers: auth(who) });
        expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
        expect(res.headers['content-type']).toBe('application/octet-stream');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.rawPayload.equals(content)).toBe(true);
      }
      // Ben, a manager of the same team, cannot see Anna's client: the same answer as no file.
      const ben = await app.inject({ method: 'GET', url: `/api/attachments/${hash}`, headers: auth('ben') });
      expect(ben.statusCode).toBe(404);
      expect(ben.json()).toEqual({ error: 'not_found', message: expect.any(String) });
      const unknown = await app.inject({ method: 'GET', url: `/api/attachments/${sha256(randomBytes(4))}`, headers: auth('ben') });
      expect(unknown.json()).toEqual(ben.json());
    });

    it('refuses a pushed reference to a file the server does not have complete', async () => {
      const content = randomBytes(ATTACHMENT_CHUNK_BYTES + 1);
      const hash = sha256(content);
      // Only the first chunk arrived.
      await put('ben', hash, 0, content.length, content.subarray(0, ATTACHMENT_CHUNK_BYTES));
      const { id, result } = await pushClient('ben', [ref(content, 'logo.png')]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });
      expect(await test.db.query(`SELECT id FROM records WHERE id = $1`, [id])).toEqual([]);
    });
  });
}
