import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../../core/client-model';
import { ownerChoices, ownerLabel } from './owner-choices';

const team: TeamMember[] = [
  { id: 'admin', name: 'Demo Admin', role: 'admin' },
  { id: 'head', name: 'Helena Hofmann', role: 'head_of_sales' },
  { id: 'anna', name: 'Anna Berger', role: 'manager' },
  { id: 'ben', name: 'Ben Okafor', role: 'manager' },
  { id: 'other', name: 'Other Team', role: 'manager' },
];
const ids = (r: { owners: TeamMember[] }) => r.owners.map((m) => m.id);

describe('ownerChoices', () => {
  it('offers the owners whose clients this person may write, never an admin', () => {
    expect(ids(ownerChoices({ team, scopeOwners: ['head', 'anna', 'ben'], role: 'head_of_sales', current: 'anna', isNew: false }))).toEqual(['head', 'anna', 'ben']);
    // Anna covers for Ben (a delegation): she may make clients for either of them.
    expect(ownerChoices({ team, scopeOwners: ['anna', 'ben'], role: 'manager', current: 'anna', isNew: true })).toEqual({ owners: [team[2], team[3]], locked: false });
  });

  it('a manager does not reassign an existing client; the current owner is always shown', () => {
    expect(ownerChoices({ team, scopeOwners: ['anna'], role: 'manager', current: 'anna', isNew: false }).locked).toBe(true);
    expect(ids(ownerChoices({ team, scopeOwners: ['head', 'anna'], role: 'head_of_sales', current: 'admin', isNew: false }))).toEqual(['admin', 'head', 'anna']);
  });

  it('never offers a colleague who left, unless they own the client now (named, so the head can hand it over)', () => {
    const withLeaver: TeamMember[] = [...team, { id: 'gone', name: 'Gustav Gone', role: 'manager', left: true }];
    const scope = ['head', 'anna', 'ben', 'gone'];
    expect(ids(ownerChoices({ team: withLeaver, scopeOwners: scope, role: 'head_of_sales', current: 'anna', isNew: false }))).toEqual(['head', 'anna', 'ben']);
    expect(ids(ownerChoices({ team: withLeaver, scopeOwners: scope, role: 'head_of_sales', current: 'gone', isNew: false }))).toEqual(['head', 'anna', 'ben', 'gone']);
    expect(ids(ownerChoices({ team: withLeaver, scopeOwners: [], role: undefined, current: 'anna', isNew: true }))).toEqual(['head', 'anna', 'ben', 'other']);
  });

  it('a laptop that never synced offers the whole team but admins', () => {
    expect(ids(ownerChoices({ team, scopeOwners: [], role: undefined, current: 'anna', isNew: true }))).toEqual(['head', 'anna', 'ben', 'other']);
  });
});

describe('ownerLabel', () => {
  it('tells namesakes apart by their offer prefix', () => {
    const carla = { id: 'c1', name: 'Carla Diaz', role: 'manager', offerPrefix: 'CD' } as const;
    const carla2 = { id: 'c2', name: 'Carla Diaz', role: 'manager', offerPrefix: 'CD2' } as const;
    expect([carla, carla2].map((m) => ownerLabel(m, [carla, carla2, ...team]))).toEqual(['Carla Diaz (CD)', 'Carla Diaz (CD2)']);
    expect(ownerLabel(team[2]!, team)).toBe(team[2]!.name);
  });
});
