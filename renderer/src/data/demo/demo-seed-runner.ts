/**
 * Runs the demo seeding (demo-seed.ts) in a dedicated worker, so that generating 100k clients
 * and serialising them for IndexedDB leaves the window free to draw the list as it fills. Where
 * no worker can be started (tests under Node, a shell whose scheme or policy refuses the
 * worker's script), the same seeding runs here, as it did before the worker.
 */
import type { ClientListRow } from '../clients/client-list-row';
import type { FieldbookDb } from '../db';
import { seedDemoBase } from './demo-seed';

export interface DemoSeedRequest {
  count: number;
}

export type DemoSeedReport =
  /** A batch committed: its list rows, at the revision they were written with. */
  | { type: 'rows'; rows: ClientListRow[] }
  /** Every batch committed and the base marked as seeded. */
  | { type: 'done' }
  /** The seeding failed (in IndexedDB or in the generator): doing it here would fail the same way. */
  | { type: 'failed'; message: string };

/** Where the seeding ran, as the `fieldbook:demo-seeded` performance mark (read by tests and benchmarks). */
export type DemoSeedPlace = 'worker' | 'window';

function seeded(where: DemoSeedPlace, count: number): void {
  performance.mark('fieldbook:demo-seeded', { detail: { where, count } });
}

/** The seeding in this thread, as before the worker. */
async function seedHere(db: FieldbookDb, count: number, onRows: (rows: ClientListRow[]) => void): Promise<void> {
  await seedDemoBase(db, count, onRows);
  seeded('window', count);
}

/**
 * Seeds `count` demo clients into the app's database (`db`, used only when seeding here) and
 * calls `onRows` with each committed batch's list rows, in commit order.
 */
export function seedDemoBaseAside(db: FieldbookDb, count: number, onRows: (rows: ClientListRow[]) => void): Promise<void> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return seedHere(db, count, onRows);
    worker = new Worker(new URL('./demo-seed.worker.ts', import.meta.url), { type: 'module', name: 'demo-seed' });
  } catch (e) {
    console.warn('Seeding the demo base in the window: no worker', e);
    return seedHere(db, count, onRows);
  }
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<DemoSeedReport>) => {
      if (data.type === 'rows') return onRows(data.rows);
      worker.terminate();
      if (data.type === 'done') {
        seeded('worker', count);
        resolve();
      } else reject(new Error(data.message));
    };
    // The worker's script did not load or run (a policy, a scheme without workers, a crash).
    // Seeding again from the start here is safe: every batch puts the same records by id.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      console.warn('Seeding the demo base in the window: the worker failed', event.message);
      seedHere(db, count, onRows).then(resolve, reject);
    };
    worker.postMessage({ count } satisfies DemoSeedRequest);
  });
}
