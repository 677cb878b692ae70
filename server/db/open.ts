import { join } from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { SqlDb } from './sql-db';

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when set, the data folder is not used for the database. */
  databaseUrl?: string | undefined;
  /** The server's data folder; the embedded database lives in `<dataDir>/db`. */
  dataDir: string;
}

/** PostgreSQL from DATABASE_URL when given, otherwise the embedded PGlite in the data folder. */
export async function openDatabase(config: DatabaseConfig): Promise<SqlDb> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl });
  return openPglite({ dataDir: join(config.dataDir, 'db') });
}
