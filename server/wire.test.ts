/**
 * The server on the wire, through raw sockets against a listening server on both database
 * backends: a request that stalls or dribbles is cut off in the configured time; every error,
 * including those of Node's HTTP parser and Fastify's router, has the documented
 * `{ error, message }` shape; bodies the server would misread (compressed, another charset,
 * bytes that are not UTF-8) are refused.
 */
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app';
import { createUser } from './auth/users';
import { BACKENDS, describeBackend, useTestDatabase } from './test/backends';
import { DEFAULT_TIMEOUTS, type WireTimeouts } from './wire';

/**
 * Short timeouts, so that the test waits seconds, not minutes. (The idle timeout also runs while
 * the server works on a request, so the sign-ins below are by a user with a cheap hash.)
 */
const TIMEOUTS: WireTimeouts = { headersMs: 1_000, requestMs: 1_500, idleMs: 600, keepAliveMs: 2_000 };
/** A wrong password for a user with a cheap hash: a quick 401 from a complete sign-in. */
const WRONG = JSON.stringify({ login: 'wire', password: 'not it', deviceName: 'X' });

interface RawAnswer {
  /** Everything the server wrote, as text. */
  text: string;
  status: number | null;
  body: Record<string, unknown> | null;
  /** Whether the server closed the connection (before `waitMs` ran out), and after how long. */
  closed: boolean;
  afterMs: number;
}

/**
 * Sends `parts` on a new connection (a number in between: a pause of that many ms) and
 * collects what comes back until the server closes or `waitMs` passes.
 */
function raw(port: number, parts: (string | Buffer | number)[], waitMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const started = Date.now();
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      const bodyText = text.slice(text.indexOf('\r\n\r\n') + 4);
      let body: Record<string, unknown> | null;
      try {
        body = JSON.parse(bodyText) as Record<string, unknown>;
      } catch {
        body = null;
      }
      resolve({ text, status: status ? Number(status) : null, body, closed, afterMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    void (async () => {
      for (const part of parts) {
        if (done) return;
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
    })();
  });
}

const request = (head: string, body: string | Buffer = '') => [Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)])];
const post = (path: string, headers: Record<string, string>, body: string | Buffer) => {
  const lines = Object.entries({ host: 'localhost', connection: 'close', 'content-length': String(Buffer.byteLength(body)), ...headers }).map(([k, v]) => `${k}: ${v}`);
  return request(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}`, body);
};
const get = (path: string, extra = '') => request(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close${extra}`);

/** The documented error shape: exactly a code and a sentence (more fields only where documented). */
function expectErrorShape(answer: RawAnswer, status: number, error: string) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.text.toLowerCase()).toContain('content-type: application/json');
  expect(answer.body, answer.text.slice(0, 300)).toEqual({ error, message: expect.any(String) });
  expect((answer.body!.message as string).length).toBeGreaterThan(5);
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`the wire on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    let port: number;

    beforeAll(async () => {
      await createUser(test.db, { login: 'wire', displayName: 'Wire', role: 'manager', password: 'the right one' }, { logN: 10, r: 8, p: 1 });
      app = await buildApp({ db: test.db, timeouts: TIMEOUTS });
      await app.listen({ host: '127.0.0.1', port: 0 });
      port = (app.server.address() as net.AddressInfo).port;
    });
    afterAll(async () => app?.close());

    const loginHead = (length: number) =>
      `POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

    it('sets the production timeouts on Node’s server unless told otherwise', async () => {
      const production = await buildApp({ db: test.db });
      try {
        const server = production.server;
        expect({ idle: server.timeout, request: server.requestTimeout, headers: server.headersTimeout, keepAlive: server.keepAliveTimeout }).toEqual({
          idle: DEFAULT_TIMEOUTS.idleMs,
          request: DEFAULT_TIMEOUTS.requestMs,
          headers: DEFAULT_TIMEOUTS.headersMs,
          keepAlive: DEFAULT_TIMEOUTS.keepAliveMs,
        });
        // None of them off (0), and a stalled request is cut within minutes, not never.
        expect(Math.max(...Object.values(DEFAULT_TIMEOUTS))).toBeLessThanOrEqual(120_000);
        expect(Math.min(...Object.values(DEFAULT_TIMEOUTS))).toBeGreaterThan(0);
      } finally {
        await production.close();
      }
    });

    it('closes a connection whose body stops part-way once it has been idle for the idle timeout', async () => {
      const answer = await raw(port, [loginHead(200), '{"login":"anna","pass'], 5_000);
      expect(answer.closed).toBe(true);
      expect(answer.afterMs).toBeGreaterThanOrEqual(TIMEOUTS.idleMs - 50);
      expect(answer.afterMs).toBeLessThan(TIMEOUTS.requestMs);
      // Nothing is answered to a connection that went silent (and nothing was written).
      expect(answer.text).toBe('');
    });

    it('answers 408 in the documented shape to a body that dribbles in for longer than the request timeout', async () => {
      // A byte every 200 ms: never idle, never finished.
      const drip = Array.from({ length: 40 }, () => [200, 'x'] as const).flat();
      const answer = await raw(port, [loginHead(1000), ...drip], 6_000);
      expect(answer.closed).toBe(true);
      expect(answer.afterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 50);
      expect(answer.afterMs).toBeLessThan(TIMEOUTS.requestMs + 1_500);
      expectErrorShape(answer, 408, 'request_timeout');
    });

    it('answers 408 to headers that dribble in for longer than the headers timeout', async () => {
      const drip = Array.from({ length: 40 }, (_, i) => [150, `X-Slow-${i}: y\r\n`] as const).flat();
      const answer = await raw(port, ['GET /health HTTP/1.1\r\nHost: localhost\r\n', ...drip], 6_000);
      expect(answer.closed).toBe(true);
      expect(answer.afterMs).toBeLessThan(TIMEOUTS.headersMs + 1_500);
      expectErrorShape(answer, 408, 'request_timeout');
    });

    it('still serves a complete request, and keeps a connection open between requests', async () => {
      const body = WRONG;
      const answer = await raw(port, [loginHead(Buffer.byteLength(body)), body, 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'], 5_000);
      expect(answer.text).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer.text).toContain('"error":"invalid_credentials"');
      expect(answer.text).toMatch(/HTTP\/1\.1 200 OK[\s\S]*"status":"ok"/);
    });

    it('answers Node’s parser errors in the documented shape: not HTTP, no Host, headers or address too large', async () => {
      expectErrorShape(await raw(port, ['GARBAGE\r\n\r\n']), 400, 'bad_request');
      expectErrorShape(await raw(port, ['GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n']), 400, 'bad_request');
      expectErrorShape(await raw(port, ['GET /health HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n']), 400, 'bad_request');
      expectErrorShape(await raw(port, ['GET /health HTTP/1.1\r\nHost: x\r\nX-Ctl: a\u0001b\r\n\r\n']), 400, 'bad_request');
      expectErrorShape(await raw(port, ['GET /health HTTP/1.1\r\nConnection: close\r\n\r\n']), 400, 'bad_request');
      expectErrorShape(await raw(port, [`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]), 431, 'headers_too_large');
      expectErrorShape(await raw(port, [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]), 414, 'uri_too_long');
      expectErrorShape(await raw(port, get(`/${'a'.repeat(3_000)}`)), 414, 'uri_too_long');
      // HTTP/1.0 has no Host requirement.
      expect((await raw(port, ['GET /health HTTP/1.0\r\n\r\n'])).status).toBe(200);
    });

    it('answers Fastify’s router errors and unknown addresses in the documented shape', async () => {
      expectErrorShape(await raw(port, get('/api/devices/%zz/revoke')), 400, 'bad_request');
      expectErrorShape(await raw(port, get('/%E0%A4%A')), 400, 'bad_request');
      expectErrorShape(await raw(port, get(`/api/attachments/${'f'.repeat(300)}/status`)), 414, 'uri_too_long');
      expectErrorShape(await raw(port, get('/nowhere')), 404, 'not_found');
      expectErrorShape(await raw(port, post('/api/nowhere', { 'content-type': 'application/json' }, '{}')), 404, 'not_found');
      expectErrorShape(await raw(port, request('BREW /health HTTP/1.1\r\nHost: x\r\nConnection: close')), 400, 'bad_request');
      expectErrorShape(await raw(port, request('DELETE /health HTTP/1.1\r\nHost: x\r\nConnection: close')), 404, 'not_found');
    });

    it('answers body parser errors in the documented shape', async () => {
      const json = { 'content-type': 'application/json' };
      expectErrorShape(await raw(port, post('/api/login', json, '{"login":')), 400, 'bad_request');
      expectErrorShape(await raw(port, post('/api/login', json, '')), 400, 'bad_request');
      expectErrorShape(await raw(port, post('/api/login', json, 'x'.repeat(20_000))), 413, 'payload_too_large');
      expectErrorShape(await raw(port, post('/api/login', { 'content-type': 'application/xml' }, '<a/>')), 415, 'unsupported_media_type');
      expectErrorShape(await raw(port, post('/api/login', { ...json, 'content-length': '5' }, '{"login":"anna"}')), 400, 'bad_request');
      expectErrorShape(await raw(port, post('/api/login', json, '{"login":"a","__proto__":{"x":1}}')), 400, 'bad_request');
      expectErrorShape(await raw(port, post('/api/login', json, '{"login":"a","constructor":{"prototype":{"x":1}}}')), 400, 'bad_request');
    });

    it('refuses content encodings it does not read with 415, on every route', async () => {
      const body = WRONG;
      const json = { 'content-type': 'application/json' };
      for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'zstd', 'x-anything', 'gzip, identity', 'GZIP']) {
        const answer = await raw(port, post('/api/login', { ...json, 'content-encoding': encoding }, encoding.includes('gzip') ? gzipSync(body) : body));
        expectErrorShape(answer, 415, 'unsupported_media_type');
        expect(answer.text.toLowerCase()).toContain('accept-encoding: identity');
      }
      expectErrorShape(await raw(port, post('/nowhere', { ...json, 'content-encoding': 'gzip' }, gzipSync('{}'))), 415, 'unsupported_media_type');
      expectErrorShape(await raw(port, post('/api/sync/push', { ...json, 'content-encoding': 'gzip' }, gzipSync('{}'))), 415, 'unsupported_media_type');
      expectErrorShape(await raw(port, get('/health', '\r\nContent-Encoding: gzip')), 415, 'unsupported_media_type');
      // A transfer coding other than chunked is a compressed body too.
      expectErrorShape(
        await raw(port, request(`POST /api/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked`, '2\r\n{}\r\n0\r\n\r\n')),
        415,
        'unsupported_media_type',
      );
      // identity is no encoding at all, and chunked is read.
      expect((await raw(port, post('/api/login', { ...json, 'content-encoding': 'identity' }, body))).status).toBe(401);
      expect(
        (await raw(port, request(`POST /api/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked`, `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`))).status,
      ).toBe(401);
    });

    it('refuses a charset other than UTF-8, and a JSON body that is not UTF-8, instead of storing U+FFFD', async () => {
      const latin1 = Buffer.from(JSON.stringify({ login: 'wire', password: 'Grüße', deviceName: 'Café' }), 'latin1');
      for (const type of ['application/json; charset=latin1', 'application/json; charset=ISO-8859-1', 'application/json; charset="utf-16"', 'application/json;charset=windows-1252', 'text/plain; charset=us-ascii']) {
        expectErrorShape(await raw(port, post('/api/login', { 'content-type': type }, latin1)), 415, 'unsupported_media_type');
      }
      // Undeclared, but not UTF-8 either.
      expectErrorShape(await raw(port, post('/api/login', { 'content-type': 'application/json' }, latin1)), 400, 'bad_request');
      const utf8 = JSON.stringify({ login: 'wire', password: 'Grüße', deviceName: 'Café' });
      for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=utf8']) {
        expect((await raw(port, post('/api/login', { 'content-type': type }, utf8))).status, type).toBe(401);
      }
    });
  });
}
