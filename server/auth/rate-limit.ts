/**
 * Login rate limit, kept in the database so it holds across restarts and across every server
 * instance behind a load balancer. Failed attempts are counted per login and per client address
 * in a sliding window; a success clears the count for that login.
 *
 * An attempt is recorded as failed *before* the password is checked (and marked succeeded
 * after), under a per-login advisory lock, so a burst of parallel guesses cannot slip past the
 * limit between check and record.
 *
 * An attempt that comes with a trusted device cookie for the login (device-cookies.ts) is let
 * through the per-login and per-address limits: those can be run up by anyone, and must not
 * lock the owner's own laptop out. Its failures still count towards both (a stolen cookie adds
 * no guesses to a lockout), and towards the cookie's own limit, the same as a login's.
 */
import type { Sql, SqlDb } from '../db/sql-db';
import { isTrustedCookie, pruneDeviceCookies } from './device-cookies';

export interface LoginLimits {
  /** Failed attempts allowed per login within the window. */
  perLogin: number;
  /** Failed attempts allowed per client address (an office behind one NAT address shares it). */
  perIp: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perLogin: 10, perIp: 50, windowMs: 15 * 60_000 };

export type AttemptReservation =
  /** `trustedCookie`: the hash of the trusted device cookie the attempt came with, or null. */
  | { allowed: true; attemptId: number; trustedCookie: string | null }
  | { allowed: false; retryAfterSeconds: number; scope: 'login' | 'ip' };

/** Advisory lock namespace for login attempts (two-key form: namespace, hash of the login). */
const LOGIN_LOCK_NAMESPACE = 7_291_100;

export async function reserveLoginAttempt(
  db: SqlDb,
  login: string,
  ip: string,
  limits: LoginLimits,
  cookieHash: string | null = null,
): Promise<AttemptReservation> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOGIN_LOCK_NAMESPACE, login]);
    if (cookieHash && (await isTrustedCookie(tx, cookieHash, login, limits.perLogin, limits.windowMs))) {
      const [row] = await tx.query<{ id: number }>(`INSERT INTO login_attempts (login, ip, cookie_hash) VALUES ($1, $2, $3) RETURNING id`, [login, ip, cookieHash]);
      return { allowed: true, attemptId: row!.id, trustedCookie: cookieHash } as const;
    }
    const windowSql = `now() - ($3::float8 * interval '1 millisecond')`;
    // Failures since the window opened, and since this login last succeeded.
    const [byLogin] = await tx.query<{ n: number; oldest: Date | null }>(
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts
        WHERE login = $1 AND NOT succeeded AND at > ${windowSql}
          AND at > coalesce((SELECT max(at) FROM login_attempts WHERE login = $2 AND succeeded), '-infinity')`,
      [login, login, limits.windowMs],
    );
    const [byIp] = await tx.query<{ n: number; oldest: Date | null }>(
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts WHERE ip = $1 AND NOT succeeded AND at > now() - ($2::float8 * interval '1 millisecond')`,
      [ip, limits.windowMs],
    );
    const [{ now }] = (await tx.query<{ now: Date }>(`SELECT now() AS now`)) as [{ now: Date }];
    const retryAfter = (oldest: Date | null) =>
      Math.max(1, Math.ceil(((oldest ?? now).getTime() + limits.windowMs - now.getTime()) / 1000));
    if (byLogin!.n >= limits.perLogin) return { allowed: false, retryAfterSeconds: retryAfter(byLogin!.oldest), scope: 'login' } as const;
    if (byIp!.n >= limits.perIp) return { allowed: false, retryAfterSeconds: retryAfter(byIp!.oldest), scope: 'ip' } as const;
    const [row] = await tx.query<{ id: number }>(`INSERT INTO login_attempts (login, ip) VALUES ($1, $2) RETURNING id`, [login, ip]);
    return { allowed: true, attemptId: row!.id, trustedCookie: null } as const;
  });
}

export async function markLoginSucceeded(sql: Sql, attemptId: number): Promise<void> {
  await sql.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [attemptId]);
}

/** Drops attempts older than a day and expired device cookies (called now and then from login; no timer in the server). */
export async function pruneLoginAttempts(db: SqlDb): Promise<void> {
  await db.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
  await pruneDeviceCookies(db);
}
