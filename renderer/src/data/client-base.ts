/**
 * Start-up of the client base: open the database, seed the demo base on an empty laptop, load
 * the list projection into memory, and keep it current when any window (or, later, sync)
 * writes. Exposes the search through React hooks.
 */
import { liveQuery } from 'dexie';
import { useMemo, useSyncExternalStore } from 'react';
import { getDb } from './db';
import { seedDemoBase } from './demo-seed';
import { ClientSearch, type ClientFilters, type ClientSort, type SearchResult } from './client-search';

/** Size of the demo base an empty laptop starts with. */
export const DEFAULT_DEMO_SIZE = 400;

export const clientSearch = new ClientSearch();

type LoadState = { phase: 'loading' | 'seeding' | 'ready'; error: string | null };
let state: LoadState = { phase: 'loading', error: null };
const stateListeners = new Set<() => void>();
function setState(next: Partial<LoadState>) {
  state = { ...state, ...next };
  for (const l of stateListeners) l();
}

async function catchUp(): Promise<void> {
  const db = getDb();
  const rows = await db.clientRows.where('rev').above(clientSearch.maxRev).toArray();
  clientSearch.apply(rows);
}

let started: Promise<void> | null = null;

/**
 * Opens the client base once. `demoSize` comes from the `?demo=N` start parameter (any size,
 * for trying the app with a big base and for the benchmarks).
 */
export function startClientBase(demoSize = DEFAULT_DEMO_SIZE): Promise<void> {
  started ??= (async () => {
    const db = getDb();
    try {
      performance.mark('fieldbook:base-start');
      // The client base is the person's work: ask the browser not to evict it under storage
      // pressure (Electron grants it; a browser may ask or decide by engagement).
      void navigator.storage?.persist?.();
      const [rows, seeded] = await Promise.all([db.clientRows.toArray(), db.meta.get('demoSeeded')]);
      performance.mark('fieldbook:rows-read', { detail: { rows: rows.length } });
      clientSearch.apply(rows);
      if (rows.length === 0 && !seeded && demoSize > 0) {
        setState({ phase: 'seeding' });
        await seedDemoBase(db, demoSize, (batch) => clientSearch.apply(batch));
        performance.measure('fieldbook:bulk-load', 'fieldbook:base-start');
      }
      // Any committed write, in this window or another, bumps localRev: fetch what changed.
      liveQuery(() => db.meta.get('localRev')).subscribe({
        next: () => void catchUp(),
        error: (e: unknown) => setState({ error: String(e) }),
      });
      setState({ phase: 'ready' });
    } catch (e) {
      setState({ phase: 'ready', error: e instanceof Error ? e.message : String(e) });
    }
  })();
  return started;
}

export function useClientBaseState(): LoadState {
  return useSyncExternalStore(
    (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => state,
  );
}

/** Search results, recomputed when the query, filters, sort or any row changes. */
export function useClientSearch(text: string, filters: ClientFilters, sort: ClientSort): SearchResult {
  const version = useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the cache key for the index contents
  return useMemo(() => timedSearch(text, filters, sort), [text, filters, sort, version]);
}

/** A search, recorded as the `fieldbook:search` performance measure (read by the benchmarks). */
function timedSearch(text: string, filters: ClientFilters, sort: ClientSort): SearchResult {
  const start = performance.now();
  const result = clientSearch.search(text, filters, sort);
  performance.measure('fieldbook:search', { start, detail: { query: text, count: result.positions.length } });
  return result;
}

export function useClientFacets() {
  const version = useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the cache key for the index contents
  return useMemo(() => clientSearch.facets(), [version]);
}
