import { useMemo } from 'react';
import { useTeam } from '../data/queries';

/** Colleague names by id, for showing owners. */
export function useTeamNames(): Map<string, string> {
  const team = useTeam();
  return useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
}
