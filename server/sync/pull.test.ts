import { describe, expect, it } from 'vitest';
import { JsonText, parsedAnswer, wireJson } from './pull';

describe('answers with parts already JSON text', () => {
  const records = [
    { table: 'clients', id: 'c1', seq: 7, data: { name: 'Ügyfél «Ромашка» \u2028 "q"', discountPct: 2.5, tags: [] }, stamps: { '*': '001763856000000-00000-00000000000000aa' } },
    { table: 'contacts', id: 'k1', seq: 8, data: { clientId: 'c1', _deleted: true }, stamps: {} },
  ];
  const team = [{ id: 'u1', name: 'Anna', role: 'manager', discountLimitBp: null }];
  const answer = { removed: [], cursor: 8, hasMore: false, resnapshot: undefined };
  const asText = (v: unknown) => new JsonText(JSON.stringify(v));

  it('are sent as the JSON that JSON.stringify gives for the parsed answer', () => {
    const wire = wireJson({ ...answer, records: asText(records), team: asText(team) });
    expect(wire).toBe(JSON.stringify({ ...answer, records, team }));
    expect(wireJson({ records: new JsonText('[]') })).toBe('{"records":[]}');
  });

  it('are read back parsed by tools and tests', () => {
    expect(parsedAnswer({ ...answer, records: asText(records), team: asText(team) })).toEqual({ removed: [], cursor: 8, hasMore: false, records, team });
  });
});
