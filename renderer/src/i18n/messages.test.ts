/** Rules every UI message keeps, checked over the whole English resource. */
import { describe, expect, it } from 'vitest';
import { en } from './locales/en';

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

  it('count with the number a count names: "{{shown}} of {{total}} leads" is a plural message of its total', () => {
    const keys = new Set(all.map(([k]) => k));
    const bare = all.filter(([k, m]) => /\{\{(total|n|number_of)\}\}\s*\p{L}/u.test(m) && !/_(one|other|zero|few|many|two)$/.test(k) && !keys.has(`${k}_one`));
    expect(bare.map(([k, m]) => `${k}: ${m}`)).toEqual([]);
  });

  it('give every plural message both English forms (a lone "_one" says "1 lead" and "2 lead")', () => {
    const keys = new Set(all.map(([k]) => k));
    const lone = [...keys].filter((k) => (k.endsWith('_one') && !keys.has(k.replace(/_one$/, '_other'))) || (k.endsWith('_other') && !keys.has(k.replace(/_other$/, '_one'))));
    expect(lone).toEqual([]);
  });

  it('say a quantity with its unit through units.quantity, whose unit agrees with the number ("1 pc", never "1 pcs")', () => {
    // A number put before the catalog's unit as it is ("{{qty}} {{unit}}", "{{qty}} pcs") says "1 pcs".
    const raw = all.filter(([k, m]) => k !== 'units.quantity' && /\{\{\w+\}\}\s*(\{\{unit\}\}|pcs\b|pieces\b)/u.test(m));
    expect(raw.map(([k, m]) => `${k}: ${m}`)).toEqual([]);
    for (const key of ['pcs', 'set', 'pair', 'm', 'l', 'roll', 'box', 'pack', 'bag']) {
      expect(keys(`units.${key}`), key).toEqual([`units.${key}_one`, `units.${key}_other`]);
    }
  });

  const keys = (prefix: string) => all.map(([k]) => k).filter((k) => k.startsWith(`${prefix}_`));
});
