/**
 * Sign-in and devices: `POST /api/login`, the bearer-token check for every other `/api/*`
 * route, `POST /api/logout`, `GET /api/devices`, `POST /api/devices/:id/revoke`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http-error';
import type { SqlDb } from '../db/sql-db';
import { createDevice, deviceForToken, listDevices, revokeDevice, type AuthDevice, type DeviceRow } from './devices';
import { issueDeviceCookie, presentedCookieHash } from './device-cookies';
import { plainText } from './plain-text';
import { verifyAgainstDummy, verifyPassword } from './password';
import { DEFAULT_LOGIN_LIMITS, markLoginSucceeded, pruneLoginAttempts, reserveLoginAttempt, type LoginLimits } from './rate-limit';
import { TOKEN_PATTERN } from './tokens';
import type { Role } from './users';
import type { DeviceView } from '../../core/devices';

declare module 'fastify' {
  interface FastifyRequest {
    /** The calling device and its user; set by the bearer-token hook on authenticated routes. */
    device: AuthDevice | null;
  }
}

/** Sign-in bodies are small; anything bigger is refused before it is parsed. */
export const AUTH_BODY_LIMIT = 16 * 1024;

export const loginRequestSchema = z.strictObject({
  // Not the strict login pattern: a typo must give "wrong login or password", not a hint.
  login: plainText('login').trim().toLowerCase().min(1, { message: 'login is required' }).max(200, { message: 'login is too long' }),
  password: plainText('password').min(1, { message: 'password is required' }).max(1024, { message: 'password is too long' }),
  deviceName: plainText('deviceName').trim().min(1, { message: 'deviceName is required' }).max(100, { message: 'deviceName is at most 100 characters' }),
  /**
   * The device cookie this laptop got at its last sign-in as this login (device-cookies.ts).
   * Optional (older apps send none); one that is unknown, expired or not even well-formed is
   * ignored, so a laptop with a stale cookie signs in as one without.
   */
  deviceCookie: plainText('deviceCookie').max(200, { message: 'deviceCookie is too long' }).optional(),
});

export interface LoginResponse {
  token: string;
  deviceId: string;
  user: { id: string; displayName: string; role: Role };
  /** A new device cookie for this login, to send with the laptop's next sign-in (replaces the one sent). */
  deviceCookie: string;
  /** This device's offer mark: what its offer numbers carry (core/offers/offer-number.ts). */
  offerMark: string;
}

/** An empty body, or `{}`: what logout and revoke accept. */
const emptyBodySchema = z.strictObject({}).optional();
const deviceParamsSchema = z.strictObject({ id: z.uuid({ message: 'must be a device id (uuid)' }) });

const deviceView = (d: DeviceRow, currentId: string): DeviceView => ({
  id: d.id,
  name: d.name,
  ...(d.nameNumber !== null ? { nameNumber: d.nameNumber } : {}),
  userId: d.userId,
  userLogin: d.userLogin,
  userName: d.userName,
  createdAt: d.createdAt.toISOString(),
  lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
  revokedAt: d.revokedAt?.toISOString() ?? null,
  current: d.id === currentId,
});

/** Registers routes that run behind the bearer-token check (`request.device` is set). */
export type AuthenticatedRoutes = (api: FastifyInstance) => void | Promise<void>;

export interface AuthRoutesOptions {
  db: SqlDb;
  loginLimits?: LoginLimits | undefined;
  /** More routes behind the bearer-token check: the sync endpoints plug in here. */
  authenticatedRoutes?: readonly AuthenticatedRoutes[] | undefined;
}

const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message, {}, { 'www-authenticate': 'Bearer' });

/** The device behind the request's bearer token, or a 401 saying why not. */
export async function authenticate(db: SqlDb, request: FastifyRequest): Promise<AuthDevice> {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Sign in first: the request has no Authorization: Bearer token.');
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
  const token = match[1]!;
  const check = TOKEN_PATTERN.test(token) ? await deviceForToken(db, token) : ({ status: 'unknown' } as const);
  if (check.status === 'unknown') throw unauthorized('This sign-in is not known to the server (it may belong to another server): sign in again.');
  if (check.status === 'revoked') {
    // The app wipes its local data on `wipe: true`: a revoked laptop must not keep trade secrets.
    const message =
      check.reason === 'user_disabled'
        ? 'This account has been disabled: the data on this device will be removed.'
        : 'This device has been signed out by you or an administrator: the data on it will be removed.';
    throw new HttpError(401, 'device_revoked', message, { wipe: true });
  }
  return check.device;
}

export function registerAuthRoutes(app: FastifyInstance, options: AuthRoutesOptions): void {
  const { db } = options;
  const limits = options.loginLimits ?? DEFAULT_LOGIN_LIMITS;

  app.post('/api/login', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const body = parseInput(loginRequestSchema, request.body);
    const reservation = await reserveLoginAttempt(db, body.login, request.ip, limits, presentedCookieHash(body.deviceCookie));
    if (!reservation.allowed) {
      request.log.warn({ login: body.login, scope: reservation.scope }, 'login rate limit reached');
      throw new HttpError(
        429,
        'too_many_attempts',
        `Too many failed sign-in attempts ${reservation.scope === 'login' ? 'for this login' : 'from this address'}. Try again in ${Math.ceil(reservation.retryAfterSeconds / 60)} min.`,
        { retryAfterSeconds: reservation.retryAfterSeconds },
        { 'retry-after': String(reservation.retryAfterSeconds) },
      );
    }
    // Keeps the attempts table small without a timer (the server has no background state).
    if (reservation.attemptId % 100 === 0) await pruneLoginAttempts(db);
    const [user] = await db.query<{ id: string; displayName: string; role: Role; passwordHash: string; disabledAt: Date | null }>(
      `SELECT id::text AS id, display_name AS "displayName", role, password_hash AS "passwordHash", disabled_at AS "disabledAt" FROM users WHERE login = $1`,
      [body.login],
    );
    const valid = user ? await verifyPassword(body.password, user.passwordHash) : await verifyAgainstDummy(body.password);
    // A disabled account answers exactly as a wrong password does, after the same password
    // check: a different answer for the right password would confirm it to whoever guessed it.
    if (!user || !valid || user.disabledAt) {
      request.log.info({ login: body.login, disabled: user?.disabledAt ? true : undefined }, 'login failed');
      throw new HttpError(401, 'invalid_credentials', 'Wrong login or password.');
    }
    // The device, the attempt's success and the new device cookie are written together: a
    // sign-in that did not complete is not recorded as a success, and one that did is.
    const { deviceId, token, deviceCookie, offerMark } = await db.transaction(async (tx) => {
      const device = await createDevice(tx, user.id, body.deviceName);
      await markLoginSucceeded(tx, reservation.attemptId);
      return { ...device, deviceCookie: await issueDeviceCookie(tx, user.id, reservation.trustedCookie) };
    });
    request.log.info({ userId: user.id, deviceId, trustedCookie: reservation.trustedCookie !== null }, 'login');
    const response: LoginResponse = { token, deviceId, user: { id: user.id, displayName: user.displayName, role: user.role }, deviceCookie, offerMark };
    return reply.header('cache-control', 'no-store').send(response);
  });

  // Everything else under /api needs a device token. Registered as an encapsulated plugin so the
  // hook covers exactly the routes inside it; the sync routes are registered here too.
  app.register(async (api) => {
    api.decorateRequest('device', null);
    api.addHook('onRequest', async (request) => {
      request.device = await authenticate(db, request);
    });

    api.post('/api/logout', { bodyLimit: AUTH_BODY_LIMIT }, async (request) => {
      parseInput(emptyBodySchema, request.body);
      const device = requireDevice(request);
      await revokeDevice(db, device.id, device.user);
      request.log.info({ deviceId: device.id }, 'logout');
      return { revoked: true, deviceId: device.id };
    });

    api.get('/api/devices', async (request) => {
      const device = requireDevice(request);
      const devices = await listDevices(db, device.user);
      return { devices: devices.map((d) => deviceView(d, device.id)) };
    });

    api.post('/api/devices/:id/revoke', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply: FastifyReply) => {
      const { id } = parseInput(deviceParamsSchema, request.params, 'path');
      parseInput(emptyBodySchema, request.body);
      const device = requireDevice(request);
      const revoked = await revokeDevice(db, id, device.user);
      // Someone else's device looks the same as no device: ids of others' laptops are not confirmed.
      if (!revoked) throw new HttpError(404, 'not_found', 'No such device among the ones you may manage.');
      request.log.info({ deviceId: id, by: device.id }, 'device revoked');
      return reply.send({ device: deviceView(revoked, device.id) });
    });

    // The sync endpoints (POST /api/sync/push, /api/sync/pull, /api/sync/snapshot) come in
    // through `authenticatedRoutes`, inside this plugin, so the hook has set `request.device`.
    for (const register of options.authenticatedRoutes ?? []) await register(api);
  });
}

export function requireDevice(request: FastifyRequest): AuthDevice {
  if (!request.device) throw unauthorized('Sign in first.');
  return request.device;
}
