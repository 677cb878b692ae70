/** Users' offer prefixes (core/offers/offer-number.ts) on both backends: unique in the company. */
import { expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { createUser, findUser } from './users';

const FAST = { logN: 10, r: 8, p: 1 };

for (const backend of BACKENDS) {
  describeBackend(backend)(`users on ${backend}`, () => {
    const test = useTestDatabase(backend, { migrate: false });

    it('gives users who were there before offer prefixes their initials, numbered from 2 on for the same initials', async () => {
      const db = test.db;
      // The schema as it was before offer prefixes (the later migrations come after them).
      const prefixes = MIGRATIONS.find((m) => m.name === 'offer-prefix')!;
      const before = MIGRATIONS.filter((m) => m.version < prefixes.version);
      await migrate(db, before);
      const add = (login: string, name: string, at: string) =>
        db.query(`INSERT INTO users (login, display_name, role, password_hash, created_at) VALUES ($1, $2, 'manager', 'x', $3::timestamptz)`, [login, name, at]);
      await add('alex', 'Alex Brown', '2026-02-01T00:00:00Z');
      await add('anna', 'Anna Berger', '2026-01-01T00:00:00Z');
      await add('dima', 'Дмитрий  Соколов', '2026-01-01T00:00:00Z');
      await add('abe', 'abe b. lincoln', '2026-03-01T00:00:00Z');
      await add('x', '# 1', '2026-01-01T00:00:00Z');
      await migrate(db);
      const given = await db.query<{ login: string; offer_prefix: string }>(`SELECT login, offer_prefix FROM users ORDER BY login`);
      expect(given).toEqual([
        { login: 'abe', offer_prefix: 'AB3' },
        { login: 'alex', offer_prefix: 'AB2' },
        { login: 'anna', offer_prefix: 'AB' },
        { login: 'dima', offer_prefix: 'ДС' },
        { login: 'x', offer_prefix: 'OF' },
      ]);
    });

    it('gives a new user the first prefix no one has, even one of a disabled user', async () => {
      const db = test.db;
      await db.query(`UPDATE users SET disabled_at = now() WHERE login = 'alex'`);
      const ada = await createUser(db, { login: 'ada', displayName: 'Ada Bauer', role: 'manager', password: 'long enough' }, FAST);
      expect(ada.offerPrefix).toBe('AB4');
      const ben = await createUser(db, { login: 'ben', displayName: 'Ben Okafor', role: 'manager', password: 'long enough' }, FAST);
      expect(ben.offerPrefix).toBe('BO');
      await db.query(`UPDATE users SET display_name = 'Anna Schmidt' WHERE login = 'anna'`);
      expect((await findUser(db, { login: 'anna' }))!.offerPrefix).toBe('AB');
      await expect(db.query(`UPDATE users SET offer_prefix = 'BO' WHERE login = 'ada'`)).rejects.toThrow(/users_offer_prefix_key/);
    });
  });
}
