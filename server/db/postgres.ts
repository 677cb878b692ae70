/**
 * node-postgres backend: a connection pool to a real PostgreSQL server (DATABASE_URL). Any
 * number of server instances can share one database; nothing is kept in memory between requests.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { beginStatement, withRetries, type Isolation, type SqlDb, type SqlTx } from './sql-db';

const INT8_OID = 20;

/**
 * Same value types as PGlite: int8 (counts, sequences) as number. Sequences stay far below
 * 2^53; a value beyond it would lose precision, so it is refused rather than rounded silently.
 */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${text} exceeds the safe integer range; cast it to text`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Statements with parameters are prepared once per connection, by name, and reused: unnamed,
 * PostgreSQL parsed and planned each again on every call, and a sync runs the same dozen
 * statements for every laptop (200 laptops at once: thousands of plans a second). The server's
 * SQL texts are constants, so the names are few; past `MAX_PREPARED` texts (SQL built from
 * data would be a bug, but must not exhaust memory) statements run unnamed as before.
 */
const MAX_PREPARED = 500;
const preparedNames = new Map<string, string>();

function statementName(sql: string): string | undefined {
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `fb_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    preparedNames.set(sql, name);
  }
  return name;
}

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; each open transaction holds one connection. */
  max?: number;
}

export function openPostgres(options: PostgresOptions): SqlDb {
  // Pipeline mode sends each query as soon as it is made instead of after the one before has
  // answered; the server's code awaits every query in turn, so only `queryAndCommit` overlaps two.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, types, pipeline: true });
  // An idle client losing its connection (server restart) must not crash the process; the pool
  // drops it and the next query opens a new one.
  pool.on('error', () => {});

  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const name = params ? statementName(sql) : undefined;
    return (await client.query(name ? { name, text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] | undefined })).rows as T[];
  };

  return {
    backend: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction<T>(fn: (tx: SqlTx) => Promise<T>, isolation: Isolation = 'read committed'): Promise<T> {
      const begin = beginStatement(isolation);
      return withRetries(async () => {
        const client = await pool.connect();
        let broken: Error | undefined;
        // A connection that dies mid-transaction (server stopped) also emits 'error' on the
        // client; the failed query already reports it, so the event must not crash the process.
        const onError = (e: Error) => (broken = e);
        client.on('error', onError);
        try {
          await client.query(begin);
          let committed = false;
          const tx: SqlTx = {
            query: (sql, params) => run(client, sql, params),
            exec: async (script) => {
              // Without parameters node-postgres uses the simple query protocol: several statements.
              await client.query(script);
            },
            queryAndCommit: async <T>(sql: string, params: readonly unknown[]) => {
              committed = true;
              // Should the statement fail, PostgreSQL turns the COMMIT behind it into a rollback,
              // and the statement's error is what this throws.
              const [rows] = await Promise.all([run<T>(client, sql, params), client.query('COMMIT')]);
              return rows;
            },
          };
          const value = await fn(tx);
          if (!committed) await client.query('COMMIT');
          return value;
        } catch (e) {
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            // The connection is unusable: destroy it instead of returning it to the pool.
            broken = rollbackError as Error;
          }
          throw e;
        } finally {
          client.off('error', onError);
          client.release(broken);
        }
      });
    },
    close: () => pool.end(),
  };
}
