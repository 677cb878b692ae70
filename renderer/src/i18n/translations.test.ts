/**
 * Every language says everything English says: the same keys, the same placeholders, and every
 * plural message in all the forms its language needs (CLDR: Russian one/few/many/other,
 * Indonesian and Malay other alone). A key missing here would show the English text on a
 * Russian screen; a placeholder missing would drop a name or a figure from the sentence.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { english, loadMessages, type Messages } from './resources';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(node: Messages, path: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string') out.set([...path, k].join('.'), v);
    else for (const [kk, vv] of flatten(v, [...path, k])) out.set(kk, vv);
  }
  return out;
}

/** The placeholders and nested messages of a text, sorted ("{{count}}", "$t(units.pcs)"). */
function slots(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}|\$t\(([^),]+)/g)].map((m) => m[1] ?? `$t(${m[2]})`).sort();
}

/** English keys grouped by message: a plural message is its base key ("capture.capturedHere"). */
function messageKeys(flat: Map<string, string>): Map<string, { plural: boolean; texts: string[] }> {
  const out = new Map<string, { plural: boolean; texts: string[] }>();
  for (const [key, text] of flat) {
    const plural = PLURAL.test(key);
    const base = key.replace(PLURAL, '');
    const entry = out.get(base) ?? { plural, texts: [] };
    entry.texts.push(text);
    out.set(base, entry);
  }
  return out;
}

const englishFlat = flatten(english);
const englishMessages = messageKeys(englishFlat);

describe.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => [l.code, l.name]))('%s (%s)', (code) => {
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;

  it('has every message English has, and none English has not', async () => {
    const flat = flatten(await loadMessages(code as never));
    const bases = new Set([...flat.keys()].map((k) => k.replace(PLURAL, '')));
    expect([...englishMessages.keys()].filter((k) => !bases.has(k)), 'missing').toEqual([]);
    expect([...bases].filter((k) => !englishMessages.has(k)), 'not in English').toEqual([]);
  });

  it(`says every plural message in its forms (${categories.join(', ')}, and zero where English has one) and no other`, async () => {
    const flat = flatten(await loadMessages(code as never));
    const wrong: string[] = [];
    for (const [base, { plural }] of englishMessages) {
      if (!plural) {
        if (!flat.has(base)) continue; // reported as missing above
        continue;
      }
      const forms = [...flat.keys()].filter((k) => k.replace(PLURAL, '') === base).map((k) => k.match(PLURAL)![1]);
      // "_zero" is i18next's own form for a count of 0 in every language ("Due on receipt", not
      // "0 days"): where English has one, every language needs it besides its CLDR forms.
      const zero = englishFlat.has(`${base}_zero`) && !categories.includes('zero') ? ['zero'] : [];
      const need = [...categories, ...zero].sort();
      if (forms.sort().join() !== need.join()) wrong.push(`${base}: has ${forms.join('/')}, needs ${need.join('/')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the placeholders of every message', async () => {
    const flat = flatten(await loadMessages(code as never));
    const wrong: string[] = [];
    for (const [key, text] of flat) {
      const base = key.replace(PLURAL, '');
      const source = englishMessages.get(base);
      if (!source) continue;
      // Every form says the count: Russian "one" is also 21 and 101, Hindi "one" also 0.
      const expected = [...new Set(source.texts.flatMap(slots))].sort();
      const got = [...new Set(slots(text))].sort();
      // "_zero" says 0 in words ("Due on receipt"); every other form says its count.
      const missing = expected.filter((s) => !got.includes(s) && !(key.endsWith('_zero') && s === 'count'));
      const extra = got.filter((s) => !expected.includes(s));
      if (missing.length || extra.length) wrong.push(`${key}: missing ${missing.join(',') || '-'}; unknown ${extra.join(',') || '-'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is translated: no message left identical to a long English one', async () => {
    const flat = flatten(await loadMessages(code as never));
    // Short words (product names, "OK", "PDF", units) may rightly be the same.
    const same = [...flat].filter(([key, text]) => /\p{L}{4,}\s+\p{L}{3,}\s+\p{L}{3,}/u.test(text) && englishFlat.get(key) === text);
    expect(same.map(([k]) => k)).toEqual([]);
  });
});

describe('the plural rules the checks rely on', () => {
  it('Russian needs one/few/many/other, Indonesian and Malay only other, Hindi one/other with 0 as one', () => {
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(new Intl.PluralRules('id').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(new Intl.PluralRules('ms').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(new Intl.PluralRules('hi').select(0)).toBe('one');
    expect(new Intl.PluralRules('ru').select(1.5)).toBe('other');
  });
});
