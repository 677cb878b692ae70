/**
 * What any pushed value must be before a field schema even looks at it, whatever the field: JSON
 * that PostgreSQL can store and that nothing on the way can choke on. A NUL or an unpaired
 * surrogate in text, a value nested thousands of levels deep or a number beyond 2^53 used to
 * fail the whole push with a 500 on every retry, so one bad value stopped a laptop's sync for
 * good; checked here, it refuses that one operation with a reason and the others apply.
 */
import { textProblem } from '../text-safety';

/** Deeper than any record's value (an offer line's price snapshot is 4 levels down). */
export const MAX_VALUE_DEPTH = 16;

export type ValueProblem = 'text_control' | 'text_surrogate' | 'too_deep' | 'number_range' | 'not_json';

/** Why `value` cannot be stored, or null. Walks it without recursion (depth is what is checked). */
export function valueProblem(value: unknown): ValueProblem | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return problem === 'control' ? 'text_control' : 'text_surrogate';
      continue;
    }
    if (typeof v === 'number') {
      // Beyond 2^53 a number is no longer exact: a sum of money or a count would change silently.
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) return 'number_range';
      continue;
    }
    if (typeof v !== 'object') return 'not_json';
    if (depth >= MAX_VALUE_DEPTH) return 'too_deep';
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ v: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      const problem = textProblem(key);
      if (problem) return problem === 'control' ? 'text_control' : 'text_surrogate';
      stack.push({ v: item, depth: depth + 1 });
    }
  }
  return null;
}

/** The reason given to the person (and the laptop) for each problem. */
export const VALUE_PROBLEM_DETAIL: Record<ValueProblem, string> = {
  text_control: 'contains an invisible control character (such as NUL)',
  text_surrogate: 'contains a broken character (an unpaired UTF-16 surrogate)',
  too_deep: `is nested more than ${MAX_VALUE_DEPTH} levels deep`,
  number_range: 'holds a number beyond 2^53',
  not_json: 'is not a JSON value',
};

/**
 * The JSON text of `value` in pieces, written without recursion: a value nested thousands of
 * levels deep (refused per operation, but still part of the batch) must not overflow the stack
 * where the server fingerprints a batch. Object keys in their order, as JSON.stringify.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'symbol') {
      yield v.description!;
      continue;
    }
    if (v === null || typeof v !== 'object') {
      yield JSON.stringify(v) ?? 'null';
      continue;
    }
    const entries = Array.isArray(v) ? v.map((item) => [null, item] as const) : Object.entries(v);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    // Pushed in reverse, so that they come out in order: open, items with separators, close.
    stack.push(Symbol(close));
    entries.reverse().forEach(([key, item], i) => {
      stack.push(item);
      if (key !== null) stack.push(Symbol(`${JSON.stringify(key)}:`));
      if (i < entries.length - 1) stack.push(Symbol(','));
    });
    yield open;
  }
}
