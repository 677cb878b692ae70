/**
 * Applies pending migrations in order, all in one transaction, recording each in
 * `schema_migrations`. Idempotent on restart; safe when several instances start at once: a
 * transaction-scoped advisory lock makes them take turns, and the later ones find nothing to do.
 */
import { createHash } from 'node:crypto';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { Sql, SqlDb } from './sql-db';

/** Advisory lock key of the migration runner (other subsystems use other keys). */
export const MIGRATION_LOCK = 7_291_000;

export const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

export interface MigrationStatus {
  applied: number;
  expected: number;
  pending: number[];
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

function check(known: readonly Migration[], applied: AppliedRow[]): void {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = byVersion.get(row.version);
    if (!m) {
      throw new Error(
        `The database has migration ${row.version} (${row.name}) that this server does not know: it was migrated by a newer server. Update this server.`,
      );
    }
    if (checksum(m.sql) !== row.checksum) {
      throw new Error(`Migration ${row.version} (${row.name}) was changed after it was applied. Restore it and add a new migration instead.`);
    }
  }
}

function validate(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3 … in order; found ${m.version} at position ${i + 1}`);
  });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer     PRIMARY KEY,
  name       text        NOT NULL,
  checksum   text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function readApplied(sql: Sql): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`);
}

/** Brings the schema up to date. Returns the versions it applied (empty when already current). */
export async function migrate(db: SqlDb, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  validate(migrations);
  return db.transaction(async (tx) => {
    // Taken before anything else, so a second instance waits here and then sees the first
    // one's work; released at COMMIT or ROLLBACK.
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK]);
    await tx.exec(CREATE_TABLE);
    const applied = await readApplied(tx);
    check(migrations, applied);
    const done = new Set(applied.map((r) => r.version));
    const newlyApplied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`, [m.version, m.name, checksum(m.sql)]);
      newlyApplied.push(m.version);
    }
    return newlyApplied;
  });
}

/** For /health: how many migrations are applied and which are missing. Throws if the db is unreachable. */
export async function migrationStatus(db: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationStatus> {
  const [exists] = await db.query<{ ok: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
  const applied = exists?.ok ? await readApplied(db) : [];
  const done = new Set(applied.map((r) => r.version));
  return {
    applied: applied.length,
    expected: migrations.length,
    pending: migrations.filter((m) => !done.has(m.version)).map((m) => m.version),
  };
}
