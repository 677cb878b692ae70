/**
 * The catalog search of one database, loaded from IndexedDB when first needed and kept current
 * afterwards. The catalog changes by sync (or the demo seed), in this window or another: Dexie's
 * `storagemutated` event names the records every committed write touched, in any window (it is
 * what live queries run on), so the index reads just those back — or, after a bulk write that
 * names no keys (a sync page), re-reads the table, re-folding only products whose fields
 * changed. Nothing in the sync engine has to know the index exists. Rows are named in the
 * manager's UI language where the catalog has the name: a switch of the language is taken in like
 * a sync page, rebuilding the rows whose name changes.
 */
import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { CatalogProduct, ProductGroup } from '../../../../core/pricing/catalog-model';
import { CatalogSearch, catalogRow, groupPath, rowSource, type CatalogRow } from './catalog-search';
import { getDb, type FieldbookDb } from '../db';
import { uiLanguage, useLanguage } from '../../i18n/language';

type Watched = 'products' | 'stock' | 'productGroups';
const WATCHED: readonly Watched[] = ['products', 'stock', 'productGroups'];

/** Products read per request at load: big enough to be quick, small enough not to hold the window. */
const READ_CHUNK = 5000;
/** A burst of writes (a sync's pages) is taken in once it pauses this long… */
const SETTLE_MS = 250;
/**
 * …and at least this many times the last refresh's duration after it: re-reading a 50k catalog
 * after every page of a first sync would keep the window busy for the whole sync.
 */
const COOL_DOWN = 3;
/** Point changes beyond this are re-read as a whole table (one request instead of many keys). */
const MAX_POINT_KEYS = 5000;

/** Keys a write touched, or 'all' when Dexie only knows it was a range (bulk writes, clears). */
type Touched = Set<string> | 'all';

export type CatalogLoadState = 'idle' | 'loading' | 'ready';

const yieldToWindow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class CatalogIndex {
  readonly search = new CatalogSearch();
  state: CatalogLoadState = 'idle';
  error: string | null = null;
  private loaded: Promise<void> | null = null;
  private touched = new Map<Watched, Touched>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | null = null;
  /** When the last refresh ended and how long it took (performance.now() ms). */
  private lastRefresh = { end: 0, took: 0 };
  private indexing = false;
  /** The language rows are named in (the UI's). */
  private language = uiLanguage();
  private stopWatchingLanguage: (() => void) | null = null;

  constructor(private readonly db: FieldbookDb) {}

  private row = (p: CatalogProduct, paths: (groupId: string | null) => string[]) => catalogRow(p, paths(p.groupId), this.language);

  /** The UI switched language: every product is looked at again, and rows whose name changes are rebuilt. */
  private onLanguage = () => {
    const language = uiLanguage();
    if (language === this.language) return;
    this.language = language;
    this.touched.set('products', 'all');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 0);
  };

  /** Loads the catalog once (later calls wait for the same load). */
  ready(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  subscribe = (listener: () => void) => this.search.subscribe(listener);
  getVersion = () => this.search.version;

  private async load(): Promise<void> {
    this.state = 'loading';
    // Listen before reading, so a write committed during the read is taken in afterwards.
    Dexie.on('storagemutated', this.onMutated);
    this.stopWatchingLanguage = useLanguage.subscribe(this.onLanguage);
    this.language = uiLanguage();
    try {
      const [groups, stock, products] = await Promise.all([this.db.productGroups.toArray(), this.db.stock.toArray(), this.readProducts()]);
      const paths = pathsOf(groups);
      this.search.load(
        products.map((p) => this.row(p, paths)),
        groups,
        stock,
      );
      this.state = 'ready';
      performance.mark('fieldbook:catalog-ready', { detail: { products: products.length } });
      this.scheduleIndex();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.state = 'ready';
      this.search.load([], [], []);
    }
  }

  /** Every product, a chunk per request in key order, with a breath between chunks for the window. */
  private async readProducts(): Promise<CatalogProduct[]> {
    const out: CatalogProduct[] = [];
    let after: string | null = null;
    for (;;) {
      const chunk: CatalogProduct[] = await (after === null ? this.db.products.toCollection() : this.db.products.where(':id').above(after)).limit(READ_CHUNK).toArray();
      for (const p of chunk) out.push(p);
      if (chunk.length < READ_CHUNK) return out;
      after = chunk[chunk.length - 1]!.id;
      await yieldToWindow();
    }
  }

  /** Builds the prefix lists in slices between frames (until then a search scans every row). */
  private scheduleIndex(): void {
    if (this.indexing || !this.search.needsIndex) return;
    this.indexing = true;
    const step = () => {
      if (this.search.buildIndex(5000)) {
        this.indexing = false;
        performance.mark('fieldbook:catalog-index-built', { detail: { products: this.search.size } });
        return;
      }
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  private onMutated = (parts: ObservabilitySet) => {
    let any = false;
    for (const table of WATCHED) {
      const prefix = `idb://${this.db.name}/${table}/`;
      for (const part of [prefix, `${prefix}:dels`]) {
        const tree = parts[part];
        if (!tree || tree.d === 0) continue;
        any = true;
        this.touch(table, tree);
      }
    }
    if (!any) return;
    clearTimeout(this.timer);
    const coolDown = this.lastRefresh.end + this.lastRefresh.took * COOL_DOWN - performance.now();
    this.timer = setTimeout(() => void this.refresh(), Math.max(SETTLE_MS, coolDown));
  };

  private touch(table: Watched, tree: ObservabilitySet[string]): void {
    let keys = this.touched.get(table) ?? new Set<string>();
    if (keys !== 'all') {
      for (const node of RangeSet(tree)) {
        // A range rather than single keys: Dexie marks bulk writes of 50+ records that way.
        if (node.from !== node.to || typeof node.from !== 'string' || keys.size >= MAX_POINT_KEYS) {
          keys = 'all';
          break;
        }
        keys.add(node.from);
      }
    }
    this.touched.set(table, keys);
  }

  /** Takes in what changed since the last refresh, one refresh at a time. */
  private async refresh(): Promise<void> {
    if (this.state !== 'ready') return; // the load in progress reads it all
    if (this.refreshing) {
      await this.refreshing;
      return this.refresh();
    }
    const touched = this.touched;
    this.touched = new Map();
    if (touched.size === 0) return;
    const started = performance.now();
    this.refreshing = this.apply(touched).finally(() => {
      this.refreshing = null;
      this.lastRefresh = { end: performance.now(), took: performance.now() - started };
    });
    await this.refreshing;
  }

  private async apply(touched: Map<Watched, Touched>): Promise<void> {
    const groupsChanged = touched.has('productGroups');
    const products = touched.get('products');
    const stock = touched.get('stock');
    if (groupsChanged) {
      // Group names are in every product's search text: rebuild every row (rare: a catalog import).
      const [groups, all] = await Promise.all([this.db.productGroups.toArray(), this.readProducts()]);
      const paths = pathsOf(groups);
      this.search.load(
        all.map((p) => this.row(p, paths)),
        groups,
        stock ? await this.db.stock.toArray() : this.search.stockLevels(),
      );
    } else if (products) {
      const paths = pathsOf(this.search.groupList());
      if (products === 'all') {
        const all = await this.readProducts();
        const live = new Set(all.map((p) => p.id));
        const changed: CatalogRow[] = [];
        for (const p of all) {
          const row = this.search.getRow(p.id);
          if (row?.source !== rowSource(p, this.language)) changed.push(this.row(p, paths));
        }
        this.search.applyProducts(
          changed,
          this.search.ids().filter((id) => !live.has(id)),
        );
      } else {
        const ids = [...products];
        const found = await this.db.products.bulkGet(ids);
        this.search.applyProducts(
          found.filter((p) => p !== undefined).map((p) => this.row(p, paths)),
          ids.filter((_, i) => found[i] === undefined),
        );
      }
    }
    if (stock && !groupsChanged) {
      if (stock === 'all') {
        const all = await this.db.stock.toArray();
        const live = new Set(all.map((s) => s.id));
        this.search.applyStock(
          all,
          this.search
            .stockLevels()
            .map((s) => s.id)
            .filter((id) => !live.has(id)),
        );
      } else {
        const ids = [...stock];
        const found = await this.db.stock.bulkGet(ids);
        this.search.applyStock(
          found.filter((s) => s !== undefined),
          ids.filter((_, i) => found[i] === undefined),
        );
      }
    }
    this.scheduleIndex();
    // A change kept the prefix lists but dropped the sort orders: sort again now, not on a keystroke.
    setTimeout(() => this.search.prepare(), 0);
  }

  /** For tests: stop listening. */
  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.stopWatchingLanguage?.();
    clearTimeout(this.timer);
  }

  /** Resolves once every write seen so far has been taken in (for tests and benchmarks). */
  async settled(): Promise<void> {
    clearTimeout(this.timer);
    await this.refresh();
  }
}

/** Group paths by group id, memoised per call site's group list. */
function pathsOf(groups: readonly ProductGroup[]): (groupId: string | null) => string[] {
  const map = new Map(groups.map((g) => [g.id, g]));
  const cache = new Map<string | null, string[]>();
  return (groupId) => {
    let path = cache.get(groupId);
    if (!path) cache.set(groupId, (path = groupPath(map, groupId)));
    return path;
  };
}

const indexes = new WeakMap<FieldbookDb, CatalogIndex>();

/** The catalog index of a database (the app's, unless a test passes its own). */
export function catalogIndex(db: FieldbookDb = getDb()): CatalogIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new CatalogIndex(db)));
  return index;
}
