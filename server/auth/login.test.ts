/**
 * Sign-in, on both database backends: text the database cannot store is refused before it gets
 * there; every attempt checks a password exactly once, whatever the account; and device
 * cookies let the owner's laptop through lockouts that others caused, without giving anyone
 * more guesses.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';

/** Every scrypt run, to see that each attempt costs one (password.ts). */
const scryptRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const scrypt = ((...args: unknown[]) => {
    scryptRuns.count++;
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof crypto.scrypt;
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const { buildApp, trustOneProxy } = await import('../app');
const { createUser, setDisabled } = await import('./users');
const { newToken } = await import('./tokens');

const FAST = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';
const OWNER_IP = '203.0.113.10';
const ATTACKER_IP = '198.51.100.66';

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`sign-in on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;

    const login = async (body: Json, ip = OWNER_IP, target = app): Promise<Answer> => {
      const res = await target.inject({ method: 'POST', url: '/api/login', payload: body, remoteAddress: ip });
      return { status: res.statusCode, body: res.json() };
    };
    /** Signs in with the right password and gives the new device cookie. */
    const cookieFor = async (name: string): Promise<string> => {
      const res = await login({ login: name, password: PASSWORD, deviceName: 'Own laptop' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.deviceCookie as string;
    };
    const fail = async (name: string, times: number, extra: Json = {}, ip = ATTACKER_IP) => {
      for (let i = 0; i < times; i++) expect((await login({ login: name, password: `guess ${i}`, deviceName: 'X', ...extra }, ip)).status).toBe(401);
    };
    const attempts = async () => (await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempts`))[0]!.n;

    beforeAll(async () => {
      for (const name of ['anna', 'ben', 'carl', 'dora', 'emil', 'fay', 'gus', 'hal', 'ivy', 'lb']) {
        await createUser(test.db, { login: name, displayName: name, role: 'manager', password: PASSWORD }, FAST);
      }
      await createUser(test.db, { login: 'tabby', displayName: 'Tabby', role: 'manager', password: 'tab\there' }, FAST);
      app = await buildApp({ db: test.db });
    });
    afterAll(async () => app?.close());
    beforeEach(() => {
      scryptRuns.count = 0;
    });

    it('refuses a control character or a broken Unicode character in any field with 400, before the database sees it', async () => {
      const good = { login: 'anna', password: PASSWORD, deviceName: 'Laptop' };
      const bad = ['\u0000', 'a\u0000b', '\u0001', '\u001b[31m', 'line\nbreak', 'carriage\r', '\ud800', 'x\udc00', '\udbff\ud800'];
      const before = await attempts();
      for (const field of ['login', 'password', 'deviceName', 'deviceCookie'] as const) {
        for (const value of bad) {
          const res = await login({ ...good, [field]: field === 'login' ? `anna${value}` : value });
          expect(res.status, `${field} ${JSON.stringify(value)}`).toBe(400);
          expect(res.body).toEqual({ error: 'bad_request', message: expect.stringContaining(field) });
        }
      }
      // Nothing was looked up or counted: not an attempt, let alone a failed one.
      expect(await attempts()).toBe(before);
      expect(scryptRuns.count).toBe(0);
      // The right password with a NUL in the device name is refused whole, then works without it.
      expect((await login({ ...good, deviceName: 'Laptop\u0000' })).status).toBe(400);
      expect((await login(good)).status).toBe(200);
      // A tab is text, and so is every well-formed character, a surrogate pair included.
      expect((await login({ login: 'tabby', password: 'tab\there', deviceName: 'Tab\tlaptop 😀 Ünïcödé' })).status).toBe(200);
    });

    it('answers the other sign-in routes’ bad input with 4xx, never 500', async () => {
      const { token } = (await login({ login: 'anna', password: PASSWORD, deviceName: 'Laptop' })).body as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      for (const url of ['/api/devices/%00/revoke', '/api/devices/%ED%A0%80/revoke', '/api/devices/\u0001/revoke']) {
        const res = await app.inject({ method: 'POST', url, headers: auth });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error).toBe('bad_request');
      }
      for (const payload of ['{"x":"\\u0000"}', '{"\\u0000":1}']) {
        const res = await app.inject({ method: 'POST', url: '/api/logout', headers: { ...auth, 'content-type': 'application/json' }, payload });
        expect(res.statusCode, payload).toBe(400);
      }
    });

    it('checks a password exactly once per attempt: known, unknown, disabled, right or wrong', async () => {
      await createUser(test.db, { login: 'gone', displayName: 'Gone', role: 'manager', password: PASSWORD }, FAST);
      await setDisabled(test.db, 'gone', true);
      const cases: [Json, number][] = [
        [{ login: 'carl', password: 'wrong' }, 401],
        [{ login: 'no-such-login', password: 'wrong' }, 401],
        [{ login: 'gone', password: PASSWORD }, 401],
        [{ login: 'gone', password: 'wrong' }, 401],
        [{ login: 'carl', password: PASSWORD }, 200],
      ];
      for (const [body, status] of cases) {
        scryptRuns.count = 0;
        expect((await login({ ...body, deviceName: 'X' })).status, JSON.stringify(body)).toBe(status);
        expect(scryptRuns.count, JSON.stringify(body)).toBe(1);
      }
      // The disabled account's right password gets no device cookie, and a cookie from before it
      // was disabled does not help either.
      await setDisabled(test.db, 'gone', false);
      const cookie = await cookieFor('gone');
      await setDisabled(test.db, 'gone', true);
      expect(await login({ login: 'gone', password: PASSWORD, deviceName: 'X', deviceCookie: cookie })).toEqual({
        status: 401,
        body: { error: 'invalid_credentials', message: 'Wrong login or password.' },
      });
    });

    it('lets the owner’s laptop with its device cookie through a lockout others caused; it gets a new cookie', async () => {
      const cookie = await cookieFor('dora');
      await fail('dora', 10);
      // Locked: the right password without a cookie is refused, from anywhere.
      expect((await login({ login: 'dora', password: PASSWORD, deviceName: 'X' })).status).toBe(429);
      expect((await login({ login: 'dora', password: PASSWORD, deviceName: 'X' }, ATTACKER_IP)).status).toBe(429);
      // The owner's laptop gets in, and its cookie is replaced.
      const owner = await login({ login: 'dora', password: PASSWORD, deviceName: 'Own laptop', deviceCookie: cookie });
      expect(owner.status).toBe(200);
      const renewed = owner.body.deviceCookie as string;
      expect(renewed).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(renewed).not.toBe(cookie);
      // The old cookie is spent: after the next lockout it no longer gets through; the new one does.
      await fail('dora', 10);
      expect((await login({ login: 'dora', password: PASSWORD, deviceName: 'X', deviceCookie: cookie })).status).toBe(429);
      expect((await login({ login: 'dora', password: PASSWORD, deviceName: 'X', deviceCookie: renewed })).status).toBe(200);
    });

    it('lets a laptop with its cookie through the lockout of its office’s address', async () => {
      const office = await buildApp({ db: test.db, loginLimits: { perLogin: 10, perIp: 5, windowMs: 15 * 60_000 } });
      try {
        const officeIp = '192.0.2.50';
        const cookie = (await login({ login: 'emil', password: PASSWORD, deviceName: 'Own laptop' }, officeIp, office)).body.deviceCookie as string;
        for (const name of ['fay', 'fay', 'gus', 'hal', 'ivy']) expect((await login({ login: name, password: 'wrong', deviceName: 'X' }, officeIp, office)).status).toBe(401);
        const without = await login({ login: 'emil', password: PASSWORD, deviceName: 'X' }, officeIp, office);
        expect(without.status).toBe(429);
        expect(without.body.message).toMatch(/from this address/);
        expect((await login({ login: 'emil', password: PASSWORD, deviceName: 'X', deviceCookie: cookie }, officeIp, office)).status).toBe(200);
      } finally {
        await office.close();
      }
    });

    it('gives a stolen cookie no more guesses than a lockout allows, and counts them exactly in parallel', async () => {
      const stolen = await cookieFor('fay');
      // Ten wrong guesses with the cookie, from another address: then it is trusted no more.
      await fail('fay', 10, { deviceCookie: stolen });
      for (const extra of [{ deviceCookie: stolen }, {}]) {
        expect((await login({ login: 'fay', password: 'guess 11', deviceName: 'X', ...extra }, ATTACKER_IP)).status).toBe(429);
        // Not even the right password gets through with it: the guesser learns nothing more.
        expect((await login({ login: 'fay', password: PASSWORD, deviceName: 'X', ...extra }, ATTACKER_IP)).status).toBe(429);
      }
      // Once the window has passed, the cookie is trusted again.
      await test.db.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE login = 'fay'`);
      expect((await login({ login: 'fay', password: PASSWORD, deviceName: 'X', deviceCookie: stolen })).status).toBe(200);

      // Parallel guesses with one cookie are counted under the login's lock: exactly the limit.
      const strict = await buildApp({ db: test.db, loginLimits: { perLogin: 3, perIp: 1000, windowMs: 15 * 60_000 } });
      try {
        const cookie = (await login({ login: 'gus', password: PASSWORD, deviceName: 'X' }, OWNER_IP, strict)).body.deviceCookie as string;
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => login({ login: 'gus', password: `guess ${i}`, deviceName: 'X', deviceCookie: cookie }, ATTACKER_IP, strict)),
        );
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s === 401)).toHaveLength(3);
        expect(statuses.filter((s) => s === 429)).toHaveLength(5);
      } finally {
        await strict.close();
      }
    });

    it('changes nothing for an unknown, forged, malformed, expired or someone else’s cookie', async () => {
      const hals = await cookieFor('hal');
      const expired = await cookieFor('ivy');
      await test.db.query(`UPDATE login_device_cookies SET created_at = created_at - interval '366 days' WHERE user_id = (SELECT id FROM users WHERE login = 'ivy')`);
      await fail('ivy', 10);
      const others = [newToken(), 'not-a-cookie', '', 'A'.repeat(43), hals, expired];
      for (const deviceCookie of others) {
        const res = await login({ login: 'ivy', password: PASSWORD, deviceName: 'X', deviceCookie });
        expect(res, deviceCookie).toEqual({ status: 429, body: expect.objectContaining({ error: 'too_many_attempts' }) });
      }
      // Not locked: such a cookie is simply ignored, the sign-in works and brings a valid one.
      for (const deviceCookie of others) {
        const res = await login({ login: 'hal', password: PASSWORD, deviceName: 'X', deviceCookie: deviceCookie === hals ? newToken() : deviceCookie });
        expect(res.status).toBe(200);
        expect(res.body.deviceCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
    });

    it('behind a load balancer, counts failures by the address the balancer saw, not one the client wrote', async () => {
      const behind = await buildApp({ db: test.db, trustProxy: trustOneProxy, loginLimits: { perLogin: 100, perIp: 3, windowMs: 15 * 60_000 } });
      const balancer = '10.1.2.3';
      const [client, colleague] = ['198.51.100.200', '198.51.100.201'];
      const via = (body: Json, forwardedFor: string) =>
        behind.inject({ method: 'POST', url: '/api/login', payload: body, remoteAddress: balancer, headers: { 'x-forwarded-for': forwardedFor } });
      try {
        // A made-up address per guess, followed by the one the balancer appends.
        for (let i = 0; i < 3; i++) expect((await via({ login: 'lb', password: 'guess', deviceName: 'X' }, `192.0.2.${i}, ${client}`)).statusCode).toBe(401);
        const locked = await via({ login: 'lb', password: PASSWORD, deviceName: 'X' }, `192.0.2.99, ${client}`);
        expect(locked.statusCode).toBe(429);
        expect(locked.json().message).toMatch(/from this address/);
        // Someone else behind the same balancer is not affected.
        expect((await via({ login: 'lb', password: PASSWORD, deviceName: 'X' }, colleague)).statusCode).toBe(200);
        const ips = await test.db.query<{ ip: string }>(`SELECT DISTINCT ip FROM login_attempts WHERE login = 'lb' ORDER BY ip`);
        expect(ips.map((r) => r.ip)).toEqual([client, colleague]);
      } finally {
        await behind.close();
      }
    });
  });
}
