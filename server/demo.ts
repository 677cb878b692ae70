/**
 * The demo team on the embedded server that `npm start` runs when no company server is
 * configured, so the app works out of the box. Everyone's password is `demo`: well known on
 * purpose, logged as such, and only ever created when asked (`--demo`), never by default.
 *
 * TODO(demo-data): take the team from core/demo-data `demoTeam()` once it exists, so the
 * renderer's demo clients' owners are these users (same ids).
 */
import type { SqlDb } from './db/sql-db';
import { createUser, type NewUser } from './auth/users';
import type { ScryptParams } from './auth/password';

export const DEMO_PASSWORD = 'demo';

/** Fixed ids: the demo clients' owners must be the same on every machine. */
export const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { id: '00000000-0000-4000-8000-000000000001', login: 'admin', displayName: 'Demo Admin', role: 'admin' },
  { id: '00000000-0000-4000-8000-000000000002', login: 'head', displayName: 'Helena Hofmann', role: 'head_of_sales', discountLimitPct: 25 },
  { id: '00000000-0000-4000-8000-000000000003', login: 'anna', displayName: 'Anna Berger', role: 'manager', head: 'head', discountLimitPct: 10 },
  { id: '00000000-0000-4000-8000-000000000004', login: 'ben', displayName: 'Ben Okafor', role: 'manager', head: 'head', discountLimitPct: 10 },
];

export interface DemoSeedResult {
  users: string[];
  created: string[];
  password: string;
}

/** Creates the demo users that do not exist yet (idempotent; existing users are left as they are). */
export async function seedDemo(db: SqlDb, hashParams?: ScryptParams): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const created: string[] = [];
    // In order: heads before their team.
    for (const user of DEMO_USERS) {
      const [exists] = await tx.query(`SELECT 1 FROM users WHERE login = $1 OR id = $2::uuid`, [user.login, user.id]);
      if (exists) continue;
      await createUser(tx, { ...user, password: DEMO_PASSWORD }, hashParams);
      created.push(user.login);
    }
    return { users: DEMO_USERS.map((u) => u.login), created, password: DEMO_PASSWORD };
  });
}
