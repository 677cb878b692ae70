import type { TeamMember } from '../../../core/client-model';

/**
 * Who the client form offers as a client's owner, by the company server's rules (server/sync/
 * push.ts, scopeOf; server/sync/people.ts): someone whose clients this person may write (the
 * owners of the laptop's scope: a manager's own and delegated clients, a head of sales' team),
 * never an admin nor someone who left the company; and a manager does not reassign an existing
 * client — that is a head of sales' decision. The current owner is always listed (a colleague
 * who left included: the head sees whose clients they are, and picks someone else). A laptop
 * that never synced (the offline demo) knows no scope and offers the whole team.
 */
export function ownerChoices(input: {
  team: readonly TeamMember[];
  scopeOwners: readonly string[];
  role: TeamMember['role'] | undefined;
  current: string;
  isNew: boolean;
}): { owners: TeamMember[]; locked: boolean } {
  const { team, scopeOwners, role, current, isNew } = input;
  const writable = (m: TeamMember) => scopeOwners.length === 0 || scopeOwners.includes(m.id);
  const owners = team.filter((m) => m.id === current || (m.role !== 'admin' && !m.left && writable(m)));
  return { owners, locked: !isNew && role === 'manager' };
}

/**
 * How the owner list names each person: by name, and where two share a name (the company has
 * two "Carla Diaz") by their offer prefix too, which the company keeps unique.
 */
export function ownerLabel(member: TeamMember, among: readonly TeamMember[]): string {
  const namesake = among.some((m) => m.id !== member.id && m.name === member.name);
  return namesake && member.offerPrefix ? `${member.name} (${member.offerPrefix})` : member.name;
}
