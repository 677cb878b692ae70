/**
 * The database layer on both backends: real transactions, selectable isolation, the same value
 * types, and migrations that are idempotent, checked and safe to run from two instances at once.
 */
import { expect, it } from 'vitest';
import { checksum, migrate, migrationStatus } from './migrate';
import { MIGRATIONS, type Migration } from './migrations/index';
import { openPostgres } from './postgres';
import type { SqlDb } from './sql-db';
import { BACKENDS, describeBackend, openTestDatabase, useTestDatabase } from '../test/backends';

const tables = async (db: SqlDb) =>
  (await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map((r) => r.t);

for (const backend of BACKENDS) {
  describeBackend(backend)(`database layer on ${backend}`, () => {
    const test = useTestDatabase(backend, { migrate: false });

    it('migrates a fresh database, and a second run does nothing', async () => {
      const db = test.db;
      expect(await migrationStatus(db)).toEqual({ applied: 0, expected: MIGRATIONS.length, pending: MIGRATIONS.map((m) => m.version) });
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await tables(db)).toEqual(expect.arrayContaining(['delegations', 'devices', 'login_attempts', 'schema_migrations', 'users']));
      expect(await migrate(db)).toEqual([]);
      expect(await migrationStatus(db)).toEqual({ applied: MIGRATIONS.length, expected: MIGRATIONS.length, pending: [] });
      const rows = await db.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM schema_migrations ORDER BY version`);
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, checksum: checksum(m.sql) })));
    });

    it('applies new migrations in order in one transaction: a failing one leaves nothing behind', async () => {
      const db = test.db;
      const good: Migration = { version: MIGRATIONS.length + 1, name: 'good', sql: 'CREATE TABLE extra_a (id int);' };
      const bad: Migration = { version: MIGRATIONS.length + 2, name: 'bad', sql: 'CREATE TABLE extra_b (id int); SELECT no_such_function();' };
      await expect(migrate(db, [...MIGRATIONS, good, bad])).rejects.toThrow(/no_such_function/);
      expect(await tables(db)).not.toContain('extra_a');
      expect(await tables(db)).not.toContain('extra_b');
      expect((await migrationStatus(db)).applied).toBe(MIGRATIONS.length);
      expect(await migrate(db, [...MIGRATIONS, good])).toEqual([good.version]);
      expect(await tables(db)).toContain('extra_a');
    });

    it('refuses to start when an applied migration was edited, or the database is newer', async () => {
      const db = test.db;
      const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/Migration 1 \(users-devices\) was changed after it was applied/);
      await expect(migrate(db, MIGRATIONS)).rejects.toThrow(/migrated by a newer server/); // extra_a from the test above
      await expect(migrate(db, [MIGRATIONS[0]!, { version: 3, name: 'gap', sql: '' }])).rejects.toThrow(/numbered 1, 2, 3/);
    });

    it('commits a transaction, and rolls it back whole when it throws', async () => {
      const db = test.db;
      await db.query(`CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, note text)`);
      const value = await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES (1, 'kept')`);
        return 'done';
      });
      expect(value).toBe('done');
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO tx_probe VALUES (2, 'lost')`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`UPDATE tx_probe SET note = 'changed' WHERE id = 1`);
          await tx.query(`INSERT INTO tx_probe VALUES (1, 'duplicate')`);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db.query(`SELECT id, note FROM tx_probe ORDER BY id`)).toEqual([{ id: 1, note: 'kept' }]);
    });

    it('commits with the last statement (queryAndCommit), and rolls back whole when that statement fails', async () => {
      const db = test.db;
      await db.query(`CREATE TABLE last_probe (id int PRIMARY KEY, note text)`);
      const rows = await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO last_probe VALUES (1, 'first')`);
        return tx.queryAndCommit<{ id: number }>(`INSERT INTO last_probe VALUES ($1, 'last') RETURNING id`, [2]);
      });
      expect(rows).toEqual([{ id: 2 }]);
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO last_probe VALUES (3, 'before')`);
          return tx.queryAndCommit(`INSERT INTO last_probe VALUES ($1, 'duplicate')`, [1]);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db.query(`SELECT id, note FROM last_probe ORDER BY id`)).toEqual([
        { id: 1, note: 'first' },
        { id: 2, note: 'last' },
      ]);
      // The connection is fine afterwards.
      expect(await db.transaction((tx) => tx.query<{ one: number }>(`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
    });

    it('runs a transaction at the chosen isolation level', async () => {
      for (const level of ['read committed', 'repeatable read', 'serializable'] as const) {
        const [row] = await test.db.transaction((tx) => tx.query<{ level: string }>(`SELECT current_setting('transaction_isolation') AS level`), level);
        expect(row!.level).toBe(level);
      }
      await expect(test.db.transaction(async () => 1, 'chaos' as 'serializable')).rejects.toThrow(/Unknown isolation level/);
    });

    it('retries a transaction after a serialization failure', async () => {
      let attempts = 0;
      const value = await test.db.transaction(async (tx) => {
        attempts++;
        await tx.query('SELECT 1');
        if (attempts < 3) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
        return attempts;
      }, 'serializable');
      expect(value).toBe(3);
    });

    it('returns the same value types on both backends', async () => {
      const [row] = await test.db.query<Record<string, unknown>>(
        `SELECT 42::int8 AS big, 7::int4 AS int, 1.50::numeric(5,2) AS num, '2026-01-02T03:04:05Z'::timestamptz AS ts,
                '00000000-0000-4000-8000-000000000001'::uuid AS id, '{"a":[1,"x"]}'::jsonb AS doc, true AS flag, NULL::text AS nothing, $1::text AS param`,
        ['ünïcødé ✓'],
      );
      expect(row).toEqual({
        big: 42,
        int: 7,
        num: '1.50',
        ts: new Date('2026-01-02T03:04:05Z'),
        id: '00000000-0000-4000-8000-000000000001',
        doc: { a: [1, 'x'] },
        flag: true,
        nothing: null,
        param: 'ünïcødé ✓',
      });
    });
  });
}

describeBackend('postgres')('migrations from two server instances at once (postgres)', () => {
  it('applies every migration exactly once', async () => {
    const first = await openTestDatabase('postgres', { migrate: false });
    const second = openPostgres({ connectionString: first.url! });
    const third = openPostgres({ connectionString: first.url! });
    try {
      const results = await Promise.all([migrate(first), migrate(second), migrate(third)]);
      const all = MIGRATIONS.map((m) => m.version);
      expect(results.filter((r) => r.length > 0)).toEqual([all]);
      expect(results.filter((r) => r.length === 0)).toHaveLength(2);
      expect((await migrationStatus(first)).pending).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close(), third.close()]);
    }
  }, 30_000);

  it('runs transactions on separate pooled connections', async () => {
    const db = await openTestDatabase('postgres');
    try {
      await db.query(`CREATE TABLE counter (n int)`);
      await db.query(`INSERT INTO counter VALUES (0)`);
      // Twenty concurrent increments under row locks: none lost, each in its own connection.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const [row] = await tx.query<{ n: number }>(`SELECT n FROM counter FOR UPDATE`);
            await tx.query(`UPDATE counter SET n = $1`, [row!.n + 1]);
          }),
        ),
      );
      expect(await db.query(`SELECT n FROM counter`)).toEqual([{ n: 20 }]);
    } finally {
      await db.close();
    }
  }, 30_000);
});

describeBackend('pglite')('migrations called twice at once (pglite)', () => {
  it('applies every migration exactly once', async () => {
    const db = await openTestDatabase('pglite', { migrate: false });
    try {
      const results = await Promise.all([migrate(db), migrate(db)]);
      expect(results.map((r) => r.length).sort()).toEqual([0, MIGRATIONS.length]);
    } finally {
      await db.close();
    }
  }, 30_000);
});
