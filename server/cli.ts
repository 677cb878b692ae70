/**
 * The admin command line: `npm run server:admin -- <command> [options]`.
 * Works on the same database as the server (DATABASE_URL, or the embedded one in the data
 * folder — stop the server first then, as only one process can open it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from './db/open';
import { migrate } from './db/migrate';
import type { SqlDb } from './db/sql-db';
import { revokeDevice } from './auth/devices';
import { generatePassword } from './auth/password';
import { createUser, listUsers, loginSchema, passwordSchema, ROLES, setPassword, UserError, type Role } from './auth/users';
import { DEFAULTS } from './config';
import { assignClient } from './admin/assign-client';
import { importReceivables } from './admin/import-receivables';
import { AdminInputError } from './admin/input-error';
import { parseReceivablesCsv } from './admin/receivables-csv';

export const CLI_USAGE = `Usage: npm run server:admin -- <command> [options]

Commands:
  create-user --login <login> --name <name> --role <${ROLES.join('|')}>
              [--head <login>] [--discount-limit <pct>] [--password <pw> | --password-stdin]
                                 without a password, one is generated and printed once
  reset-password --login <login> [--password <pw> | --password-stdin]
  list-users
  revoke-device --id <device id>
  assign-client --client <client id> --to <login>
                                 hands the client and its contacts to a manager or head of sales
  import-receivables --file <path.csv | ->
                                 sets the receivables of the clients in the accounting export
                                 (columns client_id or tax_id, balance, overdue, overdue_days;
                                 optional currency, as_of); one bad row and nothing is written
  import-catalog, import-prices  (come with offers)

Every command takes --data-dir <dir> (FIELDBOOK_DATA_DIR, default ${DEFAULTS.dataDir})
or --database-url <url> (DATABASE_URL).`;

/** Commands that need the offers' records (catalog, price lists): present, but not yet available. */
export const NOT_YET = ['import-catalog', 'import-prices'] as const;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readStdin(): string;
}

const nodeIo: CliIo = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  readStdin: () => readFileSync(0, 'utf8'),
};

class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

/** The password from --password, --password-stdin, or a generated one (printed once). */
function passwordFrom(values: Record<string, unknown>, io: CliIo): { password: string; generated: boolean } {
  if (values['password-stdin']) return { password: io.readStdin().replace(/\r?\n$/, ''), generated: false };
  if (typeof values.password === 'string') return { password: values.password, generated: false };
  return { password: generatePassword(), generated: true };
}

function checkPassword(password: string): void {
  const r = passwordSchema.safeParse(password);
  if (!r.success) throw new UsageError(r.error.issues[0]!.message);
}

async function runCommand(db: SqlDb, command: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  switch (command) {
    case 'create-user': {
      const role = need(values, 'role');
      if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
      const discount = values['discount-limit'] === undefined ? 0 : Number(values['discount-limit']);
      if (!Number.isFinite(discount) || discount < 0 || discount > 100) throw new UsageError('--discount-limit must be a percentage from 0 to 100.');
      const { password, generated } = passwordFrom(values, io);
      checkPassword(password);
      const user = await createUser(db, {
        login: need(values, 'login'),
        displayName: need(values, 'name'),
        role: role as Role,
        ...(typeof values.head === 'string' ? { head: values.head } : {}),
        discountLimitPct: discount,
        password,
      });
      io.out(`Created ${user.role} ${user.login} (${user.displayName}), id ${user.id}.`);
      if (generated) io.out(`Password (shown once, pass it on securely): ${password}`);
      return 0;
    }
    case 'reset-password': {
      const login = loginSchema.parse(need(values, 'login'));
      const { password, generated } = passwordFrom(values, io);
      checkPassword(password);
      if (!(await setPassword(db, login, password))) throw new UsageError(`No user with login "${login}".`);
      io.out(`Password of ${login} reset. Devices already signed in stay signed in; revoke them with revoke-device.`);
      if (generated) io.out(`New password (shown once): ${password}`);
      return 0;
    }
    case 'list-users': {
      const users = await listUsers(db);
      if (users.length === 0) io.out('No users yet. Create one with create-user.');
      for (const u of users) {
        io.out(
          [u.login.padEnd(20), u.role.padEnd(14), u.displayName.padEnd(30), `head=${u.headLogin ?? '-'}`, `discount≤${u.discountLimitPct}%`, u.disabledAt ? 'DISABLED' : '', u.id]
            .filter((part) => part !== '')
            .join(' '),
        );
      }
      return 0;
    }
    case 'revoke-device': {
      const id = need(values, 'id');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new UsageError('--id must be a device id (uuid).');
      const device = await revokeDevice(db, id, null);
      if (!device) throw new UsageError(`No device with id ${id}.`);
      io.out(`Device "${device.name}" of ${device.userLogin} revoked at ${device.revokedAt?.toISOString()}; it will wipe its data at its next sync.`);
      return 0;
    }
    case 'assign-client': {
      const login = loginSchema.parse(need(values, 'to'));
      const a = await assignClient(db, need(values, 'client'), login);
      if (a.seq === null) {
        io.out(`Client "${a.clientName}" (${a.clientId}) already belongs to ${a.to}; nothing changed.`);
        return 0;
      }
      const followed = Object.entries(a.followed).map(([table, n]) => `${n} ${n === 1 ? table.replace(/s$/, '') : table}`);
      io.out(`Client "${a.clientName}" (${a.clientId}) reassigned from ${a.from} to ${a.to}${followed.length ? `, with ${followed.join(' and ')}` : ''} (change ${a.seq}).`);
      io.out(`${a.from}'s laptops remove it at their next sync; ${a.to}'s fetch it.`);
      return 0;
    }
    case 'import-receivables': {
      const path = need(values, 'file');
      const what = path === '-' ? 'stdin' : path;
      let text: string;
      try {
        text = path === '-' ? io.readStdin() : readFileSync(path, 'utf8');
      } catch (e) {
        throw new UsageError(`Cannot read ${path}: ${(e as Error).message}`);
      }
      const file = parseReceivablesCsv(text, what);
      const result = await importReceivables(db, file);
      const clients = (n: number) => `${n} ${n === 1 ? 'client' : 'clients'}`;
      io.out(`Receivables from ${what}: ${clients(result.updated)} updated, ${clients(result.unchanged)} unchanged.`);
      if (file.lines.some((l) => l.asOf === null)) io.out(`Dated ${result.asOf} (today) where the file has no as_of.`);
      if (file.ignoredColumns.length) io.out(`Columns not used: ${file.ignoredColumns.join(', ')}.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/**
 * Runs one admin command. Exit codes: 0 done, 1 failed, 2 usage error or not yet available.
 * `db` is for tests; otherwise the database comes from the flags or environment.
 */
export async function runCli(argv: readonly string[], env: Record<string, string | undefined>, io: CliIo = nodeIo, db?: SqlDb): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(CLI_USAGE);
    return command ? 0 : 2;
  }
  if ((NOT_YET as readonly string[]).includes(command)) {
    // TODO(offers): these need the catalog and price list tables.
    io.err(`${command}: not yet available — it comes with offers.`);
    return 2;
  }
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      strict: true,
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        head: { type: 'string' },
        'discount-limit': { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        id: { type: 'string' },
        client: { type: 'string' },
        to: { type: 'string' },
        file: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
      },
    }));
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const ownDb = !db;
  let database: SqlDb | undefined = db;
  try {
    database ??= await openDatabase({
      dataDir: (values['data-dir'] as string | undefined) ?? env.FIELDBOOK_DATA_DIR ?? DEFAULTS.dataDir,
      databaseUrl: (values['database-url'] as string | undefined) ?? (env.DATABASE_URL || undefined),
    });
    await migrate(database);
    return await runCommand(database, command, values, io);
  } catch (e) {
    if (e instanceof AdminInputError) {
      for (const problem of e.problems) io.err(problem);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof z.ZodError) {
      io.err(e.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
      return 2;
    }
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    if (ownDb) await database?.close();
  }
}

// Run when executed directly (`tsx server/cli.ts`), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runCli(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
