import { describe, expect, it } from 'vitest';
import { parsedRecords, wireJson } from './pull';

describe('answers with records as JSON text', () => {
  const records = [
    { table: 'clients', id: 'c1', seq: 7, data: { name: 'Ügyfél «Ромашка» \u2028 "q"', discountPct: 2.5, tags: [] }, stamps: { '*': '001763856000000-00000-00000000000000aa' } },
    { table: 'contacts', id: 'k1', seq: 8, data: { clientId: 'c1', _deleted: true }, stamps: {} },
  ];
  const answer = { team: [{ id: 'u1', name: 'Anna' }], removed: [], cursor: 8, hasMore: false };

  it('are sent as the bytes JSON.stringify gives for the parsed answer', () => {
    const wire = wireJson({ ...answer, records: records.map((r) => JSON.stringify(r)) });
    expect(JSON.parse(wire)).toEqual({ ...answer, records });
    expect(wireJson({ records: [] })).toBe('{"records":[]}');
  });

  it('are read back as records by tools and tests', () => {
    expect(parsedRecords({ ...answer, records: records.map((r) => JSON.stringify(r)) })).toEqual({ ...answer, records });
  });
});
