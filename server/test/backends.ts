/**
 * Runs integration tests against both database backends:
 *
 *   describe.each(BACKENDS)('auth on %s', (backend) => {
 *     const test = useTestDatabase(backend);
 *     it('…', async () => { const db = test.db; … });
 *   });
 *
 * Each describe block gets its own empty database (PGlite: a fresh in-memory instance; postgres:
 * a new database on a throwaway server started once per test file), with migrations applied.
 * Without PostgreSQL binaries the postgres variant fails with the reason when CI=true (never
 * silently skipped in CI), and is skipped with the reason printed otherwise.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import type { SqlBackend, SqlDb } from '../db/sql-db';
import { freshPglite } from './pglite-template';
import { findPostgresBin, startPostgres, type PostgresServer } from './postgres';

export const BACKENDS: readonly SqlBackend[] = ['pglite', 'postgres'];

const SETUP_TIMEOUT_MS = 60_000;
const inCi = () => ['1', 'true'].includes((process.env.CI ?? '').toLowerCase());

const postgresBin = findPostgresBin();
if (!postgresBin.dir && !inCi()) {
  console.warn(`[server tests] PostgreSQL variant skipped: ${postgresBin.reason}. (With CI=true this fails instead.)`);
}

/** `describe` for a backend: skips the postgres variant locally when there is no PostgreSQL. */
export function describeBackend(backend: SqlBackend): typeof describe | typeof describe.skip {
  return backend === 'postgres' && !postgresBin.dir && !inCi() ? describe.skip : describe;
}

let server: Promise<PostgresServer> | undefined;

// Registered when a test file imports this module (test files are isolated, so once per file):
// the file's PostgreSQL server stops after the file's last test.
afterAll(async () => {
  if (server) await (await server).stop();
}, SETUP_TIMEOUT_MS);

/** The test file's PostgreSQL server, started on first use. */
function postgresServer(): Promise<PostgresServer> {
  if (!postgresBin.dir) {
    return Promise.reject(new Error(`CI=true and the PostgreSQL tests cannot run: ${postgresBin.reason}`));
  }
  server ??= startPostgres();
  return server;
}

export interface OpenOptions {
  /** Apply migrations (default true). */
  migrate?: boolean;
}

/** A new, empty database on the backend (the caller closes it). */
export async function openTestDatabase(backend: SqlBackend, options: OpenOptions = {}): Promise<SqlDb & { url?: string }> {
  let db: SqlDb & { url?: string };
  if (backend === 'pglite') {
    db = await freshPglite();
  } else {
    const pg = await postgresServer();
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres({ connectionString: pg.url, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = pg.urlFor(name);
    db = Object.assign(openPostgres({ connectionString: url }), { url });
  }
  if (options.migrate ?? true) await migrate(db);
  return db;
}

/** Opens a fresh migrated database before the block's tests and closes it after them. */
export function useTestDatabase(backend: SqlBackend, options: OpenOptions = {}): { readonly db: SqlDb & { url?: string } } {
  let db: (SqlDb & { url?: string }) | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(backend, options);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await db?.close();
  });
  return {
    get db() {
      if (!db) throw new Error('The test database is not open (did beforeAll fail?)');
      return db;
    },
  };
}
