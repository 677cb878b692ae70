import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TeamMember } from '../../../core/client-model';
import { useTeam } from '../data/clients/queries';

/** A colleague's name as screens show it: someone who left is marked so ("Ben Okafor (left)"). */
export const personName = (member: Pick<TeamMember, 'name' | 'left'>, t: TFunction): string => (member.left ? t('team.left', { name: member.name }) : member.name);

/** Colleague names by id, for showing owners and authors; someone who left is marked. */
export function useTeamNames(): Map<string, string> {
  const team = useTeam();
  const { t } = useTranslation();
  return useMemo(() => new Map((team ?? []).map((m) => [m.id, personName(m, t)])), [team, t]);
}

/**
 * The people a picker offers (an owner, an assignee, an event's team): nobody who left the
 * company, unless already chosen — kept, so that the field still shows who it holds and the
 * person can replace them.
 */
export function pickable(team: readonly TeamMember[], chosen: readonly string[] = []): TeamMember[] {
  return team.filter((m) => !m.left || chosen.includes(m.id));
}
