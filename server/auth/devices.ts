/** Devices: one per signed-in laptop, each with its own token (kept only as a hash). */
import type { Sql } from '../db/sql-db';
import { deviceMark } from '../../core/offers/offer-number';
import { hashToken, newToken } from './tokens';
import type { Role } from './users';

export interface DeviceRow {
  id: string;
  name: string;
  userId: string;
  userLogin: string;
  userName: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  /** See deviceNameNumber: null when the name is the person's only device of that name. */
  nameNumber: number | null;
}

/** Who is calling, as the bearer token established it. */
export interface AuthUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  headId: string | null;
  discountLimitPct: string;
}

export interface AuthDevice {
  id: string;
  name: string;
  user: AuthUser;
  /** What the device's offer numbers carry (null only for a device the migration could not mark). */
  offerMark: string | null;
}

/**
 * SQL: the device `d`'s number among its person's devices of the same name, in the order they
 * signed in (signed-out ones included, so the number never changes), or NULL when it is their
 * only device of that name. Two laptops both called "Chromium on Linux" are told apart by it
 * the same way in the device list and in a client's history (docs/sync-protocol.md, "History").
 */
export const deviceNameNumber = (d: string) => /* sql */ `(
  SELECT CASE WHEN count(*) > 1 THEN (count(*) FILTER (WHERE (s.created_at, s.id) <= (${d}.created_at, ${d}.id)))::int END
    FROM devices s WHERE s.user_id = ${d}.user_id AND s.name = ${d}.name)`;

const DEVICE_COLUMNS = `d.id::text AS "id", d.name, d.user_id::text AS "userId", u.login AS "userLogin", u.display_name AS "userName",
  d.created_at AS "createdAt", d.last_seen_at AS "lastSeenAt", d.revoked_at AS "revokedAt", ${deviceNameNumber('d')} AS "nameNumber"`;

/**
 * Registers a device and returns its token (the only time the token exists outside the device)
 * and its offer mark: the person's next one, never one given before (core/offers/offer-number.ts).
 * Counting the marks on the user's row locks it, so two sign-ins at once get two marks.
 */
export async function createDevice(sql: Sql, userId: string, name: string): Promise<{ deviceId: string; token: string; offerMark: string }> {
  const token = newToken();
  const [counted] = await sql.query<{ n: number }>(`UPDATE users SET offer_marks_given = offer_marks_given + 1 WHERE id = $1::uuid RETURNING offer_marks_given AS n`, [userId]);
  const offerMark = deviceMark(counted!.n);
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO devices (user_id, name, token_hash, last_seen_at, offer_mark) VALUES ($1::uuid, $2, $3, now(), $4) RETURNING id::text AS id`,
    [userId, name, hashToken(token), offerMark],
  );
  return { deviceId: row!.id, token, offerMark };
}

export type TokenCheck =
  | { status: 'ok'; device: AuthDevice }
  | { status: 'unknown' }
  | { status: 'revoked'; reason: 'device_revoked' | 'user_disabled' };

export async function deviceForToken(sql: Sql, token: string): Promise<TokenCheck> {
  const [row] = await sql.query<{
    id: string;
    name: string;
    revokedAt: Date | null;
    userId: string;
    login: string;
    displayName: string;
    role: Role;
    headId: string | null;
    discountLimitPct: string;
    disabledAt: Date | null;
    offerMark: string | null;
  }>(
    // The device's last sighting is noted in the same round trip, at most once a minute (a write
    // per request would be wasted work), and only for a device that may still sync.
    `WITH seen AS (
       UPDATE devices d SET last_seen_at = now() FROM users u
        WHERE d.token_hash = $1 AND u.id = d.user_id AND d.revoked_at IS NULL AND u.disabled_at IS NULL
          AND (d.last_seen_at IS NULL OR d.last_seen_at < now() - interval '1 minute'))
     SELECT d.id::text AS "id", d.name, d.revoked_at AS "revokedAt", u.id::text AS "userId", u.login, u.display_name AS "displayName",
            u.role, u.head_id::text AS "headId", u.discount_limit_pct::text AS "discountLimitPct", u.disabled_at AS "disabledAt",
            d.offer_mark AS "offerMark"
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return { status: 'unknown' };
  if (row.revokedAt) return { status: 'revoked', reason: 'device_revoked' };
  // A disabled user's laptops are treated as revoked: someone who left must not keep the data.
  if (row.disabledAt) return { status: 'revoked', reason: 'user_disabled' };
  return {
    status: 'ok',
    device: {
      id: row.id,
      name: row.name,
      user: { id: row.userId, login: row.login, displayName: row.displayName, role: row.role, headId: row.headId, discountLimitPct: row.discountLimitPct },
      offerMark: row.offerMark,
    },
  };
}

/** The devices a user may see: their own, or everyone's for an admin. */
export async function listDevices(sql: Sql, viewer: AuthUser): Promise<DeviceRow[]> {
  return sql.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM devices d JOIN users u ON u.id = d.user_id
      WHERE $2 = 'admin' OR d.user_id = $1::uuid
      ORDER BY u.login, d.created_at, d.id`,
    [viewer.id, viewer.role],
  );
}

/**
 * Devices for the admin command line: everyone's, or one login's; signed-out ones only when
 * asked for (every sign-in is a device, so they pile up). Most recently seen first.
 */
export async function devicesOf(sql: Sql, filter: { login: string | null; signedOut: boolean }): Promise<DeviceRow[]> {
  return sql.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM devices d JOIN users u ON u.id = d.user_id
      WHERE ($1::text IS NULL OR u.login = $1) AND ($2 OR d.revoked_at IS NULL)
      ORDER BY d.last_seen_at DESC NULLS LAST, d.created_at DESC, d.id`,
    [filter.login, filter.signedOut],
  );
}

/**
 * Revokes a device (idempotent: an already revoked device keeps its first revocation time).
 * `viewer` limits it to the viewer's own devices unless an admin; null = the admin CLI.
 * Returns null when there is no such device the viewer may see.
 */
export async function revokeDevice(sql: Sql, deviceId: string, viewer: AuthUser | null): Promise<DeviceRow | null> {
  const [row] = await sql.query<{ id: string }>(
    `UPDATE devices d SET revoked_at = coalesce(d.revoked_at, now())
      WHERE d.id = $1::uuid AND ($2::uuid IS NULL OR $3 = 'admin' OR d.user_id = $2::uuid)
      RETURNING d.id::text AS id`,
    [deviceId, viewer?.id ?? null, viewer?.role ?? null],
  );
  if (!row) return null;
  const [device] = await sql.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1::uuid`, [row.id]);
  return device ?? null;
}
