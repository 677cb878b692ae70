/** The admin command line and the demo seed, on both backends. */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from './cli';
import { csvFile, io, pullFrom, record, topSeq } from './test/admin-helpers';
import { createDevice } from './auth/devices';
import { createUser, findUser, type Role } from './auth/users';
import { formatHlc } from '../core/sync/hlc';
import { verifyPassword } from './auth/password';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo';
import type { SqlDb } from './db/sql-db';
import { parsedAnswer, snapshot } from './sync/pull';
import { applyPush } from './sync/push';
import { SERVER_NODE, bulkInsertRows, type StoredRow } from './sync/records';
import type { SyncUser } from './sync/sql';
import { BACKENDS, describeBackend, useTestDatabase } from './test/backends';

const FAST = { logN: 10, r: 8, p: 1 };
/** A laptop stamp from before the tests run: every server stamp made now is later. */
const OLD_STAMP = '001763856000000-00000-aaaaaaaaaaaaaaaa';

interface Team {
  head: SyncUser;
  anna: SyncUser;
  ben: SyncUser;
}

async function user(db: SqlDb, login: string, role: Role, head?: string): Promise<SyncUser> {
  const u = await createUser(db, { login, displayName: login.toUpperCase(), role, password: 'long enough', ...(head ? { head } : {}) }, FAST);
  return { id: u.id, role: u.role, displayName: u.displayName };
}

/** A client as a laptop would have pushed it, with one contact. */
async function seedClient(db: SqlDb, ownerId: string, patch: Record<string, unknown> = {}): Promise<{ clientId: string; contactId: string }> {
  const clientId = randomUUID();
  const contactId = randomUUID();
  const rows: Omit<StoredRow, 'seq'>[] = [
    {
      tbl: 'clients',
      id: clientId,
      owner_id: ownerId,
      client_id: clientId,
      data: { name: `Client ${clientId.slice(0, 4)}`, ownerId, currency: 'EUR', taxId: '', status: 'active', creditLimit: 0, receivables: null, _deleted: false, ...patch },
      stamps: { '*': OLD_STAMP },
      authors: { ownerId, name: ownerId },
    },
    { tbl: 'contacts', id: contactId, owner_id: ownerId, client_id: clientId, data: { name: 'Siti Rahman', clientId, _deleted: false }, stamps: { '*': OLD_STAMP }, authors: {} },
  ];
  await db.transaction((tx) => bulkInsertRows(tx, rows));
  return { clientId, contactId };
}

const today = () => new Date().toISOString().slice(0, 10);

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
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--discount-limit', ''], /--discount-limit/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--discount-limit', '12.345'], /at most two decimals/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'admin', '--head', 'hanna'], /An admin has no head of sales/],
        [['create-user', '--login', 'x', '--name', 'X', '--role', 'manager', '--nonsense'], /Unknown option/],
        [['revoke-device', '--id', 'nope'], /uuid/],
        [['list-devices', '--login', 'ghost'], /No user/],
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
      expect(await runCli(['create-user', '--login', 'mia', '--name', 'M', '--role', 'manager'], {}, dup.io, test.db)).toBe(2);
      expect(dup.err.join()).toMatch(/already exists/);
      const notHead = io();
      expect(await runCli(['create-user', '--login', 'zed', '--name', 'Z', '--role', 'manager', '--head', 'mia'], {}, notHead.io, test.db)).toBe(2);
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
      // The admin finds the laptop's id in the list of signed-in devices.
      const devices = io();
      expect(await runCli(['list-devices', '--login', 'mia'], {}, devices.io, test.db)).toBe(0);
      expect(devices.out).toHaveLength(1);
      expect(devices.out[0]).toMatch(new RegExp(`^mia\\s+Lost laptop\\s+seen \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d .*${deviceId}$`));
      const revoke = io();
      expect(await runCli(['revoke-device', '--id', deviceId], {}, revoke.io, test.db)).toBe(0);
      expect(revoke.out.join()).toMatch(/"Lost laptop" of mia revoked/);
      const [row] = await test.db.query<{ revoked: boolean }>(`SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1`, [deviceId]);
      expect(row!.revoked).toBe(true);
      // Signed out: listed with --all only, and marked so.
      const after = io();
      expect(await runCli(['list-devices', '--login', 'mia'], {}, after.io, test.db)).toBe(0);
      expect(after.out).toEqual(['No signed-in devices (--all shows signed-out ones).']);
      const all = io();
      expect(await runCli(['list-devices', '--all'], {}, all.io, test.db)).toBe(0);
      expect(all.out.filter((l) => l.includes(deviceId))[0]).toMatch(/SIGNED OUT/);
      // A second laptop of the same name: both carry their number, as the app shows them.
      const { deviceId: second } = await createDevice(test.db, mia.id, 'Lost laptop');
      const both = io();
      expect(await runCli(['list-devices', '--login', 'mia', '--all'], {}, both.io, test.db)).toBe(0);
      expect(both.out.find((l) => l.includes(deviceId))).toMatch(/^mia\s+Lost laptop #1\s/);
      expect(both.out.find((l) => l.includes(second))).toMatch(/^mia\s+Lost laptop #2\s/);
    });

    it('refuses a data folder with no database instead of making an empty one', async () => {
      const typo = join(tmpdir(), `fieldbook-typo-${Date.now()}`);
      const r = io();
      expect(await runCli(['list-users', '--data-dir', typo], {}, r.io)).toBe(2);
      expect(r.err.join()).toContain(`No Fieldbook database in ${join(typo, 'db')}`);
      expect(existsSync(typo)).toBe(false);
    });

    it('prints its usage, with every command, when run without one (exit 2)', async () => {
      const help = io();
      expect(await runCli([], {}, help.io, test.db)).toBe(2);
      for (const command of ['create-user', 'import-receivables', 'import-catalog', 'import-prices', 'import-stock', 'import-group-discounts', 'set-company']) {
        expect(help.out.join()).toContain(command);
      }
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

  describeBackend(backend)(`admin CLI on ${backend}: assign-client and import-receivables`, () => {
    const test = useTestDatabase(backend);
    let team: Team;

    beforeAll(async () => {
      const head = await user(test.db, 'head', 'head_of_sales');
      team = { head, anna: await user(test.db, 'anna', 'manager', 'head'), ben: await user(test.db, 'ben', 'manager', 'head') };
      await user(test.db, 'root', 'admin');
      await user(test.db, 'gone', 'manager', 'head');
      await test.db.query(`UPDATE users SET disabled_at = now() WHERE login = 'gone'`);
    });

    it('assign-client moves a client and its contacts: the old owner’s pull removes it, the new owner’s adds it', async () => {
      const { clientId, contactId } = await seedClient(test.db, team.anna.id, { name: 'Moving GmbH' });
      const staying = await seedClient(test.db, team.anna.id);
      const cursor = await topSeq(test.db);

      const r = io();
      expect(await runCli(['assign-client', '--client', clientId, '--to', 'BEN'], {}, r.io, test.db), r.err.join()).toBe(0);
      expect(r.out.join('\n')).toMatch(/Client "Moving GmbH" \(.+\) reassigned from anna to ben, with 1 contact \(change \d+\)/);

      const client = await record(test.db, 'clients', clientId);
      expect(client).toMatchObject({ owner_id: team.ben.id, data: { ownerId: team.ben.id, name: 'Moving GmbH' } });
      expect(client.seq).toBeGreaterThan(cursor);
      // A server stamp, later than the value it replaced; the other fields keep theirs.
      expect(client.stamps.ownerId!.endsWith(SERVER_NODE)).toBe(true);
      expect(client.stamps.ownerId! > OLD_STAMP).toBe(true);
      expect(client.stamps['*']).toBe(OLD_STAMP);
      expect(client.authors).toEqual({ name: team.anna.id });
      expect((await record(test.db, 'contacts', contactId)).owner_id).toBe(team.ben.id);
      expect((await record(test.db, 'clients', staying.clientId)).owner_id).toBe(team.anna.id);

      const annas = await pullFrom(test.db, team.anna, cursor);
      expect(annas.removed).toEqual([{ table: 'clients', id: clientId }]);
      expect(annas.addedClients).toEqual([]);
      expect(annas.records.map((x) => x.id)).not.toContain(clientId);
      expect(annas.cursor).toBeGreaterThanOrEqual(client.seq);

      const bens = await pullFrom(test.db, team.ben, cursor);
      expect(bens.addedClients).toEqual([clientId]);
      expect(bens.removed).toEqual([]);
      expect(bens.records.find((x) => x.id === clientId)?.data.ownerId).toBe(team.ben.id);
      // Ben's laptop fetches the added client whole, with what hangs off it.
      const fetched = parsedAnswer(await snapshot(test.db, team.ben, { schemaVersion: 3, owners: [], clientIds: [clientId], shared: false, after: null }));
      expect(fetched.records.map((x) => `${x.table}/${x.id}`).sort()).toEqual([`clients/${clientId}`, `contacts/${contactId}`].sort());

      // The head of sales sees both managers: the client stays on her laptop, updated.
      const heads = await pullFrom(test.db, team.head, cursor);
      expect(heads.removed).toEqual([]);
      expect(heads.addedClients).toEqual([]);
      expect(heads.records.find((x) => x.id === clientId)?.data.ownerId).toBe(team.ben.id);

      // Ben may now edit it (an edit based on the pulled owner stamp is sequential); Anna may not.
      const edit = (u: SyncUser, deviceId: string) =>
        applyPush(test.db, { id: deviceId, user: u }, { schemaVersion: 3, fromSeq: 1, toSeq: 1, ops: [{ table: 'clients', id: clientId, fields: { notes: { value: `by ${u.displayName}`, hlc: formatHlc({ wall: Date.now(), counter: 0, node: 'bbbbbbbbbbbbbbbb' }), base: OLD_STAMP } } }] });
      const bensPush = await edit(team.ben, (await createDevice(test.db, team.ben.id, 'ben laptop')).deviceId);
      expect(bensPush.ok && bensPush.response.results[0]!.status).toBe('applied');
      const annasPush = await edit(team.anna, (await createDevice(test.db, team.anna.id, 'anna laptop')).deviceId);
      expect(annasPush.ok && annasPush.response.results[0]).toMatchObject({ status: 'rejected', reason: 'not_permitted' });

      // Again: nothing to do, nothing written.
      const before = await topSeq(test.db);
      const again = io();
      expect(await runCli(['assign-client', '--client', clientId, '--to', 'ben'], {}, again.io, test.db)).toBe(0);
      expect(again.out.join()).toMatch(/already belongs to ben; nothing changed/);
      expect(await topSeq(test.db)).toBe(before);
    });

    it('assign-client refuses an unknown client or login, an admin, a disabled user, a deleted client (exit 2, nothing written)', async () => {
      const { clientId } = await seedClient(test.db, team.anna.id);
      const deleted = await seedClient(test.db, team.anna.id, { name: 'Deleted Ltd', _deleted: true });
      const before = await topSeq(test.db);
      const cases: [string[], RegExp][] = [
        [['--client', randomUUID(), '--to', 'ben'], /^No client with id [0-9a-f-]{36}\.$/],
        [['--client', 'not-an-id', '--to', 'ben'], /--client must be a client id \(uuid\)/],
        [['--client', clientId, '--to', 'nobody'], /^No user with login "nobody"\.$/],
        [['--client', clientId, '--to', 'root'], /"root" is an admin: clients are assigned to a manager or a head of sales/],
        [['--client', clientId, '--to', 'gone'], /"gone" is disabled/],
        [['--client', deleted.clientId, '--to', 'ben'], /Client "Deleted Ltd" \(.+\) is deleted/],
        [['--client', clientId], /--to is required/],
        [['--to', 'ben'], /--client is required/],
      ];
      for (const [args, message] of cases) {
        const r = io();
        expect(await runCli(['assign-client', ...args], {}, r.io, test.db), args.join(' ')).toBe(2);
        expect(r.err, args.join(' ')).toHaveLength(1);
        expect(r.err[0], args.join(' ')).toMatch(message);
      }
      expect(await topSeq(test.db)).toBe(before);
      expect((await record(test.db, 'clients', clientId)).owner_id).toBe(team.anna.id);
    });

    it('import-receivables sets the receivables with a server stamp and a new sequence number; the owner’s laptop pulls them', async () => {
      const a = await seedClient(test.db, team.anna.id, { name: 'Owes GmbH' });
      const b = await seedClient(test.db, team.ben.id, { name: 'Paid Ahead Kft', currency: 'HUF' });
      const cursor = await topSeq(test.db);
      const path = csvFile('receivables.csv', `client_id,Name,balance,overdue,overdue_days\n${a.clientId},Owes GmbH,1234.5,200.00,12\n${b.clientId},"Paid Ahead, Kft",-80,0,0\n`);

      const r = io();
      expect(await runCli(['import-receivables', '--file', path], {}, r.io, test.db), r.err.join()).toBe(0);
      expect(r.out).toEqual([`Receivables from ${path}: 2 clients updated, 0 clients unchanged.`, `Dated ${today()} (today) where the file has no as_of.`, 'Columns not used: name.']);

      const owes = await record(test.db, 'clients', a.clientId);
      expect(owes.data.receivables).toEqual({ balance: 123450, overdue: 20000, overdueDays: 12, currency: 'EUR', asOf: today() });
      expect(owes.seq).toBeGreaterThan(cursor);
      expect(owes.stamps.receivables!.endsWith(SERVER_NODE)).toBe(true);
      expect(owes.stamps['*']).toBe(OLD_STAMP);
      expect(owes.owner_id).toBe(team.anna.id);
      expect((await record(test.db, 'clients', b.clientId)).data.receivables).toEqual({ balance: -8000, overdue: 0, overdueDays: 0, currency: 'HUF', asOf: today() });

      const annas = await pullFrom(test.db, team.anna, cursor);
      expect(annas.records.map((x) => x.id)).toEqual([a.clientId]);
      expect(annas.records[0]!.data.receivables).toMatchObject({ balance: 123450 });

      // The same file again: nothing changed, nothing for the laptops to pull.
      const top = await topSeq(test.db);
      const again = io();
      expect(await runCli(['import-receivables', '--file', path], {}, again.io, test.db)).toBe(0);
      expect(again.out[0]).toBe(`Receivables from ${path}: 0 clients updated, 2 clients unchanged.`);
      expect(await topSeq(test.db)).toBe(top);
    });

    it('import-receivables reads a semicolon-separated file with decimal commas, by tax id, from stdin', async () => {
      const c = await seedClient(test.db, team.ben.id, { taxId: 'HU 12345678-2-42', currency: 'HUF' });
      const csv = `\uFEFFTax ID;Balance;Overdue;Overdue days;Currency;As of\r\nhu12345678242;1000,05;0;0;HUF;2026-11-20\r\n`;
      const r = io(csv);
      expect(await runCli(['import-receivables', '--file', '-'], {}, r.io, test.db), r.err.join()).toBe(0);
      expect(r.out).toEqual(['Receivables from stdin: 1 client updated, 0 clients unchanged.']);
      expect((await record(test.db, 'clients', c.clientId)).data.receivables).toEqual({ balance: 100005, overdue: 0, overdueDays: 0, currency: 'HUF', asOf: '2026-11-20' });
    });

    it('import-receivables reads amounts in the client’s currency: yen have no minor unit, dinars three', async () => {
      const yen = await seedClient(test.db, team.anna.id, { name: 'Tokyo KK', currency: 'JPY' });
      const dinar = await seedClient(test.db, team.anna.id, { name: 'Kuwait Co', currency: 'KWD' });
      const r = io(`client_id,balance,overdue,overdue_days\n${yen.clientId},150000,2000,5\n${dinar.clientId},12.345,0,0\n`);
      expect(await runCli(['import-receivables', '--file', '-'], {}, r.io, test.db), r.err.join()).toBe(0);
      expect((await record(test.db, 'clients', yen.clientId)).data.receivables).toMatchObject({ balance: 150000, overdue: 2000, currency: 'JPY' });
      expect((await record(test.db, 'clients', dinar.clientId)).data.receivables).toMatchObject({ balance: 12345, overdue: 0, currency: 'KWD' });

      const bad = io(`client_id,balance,overdue,overdue_days\n${yen.clientId},1500.5,0,0\n`);
      expect(await runCli(['import-receivables', '--file', '-'], {}, bad.io, test.db)).toBe(2);
      expect(bad.err).toEqual(['line 2: balance "1500.5" has decimals, but JPY has no minor unit', 'Nothing imported: 1 line needs fixing.']);
      expect((await record(test.db, 'clients', yen.clientId)).data.receivables).toMatchObject({ balance: 150000 });
    });

    it('import-receivables writes nothing when any row is bad, and names every bad line with its reason', async () => {
      const good = await seedClient(test.db, team.anna.id, { name: 'Good AG' });
      const other = await seedClient(test.db, team.anna.id, { name: 'Other AG', taxId: 'DE111' });
      await seedClient(test.db, team.ben.id, { taxId: 'DE111' }); // a second client with that tax id
      const deleted = await seedClient(test.db, team.anna.id, { name: 'Gone AG', _deleted: true });
      const precise = await seedClient(test.db, team.anna.id, { name: 'Precise AG' });
      const before = await topSeq(test.db);
      const unknown = randomUUID();
      const csv = [
        'client_id;tax_id;balance;overdue;overdue_days;currency',
        `${good.clientId};;100;0;0;EUR`, // line 2: fine
        `${unknown};;100;0;0;`, // 3
        `${precise.clientId};;12.345;0;0;`, // 4: three decimals for a client billed in EUR
        `;DE 111;5;0;0;`, // 5: two clients
        `${good.clientId};;1;0;0;`, // 6: good again
        `${other.clientId};;10;-1;x;EUR`, // 7: two reasons
        `${deleted.clientId};;1;0;0;`, // 8
        `${other.clientId};;1;0;0;USD`, // 9
        `${other.clientId};;1;0`, // 10: a value short
        `;;1;0;0;`, // 11
        `;NOPE;1;0;0;`, // 12
        `${other.clientId};;1.234,50;0;0;`, // 13
      ].join('\n');
      const r = io();
      expect(await runCli(['import-receivables', '--file', csvFile('bad.csv', csv)], {}, r.io, test.db)).toBe(2);
      expect(r.err).toEqual([
        `line 3: no client with id ${unknown}`,
        'line 4: balance "12.345" has more decimals than EUR has (2)',
        'line 5: tax id "DE 111" belongs to 2 clients; name the client by client_id',
        'line 6: client "Good AG" is also on line 2',
        'line 7: overdue "-1" is negative',
        'line 7: overdue_days "x" is not a whole number of days',
        `line 8: client "Gone AG" (${deleted.clientId}) is deleted`,
        'line 9: the amounts are in USD, client "Other AG" is billed in EUR',
        'line 10: 4 values, but the header has 6 columns (does a value with a ";" lack quotes?)',
        'line 11: no client_id or tax_id',
        'line 12: no client with tax id "NOPE"',
        'line 13: balance "1.234,50" is not an amount like 1234.50',
        'Nothing imported: 11 lines need fixing.',
      ]);
      expect(await topSeq(test.db)).toBe(before);
      expect((await record(test.db, 'clients', good.clientId)).data.receivables).toBeNull();
    });

    it('import-receivables refuses an empty file, a header without the needed columns, a missing file (exit 2)', async () => {
      const cases: [string, RegExp][] = [
        ['', /is empty: expected a header line and the lines below it/],
        ['\uFEFF\n\n', /is empty/],
        ['client_id,balance,overdue,overdue_days\n', /has a header but no client lines/],
        ['id;amount\n1;2\n', /the header lacks client_id \(or tax_id\), balance, overdue, overdue_days; it needs/],
        ['client_id,balance,overdue,overdue_days,balance\nx,1,1,1,1\n', /the column "balance" appears twice/],
        ['client_id,balance,overdue,overdue_days\n"x,1,1,1\n', /not readable as CSV: Quote Not Closed/],
      ];
      for (const [csv, message] of cases) {
        const r = io(csv);
        expect(await runCli(['import-receivables', '--file', '-'], {}, r.io, test.db), JSON.stringify(csv)).toBe(2);
        expect(r.err.join('\n'), JSON.stringify(csv)).toMatch(message);
      }
      const missing = io();
      expect(await runCli(['import-receivables', '--file', join(tmpdir(), `no-such-${randomUUID()}.csv`)], {}, missing.io, test.db)).toBe(2);
      expect(missing.err.join()).toMatch(/Cannot read .*no-such-.*ENOENT/);
      const none = io();
      expect(await runCli(['import-receivables'], {}, none.io, test.db)).toBe(2);
      expect(none.err.join()).toMatch(/--file is required/);
    });
  });
}
