/**
 * In-memory search over the client list projection. The whole base (100k clients) is searched
 * on every keystroke, so the list reads one compact row per client at start-up and then scans
 * folded text in memory: a scan of 100k short strings takes a few milliseconds, where any
 * IndexedDB query with a count would take tens to hundreds.
 */
import type { ClientStatus } from '../../../core/client-model';
import { isEmptyQuery, matchesHaystack, parseQuery, type SearchQuery } from '../../../core/search-text';
import type { ClientListRow } from './client-list-row';

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

export class ClientSearch {
  private rows: ClientListRow[] = [];
  private positionById = new Map<string, number>();
  private orders = new Map<ClientSort, Int32Array>();
  private facetCache: Facets | null = null;
  private last: { query: SearchQuery; filters: ClientFilters; sort: ClientSort; version: number; positions: Int32Array } | null = null;
  private listeners = new Set<() => void>();
  /** Changes whenever any row changes; what React subscribes to. */
  version = 0;
  /** Highest local revision applied (see ClientListRow.rev). */
  maxRev = 0;

  get size(): number {
    return this.rows.length;
  }

  /** Adds or replaces rows (by id); a `gone` row removes its client. */
  apply(rows: readonly ClientListRow[]): void {
    if (rows.length === 0) return;
    for (const row of rows) {
      const at = this.positionById.get(row.id);
      if (row.gone) {
        if (at !== undefined) this.removeAt(at);
      } else if (at === undefined) {
        this.positionById.set(row.id, this.rows.length);
        this.rows.push(row);
      } else {
        this.rows[at] = row;
      }
      if (row.rev > this.maxRev) this.maxRev = row.rev;
    }
    this.orders.clear();
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
      positions = this.order(sort).filter((p) => !rows[p]!.archived);
    } else {
      const last = this.last;
      const scan =
        last && last.version === this.version && last.sort === sort && last.filters === filters && narrows(last.query, query)
          ? last.positions
          : this.order(sort);
      const out = new Int32Array(scan.length);
      let n = 0;
      const empty = isEmptyQuery(query);
      for (let i = 0; i < scan.length; i++) {
        const p = scan[i]!;
        const row = rows[p]!;
        if (passesFilters(row, filters) && (empty || matchesHaystack(row.hay, query))) out[n++] = p;
      }
      positions = out.slice(0, n);
    }
    this.last = { query, filters, sort, version: this.version, positions };
    return { positions, rows, query: text };
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
