/**
 * PGlite backend: PostgreSQL compiled to WebAssembly, in this process, persisted in the data
 * folder. The default when no DATABASE_URL is set, so the server (and `npm start`'s embedded
 * server) needs nothing installed. One process at a time may open a data folder: PGlite has no
 * shared-memory coordination, so a second opener would corrupt it; a lock file refuses that.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { beginStatement, withRetries, type Isolation, type SqlDb, type SqlTx } from './sql-db';

export interface PgliteOptions {
  /** Folder to persist in; omitted = in memory (tests). */
  dataDir?: string;
  /** A data folder tarball to start from (tests: skips the slow in-WASM initdb). */
  loadDataDir?: Blob;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process has open (a lock file with our own pid may be from an earlier run). */
const openHere = new Set<string>();

/** Takes `<dir>/fieldbook.lock` for this process, replacing a lock left by a dead process. */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'fieldbook.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      openHere.add(file);
      return () => {
        openHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      // Our own pid is stale unless we hold it: after a container restart the server often
      // gets the same pid as before.
      const held = pid === process.pid ? openHere.has(file) : pid > 0 && isAlive(pid);
      if (held) {
        throw new Error(
          `The data folder ${dir} is in use by process ${pid} (an embedded PGlite database can be opened by one process only). ` +
            'Stop that server first, or use DATABASE_URL with a PostgreSQL server to run several processes.',
          { cause: e },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

export async function openPglite(options: PgliteOptions = {}): Promise<SqlDb> {
  let unlock = () => {};
  const pgOptions: PGliteOptions = {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
    pgOptions.dataDir = join(options.dataDir, 'pglite');
  }
  if (options.loadDataDir) pgOptions.loadDataDir = options.loadDataDir;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(pgOptions);
  } catch (e) {
    unlock();
    throw e;
  }

  const txApi = (t: Transaction): SqlTx => {
    const query = async <T>(sql: string, params?: readonly unknown[]) => (await t.query<T>(sql, params as unknown[] | undefined)).rows;
    return {
      query,
      exec: async (script) => {
        await t.exec(script);
      },
      // One connection, one statement at a time: PGlite's transaction() commits when `fn` returns.
      queryAndCommit: query,
    };
  };

  return {
    backend: 'pglite',
    query: async <T>(sql: string, params?: readonly unknown[]) => (await pglite.query<T>(sql, params as unknown[] | undefined)).rows,
    async transaction<T>(fn: (tx: SqlTx) => Promise<T>, isolation: Isolation = 'read committed'): Promise<T> {
      beginStatement(isolation); // validates the level
      // PGlite's transaction() runs BEGIN/COMMIT (ROLLBACK on throw) and holds its one
      // connection for the duration. The level is set as the transaction's first statement.
      // With a single connection every transaction is in effect serial, but the level still
      // matters for the code's semantics being identical on both backends.
      return withRetries(() =>
        pglite.transaction(async (t) => {
          await t.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`);
          return fn(txApi(t));
        }),
      );
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
