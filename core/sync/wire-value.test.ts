import { describe, expect, it } from 'vitest';
import { MAX_VALUE_DEPTH, jsonPieces, valueProblem } from './wire-value';

const nested = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe('valueProblem', () => {
  it.each<[string, unknown, ReturnType<typeof valueProblem>]>([
    ['plain text', 'Müller & Co — 東京 👩‍💼', null],
    ['tab, newline and return', 'a\tb\nc\r', null],
    ['a NUL', 'a\u0000b', 'text_control'],
    ['an escape character', '\u001b[31m', 'text_control'],
    ['a lone high surrogate', 'half \uD83D', 'text_surrogate'],
    ['a lone low surrogate deep in an array', [1, ['ok', '\uDC00']], 'text_surrogate'],
    ['a NUL in a key', { 'a\u0000': 1 }, 'text_control'],
    ['the largest exact number', Number.MAX_SAFE_INTEGER, null],
    ['a number beyond 2^53', 2 ** 53 + 2, 'number_range'],
    ['a negative one', -(2 ** 60), 'number_range'],
    ['a decimal', 12.5, null],
    ['nested to the limit', nested(MAX_VALUE_DEPTH), null],
    ['nested past it', nested(MAX_VALUE_DEPTH + 1), 'too_deep'],
    ['nested 100 000 levels', nested(100_000), 'too_deep'],
    ['null, booleans, empty containers', [null, true, false, [], {}], null],
  ])('%s', (_what, value, problem) => {
    expect(valueProblem(value)).toBe(problem);
  });
});

describe('jsonPieces', () => {
  it('writes what JSON.stringify writes', () => {
    for (const v of [1, 'a"b\n', null, true, [], {}, [1, [2, { a: [3], 'b"': null }], 'x'], { x: { y: [true, false] }, z: -2.5 }]) {
      expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v));
    }
  });

  it('writes a value nested 100 000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect([...jsonPieces(deep)].join('')).toBe('['.repeat(100_000) + '"x"' + ']'.repeat(100_000));
  });
});
