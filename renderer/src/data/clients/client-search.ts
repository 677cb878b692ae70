/**
 * In-memory search over the client list projection. The whole base (100k clients) is searched
 * on every keystroke, so the list reads one compact row per client at start-up and then scans
 * folded text in memory: a scan of 100k short strings takes a few milliseconds, where any
 * IndexedDB query with a count would take tens to hundreds.
 */
import type { ClientStatus } from '../../../../core/client-model';
import { isEmptyQuery, matchesHaystack, parseQuery, type SearchQuery } from '../../../../core/search-text';
import type { ClientListRow } from './client-list-row';
import { PrefixIndexBuilder, digitCandidates, prefixCandidates, type PrefixLists } from './prefix-index';

export interface ClientFilters {
  statuses: ClientStatus[];
  segment: string | null;
  city: string | null;
  ownerId: string | null;
  tags: string[];
  /** false: active base only; true: the archive only. */
  archived: boolean;
}

export const NO_FILTERS: ClientFilters = { statuses: [], segment: null, city: null, ownerId: null, tags: [], archived: false };

export const CLIENT_SORTS = ['name', 'city', 'overdue', 'updated'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export interface SearchResult {
  /** Positions into `rows`, in display order. */
  positions: Int32Array;
  rows: readonly ClientListRow[];
  query: string;
}

export interface Facets {
  cities: string[];
  tags: string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARATORS: Record<ClientSort, (a: ClientListRow, b: ClientListRow) => number> = {
  name: (a, b) => byString(a.key, b.key) || byString(a.id, b.id),
  city: (a, b) => byString(a.city.toLowerCase(), b.city.toLowerCase()) || COMPARATORS.name(a, b),
  overdue: (a, b) => b.overdueDays - a.overdueDays || b.overdue - a.overdue || COMPARATORS.name(a, b),
  updated: (a, b) => byString(b.updatedAt, a.updatedAt) || COMPARATORS.name(a, b),
};

function passesFilters(row: ClientListRow, f: ClientFilters): boolean {
  if (row.archived !== f.archived) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(row.status)) return false;
  if (f.segment && row.segment !== f.segment) return false;
  if (f.city && row.city !== f.city) return false;
  if (f.ownerId && row.ownerId !== f.ownerId) return false;
  for (const tag of f.tags) if (!row.tags.includes(tag)) return false;
  return true;
}

const isUnfiltered = (f: ClientFilters) =>
  !f.archived && f.statuses.length === 0 && !f.segment && !f.city && !f.ownerId && f.tags.length === 0;

/**
 * Whether every row matching `next` also matches `prev`, so that `next` only needs to scan the
 * results of `prev` (typing one more letter narrows the previous results).
 */
function narrows(prev: SearchQuery, next: SearchQuery): boolean {
  if (prev.digits !== null || next.digits !== null) {
    return prev.digits !== null && next.digits !== null && next.digits.includes(prev.digits);
  }
  if (next.words.length < prev.words.length) return false;
  return prev.words.every((oldAlts, i) => next.words[i]!.every((alt) => oldAlts.some((old) => alt.startsWith(old))));
}

/** Rows that may match a query: positions from prefix lists, exact when none needs checking. */
interface Candidates {
  lists: Int32Array[];
  size: number;
  exact: boolean;
}

/** Rows changed since the prefix lists were built before rebuilding them beats checking them. */
const MAX_DIRTY_ROWS = 2000;

export class ClientSearch {
  private rows: ClientListRow[] = [];
  /**
   * Word-prefix lists over `rows` (prefix-index.ts), built in slices by buildIndex(). Rows
   * changed since (in place, added, or moved into a removed row's place) are in `dirty`: the
   * lists may be wrong for exactly those positions, so searches check them on their own.
   */
  private index: { lists: PrefixLists; dirty: Set<number> } | null = null;
  private builder: { version: number; builder: PrefixIndexBuilder } | null = null;
  private positionById = new Map<string, number>();
  private orders = new Map<ClientSort, Int32Array>();
  /** 1 for an archived row, by position: the usual filter, without touching row objects. */
  private archivedCache: Uint8Array | null = null;
  private facetCache: Facets | null = null;
  private last: { query: SearchQuery; filters: ClientFilters; sort: ClientSort; version: number; positions: Int32Array } | null = null;
  private listeners = new Set<() => void>();
  /** Changes whenever any row changes; what React subscribes to. */
  version = 0;
  /** Highest local revision applied (see ClientListRow.rev). */
  maxRev = 0;
  /** Rows applied since the list was last saved as a snapshot (see list-snapshot.ts). */
  unsavedRows = 0;

  get size(): number {
    return this.rows.length;
  }

  /** Clients in the list as it shows by default: archived ones (and rows of clients gone) not counted. */
  get activeSize(): number {
    let archived = 0;
    for (const a of this.archived()) archived += a;
    return this.rows.length - archived;
  }

  /**
   * Starts an empty list from a snapshot: rows already in name order (so the first screen
   * needs no sort), at local revision `rev`. The list takes the array over.
   */
  load(rows: ClientListRow[], rev: number): void {
    if (this.rows.length > 0) throw new Error('load() starts an empty list');
    this.rows = rows;
    rows.forEach((row, i) => this.positionById.set(row.id, i));
    this.orders.set('name', Int32Array.from(rows.keys()));
    this.maxRev = rev;
    this.changed();
  }

  /** Empties the list, to load it again (client-base.ts: another window replaced the rows). */
  clear(): void {
    this.rows = [];
    this.positionById.clear();
    this.orders.clear();
    this.index = null;
    this.builder = null;
    this.maxRev = 0;
    this.unsavedRows = 0;
    this.changed();
  }

  /** The rows in name order and the revision they are at: what a snapshot saves. */
  snapshot(): { rows: ClientListRow[]; rev: number } {
    this.unsavedRows = 0;
    return { rows: Array.from(this.order('name'), (p) => this.rows[p]!), rev: this.maxRev };
  }

  /** Adds or replaces rows (by id); a `gone` row removes its client. */
  apply(rows: readonly ClientListRow[]): void {
    if (rows.length === 0) return;
    this.unsavedRows += rows.length;
    const dirty = rows.length <= MAX_DIRTY_ROWS ? this.index?.dirty : undefined;
    if (!dirty) this.index = null;
    for (const row of rows) {
      const at = this.positionById.get(row.id);
      if (row.gone) {
        if (at !== undefined) {
          this.removeAt(at);
          dirty?.add(at); // the last row moved into its place
        }
      } else if (at === undefined) {
        dirty?.add(this.rows.length);
        this.positionById.set(row.id, this.rows.length);
        this.rows.push(row);
      } else {
        dirty?.add(at);
        this.rows[at] = row;
      }
      if (row.rev > this.maxRev) this.maxRev = row.rev;
    }
    if (dirty && dirty.size > MAX_DIRTY_ROWS) this.index = null;
    this.orders.clear();
    this.changed();
  }

  /** Whether buildIndex() has work to do. */
  get needsIndex(): boolean {
    return this.index === null && this.rows.length > 0;
  }

  /**
   * Builds the word-prefix lists, `rows` rows per call (the caller spreads the calls over idle
   * time); returns true once they are in use. Rows that change meanwhile restart the build.
   */
  buildIndex(rows = 10_000): boolean {
    if (!this.needsIndex) return true;
    if (this.builder?.version !== this.version) {
      this.builder = { version: this.version, builder: new PrefixIndexBuilder(this.rows.map((r) => r.hay)) };
    }
    const { builder } = this.builder;
    builder.step(rows);
    if (!builder.done) return false;
    this.index = { lists: builder.result(), dirty: new Set() };
    this.builder = null;
    return true;
  }

  private changed(): void {
    this.archivedCache = null;
    this.facetCache = null;
    this.last = null;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Removes the row at a position by moving the last row into its place. */
  private removeAt(at: number): void {
    const last = this.rows.pop()!;
    this.positionById.delete(this.rows.length === at ? last.id : this.rows[at]!.id);
    if (at < this.rows.length) {
      this.rows[at] = last;
      this.positionById.set(last.id, at);
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private order(sort: ClientSort): Int32Array {
    let order = this.orders.get(sort);
    if (!order) {
      const rows = this.rows;
      const compare = COMPARATORS[sort];
      const positions = Array.from({ length: rows.length }, (_, i) => i);
      positions.sort((a, b) => compare(rows[a]!, rows[b]!));
      order = Int32Array.from(positions);
      this.orders.set(sort, order);
    }
    return order;
  }

  search(text: string, filters: ClientFilters, sort: ClientSort): SearchResult {
    const query = parseQuery(text);
    const rows = this.rows;
    let positions: Int32Array;
    if (isEmptyQuery(query) && isUnfiltered(filters)) {
      // The common first screen: everything, no scan. Archived rows are rare; drop them.
      const archived = this.archived();
      positions = this.order(sort).filter((p) => archived[p] === 0);
    } else {
      const last = this.last;
      const narrowed =
        last && last.version === this.version && last.sort === sort && last.filters === filters && narrows(last.query, query)
          ? last.positions
          : null;
      const candidates = this.candidates(query);
      positions =
        candidates && (!narrowed || candidates.size < narrowed.length)
          ? this.collect(candidates, query, filters, sort)
          : this.scan(narrowed ?? this.order(sort), query, filters);
    }
    this.last = { query, filters, sort, version: this.version, positions };
    return { positions, rows, query: text };
  }

  /**
   * Some rows matching a query, archived ones included, at most `limit`, in no particular order:
   * the duplicate check of lead capture, which ranks them itself. It stops at `limit` instead of
   * finding and sorting every match (a company word can match thousands of rows), and leaves
   * the list's own search state alone. `budget`: at most this many rows are checked (a task that
   * looks up thousands of texts bounds each one's work; the form's look-ups have none).
   */
  lookup(text: string, limit: number, budget = Infinity): ClientListRow[] {
    const query = parseQuery(text);
    if (isEmptyQuery(query)) return [];
    const out: ClientListRow[] = [];
    let checked = 0;
    const take = (p: number) => {
      const row = this.rows[p];
      if (row && matchesHaystack(row.hay, query) && !out.includes(row)) out.push(row);
      return out.length >= limit || ++checked >= budget;
    };
    const candidates = this.candidates(query);
    if (!candidates) {
      for (let p = 0; p < this.rows.length; p++) if (take(p)) break;
      return out;
    }
    for (const list of candidates.lists) for (const p of list) if (take(p)) return out;
    return out;
  }

  /** Every row, in no particular order (to index them for a task of thousands of look-ups). */
  allRows(): readonly ClientListRow[] {
    return this.rows;
  }

  /**
   * The rows by each digit form of their numbers ("36301234567", "06301234567", "301234567"):
   * an exact look-up of a whole number for a task that looks up thousands of them (a .vcf
   * import), where `lookup`'s search for digits anywhere in every number would read all the
   * numbers each time. Built on call, from the rows as they are.
   */
  rowsByDigits(): Map<string, ClientListRow[]> {
    const out = new Map<string, ClientListRow[]>();
    for (const row of this.rows) {
      const at = row.hay.indexOf('\u0001');
      if (at < 0) continue;
      for (const digits of row.hay.slice(at + 1).split(' ')) {
        if (!digits) continue;
        const list = out.get(digits);
        if (!list) out.set(digits, [row]);
        else if (list[list.length - 1] !== row) list.push(row);
      }
    }
    return out;
  }

  /** Every row of `scan` (positions in display order) that passes the filters and the query. */
  private scan(scan: Int32Array, query: SearchQuery, filters: ClientFilters): Int32Array {
    const rows = this.rows;
    const out = new Int32Array(scan.length);
    let n = 0;
    const empty = isEmptyQuery(query);
    for (let i = 0; i < scan.length; i++) {
      const p = scan[i]!;
      const row = rows[p]!;
      if (passesFilters(row, filters) && (empty || matchesHaystack(row.hay, query))) out[n++] = p;
    }
    return out.slice(0, n);
  }

  /**
   * The rows that may match a query, from the prefix lists: for words, those of the query word
   * with the fewest (one list per way of writing it); for phone digits, the rows whose numbers
   * contain them; plus every row changed since the lists were built. Null when the lists are
   * not built yet or the query is empty.
   */
  private candidates(query: SearchQuery): Candidates | null {
    const index = this.index;
    if (!index) return null;
    let best: Candidates | null = null;
    if (query.digits) {
      const rows = digitCandidates(index.lists, query.digits);
      best = { lists: [rows], size: rows.length, exact: true };
    } else {
      for (const alternatives of query.words) {
        const found = alternatives.map((alt) => prefixCandidates(index.lists, alt));
        const size = found.reduce((n, f) => n + f.rows.length, 0);
        if (!best || size < best.size) best = { lists: found.map((f) => f.rows), size, exact: found.every((f) => f.exact) };
      }
      if (best) best.exact &&= query.words.length === 1;
    }
    if (!best) return null;
    if (index.dirty.size === 0) return best;
    return { lists: [...best.lists, Int32Array.from(index.dirty)], size: best.size + index.dirty.size, exact: false };
  }

  /** The candidates that match and pass the filters, in the display order of `sort`. */
  private collect(candidates: Candidates, query: SearchQuery, filters: ClientFilters, sort: ClientSort): Int32Array {
    const rows = this.rows;
    const seen = new Uint8Array(rows.length); // 1: a result, 2: checked and not
    // Exact candidates with no filter but the archive's are decided without reading a row.
    const archived = isUnfiltered(filters) ? this.archived() : null;
    let count = 0;
    for (const list of candidates.lists) {
      for (const p of list) {
        // Positions past the end belonged to rows removed since the lists were built.
        if (p >= rows.length || seen[p] !== 0) continue;
        const hit =
          archived && candidates.exact
            ? archived[p] === 0
            : (candidates.exact || matchesHaystack(rows[p]!.hay, query)) && passesFilters(rows[p]!, filters);
        seen[p] = hit ? 1 : 2;
        if (hit) count++;
      }
    }
    const out = new Int32Array(count);
    if (count === 0) return out;
    let n = 0;
    for (const p of this.order(sort)) if (seen[p] === 1) out[n++] = p;
    return out;
  }

  private archived(): Uint8Array {
    if (!this.archivedCache) this.archivedCache = Uint8Array.from(this.rows, (r) => (r.archived ? 1 : 0));
    return this.archivedCache;
  }

  /** Values offered in the city and tag filters. */
  facets(): Facets {
    if (!this.facetCache) {
      const cities = new Set<string>();
      const tags = new Set<string>();
      for (const row of this.rows) {
        if (row.city) cities.add(row.city);
        for (const tag of row.tags) tags.add(tag);
      }
      const collator = new Intl.Collator();
      this.facetCache = { cities: [...cities].sort(collator.compare), tags: [...tags].sort(collator.compare) };
    }
    return this.facetCache;
  }
}
