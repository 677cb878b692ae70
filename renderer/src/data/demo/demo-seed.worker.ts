/**
 * Worker entry of the demo seeding (started by demo-seed-runner.ts): generates the demo base,
 * writes it to IndexedDB through its own connection to the same database, and posts each
 * batch's list rows to the window once they are committed, so the list fills while it loads.
 */
import { FieldbookDb } from '../db';
import { seedDemoBase } from './demo-seed';
import type { DemoSeedReport, DemoSeedRequest } from './demo-seed-runner';

/** What this file uses of a dedicated worker's global scope (the renderer is typed against DOM). */
interface SeedWorkerScope {
  onmessage: ((event: MessageEvent<DemoSeedRequest>) => void) | null;
  postMessage(message: DemoSeedReport): void;
}
const scope = self as unknown as SeedWorkerScope;

scope.onmessage = ({ data }) => {
  scope.onmessage = null; // one seeding per worker
  const db = new FieldbookDb();
  seedDemoBase(db, data.count, (rows) => scope.postMessage({ type: 'rows', rows }))
    .then(
      () => scope.postMessage({ type: 'done' }),
      (e: unknown) => scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    )
    .finally(() => db.close());
};
