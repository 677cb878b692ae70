/**
 * In-memory search over the catalog: one compact row per product with its folded text (name,
 * SKU, group, characteristics; core/search-text.ts), word-prefix lists over those rows (the
 * client search's prefix-index.ts), the stock as one flag per row. A keystroke in a 50k-product
 * catalog touches only the rows of the query's rarest word start and one pass over the name
 * order: a few milliseconds, where reading 50k products out of IndexedDB would take a second.
 *
 * Pure and synchronous: catalog-index.ts loads it from IndexedDB and keeps it current.
 */
import { productName, type CatalogProduct, type ProductGroup, type StockLevel } from '../../../../core/pricing/catalog-model';
import { buildHaystack, isEmptyQuery, matchesHaystack, parseQuery, sortKey, type SearchQuery } from '../../../../core/search-text';
import { PrefixIndexBuilder, digitCandidates, prefixCandidates, type PrefixLists } from '../clients/prefix-index';

/** What the list shows and searches of a product. */
export interface CatalogRow {
  id: string;
  sku: string;
  /** The SKU upper-cased without spaces and dashes, for SKU matches ("drl bx" finds DRL-BX-…). */
  skuKey: string;
  /** The name in the manager's language where the catalog has it, else the product's own. */
  name: string;
  groupId: string | null;
  unit: string;
  discontinued: boolean;
  /** The first characteristics, for the list ("Brennmax · 18 V · 4 Ah"). */
  summary: string;
  hay: string;
  key: string;
  /** What the row was built from: a row is rebuilt only when this changed (see `rowSource`). */
  source: string;
}

export interface CatalogFilters {
  /** A group and everything under it. */
  groupId: string | null;
  inStockOnly: boolean;
  includeDiscontinued: boolean;
}

export const NO_CATALOG_FILTERS: CatalogFilters = { groupId: null, inStockOnly: false, includeDiscontinued: false };

export interface CatalogResult {
  /** Positions into `rows`, in display order: an exact SKU first, then SKUs starting with the query, then by name. */
  positions: Int32Array;
  rows: readonly CatalogRow[];
  query: string;
}

export const skuKeyOf = (sku: string): string => sku.toUpperCase().replace(/[\s\-_./]+/g, '');

/** The group's path from the top, "Power tools › Drills and drivers". */
export function groupPath(groups: ReadonlyMap<string, ProductGroup>, groupId: string | null): string[] {
  const names: string[] = [];
  for (let id = groupId; id && names.length < 20; id = groups.get(id)?.parentId ?? null) {
    const g = groups.get(id);
    if (!g) break;
    names.unshift(g.name);
  }
  return names;
}

/**
 * The product fields a row is built from, as one string. Cheaper to compare than to fold the
 * text again, and unlike `updatedAt` it changes with the content, whatever the stamps say. The
 * name shown is in it: a switch of the UI's language rebuilds the rows whose name changes.
 */
export const rowSource = (p: CatalogProduct, language: string): string =>
  [productName(p, language), p.name, p.sku, p.groupId, p.unit, p.discontinued, ...p.characteristics.flatMap((c) => [c.name, c.value])].join('\u0001');

/**
 * A product's list row, named in `language` (the manager's) where the catalog has the name;
 * `path` is its group's path (searched too: "drills" finds every drill). The product's own name
 * and SKU stay searchable whatever the language.
 */
export function catalogRow(p: CatalogProduct, path: readonly string[], language: string): CatalogRow {
  const key = skuKeyOf(p.sku);
  const name = productName(p, language);
  return {
    id: p.id,
    sku: p.sku,
    skuKey: key,
    name,
    groupId: p.groupId,
    unit: p.unit,
    discontinued: p.discontinued,
    summary: p.characteristics
      .slice(0, 4)
      .map((c) => c.value)
      .join(' · '),
    hay: buildHaystack([name, ...(name === p.name ? [] : [p.name]), p.sku, key, ...path, ...p.characteristics.map((c) => `${c.name} ${c.value}`)], [], [p.sku]),
    key: sortKey(name),
    source: rowSource(p, language),
  };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows changed since the prefix lists were built before rebuilding them beats checking them. */
const MAX_DIRTY_ROWS = 2000;

export class CatalogSearch {
  private rows: CatalogRow[] = [];
  private positionById = new Map<string, number>();
  private groups = new Map<string, ProductGroup>();
  private stock = new Map<string, StockLevel>();
  /** Lists over `rows`; rows changed since are in `dirty` and checked on their own (as in ClientSearch). */
  private index: { lists: PrefixLists; dirty: Set<number> } | null = null;
  private builder: { version: number; builder: PrefixIndexBuilder } | null = null;
  private nameOrder: Int32Array | null = null;
  private skuOrder: Int32Array | null = null;
  private inStock: Uint8Array | null = null;
  private groupMasks = new Map<string, Uint8Array>();
  private allowedMasks = new Map<string, Uint8Array>();
  private counts: Map<string, number> | null = null;
  private listeners = new Set<() => void>();
  /** Changes whenever any row, stock level or group changes; what React subscribes to. */
  version = 0;

  get size(): number {
    return this.rows.length;
  }

  /** Replaces everything (the first load, or a reload after a large change). */
  load(rows: CatalogRow[], groups: readonly ProductGroup[], stock: readonly StockLevel[]): void {
    this.rows = rows;
    this.positionById = new Map(rows.map((r, i) => [r.id, i]));
    this.groups = new Map(groups.map((g) => [g.id, g]));
    this.stock = new Map(stock.map((s) => [s.id, s]));
    this.index = null;
    this.changed();
  }

  /** Adds or replaces rows by id, and removes the rows of `removedIds`. */
  applyProducts(rows: readonly CatalogRow[], removedIds: readonly string[] = []): void {
    if (rows.length === 0 && removedIds.length === 0) return;
    const dirty = rows.length + removedIds.length <= MAX_DIRTY_ROWS ? this.index?.dirty : undefined;
    if (!dirty) this.index = null;
    for (const id of removedIds) {
      const at = this.positionById.get(id);
      if (at === undefined) continue;
      // The last row moves into the removed one's place.
      const last = this.rows.pop()!;
      this.positionById.delete(id);
      if (at < this.rows.length) {
        this.rows[at] = last;
        this.positionById.set(last.id, at);
      }
      dirty?.add(at);
    }
    for (const row of rows) {
      const at = this.positionById.get(row.id);
      if (at === undefined) {
        dirty?.add(this.rows.length);
        this.positionById.set(row.id, this.rows.length);
        this.rows.push(row);
      } else {
        dirty?.add(at);
        this.rows[at] = row;
      }
    }
    if (dirty && dirty.size > MAX_DIRTY_ROWS) this.index = null;
    this.changed();
  }

  applyStock(levels: readonly StockLevel[], removedIds: readonly string[] = []): void {
    for (const id of removedIds) this.stock.delete(id);
    for (const s of levels) this.stock.set(s.id, s);
    this.inStock = null;
    this.changed();
  }

  getRow(id: string): CatalogRow | undefined {
    const at = this.positionById.get(id);
    return at === undefined ? undefined : this.rows[at];
  }

  stockOf(id: string): StockLevel | null {
    return this.stock.get(id) ?? null;
  }

  ids(): string[] {
    return this.rows.map((r) => r.id);
  }

  stockLevels(): StockLevel[] {
    return [...this.stock.values()];
  }

  groupList(): ProductGroup[] {
    return [...this.groups.values()];
  }

  groupMap(): ReadonlyMap<string, ProductGroup> {
    return this.groups;
  }

  /** Products per group, each counted in its group and every group above it. */
  groupCounts(): ReadonlyMap<string, number> {
    if (!this.counts) {
      const counts = new Map<string, number>();
      for (const row of this.rows) {
        if (row.discontinued) continue;
        for (let id = row.groupId, depth = 0; id && depth < 20; id = this.groups.get(id)?.parentId ?? null, depth++) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      this.counts = counts;
    }
    return this.counts;
  }

  private changed(): void {
    this.nameOrder = null;
    this.skuOrder = null;
    this.inStock = null;
    this.groupMasks.clear();
    this.allowedMasks.clear();
    this.counts = null;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get needsIndex(): boolean {
    return this.index === null && this.rows.length > 0;
  }

  /** Builds the word-prefix lists `count` rows per call; true once they are in use. Rows that change meanwhile restart it. */
  buildIndex(count = 10_000): boolean {
    if (!this.needsIndex) return true;
    if (this.builder?.version !== this.version) this.builder = { version: this.version, builder: new PrefixIndexBuilder(this.rows.map((r) => r.hay)) };
    const { builder } = this.builder;
    builder.step(count);
    if (!builder.done) return false;
    this.index = { lists: builder.result(), dirty: new Set() };
    this.builder = null;
    this.prepare();
    return true;
  }

  /** Sorts what searches need sorted, so that the sorting of 50k rows never falls on a keystroke (call when idle). */
  prepare(): void {
    this.order();
    this.skuSorted();
  }

  private order(): Int32Array {
    if (!this.nameOrder) {
      const rows = this.rows;
      const positions = Array.from({ length: rows.length }, (_, i) => i);
      positions.sort((a, b) => byString(rows[a]!.key, rows[b]!.key) || byString(rows[a]!.sku, rows[b]!.sku));
      this.nameOrder = Int32Array.from(positions);
    }
    return this.nameOrder;
  }

  private stockFlags(): Uint8Array {
    if (!this.inStock) this.inStock = Uint8Array.from(this.rows, (r) => ((this.stock.get(r.id)?.available ?? 0) > 0 ? 1 : 0));
    return this.inStock;
  }

  /** 1 for the rows in the group or under it. */
  private groupMask(groupId: string): Uint8Array {
    let mask = this.groupMasks.get(groupId);
    if (!mask) {
      const inside = new Set([groupId]);
      // Groups are few (dozens to hundreds): walk up from each to see whether it is under `groupId`.
      for (const g of this.groups.values()) {
        for (let id: string | null = g.id, depth = 0; id && depth < 20; id = this.groups.get(id)?.parentId ?? null, depth++) {
          if (id === groupId) {
            inside.add(g.id);
            break;
          }
        }
      }
      mask = Uint8Array.from(this.rows, (r) => (r.groupId !== null && inside.has(r.groupId) ? 1 : 0));
      this.groupMasks.set(groupId, mask);
    }
    return mask;
  }

  search(text: string, filters: CatalogFilters = NO_CATALOG_FILTERS): CatalogResult {
    const query = parseQuery(text);
    const rows = this.rows;
    const allowed = this.allowed(filters);
    const order = this.order();
    let positions: Int32Array;
    if (isEmptyQuery(query)) {
      positions = order.filter((p) => allowed[p] === 1);
    } else {
      const hits = this.matches(query);
      const out = new Int32Array(rows.length);
      let n = 0;
      for (let i = 0; i < order.length; i++) {
        const p = order[i]!;
        if ((hits[p]! & allowed[p]!) === 1) out[n++] = p;
      }
      positions = this.skuFirst(out.subarray(0, n), text);
    }
    return { positions, rows, query: text };
  }

  /** 1 for the rows the filters let through; kept per filter combination until the catalog changes. */
  private allowed(filters: CatalogFilters): Uint8Array {
    const key = `${filters.groupId}|${filters.inStockOnly}|${filters.includeDiscontinued}`;
    let mask = this.allowedMasks.get(key);
    if (!mask) {
      const group = filters.groupId ? this.groupMask(filters.groupId) : null;
      const stock = filters.inStockOnly ? this.stockFlags() : null;
      mask = Uint8Array.from(this.rows, (r, p) => ((filters.includeDiscontinued || !r.discontinued) && (!group || group[p] === 1) && (!stock || stock[p] === 1) ? 1 : 0));
      this.allowedMasks.set(key, mask);
    }
    return mask;
  }

  /** 1 for every row matching the query: from the prefix lists when they exist, else by scanning. */
  private matches(query: SearchQuery): Uint8Array {
    const rows = this.rows;
    const hits = new Uint8Array(rows.length);
    const index = this.index;
    if (!index) {
      for (let p = 0; p < rows.length; p++) if (matchesHaystack(rows[p]!.hay, query)) hits[p] = 1;
      return hits;
    }
    let best: { lists: Int32Array[]; size: number; exact: boolean } | null = null;
    if (query.digits) {
      const found = digitCandidates(index.lists, query.digits);
      best = { lists: [found], size: found.length, exact: true };
    } else {
      for (const alternatives of query.words) {
        const found = alternatives.map((alt) => prefixCandidates(index.lists, alt));
        const size = found.reduce((n, f) => n + f.rows.length, 0);
        if (!best || size < best.size) best = { lists: found.map((f) => f.rows), size, exact: found.every((f) => f.exact) };
      }
      if (best) best.exact &&= query.words.length === 1;
    }
    const exact = best?.exact ?? false;
    const dirty = index.dirty.size > 0 ? index.dirty : null;
    for (const list of best?.lists ?? []) {
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        // Positions past the end belonged to rows removed since the lists were built.
        if (p >= rows.length || hits[p] === 1 || dirty?.has(p)) continue;
        if (exact || matchesHaystack(rows[p]!.hay, query)) hits[p] = 1;
      }
    }
    if (dirty) for (const p of dirty) if (p < rows.length && matchesHaystack(rows[p]!.hay, query)) hits[p] = 1;
    return hits;
  }

  /** Positions in SKU order (`skuKey`), for finding the SKUs that start with a query by binary search. */
  private skuSorted(): Int32Array {
    if (!this.skuOrder) {
      const rows = this.rows;
      const positions = Array.from({ length: rows.length }, (_, i) => i);
      positions.sort((a, b) => byString(rows[a]!.skuKey, rows[b]!.skuKey));
      this.skuOrder = Int32Array.from(positions);
    }
    return this.skuOrder;
  }

  /**
   * A query that is one token and the start of SKUs puts those products first, the exact SKU at
   * the top. Most queries start no SKU: a binary search says so without touching the results.
   */
  private skuFirst(positions: Int32Array, text: string): Int32Array {
    const key = skuKeyOf(text.trim());
    if (key.length < 2 || /\s/.test(text.trim())) return positions;
    const rows = this.rows;
    const order = this.skuSorted();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[order[mid]!]!.skuKey < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= order.length || !rows[order[lo]!]!.skuKey.startsWith(key)) return positions;
    // 2: the SKU is the query; 1: it starts with it.
    const rank = new Uint8Array(rows.length);
    for (let i = lo; i < order.length && rows[order[i]!]!.skuKey.startsWith(key); i++) rank[order[i]!] = rows[order[i]!]!.skuKey === key ? 2 : 1;
    const out = new Int32Array(positions.length);
    let n = 0;
    for (const want of [2, 1, 0]) for (const p of positions) if (rank[p] === want) out[n++] = p;
    return out;
  }
}
