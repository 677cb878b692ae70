/**
 * The demo sales team. The ids follow the embedded server's demo users
 * (server/demo.ts: head 0002, anna 0003, ben 0004, same names), so that demo clients' owners
 * are people who can sign in there; each manager covers the clients of one or two locales.
 */
import type { TeamMember } from '../client-model';

/** Discount limits on offers: a manager gives up to 10 % on a line, a head of sales up to 25 %. */
const LIMIT_BP: Record<TeamMember['role'], number> = { manager: 1000, head_of_sales: 2500, admin: 2500 };

const member = (n: number, name: string, role: TeamMember['role']): TeamMember => ({
  id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  name,
  role,
  discountLimitBp: LIMIT_BP[role],
});

const TEAM: readonly TeamMember[] = [
  member(2, 'Helena Hofmann', 'head_of_sales'),
  member(3, 'Anna Berger', 'manager'),
  member(4, 'Ben Okafor', 'manager'),
  member(5, 'Дмитрий Соколов', 'manager'),
  member(6, 'Kovács Réka', 'manager'),
  member(7, 'Priya Sharma', 'manager'),
  member(8, 'Nur Aisyah binti Rahman', 'manager'),
];

export const HEAD_OF_SALES_ID = TEAM[0]!.id;

/** The manager who owns most clients of a locale (by BCP 47 tag). */
export const MANAGER_BY_LOCALE: Readonly<Record<string, string>> = {
  'en-GB': TEAM[1]!.id,
  'en-US': TEAM[2]!.id,
  'ru-RU': TEAM[3]!.id,
  'hu-HU': TEAM[4]!.id,
  'hi-IN': TEAM[5]!.id,
  'id-ID': TEAM[6]!.id,
  'ms-MY': TEAM[6]!.id,
};

export const MANAGER_IDS: readonly string[] = TEAM.filter((m) => m.role === 'manager').map((m) => m.id);

/** The demo team: one head of sales and six managers; fresh objects on every call. */
export function demoTeam(): TeamMember[] {
  return TEAM.map((m) => ({ ...m }));
}
