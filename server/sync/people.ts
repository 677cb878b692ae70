/**
 * The company's people as push and the admin commands need them: who may own clients (and take
 * over a lead or task), who approves, each one's discount limit. One set of rules for a push
 * that reassigns and for `assign-client`: a push could once move a client where the command
 * refuses (to a disabled user, to an admin).
 */
import type { Sql } from './sql';

export interface Person {
  id: string;
  login: string;
  role: 'manager' | 'head_of_sales' | 'admin';
  active: boolean;
  /** The person's discount limit on offers, in basis points. */
  discountLimitBp: number;
}

/** Roles that own clients: an admin sees everything but keeps no client base of its own. */
export const OWNER_ROLES: readonly Person['role'][] = ['manager', 'head_of_sales'];

/** Why `person` cannot be given clients (or a colleague's lead or task), or null when they can. */
export function ownerProblem(person: Person | undefined): 'no_such_user' | 'not_an_owner' | 'disabled' | null {
  if (!person) return 'no_such_user';
  if (!OWNER_ROLES.includes(person.role)) return 'not_an_owner';
  // Nobody works with a disabled user's clients: they wait for a colleague to take them over.
  if (!person.active) return 'disabled';
  return null;
}

/** Everyone in the company (a company has hundreds of people at most), by id. */
export async function loadPeople(sql: Sql): Promise<Map<string, Person>> {
  const rows = await sql.query<{ id: string; login: string; role: Person['role']; active: boolean; bp: number }>(
    `SELECT id::text AS id, login, role, disabled_at IS NULL AS active, round(discount_limit_pct * 100)::int AS bp FROM users`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, login: r.login, role: r.role, active: r.active, discountLimitBp: Number(r.bp) }]));
}
