/**
 * Text the company's PostgreSQL cannot store, found and removed.
 *
 * Two kinds of character are refused everywhere a text value is kept:
 * - `control`: a C0 control character, U+0000–U+001F, except tab (U+0009), line feed (U+000A)
 *   and carriage return (U+000D). PostgreSQL refuses NUL in `text` and in `jsonb`; the others
 *   are refused with it because no person means to write them (they arrive pasted from another
 *   program, from a file or a scanned code) and they are invisible where they end up.
 *   DEL (U+007F) and the C1 controls (U+0080–U+009F) are not refused.
 * - `surrogate`: an unpaired UTF-16 surrogate, i.e. a high surrogate (U+D800–U+DBFF) not
 *   followed by a low one, or a low surrogate (U+DC00–U+DFFF) not preceded by a high one. Such a
 *   string has no UTF-8 form. A high surrogate followed by a low one is one character (an emoji,
 *   a rare CJK ideograph) and is kept.
 *
 * The laptop removes such characters as they arrive (forms, files, scans); the server refuses a
 * value that holds one. Everything here is pure and works on any JavaScript string.
 */

export type TextProblem = 'control' | 'surrogate';

// Written without the `u` flag on purpose: the pattern works on UTF-16 code units, so it can see
// a surrogate that has no partner (with `u`, a lone surrogate is matched only as a whole "code
// point" and a pair could not be told from two halves). Every match is exactly one code unit.
const UNSAFE_SOURCE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.source;
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');

/**
 * What is wrong with `s`, or null when it can be stored as it is: the kind of its first (leftmost)
 * unsafe character. A string with both kinds answers for the one that comes first.
 */
export function textProblem(s: string): TextProblem | null {
  const match = UNSAFE.exec(s);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return code >= 0xd800 ? 'surrogate' : 'control';
}

/**
 * `s` without its unsafe characters, and how many were removed (each is one UTF-16 code unit, so
 * `removed === s.length - text.length`). Everything else is kept exactly, in order: tabs, line
 * breaks, emoji, spaces at either end. The result never has a problem (`textProblem(text) === null`),
 * and a string with none comes back as the same string.
 */
export function cleanText(s: string): { text: string; removed: number } {
  if (!UNSAFE.test(s)) return { text: s, removed: 0 };
  const text = s.replace(UNSAFE_ALL, '');
  return { text, removed: s.length - text.length };
}

/** Arrays and plain objects (what JSON and zod give): the containers the deep functions look into. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Where in a value the first unsafe text is: the keys and indexes leading to it, and its kind. */
export interface TextProblemAt {
  /** Keys and array indexes from the value's top; an object key that is itself unsafe ends the path. */
  path: (string | number)[];
  problem: TextProblem;
}

/**
 * The first unsafe string in `value` (a string, or arrays and plain objects holding strings, as
 * parsed from JSON), looking at object keys too; null when there is none. "First" is in a
 * depth-first walk in order, an object's keys checked before its values. Other values (numbers,
 * dates, blobs, class instances) are not looked into. Walks without recursion, so a value nested
 * thousands of levels deep does not overflow the stack, and visits each object once.
 */
export function findTextProblem(value: unknown): TextProblemAt | null {
  // Each entry links to its parent's, so the path is built only for the value that has a problem.
  interface Step {
    value: unknown;
    key: string | number | null;
    parent: Step | null;
  }
  const pathOf = (step: Step, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at: Step | null = step; at && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Step[] = [{ value, key: null, parent: null }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: pathOf(step), problem };
      continue;
    }
    if (!isContainer(current) || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], key: i, parent: step });
      continue;
    }
    const keys = Object.keys(current);
    for (const key of keys) {
      const problem = textProblem(key);
      if (problem) return { path: pathOf(step, key), problem };
    }
    for (let i = keys.length - 1; i >= 0; i -= 1) stack.push({ value: current[keys[i]!], key: keys[i]!, parent: step });
  }
  return null;
}

/**
 * `value` with `cleanText` applied to every string in it (object keys too), and the number of
 * characters removed in all. When something is removed, the arrays and plain objects are copied
 * (with the same prototype, own enumerable keys only); a value with nothing to remove comes back
 * as the same reference. Other values (numbers, dates, blobs) are kept as they are. Two keys that
 * become equal once cleaned keep the later one's value. Walks without recursion.
 */
export function cleanTextDeep<T>(value: T): { value: T; removed: number } {
  if (typeof value === 'string') {
    const { text, removed } = cleanText(value);
    return { value: text as T, removed };
  }
  if (!isContainer(value) || findTextProblem(value) === null) return { value, removed: 0 };
  let removed = 0;
  type Container = Record<string, unknown> | unknown[];
  const copies = new Map<Container, Container>();
  const pending: [Container, Container][] = [];
  const cleaned = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const result = cleanText(item);
      removed += result.removed;
      return result.text;
    }
    if (!isContainer(item)) return item;
    let copy = copies.get(item);
    if (!copy) {
      copy = Array.isArray(item) ? [] : (Object.create(Object.getPrototypeOf(item) as object | null) as Record<string, unknown>);
      copies.set(item, copy);
      pending.push([item, copy]);
    }
    return copy;
  };
  const top = cleaned(value);
  while (pending.length > 0) {
    const [source, copy] = pending.pop()!;
    if (Array.isArray(source)) {
      for (const item of source) (copy as unknown[]).push(cleaned(item));
      continue;
    }
    for (const [key, item] of Object.entries(source)) {
      // defineProperty, not assignment: a "__proto__" key (JSON.parse makes it an own property)
      // stays a key instead of replacing the copy's prototype.
      Object.defineProperty(copy, cleaned(key) as string, { value: cleaned(item), enumerable: true, writable: true, configurable: true });
    }
  }
  return { value: top as T, removed };
}
