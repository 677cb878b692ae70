/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): the lockouts
 * after failed sign-ins (per login, per address) let anyone lock a person out on purpose, or a
 * whole office behind one address. A laptop that signed in as a login gets a random cookie for
 * that login; presenting it later, its right password gets through lockouts others caused.
 *
 * The cookie is 32 random bytes shown once; the server keeps its SHA-256 only (like device
 * tokens: it cannot be guessed, so a fast hash is enough), bound to the user it was issued to.
 * Every successful sign-in with a cookie replaces it with a new one, so a copy taken earlier
 * stops working once the owner signs in again. Failures with a trusted cookie are counted per
 * cookie (rate-limit.ts): after as many as a login may fail, the cookie is no longer trusted.
 */
import type { Sql } from '../db/sql-db';
import { hashToken, newToken, TOKEN_PATTERN } from './tokens';

/** How long a cookie vouches for a laptop: laptops sign in rarely (once, and after a sign-out). */
export const DEVICE_COOKIE_DAYS = 365;

/** The hash of a presented cookie, or null when it cannot be one (it is then simply ignored). */
export function presentedCookieHash(cookie: string | undefined): string | null {
  return cookie !== undefined && TOKEN_PATTERN.test(cookie) ? hashToken(cookie) : null;
}

/**
 * Whether the cookie was issued to this login, has not expired, and has failed fewer than
 * `maxFailures` times within the window. Run under the login's advisory lock (rate-limit.ts),
 * so parallel guesses with one cookie are counted exactly.
 */
export async function isTrustedCookie(sql: Sql, cookieHash: string, login: string, maxFailures: number, windowMs: number): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM login_device_cookies c JOIN users u ON u.id = c.user_id
      WHERE c.cookie_hash = $1 AND u.login = $2 AND c.created_at > now() - make_interval(days => $3::int)
        AND (SELECT count(*) FROM login_attempts a
              WHERE a.cookie_hash = c.cookie_hash AND NOT a.succeeded AND a.at > now() - ($4::float8 * interval '1 millisecond')) < $5`,
    [cookieHash, login, DEVICE_COOKIE_DAYS, windowMs, maxFailures],
  );
  return rows.length === 1;
}

/** A new cookie for the user, replacing the one the sign-in came with (if it was trusted). */
export async function issueDeviceCookie(sql: Sql, userId: string, replacing: string | null): Promise<string> {
  const cookie = newToken();
  if (replacing) await sql.query(`DELETE FROM login_device_cookies WHERE cookie_hash = $1`, [replacing]);
  await sql.query(`INSERT INTO login_device_cookies (cookie_hash, user_id) VALUES ($1, $2::uuid)`, [hashToken(cookie), userId]);
  return cookie;
}

export async function pruneDeviceCookies(sql: Sql): Promise<void> {
  await sql.query(`DELETE FROM login_device_cookies WHERE created_at < now() - make_interval(days => $1::int)`, [DEVICE_COOKIE_DAYS]);
}
