import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, cleanTextDeep, findTextProblem, textProblem } from './text-safety';

const HIGH = '\uD83D'; // first half of 😀 (U+1F600 = D83D DE00)
const LOW = '\uDE00'; // second half

describe('textProblem and cleanText: a table of hostile inputs', () => {
  // [what, input, problem, cleaned]
  const table: [string, string, 'control' | 'surrogate' | null, string][] = [
    ['empty', '', null, ''],
    ['plain ASCII', 'Anna Kovács, Example Kft.', null, 'Anna Kovács, Example Kft.'],
    ['tab, line feed, carriage return are text', 'a\tb\nc\r\nd', null, 'a\tb\nc\r\nd'],
    ['spaces at the ends are kept', '  x  ', null, '  x  '],
    ['NUL alone', '\u0000', 'control', ''],
    ['NUL inside', 'Kov\u0000ács', 'control', 'Kovács'],
    ['NUL at both ends', '\u0000Anna\u0000', 'control', 'Anna'],
    ['many NULs', '\u0000\u0000\u0000', 'control', ''],
    ['SOH STX ETX (scanner framing)', '\u0002ABC123\u0003', 'control', 'ABC123'],
    ['backspace, bell', 'a\u0008b\u0007c', 'control', 'abc'],
    ['vertical tab and form feed', 'a\u000Bb\u000Cc', 'control', 'abc'],
    ['escape sequence of a terminal', '\u001B[31mred\u001B[0m', 'control', '[31mred[0m'],
    ['GS and RS (GS1 and ISO 15434 separators)', '[)>\u001E06\u001DP123\u001D', 'control', '[)>06P123'],
    ['U+001F, the last C0', 'x\u001Fy', 'control', 'xy'],
    ['space U+0020 is text', 'x y', null, 'x y'],
    ['DEL U+007F is not refused', 'x\u007Fy', null, 'x\u007Fy'],
    ['C1 control U+0085 is not refused', 'x\u0085y', null, 'x\u0085y'],
    ['zero-width space and BOM are not controls', 'x\u200By\uFEFF', null, 'x\u200By\uFEFF'],
    ['U+FFFD replacement character is text', 'x\uFFFDy', null, 'x\uFFFDy'],
    ['an emoji (a surrogate pair) is kept', 'hi 😀', null, 'hi 😀'],
    ['astral CJK and a flag are kept', '𠀋 🇭🇺', null, '𠀋 🇭🇺'],
    ['lone high surrogate at the end', `Anna ${HIGH}`, 'surrogate', 'Anna '],
    ['lone high surrogate in the middle', `a${HIGH}b`, 'surrogate', 'ab'],
    ['lone low surrogate at the start', `${LOW}abc`, 'surrogate', 'abc'],
    ['low before high (reversed pair)', `${LOW}${HIGH}`, 'surrogate', ''],
    ['two highs then a low: the first is lone', `${HIGH}${HIGH}${LOW}`, 'surrogate', '😀'],
    ['a high, a low, a low: the second low is lone', `${HIGH}${LOW}${LOW}`, 'surrogate', '😀'],
    ['halves split by a NUL do not join', `${HIGH}\u0000${LOW}`, 'surrogate', ''],
    ['control before surrogate: the first one answers', `\u0001${HIGH}`, 'control', ''],
    ['surrogate before control: the first one answers', `${LOW}\u0001`, 'surrogate', ''],
    ['an emoji cut in half by a length limit', `Thanks ${'😀'.slice(0, 1)}`, 'surrogate', 'Thanks '],
    ['everything at once', `\u0000A${HIGH}B\tC\u001FD😀E${LOW}`, 'control', 'AB\tCD😀E'],
  ];

  it.each(table)('%s', (_what, input, problem, cleaned) => {
    expect(textProblem(input)).toBe(problem);
    const result = cleanText(input);
    expect(result.text).toBe(cleaned);
    expect(result.removed).toBe(input.length - cleaned.length);
    expect(textProblem(result.text)).toBeNull();
  });

  it('checks every C0 control: 29 refused, tab, line feed and carriage return kept', () => {
    const kept = [];
    for (let code = 0; code < 0x20; code += 1) {
      const c = String.fromCharCode(code);
      if (textProblem(c) === null) kept.push(code);
      else expect(textProblem(c)).toBe('control');
    }
    expect(kept).toEqual([0x09, 0x0a, 0x0d]);
  });

  it('checks every lone surrogate code unit', () => {
    for (let code = 0xd800; code <= 0xdfff; code += 1) {
      expect(textProblem(String.fromCharCode(code))).toBe('surrogate');
      expect(cleanText(`a${String.fromCharCode(code)}b`)).toEqual({ text: 'ab', removed: 1 });
    }
  });

  it('returns the same string when there is nothing to remove, and works on long text', () => {
    const long = 'Lorem ipsum 😀\n'.repeat(50_000);
    expect(cleanText(long).text).toBe(long);
    expect(cleanText(`${long}\u0000`)).toEqual({ text: long, removed: 1 });
  });
});

describe('properties of cleanText', () => {
  // Strings made of code units that include every troublesome kind, in any order.
  const hostile = fc.array(
    fc.oneof(
      fc.constantFrom('\u0000', '\u0001', '\u0009', '\u000A', '\u000B', '\u000D', '\u001F', '\u007F', HIGH, LOW, '\uDBFF', '\uDC00', 'a', 'é', ' ', '😀'),
      fc.string({ unit: 'binary' }),
    ),
  ).map((parts) => parts.join(''));

  it('leaves nothing unsafe, is idempotent, counts what it removed and keeps the rest in order', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const { text, removed } = cleanText(s);
        expect(textProblem(text)).toBeNull();
        expect(cleanText(text)).toEqual({ text, removed: 0 });
        expect(removed).toBe(s.length - text.length);
        expect(removed === 0).toBe(textProblem(s) === null);
        // A subsequence of the input: only code units were taken out, none added or moved.
        let i = 0;
        for (let j = 0; j < text.length; j += 1) {
          while (i < s.length && s[i] !== text[j]) i += 1;
          expect(i).toBeLessThan(s.length);
          i += 1;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing in well-formed text without controls', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const safe = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''); // eslint-disable-line no-control-regex
        expect(cleanText(safe)).toEqual({ text: safe, removed: 0 });
      }),
    );
  });

  it('agrees with the platform: clean text always has a UTF-8 form that decodes back to it', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const { text } = cleanText(s);
        expect(() => encodeURIComponent(text)).not.toThrow(); // it throws on an unpaired surrogate
        expect(new TextDecoder().decode(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });
});

describe('findTextProblem', () => {
  it('finds the first unsafe string in nested arrays and objects, with its path', () => {
    expect(findTextProblem('ok')).toBeNull();
    expect(findTextProblem(null)).toBeNull();
    expect(findTextProblem(42)).toBeNull();
    expect(findTextProblem({ name: 'Anna', phones: [{ number: '+36 1' }] })).toBeNull();
    expect(findTextProblem('a\u0000')).toEqual({ path: [], problem: 'control' });
    expect(findTextProblem({ name: 'Anna', phones: [{ number: '+36 1' }, { number: `2${HIGH}` }] })).toEqual({
      path: ['phones', 1, 'number'],
      problem: 'surrogate',
    });
    expect(findTextProblem([['x'], ['y', ['z\u0007']]])).toEqual({ path: [1, 1, 0], problem: 'control' });
  });

  it('looks at object keys too', () => {
    expect(findTextProblem({ answers: { 'q\u0000': 'yes' } })).toEqual({ path: ['answers', 'q\u0000'], problem: 'control' });
  });

  it('does not look into dates, maps or class instances', () => {
    class Box {
      constructor(readonly text = '\u0000') {}
    }
    expect(findTextProblem({ at: new Date(), box: new Box(), map: new Map([['k', '\u0000']]) })).toBeNull();
  });

  it('walks a value nested 100 000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 ? [deep] : { v: deep };
    const found = findTextProblem(deep);
    expect(found?.problem).toBe('control');
    expect(found?.path).toHaveLength(100_000);
    expect(cleanTextDeep(deep).removed).toBe(1);
  });

  it('stops at a cycle', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(findTextProblem(a)).toBeNull();
    a.bad = '\u0001';
    expect(findTextProblem(a)?.path).toEqual(['bad']);
  });
});

describe('cleanTextDeep', () => {
  it('cleans every string and key, and keeps everything else of the value', () => {
    const blob = new Blob(['x']);
    const at = new Date('2025-01-01T00:00:00Z');
    const input = {
      name: 'Example\u0000 Kft',
      creditLimit: 1000,
      archivedAt: null,
      vip: true,
      tags: ['a\u0001', 'b', `c${LOW}`],
      phones: [{ kind: 'work', number: '+36\u0000 1 234' }],
      answers: { 'q\u0002': 'yes 😀' },
      file: { name: 'card\u0007.jpg', blob },
      at,
      missing: undefined,
    };
    const { value, removed } = cleanTextDeep(input);
    expect(removed).toBe(6);
    expect(value).toEqual({
      name: 'Example Kft',
      creditLimit: 1000,
      archivedAt: null,
      vip: true,
      tags: ['a', 'b', 'c'],
      phones: [{ kind: 'work', number: '+36 1 234' }],
      answers: { q: 'yes 😀' },
      file: { name: 'card.jpg', blob },
      at,
      missing: undefined,
    });
    expect(value.file.blob).toBe(blob);
    expect(value.at).toBe(at);
    expect(input.name).toBe('Example\u0000 Kft'); // the caller's value is not changed
  });

  it('returns the same reference when there is nothing to clean', () => {
    const input = { name: 'Anna', tags: ['x'] };
    expect(cleanTextDeep(input).value).toBe(input);
    expect(cleanTextDeep('plain')).toEqual({ value: 'plain', removed: 0 });
    expect(cleanTextDeep(7)).toEqual({ value: 7, removed: 0 });
  });

  it('keeps a "__proto__" key as a key', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "x\\u0000"}, "a": "\\u0000"}') as Record<string, unknown>;
    const { value } = cleanTextDeep(parsed);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
