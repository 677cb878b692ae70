/**
 * Start-up of the client base: open the database, seed the demo base on an empty laptop, load
 * the list projection into memory, and keep it current when any window (or, later, sync)
 * writes. Exposes the search through React hooks.
 */
import { liveQuery } from 'dexie';
import { useMemo, useSyncExternalStore } from 'react';
import { getDb } from '../db';
import { seedDemoBaseAside } from '../demo/demo-seed-runner';
import { seedDemoCatalog } from '../demo/demo-catalog-seed';
import { readListSnapshot, rowsFromRecords, writeListSnapshot } from './list-snapshot';
import type { ClientListRow } from './client-list-row';
import { nextRev } from './commands';
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

/** A catch-up at least this large means a burst (a sync, an import) is probably under way. */
const BURST_ROWS = 1000;
/** How long the list waits after a burst before taking in more, and before reindexing. */
const BURST_PAUSE_MS = 2000;
let catchingUp = false;
let catchUpAgain = false;
/** Work that writes many rows in a row is under way (see `holdingCatchUp`). */
let held = 0;

/**
 * Runs `work` with this window's list not catching up until it is done, then catches up once.
 * The sync wraps building a snapshot's list rows in it: they are committed 5 000 at a time, and
 * taking in each chunk would re-sort and re-render the whole growing list every few seconds
 * (a fifth of that phase of a 100k first sync). Edits made meanwhile show when it ends.
 */
export async function holdingCatchUp<T>(work: () => Promise<T>): Promise<T> {
  held++;
  try {
    return await work();
  } finally {
    held--;
    // Only a started base has a list to bring up to date (the sync also runs in tests without one).
    if (held === 0 && started) void catchUp();
  }
}

/**
 * Takes in the rows written since the last catch-up, one catch-up at a time. A first sync
 * commits a page every few seconds for minutes; taking in every page at once would re-sort and
 * re-render 100k rows per page. After a large catch-up the list pauses briefly, and every write
 * committed meanwhile is taken in together by the next one.
 */
async function catchUp(): Promise<void> {
  if (held > 0) return; // the release catches up
  if (catchingUp) {
    catchUpAgain = true;
    return;
  }
  catchingUp = true;
  let burst = false;
  try {
    do {
      catchUpAgain = false;
      if ((await readListGeneration()) !== listGeneration) {
        // Another window took in rows that are in no `clientRows` record (takeInRowsAside). They
        // are built from the records: the saved snapshot may still be one from before.
        clientSearch.clear();
        await loadList({ fromRecords: true });
        continue;
      }
      const rows = await getDb().clientRows.where('rev').above(clientSearch.maxRev).toArray();
      clientSearch.apply(rows);
      if (rows.length >= BURST_ROWS) {
        burst = true;
        await new Promise((done) => setTimeout(done, BURST_PAUSE_MS));
      }
    } while (catchUpAgain);
  } finally {
    catchingUp = false;
  }
  scheduleSnapshot();
  scheduleIndex(burst ? BURST_PAUSE_MS : 300);
}

let indexTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Builds the search's word-prefix lists (prefix-index.ts) in slices of a few milliseconds once
 * the rows have stopped changing for `quietMs`; until then, and between slices, searches scan.
 */
function scheduleIndex(quietMs = 300): void {
  clearTimeout(indexTimer);
  if (!clientSearch.needsIndex) return;
  const slice = () => {
    if (!clientSearch.buildIndex(2000)) indexTimer = setTimeout(slice, 0);
    else performance.mark('fieldbook:index-built', { detail: { rows: clientSearch.size } });
  };
  indexTimer = setTimeout(slice, quietMs);
}

/** Rows changed since the last snapshot before it is worth writing a new one. */
const SNAPSHOT_AFTER_ROWS = 500;
let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
let snapshotWriting = false;

/**
 * Saves the list as a snapshot for the next start (list-snapshot.ts) once enough rows changed,
 * after 10 s without changes, so a burst of writes (seeding, a first sync whose pages arrive
 * every few seconds) saves once at its end rather than after every page.
 */
function scheduleSnapshot(): void {
  if (clientSearch.unsavedRows < SNAPSHOT_AFTER_ROWS) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    if (snapshotWriting) return scheduleSnapshot();
    // A snapshot is only a cache: failing to save one costs the next start some time, nothing else.
    saveSnapshot().catch((e: unknown) => console.warn('Could not save the list snapshot', e));
  }, 10_000);
}

async function saveSnapshot(): Promise<void> {
  snapshotWriting = true;
  try {
    const { rows, rev } = clientSearch.snapshot();
    await writeListSnapshot(getDb(), rows, rev);
    performance.mark('fieldbook:snapshot-saved', { detail: { rows: rows.length, rev } });
  } finally {
    snapshotWriting = false;
  }
}

/**
 * Which list the rows of `clientRows` complete: bumped when rows that are in no `clientRows`
 * record were taken in (takeInRowsAside), so that every other window loads its list again.
 */
let listGeneration = 0;
const readListGeneration = async (db = getDb()) => Number((await db.meta.get('listGeneration'))?.value ?? 0);

/**
 * Loads this window's (empty) list: the saved snapshot and the rows changed after it, or,
 * without a snapshot (or `fromRecords`), every row built from the records.
 */
async function loadList({ fromRecords = false } = {}): Promise<void> {
  const db = getDb();
  const [snapshot, generation] = await Promise.all([fromRecords ? null : readListSnapshot(db), readListGeneration()]);
  listGeneration = generation;
  if (snapshot) clientSearch.load(snapshot.rows, snapshot.rev);
  const rows = await (snapshot ? db.clientRows.where('rev').above(snapshot.rev).toArray() : rowsFromRecords(db));
  performance.mark('fieldbook:rows-read', { detail: { rows: clientSearch.size + rows.length, snapshot: snapshot !== null } });
  clientSearch.apply(rows);
}

/**
 * Takes in list rows that were written to no `clientRows` record: a first sync into an empty
 * base builds its 100k rows in memory rather than writing each as a record (that cost as much
 * IndexedDB work as the clients themselves). This window's list takes them in and saves them as
 * the list snapshot (until then a start-up builds the rows from the records: there was no
 * snapshot, see `listIsEmpty`), and other windows build their list again from the records.
 * Rows are at revision 0, older than any edit made meanwhile, whose rows the catch-up applies.
 */
export async function takeInRowsAside(rows: ClientListRow[], db = getDb()): Promise<void> {
  // The list is this window's view of the app's database (tests sync other databases too).
  if (started && db === getDb()) {
    await started;
    clientSearch.apply(rows);
    clearTimeout(snapshotTimer);
    // Not awaited: the rows are in, the snapshot is a cache (other windows that reload before
    // it is saved build their rows from the records).
    void saveSnapshot().catch((e: unknown) => console.warn('Could not save the list snapshot', e));
  }
  await db.transaction('rw', db.meta, async () => {
    const generation = (await readListGeneration(db)) + 1;
    if (db === getDb()) listGeneration = generation;
    await db.meta.put({ key: 'listGeneration', value: generation });
    await nextRev(db); // what wakes every window's catch-up
  });
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
      await loadList();
      const seeded = await db.meta.get('demoSeeded');
      if (clientSearch.size === 0 && !seeded && demoSize > 0) {
        setState({ phase: 'seeding' });
        await seedDemoBaseAside(db, demoSize, (batch) => clientSearch.apply(batch));
        // The seeding wrote no list rows (demo-seed.ts): the snapshot is where they are kept.
        // Should saving it fail, the next start builds the rows from the records instead.
        clearTimeout(snapshotTimer);
        await saveSnapshot().catch((e: unknown) => console.warn('Could not save the list snapshot', e));
        performance.measure('fieldbook:bulk-load', 'fieldbook:base-start');
      }
      void seedDemoCatalog(db); // a demo laptop's catalog, in the background (demo-catalog-seed.ts)
      scheduleSnapshot();
      scheduleIndex();
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
