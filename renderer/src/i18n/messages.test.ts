/** Rules every UI message keeps, checked over the whole English resource. */
import { describe, expect, it } from 'vitest';
import { en } from './en';

/** Every message with its key path. */
function messages(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => messages(v, [...path, k]));
}

describe('UI messages', () => {
  const all = messages(en);

  it('never end a sentence with a date: some locales write dates ending in a full stop ("2026. 12. 07.")', () => {
    const dated = all.filter(([, m]) => /\{\{(date|when|at|since|until|day|on)\}\}\./.test(m));
    expect(dated).toEqual([]);
  });

  it('say a count with a plural form (key_one / key_other), never "{{count}} leads" for one', () => {
    const keys = new Set(all.map(([k]) => k));
    // "{{count}} so far" names no counted thing.
    const bare = all.filter(([k, m]) => /\{\{count\}\}\s*(?!so far)\p{L}/u.test(m) && !/_(one|other|zero|few|many|two)$/.test(k) && !keys.has(`${k}_one`));
    expect(bare.map(([k, m]) => `${k}: ${m}`)).toEqual([]);
  });
});
