/**
 * The HTTP API over both database backends: health, sign-in with its rate limit, bearer-token
 * auth (unknown → 401, revoked → 401 with wipe), devices, logout, and bad input (400, nothing
 * written).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app';
import { createUser, setPassword } from './auth/users';
import type { ScryptParams } from './auth/password';
import { hashToken } from './auth/tokens';
import type { SqlDb } from './db/sql-db';
import { BACKENDS, describeBackend, useTestDatabase } from './test/backends';
import { MIGRATIONS } from './db/migrations/index';

/** Cheap hashes: the tests sign in dozens of times. */
const FAST: ScryptParams = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';

type Json = Record<string, unknown>;

async function login(app: FastifyInstance, body: Json, remoteAddress = '10.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/login', payload: body, remoteAddress });
}

async function signIn(app: FastifyInstance, loginName: string, deviceName = 'Laptop') {
  const res = await login(app, { login: loginName, password: PASSWORD, deviceName });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; deviceId: string; user: { id: string; displayName: string; role: string } };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function counts(db: SqlDb) {
  const [row] = await db.query<Json>(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM devices)::int AS devices,
            (SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL)::int AS revoked, (SELECT count(*) FROM login_attempts)::int AS attempts`,
  );
  return row;
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`HTTP API on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;

    beforeAll(async () => {
      const db = test.db;
      await createUser(db, { login: 'root', displayName: 'Root Admin', role: 'admin', password: PASSWORD }, FAST);
      await createUser(db, { login: 'head', displayName: 'Helena Head', role: 'head_of_sales', password: PASSWORD }, FAST);
      for (const name of ['anna', 'ben', 'carl', 'dora', 'emil', 'fay', 'gus']) {
        await createUser(db, { login: name, displayName: name.toUpperCase(), role: 'manager', head: 'head', discountLimitPct: 10, password: PASSWORD }, FAST);
      }
      app = await buildApp({ db });
    });
    afterAll(async () => app?.close());

    it('GET /health reports a reachable database with every migration applied', async () => {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'ok',
        version: expect.any(String),
        database: { backend, reachable: true },
        migrations: { applied: MIGRATIONS.length, expected: MIGRATIONS.length, pending: [] },
      });
    });

    it('signs in with a new device whose token is stored only as a hash', async () => {
      const res = await login(app, { login: '  Anna ', password: PASSWORD, deviceName: 'Anna’s ThinkPad' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        deviceId: expect.any(String),
        user: { id: expect.any(String), displayName: 'ANNA', role: 'manager' },
        deviceCookie: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        // The mark this device's offer numbers carry (core/offers/offer-number.ts).
        offerMark: expect.stringMatching(/^[A-HJ-NP-Z]{1,3}$/),
      });
      const rows = await test.db.query<{ token_hash: string; name: string }>(`SELECT token_hash, name FROM devices WHERE id = $1`, [body.deviceId]);
      expect(rows).toEqual([{ token_hash: hashToken(body.token), name: 'Anna’s ThinkPad' }]);
      const [stored] = await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM devices WHERE token_hash = $1`, [body.token]);
      expect(stored!.n).toBe(0);
      // The device cookie too: only its hash, bound to the user.
      const cookies = await test.db.query<{ cookie_hash: string; user_id: string }>(`SELECT cookie_hash, user_id::text FROM login_device_cookies WHERE cookie_hash IN ($1, $2)`, [
        hashToken(body.deviceCookie),
        body.deviceCookie,
      ]);
      expect(cookies).toEqual([{ cookie_hash: hashToken(body.deviceCookie), user_id: body.user.id }]);
    });

    it('refuses a wrong password and an unknown login with the same answer', async () => {
      const wrong = await login(app, { login: 'ben', password: 'nope', deviceName: 'X' });
      const unknown = await login(app, { login: 'nobody', password: 'nope', deviceName: 'X' });
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: 'invalid_credentials', message: 'Wrong login or password.' });
      }
    });

    it('refuses a disabled user with the answer of a wrong password, whether the password is right or not', async () => {
      await test.db.query(`UPDATE users SET disabled_at = now() WHERE login = 'gus'`);
      const before = await counts(test.db);
      const right = await login(app, { login: 'gus', password: PASSWORD, deviceName: 'X' });
      const wrong = await login(app, { login: 'gus', password: 'not it', deviceName: 'X' });
      const unknown = await login(app, { login: 'nobody-at-all', password: PASSWORD, deviceName: 'X' });
      for (const res of [right, wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: 'invalid_credentials', message: 'Wrong login or password.' });
        expect(res.headers['retry-after']).toBeUndefined();
      }
      // No device, and the right password counted as a failure like the wrong one.
      expect(await counts(test.db)).toEqual({ ...before, attempts: (before!.attempts as number) + 3 });
      const [failed] = await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempts WHERE login = 'gus' AND NOT succeeded`);
      expect(failed!.n).toBe(2);
    });

    it('limits failed sign-ins per login: the 11th attempt in 15 minutes gets 429 with Retry-After', async () => {
      for (let i = 0; i < 10; i++) expect((await login(app, { login: 'carl', password: `wrong${i}`, deviceName: 'X' })).statusCode).toBe(401);
      // Even the right password is refused now: the limit is checked before the password.
      const res = await login(app, { login: 'carl', password: PASSWORD, deviceName: 'X' });
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ error: 'too_many_attempts', retryAfterSeconds: expect.any(Number) });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Another login from the same address is not affected.
      expect((await login(app, { login: 'dora', password: PASSWORD, deviceName: 'X' })).statusCode).toBe(200);
      // Once the window has passed, the login works again.
      await test.db.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE login = 'carl'`);
      expect((await login(app, { login: 'carl', password: PASSWORD, deviceName: 'X' })).statusCode).toBe(200);
      // Locked out again; an admin's password reset lifts the lockout at once.
      for (let i = 0; i < 10; i++) await login(app, { login: 'carl', password: `wrong${i}`, deviceName: 'X' });
      expect((await login(app, { login: 'carl', password: PASSWORD, deviceName: 'X' })).statusCode).toBe(429);
      expect(await setPassword(test.db, 'carl', 'a fresh password', FAST)).toBe(true);
      expect((await login(app, { login: 'carl', password: 'a fresh password', deviceName: 'X' })).statusCode).toBe(200);
    });

    it('counts only failures since the last successful sign-in', async () => {
      for (let i = 0; i < 9; i++) await login(app, { login: 'emil', password: 'wrong', deviceName: 'X' });
      expect((await login(app, { login: 'emil', password: PASSWORD, deviceName: 'X' })).statusCode).toBe(200);
      for (let i = 0; i < 9; i++) expect((await login(app, { login: 'emil', password: 'wrong', deviceName: 'X' })).statusCode).toBe(401);
      expect((await login(app, { login: 'emil', password: PASSWORD, deviceName: 'X' })).statusCode).toBe(200);
    });

    it('limits failed sign-ins per client address, across logins', async () => {
      const strict = await buildApp({ db: test.db, loginLimits: { perLogin: 10, perIp: 4, windowMs: 15 * 60_000 } });
      try {
        const ip = '192.0.2.77';
        for (const name of ['fay', 'fay', 'dora', 'ben']) expect((await login(strict, { login: name, password: 'wrong', deviceName: 'X' }, ip)).statusCode).toBe(401);
        const res = await login(strict, { login: 'fay', password: PASSWORD, deviceName: 'X' }, ip);
        expect(res.statusCode).toBe(429);
        expect(res.json().message).toMatch(/from this address/);
        expect((await login(strict, { login: 'fay', password: PASSWORD, deviceName: 'X' }, '192.0.2.78')).statusCode).toBe(200);
      } finally {
        await strict.close();
      }
    });

    it('counts parallel guesses exactly (no slipping past the limit between check and record)', async () => {
      const strict = await buildApp({ db: test.db, loginLimits: { perLogin: 3, perIp: 1000, windowMs: 15 * 60_000 } });
      await test.db.query(`DELETE FROM login_attempts WHERE login = 'ben'`);
      try {
        const results = await Promise.all(Array.from({ length: 8 }, () => login(strict, { login: 'ben', password: 'guess', deviceName: 'X' }, '198.51.100.1')));
        const statuses = results.map((r) => r.statusCode).sort();
        expect(statuses.filter((s) => s === 401)).toHaveLength(3);
        expect(statuses.filter((s) => s === 429)).toHaveLength(5);
      } finally {
        await test.db.query(`DELETE FROM login_attempts WHERE login = 'ben'`);
        await strict.close();
      }
    });

    it('answers 401 for a missing, malformed or unknown token', async () => {
      const cases = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer short' }, { authorization: `Bearer ${'A'.repeat(43)}` }];
      for (const headers of cases) {
        const res = await app.inject({ method: 'GET', url: '/api/devices', headers });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
        expect(res.json().wipe).toBeUndefined();
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });

    it('lists the caller’s own devices; an admin sees everyone’s', async () => {
      const a1 = await signIn(app, 'dora', 'Dora desk');
      const a2 = await signIn(app, 'dora', 'Dora laptop');
      const res = await app.inject({ method: 'GET', url: '/api/devices', headers: auth(a2.token) });
      expect(res.statusCode).toBe(200);
      const devices = res.json().devices as Json[];
      expect(new Set(devices.map((d) => d.userLogin))).toEqual(new Set(['dora']));
      expect(devices.find((d) => d.id === a2.deviceId)).toMatchObject({ current: true, name: 'Dora laptop', revokedAt: null, lastSeenAt: expect.any(String) });
      expect(devices.find((d) => d.id === a1.deviceId)).toMatchObject({ current: false });

      const admin = await signIn(app, 'root');
      const all = (await app.inject({ method: 'GET', url: '/api/devices', headers: auth(admin.token) })).json().devices as Json[];
      expect(new Set(all.map((d) => d.userLogin))).toEqual(new Set(['anna', 'carl', 'dora', 'emil', 'fay', 'root']));
    });

    it('revokes an own device; the revoked device gets 401 with wipe: true', async () => {
      const phone = await signIn(app, 'fay', 'Old laptop');
      const desk = await signIn(app, 'fay', 'New laptop');
      const res = await app.inject({ method: 'POST', url: `/api/devices/${phone.deviceId}/revoke`, headers: auth(desk.token) });
      expect(res.statusCode).toBe(200);
      expect(res.json().device).toMatchObject({ id: phone.deviceId, revokedAt: expect.any(String) });
      const revoked = await app.inject({ method: 'GET', url: '/api/devices', headers: auth(phone.token) });
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json()).toMatchObject({ error: 'device_revoked', wipe: true, message: expect.any(String) });
      // Revoking again keeps the first time.
      const again = await app.inject({ method: 'POST', url: `/api/devices/${phone.deviceId}/revoke`, headers: auth(desk.token), payload: {} });
      expect(again.json().device.revokedAt).toBe(res.json().device.revokedAt);
    });

    it('does not let a manager revoke someone else’s device (404), but an admin can', async () => {
      const ben = await signIn(app, 'ben');
      const fay = await signIn(app, 'fay');
      const res = await app.inject({ method: 'POST', url: `/api/devices/${ben.deviceId}/revoke`, headers: auth(fay.token) });
      expect(res.statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/devices', headers: auth(ben.token) })).statusCode).toBe(200);
      const admin = await signIn(app, 'root');
      expect((await app.inject({ method: 'POST', url: `/api/devices/${ben.deviceId}/revoke`, headers: auth(admin.token) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/devices', headers: auth(ben.token) })).json()).toMatchObject({ error: 'device_revoked', wipe: true });
    });

    it('treats the devices of a disabled user as revoked', async () => {
      const dev = await signIn(app, 'emil');
      await test.db.query(`UPDATE users SET disabled_at = now() WHERE login = 'emil'`);
      const res = await app.inject({ method: 'GET', url: '/api/devices', headers: auth(dev.token) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'device_revoked', wipe: true });
      await test.db.query(`UPDATE users SET disabled_at = NULL WHERE login = 'emil'`);
    });

    it('logout revokes the calling device only', async () => {
      const a = await signIn(app, 'anna', 'A');
      const b = await signIn(app, 'anna', 'B');
      const res = await app.inject({ method: 'POST', url: '/api/logout', headers: auth(a.token), payload: {} });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ revoked: true, deviceId: a.deviceId });
      expect((await app.inject({ method: 'GET', url: '/api/devices', headers: auth(a.token) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/devices', headers: auth(b.token) })).statusCode).toBe(200);
    });

    it('answers bad input with 4xx and a clear reason, and writes nothing', async () => {
      const dev = await signIn(app, 'anna', 'Bad input tester');
      const before = await counts(test.db);
      const json = { 'content-type': 'application/json' };
      const cases: { req: InjectOptions; status: number; error: string; message?: RegExp }[] = [
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: PASSWORD } }, status: 400, error: 'bad_request', message: /deviceName/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: PASSWORD, deviceName: 'X', admin: true } }, status: 400, error: 'bad_request', message: /admin/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 42, password: PASSWORD, deviceName: 'X' } }, status: 400, error: 'bad_request', message: /login/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: ['x'], deviceName: 'X' } }, status: 400, error: 'bad_request', message: /password/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: PASSWORD, deviceName: '   ' } }, status: 400, error: 'bad_request', message: /deviceName/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: PASSWORD, deviceName: 'x'.repeat(101) } }, status: 400, error: 'bad_request', message: /deviceName/ },
        { req: { method: 'POST', url: '/api/login', payload: { login: 'anna', password: 'p'.repeat(2000), deviceName: 'X' } }, status: 400, error: 'bad_request', message: /password/ },
        { req: { method: 'POST', url: '/api/login', payload: '[]', headers: json }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login', payload: 'null', headers: json }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login', payload: '"anna"', headers: json }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login', payload: '{"login":', headers: json }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login', payload: '', headers: json }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login' }, status: 400, error: 'bad_request' },
        {
          req: { method: 'POST', url: '/api/login', payload: `{"login":"anna","password":"x","deviceName":"X","__proto__":{"admin":true}}`, headers: json },
          status: 400,
          error: 'bad_request',
        },
        { req: { method: 'POST', url: '/api/login', payload: 'login=anna', headers: { 'content-type': 'text/plain' } }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/login', payload: 'login=anna', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415, error: 'unsupported_media_type' },
        {
          req: { method: 'POST', url: '/api/login', payload: JSON.stringify({ login: 'anna', password: PASSWORD, deviceName: 'x'.repeat(20_000) }), headers: json },
          status: 413,
          error: 'payload_too_large',
        },
        { req: { method: 'POST', url: '/api/logout', headers: auth(dev.token), payload: { everything: true } }, status: 400, error: 'bad_request', message: /everything/ },
        { req: { method: 'POST', url: '/api/logout', payload: '[1]', headers: { ...auth(dev.token), ...json } }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: '/api/devices/not-a-uuid/revoke', headers: auth(dev.token) }, status: 400, error: 'bad_request', message: /path.*id/ },
        { req: { method: 'POST', url: `/api/devices/${dev.deviceId}/revoke`, headers: auth(dev.token), payload: { force: 1 } }, status: 400, error: 'bad_request' },
        { req: { method: 'POST', url: `/api/devices/00000000-0000-4000-8000-0000000000ff/revoke`, headers: auth(dev.token) }, status: 404, error: 'not_found' },
        { req: { method: 'POST', url: '/api/devices', headers: auth(dev.token), payload: {} }, status: 404, error: 'not_found' },
        { req: { method: 'GET', url: '/nowhere' }, status: 404, error: 'not_found' },
        { req: { method: 'GET', url: '/api/devices', headers: { authorization: 'Bearer' } }, status: 401, error: 'unauthorized' },
      ];
      for (const c of cases) {
        const res = await app.inject(c.req);
        const label = `${c.req.method} ${c.req.url} ${String(c.req.payload).slice(0, 60)}`;
        expect(res.statusCode, label).toBe(c.status);
        const body = res.json();
        expect(body.error, label).toBe(c.error);
        expect(body.message, label).toEqual(expect.any(String));
        if (c.message) expect(body.message, label).toMatch(c.message);
      }
      expect(await counts(test.db)).toEqual(before);
      // The device that sent all of this still works: nothing was revoked along the way.
      expect((await app.inject({ method: 'GET', url: '/api/devices', headers: auth(dev.token) })).statusCode).toBe(200);
    });

    it('/health answers 503 when the database is gone', async () => {
      const { openTestDatabase } = await import('./test/backends');
      const db = await openTestDatabase(backend);
      const lonely = await buildApp({ db });
      await db.close();
      const res = await lonely.inject({ method: 'GET', url: '/health' });
      await lonely.close();
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', database: { reachable: false }, migrations: null });
    });
  });
}
