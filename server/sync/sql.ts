/**
 * The slice of the database layer sync needs: parameterised queries inside a transaction.
 * Both backends (PGlite and node-postgres) provide it; sync code never sees which one runs.
 */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface SqlTransactor extends Sql {
  transaction<T>(fn: (tx: Sql) => Promise<T>, isolation?: Isolation): Promise<T>;
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
}
