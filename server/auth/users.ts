/**
 * Users: the people who sign in. Shared by the HTTP routes, the admin command line and the demo
 * seed, so every way of creating a user validates it the same way.
 */
import { z } from 'zod';
import type { Sql } from '../db/sql-db';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './password';
import { initialsOf } from '../../core/offers/offer-number';

export const ROLES = ['manager', 'head_of_sales', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Logins are case-insensitive: stored and compared lower-case. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'login is required' })
  .max(100, { message: 'login is at most 100 characters' })
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, { message: 'login may contain letters, digits and . _ @ - only' });

export const passwordSchema = z
  .string()
  .min(8, { message: 'password must be at least 8 characters' })
  .max(1024, { message: 'password is at most 1024 characters' });

export const newUserSchema = z.strictObject({
  id: z.uuid().optional(),
  login: loginSchema,
  displayName: z.string().trim().min(1, { message: 'name is required' }).max(200),
  role: z.enum(ROLES),
  /** Login of the head of sales whose team the user joins. */
  head: loginSchema.optional(),
  discountLimitPct: z.number().min(0).max(100).multipleOf(0.01).default(0),
  password: z.string().min(1).max(1024),
});
export type NewUser = z.input<typeof newUserSchema>;

export interface UserRow {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  headId: string | null;
  headLogin: string | null;
  discountLimitPct: string;
  /** What the user's offer numbers start with, unique in the company (migration 007). */
  offerPrefix: string;
  createdAt: Date;
  disabledAt: Date | null;
}

const USER_COLUMNS = `u.id::text AS "id", u.login, u.display_name AS "displayName", u.role, u.head_id::text AS "headId",
  h.login AS "headLogin", u.discount_limit_pct::text AS "discountLimitPct", u.offer_prefix AS "offerPrefix", u.created_at AS "createdAt", u.disabled_at AS "disabledAt"`;

export class UserError extends Error {}

/**
 * Creates a user. The password is validated by the caller (the demo seed's `demo` is shorter
 * than the policy on purpose); `hashParams` lets tests use a cheap hash.
 */
export async function createUser(sql: Sql, input: NewUser, hashParams: ScryptParams = DEFAULT_SCRYPT): Promise<UserRow> {
  const user = newUserSchema.parse(input);
  let headId: string | null = null;
  if (user.head) {
    const [head] = await sql.query<{ id: string; role: Role }>(`SELECT id::text AS id, role FROM users WHERE login = $1`, [user.head]);
    if (!head) throw new UserError(`No user with login "${user.head}" to be the head of sales.`);
    if (head.role !== 'head_of_sales') throw new UserError(`"${user.head}" is not a head of sales.`);
    headId = head.id;
  }
  const [existing] = await sql.query(`SELECT 1 FROM users WHERE login = $1`, [user.login]);
  if (existing) throw new UserError(`A user with login "${user.login}" already exists.`);
  const passwordHash = await hashPassword(user.password, hashParams);
  // The offer prefix: the initials, or the initials and the first free number from 2 on (one is
  // free among the first count(users) + 1: each user holds one prefix).
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO users (id, login, display_name, role, head_id, discount_limit_pct, password_hash, offer_prefix)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5::uuid, $6, $7,
       CASE WHEN NOT EXISTS (SELECT 1 FROM users WHERE offer_prefix = $8::text) THEN $8::text
            ELSE $8::text || (SELECT min(k) FROM generate_series(2, (SELECT count(*) FROM users)::int + 2) AS k
                               WHERE NOT EXISTS (SELECT 1 FROM users WHERE offer_prefix = $8::text || k)) END)
     RETURNING id::text AS id`,
    [user.id ?? null, user.login, user.displayName, user.role, headId, user.discountLimitPct, passwordHash, initialsOf(user.displayName)],
  );
  return (await findUser(sql, { id: row!.id }))!;
}

export async function findUser(sql: Sql, by: { id: string } | { login: string }): Promise<UserRow | null> {
  const [row] =
    'id' in by
      ? await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN users h ON h.id = u.head_id WHERE u.id = $1::uuid`, [by.id])
      : await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN users h ON h.id = u.head_id WHERE u.login = $1`, [by.login]);
  return row ?? null;
}

export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN users h ON h.id = u.head_id ORDER BY u.login`);
}

/** Sets a new password. Returns false when the login does not exist. */
/**
 * Disables a user (someone who left: their laptops are signed out, and wiped, at their next
 * connection; their clients wait for a colleague) or enables them again. Null: no such login.
 */
export async function setDisabled(sql: Sql, login: string, disabled: boolean): Promise<UserRow | null> {
  const [row] = await sql.query<{ id: string }>(
    `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END WHERE login = $1 RETURNING id::text AS id`,
    [loginSchema.parse(login), disabled],
  );
  return row ? findUser(sql, { id: row.id }) : null;
}

export async function setPassword(sql: Sql, login: string, password: string, hashParams: ScryptParams = DEFAULT_SCRYPT): Promise<boolean> {
  const passwordHash = await hashPassword(password, hashParams);
  // The login's failed sign-ins go with the old password: an admin's reset also lifts a lockout
  // (someone who forgot their password has usually just been locked out guessing it).
  const rows = await sql.query(
    `WITH updated AS (UPDATE users SET password_hash = $2 WHERE login = $1 RETURNING id),
          cleared AS (DELETE FROM login_attempts WHERE login = $1 AND NOT succeeded AND EXISTS (SELECT 1 FROM updated))
     SELECT id FROM updated`,
    [loginSchema.parse(login), passwordHash],
  );
  return rows.length === 1;
}
