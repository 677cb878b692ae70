/** The admin command line and the demo seed, on both backends. */
import { expect, it } from 'vitest';
import { runCli, NOT_YET, type CliIo } from './cli';
import { createDevice } from './auth/devices';
import { findUser } from './auth/users';
import { verifyPassword } from './auth/password';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo';
import { BACKENDS, describeBackend, useTestDatabase } from './test/backends';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => stdin };
  return { io: value, out, err };
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`admin CLI on ${backend}`, () => {
    const test = useTestDatabase(backend);

    it('creates a head of sales and a manager in the team, with a generated password printed once', async () => {
      const head = io();
      expect(await runCli(['create-user', '--login', 'Hanna', '--name', 'Hanna Head', '--role', 'head_of_sales', '--password', 'long enough'], {}, head.io, test.db)).toBe(0);
      expect(head.out.join('\n')).not.toMatch(/Password/);
      const mgr = io();
      const code = await runCli(['create-user', '--login', 'mia', '--name', 'Mia Manager', '--role', 'manager', '--head', 'hanna', '--discount-limit', '12.5'], {}, mgr.io, test.db);
      expect(code, mgr.err.join()).toBe(0);
      const password = /Password \(shown once, pass it on securely\): (\S+)/.exec(mgr.out.join('\n'))?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const mia = await findUser(test.db, { login: 'mia' });
      expect(mia).toMatchObject({ role: 'manager', headLogin: 'hanna', discountLimitPct: '12.50', displayName: 'Mia Manager' });
      const [{ hash }] = (await test.db.query<{ hash: string }>(`SELECT password_hash AS hash FROM users WHERE login = 'mia'`)) as [{ hash: string }];
      expect(await verifyPassword(password!, hash)).toBe(true);
    });

    it('refuses bad input with exit code 2 and a reason', async () => {
      const cases: [string[], RegExp][] = [
        [['create-user', '--login', 'x', '--name', 'X'], /--role is required/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'boss'], /--role must be one of/],
        [['create-user', '--login', 'x y', '--name', 'X', '--role', 'manager', '--password', 'long enough'], /login may contain/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--password', 'short'], /at least 8/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--discount-limit', '120'], /--discount-limit/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--nonsense'], /Unknown option/],
        [['revoke-device', '--id', 'nope'], /uuid/],
        [['revoke-device', '--id', '00000000-0000-4000-8000-000000000000'], /No device/],
        [['reset-password', '--login', 'ghost', '--password', 'long enough'], /No user/],
        [['frobnicate'], /Unknown command/],
      ];
      for (const [argv, message] of cases) {
        const r = io();
        expect(await runCli(argv, {}, r.io, test.db), argv.join(' ')).toBe(2);
        expect(r.err.join('\n'), argv.join(' ')).toMatch(message);
      }
      const dup = io();
      expect(await runCli(['create-user', '--login', 'mia', '--name', 'M', '--role', 'manager'], {}, dup.io, test.db)).toBe(1);
      expect(dup.err.join()).toMatch(/already exists/);
      const notHead = io();
      expect(await runCli(['create-user', '--login', 'zed', '--name', 'Z', '--role', 'manager', '--head', 'mia'], {}, notHead.io, test.db)).toBe(1);
      expect(notHead.err.join()).toMatch(/not a head of sales/);
      expect((await test.db.query(`SELECT login FROM users WHERE login IN ('x', 'zed')`)).length).toBe(0);
    });

    it('resets a password from stdin, lists users, revokes a device', async () => {
      const reset = io('brand new secret\n');
      expect(await runCli(['reset-password', '--login', 'MIA', '--password-stdin'], {}, reset.io, test.db)).toBe(0);
      const [{ hash }] = (await test.db.query<{ hash: string }>(`SELECT password_hash AS hash FROM users WHERE login = 'mia'`)) as [{ hash: string }];
      expect(await verifyPassword('brand new secret', hash)).toBe(true);

      const list = io();
      expect(await runCli(['list-users'], {}, list.io, test.db)).toBe(0);
      expect(list.out).toHaveLength(2);
      expect(list.out[1]).toMatch(/^mia\s+manager\s+Mia Manager\s+head=hanna discount≤12.50%/);

      const mia = (await findUser(test.db, { login: 'mia' }))!;
      const { deviceId } = await createDevice(test.db, mia.id, 'Lost laptop');
      const revoke = io();
      expect(await runCli(['revoke-device', '--id', deviceId], {}, revoke.io, test.db)).toBe(0);
      expect(revoke.out.join()).toMatch(/"Lost laptop" of mia revoked/);
      const [row] = await test.db.query<{ revoked: boolean }>(`SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1`, [deviceId]);
      expect(row!.revoked).toBe(true);
    });

    it('says the sync-dependent commands are not yet available (exit 2)', async () => {
      for (const command of NOT_YET) {
        const r = io();
        expect(await runCli([command, '--file', 'x.csv'], {}, r.io, test.db)).toBe(2);
        expect(r.err.join()).toMatch(/not yet available/);
      }
      const help = io();
      expect(await runCli([], {}, help.io, test.db)).toBe(2);
      expect(help.out.join()).toMatch(/create-user/);
    });

    it('seeds the demo team idempotently with the well-known password', async () => {
      const fast = { logN: 10, r: 8, p: 1 };
      const first = await seedDemo(test.db, fast);
      expect(first.created).toEqual(DEMO_USERS.map((u) => u.login));
      expect(first.password).toBe(DEMO_PASSWORD);
      const second = await seedDemo(test.db, fast);
      expect(second.created).toEqual([]);
      const anna = await findUser(test.db, { login: 'anna' });
      expect(anna).toMatchObject({ id: DEMO_USERS.find((u) => u.login === 'anna')!.id, role: 'manager', headLogin: 'head' });
      const [{ hash }] = (await test.db.query<{ hash: string }>(`SELECT password_hash AS hash FROM users WHERE login = 'anna'`)) as [{ hash: string }];
      expect(await verifyPassword('demo', hash)).toBe(true);
    });
  });
}
