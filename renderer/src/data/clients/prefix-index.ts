/**
 * Word-prefix posting lists for the client search: for every one-, two- and three-letter word
 * start in the haystacks (core/search-text.ts), the positions of the rows that have it.
 *
 * Why: the first letters of a query match tens of thousands of rows, and finding them by
 * scanning 100k haystacks costs 100+ ms on a modest laptop, on exactly the keystrokes a person
 * types first. With these lists a word of up to three letters is answered exactly without
 * reading a haystack, and a longer word only checks the rows that have its first three letters
 * (with two-letter lists only, a three-letter word like "din" still checked ~47k haystacks of
 * the 100k demo base: the slowest keystrokes of the benchmark).
 *
 * A haystack word starts after a space, and a query word matches with `includes(' ' + word)`;
 * indexing every space followed by a character, over the whole haystack (digit section too),
 * makes a list exactly the rows that `includes` would find for that one- or two-letter word.
 */

const SPACE = 32;

/** Lists of row positions, ascending, by one-letter key (its char code) and two-letter key. */
export interface PrefixLists {
  one: Map<number, Int32Array>;
  two: Map<number, Int32Array>;
  three: Map<number, Int32Array>;
  /**
   * For phone and tax-id queries, matched anywhere inside a number rather than at a word start:
   * every row's ASCII digit runs, the rows joined with '|'. All ASCII, so the browser keeps it as
   * a one-byte string and `indexOf` runs through all 100k rows' digits in a few milliseconds.
   * A digit query occurs in a haystack exactly where it occurs in one of its digit runs.
   */
  digits: string;
  /** Where each row's part of `digits` starts; one more entry marks the end. */
  digitStarts: Int32Array;
}

const DIGIT_RUNS = /[0-9]+/g;

const twoKey = (a: number, b: number) => a * 65536 + b;
// Char codes are below 2^16, so the key stays below 2^48: exact as a JS number.
const threeKey = (a: number, b: number, c: number) => twoKey(a, b) * 65536 + c;

/**
 * Builds the lists a slice of rows at a time, so that building them for 100k rows never holds
 * the window for long (see ClientSearch.buildIndex).
 */
export class PrefixIndexBuilder {
  private next = 0;
  private readonly one = new Map<number, number[]>();
  private readonly two = new Map<number, number[]>();
  private readonly three = new Map<number, number[]>();
  private readonly digitParts: string[] = [];

  constructor(private readonly hays: readonly string[]) {}

  get done(): boolean {
    return this.next >= this.hays.length;
  }

  /** Indexes up to `count` more rows. */
  step(count: number): void {
    const end = Math.min(this.hays.length, this.next + count);
    for (let row = this.next; row < end; row++) this.addRow(row, this.hays[row]!);
    this.next = end;
  }

  private addRow(row: number, hay: string): void {
    this.digitParts.push((hay.match(DIGIT_RUNS) ?? []).join(' '));
    const last = hay.length - 1;
    for (let p = hay.indexOf(' '); p >= 0 && p < last; p = hay.indexOf(' ', p + 1)) {
      const a = hay.charCodeAt(p + 1);
      if (a === SPACE) continue;
      push(this.one, a, row);
      const b = p + 2 <= last ? hay.charCodeAt(p + 2) : SPACE;
      if (b === SPACE) continue;
      push(this.two, twoKey(a, b), row);
      const c = p + 3 <= last ? hay.charCodeAt(p + 3) : SPACE;
      if (c !== SPACE) push(this.three, threeKey(a, b, c), row);
    }
  }

  result(): PrefixLists {
    const typed = (m: Map<number, number[]>) => new Map([...m].map(([k, list]) => [k, Int32Array.from(list)] as const));
    const digitStarts = new Int32Array(this.digitParts.length + 1);
    let at = 0;
    this.digitParts.forEach((part, row) => {
      digitStarts[row] = at;
      at += part.length + 1;
    });
    digitStarts[this.digitParts.length] = at;
    return { one: typed(this.one), two: typed(this.two), three: typed(this.three), digits: this.digitParts.join('|'), digitStarts };
  }
}

/** Appends a row to a list once: rows are added in ascending order, so a repeat is the last. */
function push(lists: Map<number, number[]>, key: number, row: number): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [row]);
  else if (list[list.length - 1] !== row) list.push(row);
}

const EMPTY = new Int32Array(0);

/**
 * The rows that may contain `alt` (a query word with its leading space, as parseQuery makes
 * them), and whether every one of them does: exact for words of up to three letters.
 */
export function prefixCandidates(lists: PrefixLists, alt: string): { rows: Int32Array; exact: boolean } {
  const a = alt.charCodeAt(1);
  if (alt.length === 2) return { rows: lists.one.get(a) ?? EMPTY, exact: true };
  const b = alt.charCodeAt(2);
  if (alt.length === 3) return { rows: lists.two.get(twoKey(a, b)) ?? EMPTY, exact: true };
  return { rows: lists.three.get(threeKey(a, b, alt.charCodeAt(3))) ?? EMPTY, exact: alt.length === 4 };
}

/** The rows whose digit runs contain `digits` (all ASCII digits), ascending. Exact. */
export function digitCandidates(lists: PrefixLists, digits: string): Int32Array {
  const { digits: text, digitStarts: starts } = lists;
  const rows: number[] = [];
  let row = 0;
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, starts[row + 1]!)) {
    while (starts[row + 1]! <= at) row++;
    rows.push(row);
    if (row + 1 >= starts.length - 1) break; // the last row: nothing after it
  }
  return Int32Array.from(rows);
}
