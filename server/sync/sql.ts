/**
 * The slice of the database layer sync needs: parameterised queries inside a transaction.
 * Both backends (PGlite and node-postgres) provide it; sync code never sees which one runs.
 */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

/** The connection of an open transaction (server/db/sql-db.ts, `SqlTx`). */
export interface SqlTxn extends Sql {
  /** Runs the transaction's last statement and commits right behind it, without a round trip between. */
  queryAndCommit<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
}

export interface SqlTransactor extends Sql {
  transaction<T>(fn: (tx: SqlTxn) => Promise<T>, isolation?: Isolation): Promise<T>;
}

/** Who is syncing, as the auth layer established it. */
export interface SyncUser {
  id: string;
  role: 'manager' | 'head_of_sales' | 'admin';
  displayName: string;
}

export interface SyncDevice {
  id: string;
  user: SyncUser;
  /** What the device's offer numbers carry; the pull tells the laptop (core/offers/offer-number.ts). */
  offerMark?: string | null;
}
