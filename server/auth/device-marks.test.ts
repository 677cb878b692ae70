/**
 * Devices' offer marks (core/offers/offer-number.ts) on both backends: each sign-in of a person
 * gets the person's next mark, never one given before, and the laptop learns it at sign-in and
 * with every pull; devices that existed before marks get them in the order they were made.
 */
import { expect, it } from 'vitest';
import { buildApp } from '../app';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { SYNC_SCHEMA_VERSION } from '../../core/sync/protocol';
import { createDevice, revokeDevice } from './devices';
import { createUser } from './users';

const FAST = { logN: 10, r: 8, p: 1 };
const PASSWORD = 'long enough password';

for (const backend of BACKENDS) {
  describeBackend(backend)(`device offer marks on ${backend}`, () => {
    const test = useTestDatabase(backend, { migrate: false });

    it('marks the devices there before marks in the order each person made them', async () => {
      const db = test.db;
      const marks = MIGRATIONS.find((m) => m.name === 'device-offer-marks')!;
      await migrate(db, MIGRATIONS.filter((m) => m.version < marks.version));
      const anna = await createUser(db, { login: 'anna', displayName: 'Anna Berger', role: 'manager', password: PASSWORD }, FAST);
      const ben = await createUser(db, { login: 'ben', displayName: 'Ben Okafor', role: 'manager', password: PASSWORD }, FAST);
      const add = (userId: string, name: string, at: string) =>
        db.query(`INSERT INTO devices (user_id, name, token_hash, created_at) VALUES ($1::uuid, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'), $3::timestamptz)`, [userId, name, at]);
      // 26 devices of Anna's (past the 24 one-letter marks), made out of order; two of Ben's.
      for (let i = 26; i >= 1; i--) await add(anna.id, `anna ${i}`, `2026-01-${String(i).padStart(2, '0')}T00:00:00Z`);
      await add(ben.id, 'ben 2', '2026-02-02T00:00:00Z');
      await add(ben.id, 'ben 1', '2026-02-01T00:00:00Z');
      await migrate(db);
      const rows = await db.query<{ name: string; offer_mark: string }>(`SELECT name, offer_mark FROM devices ORDER BY created_at`);
      const markOf = new Map(rows.map((r) => [r.name, r.offer_mark]));
      expect(['anna 1', 'anna 8', 'anna 9', 'anna 24', 'anna 25', 'anna 26', 'ben 1', 'ben 2'].map((n) => markOf.get(n))).toEqual(['A', 'H', 'J', 'Z', 'AA', 'AB', 'A', 'B']);
      // The next device continues after them.
      expect((await createDevice(db, anna.id, 'anna 27')).offerMark).toBe('AC');
      expect((await createDevice(db, ben.id, 'ben 3')).offerMark).toBe('C');
    });

    it('gives each sign-in the person’s next mark, never one given before, and tells it at sign-in and in every pull', async () => {
      const db = test.db;
      const app = await buildApp({ db });
      try {
        await createUser(db, { login: 'mia', displayName: 'Mia Novak', role: 'manager', password: PASSWORD }, FAST);
        const signIn = async () => {
          const res = await app.inject({ method: 'POST', url: '/api/login', payload: { login: 'mia', password: PASSWORD, deviceName: 'laptop' } });
          expect(res.statusCode).toBe(200);
          return res.json() as { token: string; deviceId: string; offerMark: string };
        };
        const first = await signIn();
        const second = await signIn();
        expect([first.offerMark, second.offerMark]).toEqual(['A', 'B']);
        // A device signed out is gone with its mark: the next sign-in does not take it again.
        await revokeDevice(db, first.deviceId, null);
        expect((await signIn()).offerMark).toBe('C');
        // Two sign-ins at once get two marks.
        const both = await Promise.all([signIn(), signIn()]);
        expect(both.map((b) => b.offerMark).sort()).toEqual(['D', 'E']);
        const pull = await app.inject({
          method: 'POST',
          url: '/api/sync/pull',
          headers: { authorization: `Bearer ${second.token}` },
          payload: { schemaVersion: SYNC_SCHEMA_VERSION, cursor: 0, scopeHash: '' },
        });
        expect(pull.statusCode).toBe(200);
        expect((pull.json() as { offerMark?: string }).offerMark).toBe('B');
      } finally {
        await app.close();
      }
    });
  });
}
