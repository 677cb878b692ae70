/**
 * Attachments on the company server, over both database backends: chunked upload, resuming an
 * interrupted upload from the server's offset, content that does not match its hash, the same
 * content uploaded twice, size limits, and downloads only for users who may see a client that
 * references the file. A hash is no ticket: a user attaches content only after sending all of
 * it themselves, or when it is on a record they may see already, and nothing answers whether
 * someone else's file exists. Real HTTP application, real database.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, MAX_STORED_ATTACHMENT_BYTES, type AttachmentRef, type AttachmentStatus } from '../../core/sync/attachments';
import { formatHlc } from '../../core/sync/hlc';
import { buildApp } from '../app';
import { createUser } from '../auth/users';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { attachableHashes, attachmentStatus, receiveChunk } from './attachments';
import { saveRow, serverStamp } from './records';
import type { SyncUser } from './sql';

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
    /** Chunks of the company's copy of the content. */
    const chunkRows = async (hash: string) =>
      (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachment_chunks WHERE sha256 = $1`, [hash]))[0]!.n;
    /** Chunks of one user's upload in progress. */
    const uploadRows = async (who: string, hash: string) =>
      (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachment_upload_chunks WHERE sha256 = $1 AND user_id = $2::uuid`, [hash, ids[who]]))[0]!.n;
    const download = (who: string, hash: string) => app.inject({ method: 'GET', url: `/api/attachments/${hash}`, headers: auth(who) });
    const nothing = (hash: string): AttachmentStatus => ({ sha256: hash, received: 0, size: null, complete: false });

    let counter = 0;
    /** Pushes one operation on a client as `who`; returns the operation's result. */
    const pushFields = async (who: string, id: string, values: Record<string, unknown>) => {
      const hlc = formatHlc({ wall: Date.now(), counter: counter++, node: 'abcdefabcdefabcd' });
      const seq = (pushSeq[who] ?? 0) + 1;
      pushSeq[who] = seq;
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: auth(who),
        payload: { schemaVersion: 3, fromSeq: seq, toSeq: seq, ops: [{ table: 'clients', id, fields: Object.fromEntries(Object.entries(values).map(([f, v]) => [f, { value: v, hlc, base: null }])) }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { results: { status: string; reason?: string; field?: string; detail?: string }[] }).results[0]!;
    };
    /** Pushes a new client of `owner` (the pusher unless given) whose card holds `files`; returns the operation's result. */
    const pushClient = async (who: string, files: AttachmentRef[], owner = who) => {
      const id = randomUUID();
      const result = await pushFields(who, id, {
        name: 'Files Kft',
        status: 'active',
        ownerId: ids[owner],
        priceType: 'retail',
        discountPct: 0,
        paymentTermsDays: 30,
        currency: 'EUR',
        createdAt: new Date().toISOString(),
        archivedAt: null,
        attachments: files,
      });
      return { id, result };
    };
    const ref = (content: Buffer, name = 'contract.pdf'): AttachmentRef => ({ sha256: sha256(content), name, mime: 'application/pdf', size: content.length, addedAt: new Date().toISOString() });

    beforeAll(async () => {
      await createUser(test.db, { login: 'head', displayName: 'Helena Head', role: 'head_of_sales', password: PASSWORD }, FAST);
      await createUser(test.db, { login: 'anna', displayName: 'Anna', role: 'manager', head: 'head', password: PASSWORD }, FAST);
      await createUser(test.db, { login: 'ben', displayName: 'Ben', role: 'manager', head: 'head', password: PASSWORD }, FAST);
      app = await buildApp({ db: test.db });
      await createUser(test.db, { login: 'mallory', displayName: 'Mallory', role: 'manager', head: 'head', password: PASSWORD }, FAST);
      for (const login of ['head', 'anna', 'ben', 'mallory']) {
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
      expect(await status('anna', hash)).toEqual({ sha256: hash, received: content.length, size: content.length, complete: true });
      // Complete for the one who sent it; for a colleague who neither sent it nor sees a record
      // with it, the same answer as for content nobody has.
      expect(await status('ben', hash)).toEqual(nothing(hash));
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
      expect(await uploadRows('anna', hash)).toBe(1);
      // Resume from the server's offset. (Each user's own: a colleague has nothing of it.)
      const { received } = await status('anna', hash);
      expect(received).toBe(ATTACHMENT_CHUNK_BYTES);
      expect(await status('ben', hash)).toEqual(nothing(hash));
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
      // Someone else's upload is no concern of Anna's: hers starts at 0 and completes.
      expect(await status('anna', hash)).toEqual(nothing(hash));
      expect((await upload('anna', content)).json()).toMatchObject({ received: content.length, complete: true });
      expect(await chunkRows(hash)).toBe(2);
      // Ben continuing with the right size is told his upload has another one…
      const midway = await put('ben', hash, 9, content.length, content.subarray(9, 20));
      expect(midway.statusCode).toBe(409);
      expect(midway.json()).toMatchObject({ error: 'size_mismatch', status: { size: 10, received: 9, complete: false } });
      // …and starting over at 0 he completes too, checked against Anna's copy, stored once.
      expect((await upload('ben', content)).json()).toMatchObject({ received: content.length, complete: true });
      expect(await chunkRows(hash)).toBe(2);
      expect(await uploadRows('ben', hash)).toBe(0);
    });

    it('uploading content the server already has is a no-op', async () => {
      const content = randomBytes(1000);
      const hash = sha256(content);
      expect((await upload('anna', content)).json()).toMatchObject({ complete: true });
      const [before] = await test.db.query(`SELECT * FROM attachments WHERE sha256 = $1`, [hash]);
      // Another user's laptop uploads the same file: every byte checked against the stored copy,
      // then complete for Ben too; nothing written to the content.
      const res = await put('ben', hash, 0, content.length, content);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ sha256: hash, received: content.length, size: content.length, complete: true });
      const [after] = await test.db.query(`SELECT * FROM attachments WHERE sha256 = $1`, [hash]);
      expect(after).toEqual(before);
      expect(await chunkRows(hash)).toBe(1);
    });

    it('refuses files over the size limit, chunks over the chunk size, and chunks past the declared size', async () => {
      const hash = sha256(Buffer.from('x'));
      const tooBig = await put('anna', hash, 0, MAX_STORED_ATTACHMENT_BYTES + 1, Buffer.from('x'));
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
      expect(await test.db.query(`SELECT sha256 FROM attachments WHERE size > $1 OR sha256 = $2`, [MAX_STORED_ATTACHMENT_BYTES, hash])).toEqual([]);
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

    /** What a refused operation says, without what differs between any two (its id, the hash). */
    const refusal = (r: { status: string; reason?: string; field?: string }) => ({ status: r.status, reason: r.reason, field: r.field });
    /** Each chunk's answer to an upload, with the hash written as H: to compare two uploads. */
    const answersOf = async (who: string, content: Buffer, hash: string) => {
      const answers: [number, string][] = [];
      for (const c of chunksOf(content)) {
        const res = await put(who, hash, c.offset, content.length, c.data);
        answers.push([res.statusCode, res.body.replaceAll(hash, 'H')]);
      }
      return answers;
    };

    it('a hash is no ticket: Mallory, who knows the SHA-256 of Ben’s contract scan, can neither attach it, nor download it, nor learn that it exists', async () => {
      const scan = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 321);
      const hash = sha256(scan);
      expect((await upload('ben', scan)).json()).toMatchObject({ complete: true });
      expect((await pushClient('ben', [ref(scan, 'contract-scan.pdf')])).result.status).toBe('applied');
      const nobodys = randomBytes(2000); // content the server has never seen

      // The status says what it says for a hash nobody has.
      expect(await status('mallory', hash)).toEqual(nothing(hash));
      // Attaching it to her own client is refused, just as a file the server lacks.
      const attached = await pushClient('mallory', [ref(scan, 'scan.pdf')]);
      expect(attached.result).toMatchObject({ status: 'rejected', reason: 'missing_attachment', field: 'attachments' });
      expect(refusal(attached.result)).toEqual(refusal((await pushClient('mallory', [ref(nobodys, 'scan.pdf')])).result));
      expect(await test.db.query(`SELECT id FROM records WHERE id = $1`, [attached.id])).toEqual([]);
      // Nor beside a file of her own: the operation is refused whole.
      const mine = randomBytes(700);
      await upload('mallory', mine);
      expect((await pushClient('mallory', [ref(mine, 'mine.pdf'), ref(scan, 'scan.pdf')])).result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });
      // The download is the same 404 as for content that does not exist.
      const refused = await download('mallory', hash);
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toEqual((await download('mallory', sha256(nobodys))).json());
    });

    it('an upload of other bytes under a file’s hash is answered chunk by chunk as any upload, refused at the end, and changes nothing', async () => {
      const scan = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 100);
      const hash = sha256(scan);
      await upload('ben', scan);
      await pushClient('ben', [ref(scan)]);
      // Mallory guesses the file: its first chunk wrong by one byte, the rest right.
      const guess = Buffer.from(scan);
      guess[5] = guess[5]! ^ 0xff;
      const answers = await answersOf('mallory', guess, hash);
      // The wrong chunk was answered like a right one (telling would let her read the file byte
      // by byte), and so is the same upload of a hash nobody has: the server's copy shows nowhere.
      expect(answers.slice(0, 2)).toEqual([
        [200, JSON.stringify({ sha256: 'H', received: ATTACHMENT_CHUNK_BYTES, size: scan.length, complete: false })],
        [200, JSON.stringify({ sha256: 'H', received: 2 * ATTACHMENT_CHUNK_BYTES, size: scan.length, complete: false })],
      ]);
      expect(answers[2]![0]).toBe(422);
      expect(JSON.parse(answers[2]![1])).toMatchObject({ error: 'hash_mismatch', status: { received: 0, size: null, complete: false } });
      expect(answers).toEqual(await answersOf('mallory', guess, sha256(randomBytes(16))));
      // Nothing held, nothing stored, nothing changed.
      expect(await status('mallory', hash)).toEqual(nothing(hash));
      expect(await uploadRows('mallory', hash)).toBe(0);
      expect((await pushClient('mallory', [ref(scan)])).result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });
      expect(await chunkRows(hash)).toBe(3);
      expect((await download('ben', hash)).rawPayload.equals(scan)).toBe(true);
    });

    it('Mallory who really has the same file sends all of it, checked against the stored copy and not stored again, and may then attach and open it', async () => {
      const brochure = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 55);
      const hash = sha256(brochure);
      await upload('ben', brochure);
      await pushClient('ben', [ref(brochure, 'brochure.pdf')]);
      const answers = [];
      for (const c of chunksOf(brochure)) answers.push((await put('mallory', hash, c.offset, brochure.length, c.data)).json() as AttachmentStatus);
      expect(answers.map((a) => [a.received, a.complete])).toEqual([
        [ATTACHMENT_CHUNK_BYTES, false],
        [2 * ATTACHMENT_CHUNK_BYTES, false],
        [brochure.length, true],
      ]);
      expect(await chunkRows(hash)).toBe(3);
      expect(await uploadRows('mallory', hash)).toBe(0);
      expect(await status('mallory', hash)).toEqual({ sha256: hash, received: brochure.length, size: brochure.length, complete: true });
      // Sent again: answered complete at once, as for anyone's own file.
      expect((await put('mallory', hash, 0, brochure.length, chunksOf(brochure)[0]!.data)).json()).toMatchObject({ complete: true });
      expect((await pushClient('mallory', [ref(brochure, 'brochure.pdf')])).result.status).toBe('applied');
      const res = await download('mallory', hash);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(brochure)).toBe(true);
    });

    it('a file on a record the pusher may see is attached without sending it: a client’s whole list resent, a colleague’s file reused, a catalog picture; one out of sight or only on a deleted record is not', async () => {
      const contract = randomBytes(3000);
      const order = randomBytes(4000);
      await upload('anna', contract);
      const { id: annas, result } = await pushClient('anna', [ref(contract, 'contract.pdf')]);
      expect(result.status).toBe('applied');
      // The head of sales adds an order scan to Anna's client: his laptop sends the client's
      // whole list, Anna's contract too, which he never uploaded (he sees it: nothing to send).
      await upload('head', order);
      expect(await status('head', sha256(contract))).toEqual({ sha256: sha256(contract), received: contract.length, size: contract.length, complete: true });
      expect(await pushFields('head', annas, { attachments: [ref(contract, 'contract.pdf'), ref(order, 'order.pdf')] })).toMatchObject({ status: 'applied' });
      // Anna puts his order scan on another client of hers: it is on a client she sees.
      expect(await status('anna', sha256(order))).toMatchObject({ complete: true });
      expect((await pushClient('anna', [ref(order, 'order.pdf')])).result.status).toBe('applied');
      // Ben sees neither client: refused, as a file the server lacks.
      expect(await status('ben', sha256(order))).toEqual(nothing(sha256(order)));
      expect((await pushClient('ben', [ref(order, 'order.pdf')])).result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });

      // A product picture of the catalog (shared: everyone sees it) is anyone's to attach.
      const picture = randomBytes(2500);
      await upload('head', picture);
      await test.db.transaction((tx) =>
        saveRow(tx, { tbl: 'products', id: randomUUID(), owner_id: null, client_id: null, data: { sku: 'PIC-1', attachments: [ref(picture, 'pic.png')], _deleted: false }, stamps: { '*': serverStamp() }, authors: {} }),
      );
      expect(await status('ben', sha256(picture))).toMatchObject({ complete: true });
      expect((await pushClient('ben', [ref(picture, 'pic.png')])).result.status).toBe('applied');

      // A file only on a deleted client is no longer anyone's to take who did not send it.
      const gone = randomBytes(1500);
      await upload('ben', gone);
      const { id: bens } = await pushClient('ben', [ref(gone, 'gone.pdf')]);
      expect(await pushFields('ben', bens, { _deleted: true })).toMatchObject({ status: 'applied' });
      expect(await status('head', sha256(gone))).toEqual(nothing(sha256(gone)));
      expect((await pushClient('head', [ref(gone, 'gone.pdf')], 'anna')).result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });
      expect((await pushClient('ben', [ref(gone, 'gone.pdf')])).result.status).toBe('applied');
    });

    it('two users upload the same file at the same time, each from their own offset; a third one’s wrong upload of the hash meanwhile changes nothing', async () => {
      const content = randomBytes(3 * ATTACHMENT_CHUNK_BYTES - 10);
      const hash = sha256(content);
      const [c0, c1, c2] = chunksOf(content);
      const send = async (who: string, c: { offset: number; data: Buffer }, received: number, complete = false) => {
        const res = await put(who, hash, c.offset, content.length, c.data);
        expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
        expect(res.json()).toEqual({ sha256: hash, received, size: content.length, complete });
      };
      await send('anna', c0!, ATTACHMENT_CHUNK_BYTES);
      await send('ben', c0!, ATTACHMENT_CHUNK_BYTES);
      // Mallory declares another size, then garbage with the right one: her own upload, both times.
      expect((await put('mallory', hash, 0, 10, randomBytes(5))).statusCode).toBe(200);
      expect((await put('mallory', hash, 0, content.length, randomBytes(100))).json()).toEqual({ sha256: hash, received: 100, size: content.length, complete: false });
      await send('anna', c1!, 2 * ATTACHMENT_CHUNK_BYTES);
      expect(await status('ben', hash)).toEqual({ sha256: hash, received: ATTACHMENT_CHUNK_BYTES, size: content.length, complete: false });
      // Anna's other laptop, a chunk behind, is told where her upload is.
      const behind = await put('anna', hash, c0!.offset, content.length, c0!.data);
      expect(behind.statusCode).toBe(409);
      expect(behind.json()).toMatchObject({ error: 'offset_mismatch', status: { received: 2 * ATTACHMENT_CHUNK_BYTES, complete: false } });
      // Anna's finishes first and becomes the company's copy; Ben's, hashed too, is dropped.
      await send('anna', c2!, content.length, true);
      await send('ben', c1!, 2 * ATTACHMENT_CHUNK_BYTES);
      await send('ben', c2!, content.length, true);
      expect(await chunkRows(hash)).toBe(3);
      expect([await uploadRows('anna', hash), await uploadRows('ben', hash), await uploadRows('mallory', hash)]).toEqual([0, 0, 1]);
      expect((await pushClient('anna', [ref(content)])).result.status).toBe('applied');
      expect((await pushClient('ben', [ref(content)])).result.status).toBe('applied');
      expect((await pushClient('mallory', [ref(content)])).result).toMatchObject({ status: 'rejected', reason: 'missing_attachment' });
      expect(await status('mallory', hash)).toEqual({ sha256: hash, received: 100, size: content.length, complete: false });
      expect((await download('ben', hash)).rawPayload.equals(content)).toBe(true);
    });
  });

  describeBackend(backend)(`attachments uploaded before uploads were per user (${backend})`, () => {
    const test = useTestDatabase(backend, { migrate: false });
    const user = (id: string): SyncUser => ({ id, role: 'manager', displayName: 'Someone' });

    it('complete content is held by whoever uploaded it first; an upload in progress becomes its uploader’s own', async () => {
      const db = test.db;
      await migrate(db, MIGRATIONS.filter((m) => m.version < 9));
      const insertUser = async (login: string) =>
        (await db.query<{ id: string }>(`INSERT INTO users (login, display_name, role, password_hash, offer_prefix) VALUES ($1, $1, 'manager', 'x', upper($1)) RETURNING id::text AS id`, [login]))[0]!.id;
      const anna = await insertUser('anna');
      const ben = await insertUser('ben');
      const done = randomBytes(300);
      const half = randomBytes(500);
      await db.query(`INSERT INTO attachments (sha256, size, received, completed_at, created_by) VALUES ($1, $2, $2, now(), $3::uuid)`, [sha256(done), done.length, anna]);
      await db.query(`INSERT INTO attachment_chunks (sha256, pos, data) VALUES ($1, 0, $2)`, [sha256(done), done]);
      await db.query(`INSERT INTO attachments (sha256, size, received, created_by) VALUES ($1, $2, 200, $3::uuid)`, [sha256(half), half.length, ben]);
      await db.query(`INSERT INTO attachment_chunks (sha256, pos, data) VALUES ($1, 0, $2)`, [sha256(half), half.subarray(0, 200)]);

      expect(await migrate(db)).toContain(9);
      expect(await attachableHashes(db, user(anna), [anna], [sha256(done), sha256(half)])).toEqual(new Set([sha256(done)]));
      expect(await attachableHashes(db, user(ben), [ben], [sha256(done), sha256(half)])).toEqual(new Set());
      expect(await attachmentStatus(db, user(anna), sha256(done))).toEqual({ sha256: sha256(done), received: done.length, size: done.length, complete: true });
      expect(await attachmentStatus(db, user(ben), sha256(done))).toMatchObject({ received: 0, size: null, complete: false });
      // Ben's upload continues where it stopped; to Anna it does not exist.
      expect(await attachmentStatus(db, user(ben), sha256(half))).toEqual({ sha256: sha256(half), received: 200, size: half.length, complete: false });
      expect(await attachmentStatus(db, user(anna), sha256(half))).toMatchObject({ received: 0, size: null, complete: false });
      expect(await receiveChunk(db, user(ben), sha256(half), 200, half.length, half.subarray(200))).toMatchObject({ received: half.length, complete: true });
      expect(await attachableHashes(db, user(ben), [ben], [sha256(half)])).toEqual(new Set([sha256(half)]));
    });
  });
}
