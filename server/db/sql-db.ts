/**
 * The server's one database interface. Two implementations: PGlite (PostgreSQL compiled to
 * WebAssembly, persisted in the data folder — the embedded default) and node-postgres (a pool
 * to a real PostgreSQL server from DATABASE_URL). Server code never sees which one runs.
 *
 * Both return the same JavaScript types: int8 as number, numeric as string, timestamptz as Date,
 * uuid as string, json/jsonb parsed. Cast in SQL (`::text`, `::float8`) where it matters.
 */

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export const ISOLATION_LEVELS: readonly Isolation[] = ['read committed', 'repeatable read', 'serializable'];

/** Parameterised queries: `$1, $2 …` placeholders, never string concatenation of values. */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection inside an open transaction. */
export interface SqlTx extends Sql {
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs the transaction's last statement and commits right behind it: node-postgres sends both
   * at once (pipelined), so what the statement locks is held while PostgreSQL runs it, not also
   * while this process gets round to sending COMMIT. Nothing may run in the transaction after it.
   */
  queryAndCommit<T = Record<string, unknown>>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export type SqlBackend = 'pglite' | 'postgres';

export interface SqlDb extends Sql {
  readonly backend: SqlBackend;
  /**
   * Runs `fn` in one real transaction (BEGIN … COMMIT, ROLLBACK when `fn` throws). With
   * node-postgres every transaction holds its own pooled connection, so `fn` must use `tx`,
   * never the outer `db` (that would run outside the transaction, or wait forever on PGlite,
   * which has one connection). Serialization failures and deadlocks (40001, 40P01) are retried
   * a few times, so `fn` must have no effects outside the database.
   */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>, isolation?: Isolation): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
export const MAX_TRANSACTION_ATTEMPTS = 4;

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** `BEGIN ISOLATION LEVEL …` from a checked value (never interpolate anything else into SQL). */
export function beginStatement(isolation: Isolation): string {
  if (!ISOLATION_LEVELS.includes(isolation)) throw new Error(`Unknown isolation level: ${String(isolation)}`);
  return `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`;
}

export async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= MAX_TRANSACTION_ATTEMPTS || !isRetryable(e)) throw e;
      // A little jitter so two retrying transactions do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
