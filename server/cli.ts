/**
 * The admin command line: `npm run server:admin -- <command> [options]`.
 * Works on the same database as the server (DATABASE_URL, or the embedded one in the data
 * folder — stop the server first then, as only one process can open it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from './db/open';
import { migrate } from './db/migrate';
import type { SqlDb } from './db/sql-db';
import { devicesOf, revokeDevice } from './auth/devices';
import { generatePassword } from './auth/password';
import { createUser, findUser, listUsers, setDisabled, loginSchema, passwordSchema, ROLES, setPassword, UserError, type Role } from './auth/users';
import { DEFAULTS } from './config';
import { assignClient, clientsOwnedBy } from './admin/assign-client';
import { importReceivables } from './admin/import-receivables';
import { AdminInputError } from './admin/input-error';
import { parseReceivablesCsv } from './admin/receivables-csv';
import { importCatalog, parseCatalogCsv } from './admin/import-catalog';
import { importPrices, parsePricesCsv } from './admin/import-prices';
import { importStock, parseStockCsv } from './admin/import-stock';
import { importGroupDiscounts, parseGroupDiscountsCsv } from './admin/import-group-discounts';
import { checkCompanyFields, COMPANY_FLAGS, logoDataUrl, setCompany } from './admin/set-company';
import type { CompanyProfileFields } from '../core/pricing/catalog-model';

export const CLI_USAGE = `Usage: npm run server:admin -- <command> [options]

Commands:
  create-user --login <login> --name <name> --role <${ROLES.join('|')}>
              [--head <login>] [--discount-limit <pct>] [--password <pw> | --password-stdin]
                                 without a password, one is generated and printed once
  reset-password --login <login> [--password <pw> | --password-stdin]
  list-users
  list-devices [--login <login>] [--all]
                                 signed-in laptops, most recently seen first, with their ids;
                                 --all: signed-out ones too
  revoke-device --id <device id>
  assign-client (--client <client id> | --from <login>) --to <login>
                                 hands the client (or all of --from's clients) and what hangs
                                 off them to a manager or head of sales
  disable-user --login <login>   someone who left: their laptops are signed out and wiped at
                                 their next connection; their clients stay for a colleague
  enable-user --login <login>
  import-receivables --file <path.csv | ->
                                 sets the receivables of the clients in the accounting export
                                 (columns client_id or tax_id, balance, overdue, overdue_days;
                                 optional currency, as_of); one bad row and nothing is written
  import-catalog --file <path.csv | ->
                                 product groups and products by SKU (columns sku, name, unit,
                                 vat_rate; optional group, description, characteristics,
                                 analogues, discontinued)
  import-prices --file <path.csv | ->
                                 price lists, a line per quantity break (columns sku, price_type,
                                 currency, price; optional min_qty, includes_vat)
  import-stock --file <path.csv | ->
                                 available stock and expected arrivals by SKU (columns sku,
                                 available; optional arrival_on, arrival_qty, as_of)
  import-group-discounts --file <path.csv | ->
                                 discounts on product groups (columns group, discount, and
                                 price_type, client_id or tax_id); 0 removes one
  set-company [--name <name>] [--legal-name <text>] [--tax-id <id>] [--address <text>]
              [--phone <phone>] [--email <email>] [--website <url>] [--bank-details <text>]
              [--offer-footer <text>] [--logo <file.png|jpg> | --remove-logo]
                                 the company's details on its offers; fields not given stay

Every command takes --data-dir <dir> (FIELDBOOK_DATA_DIR, default ${DEFAULTS.dataDir})
or --database-url <url> (DATABASE_URL).`;

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

const plural = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as Error).message}`);
  }
}

/** The CSV named by --file (`-`: standard input), and how to name it in messages. */
function readInput(values: Record<string, unknown>, io: CliIo): { text: string; what: string } {
  const path = need(values, 'file');
  const input = path === '-' ? { text: io.readStdin(), what: 'stdin' } : { text: new TextDecoder().decode(readBytes(path)), what: path };
  // Bytes that are not UTF-8 decode as U+FFFD: imported as they are, every laptop would show
  // "Caf� Kaffeem�hle" (Excel's plain "CSV" on Windows is Windows-1252, not UTF-8).
  const bad = input.text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = input.text.slice(0, bad).split('\n').length;
    throw new UsageError(`${input.what} is not UTF-8 text (line ${line}): save it as "CSV UTF-8" from the spreadsheet, or convert it (iconv -f WINDOWS-1252 -t UTF-8). Nothing was imported.`);
  }
  return input;
}

/** Names the columns an import did not use (a name column beside the SKU, say): a typo shows. */
function unused(file: { ignoredColumns: string[] }, io: CliIo): void {
  if (file.ignoredColumns.length) io.out(`Columns not used: ${file.ignoredColumns.join(', ')}.`);
}

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
      const limit = values['discount-limit'];
      // Number('') is 0: an empty value is a mistake, not "no discount".
      const discount = limit === undefined ? 0 : typeof limit === 'string' && /^\d+(\.\d{1,2})?$/.test(limit.trim()) ? Number(limit) : NaN;
      if (!Number.isFinite(discount) || discount > 100) throw new UsageError('--discount-limit must be a percentage from 0 to 100, with at most two decimals (12.5).');
      if (role === 'admin' && values.head !== undefined) throw new UsageError('An admin has no head of sales: leave out --head.');
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
      io.out(`Created ${user.role} ${user.login} (${user.displayName}), id ${user.id}; offer numbers ${user.offerPrefix}-….`);
      const namesakes = (await listUsers(db)).filter((u) => u.displayName === user.displayName && u.id !== user.id);
      if (namesakes.length) io.out(`Also called ${user.displayName}: ${namesakes.map((u) => u.login).join(', ')}. The app tells them apart by offer prefix.`);
      if (generated) io.out(`Password (shown once, pass it on securely): ${password}`);
      return 0;
    }
    case 'reset-password': {
      const login = loginSchema.parse(need(values, 'login'));
      const { password, generated } = passwordFrom(values, io);
      checkPassword(password);
      if (!(await setPassword(db, login, password))) throw new UsageError(`No user with login "${login}".`);
      io.out(`Password of ${login} reset, and any sign-in lockout lifted. Devices already signed in stay signed in; revoke them with revoke-device.`);
      if (generated) io.out(`New password (shown once): ${password}`);
      return 0;
    }
    case 'list-users': {
      const users = await listUsers(db);
      if (users.length === 0) io.out('No users yet. Create one with create-user.');
      for (const u of users) {
        io.out(
          [u.login.padEnd(20), u.role.padEnd(14), u.displayName.padEnd(30), `head=${u.headLogin ?? '-'}`, `discount≤${u.discountLimitPct}%`, `offers ${u.offerPrefix}-…`, u.disabledAt ? 'DISABLED' : '', u.id]
            .filter((part) => part !== '')
            .join(' '),
        );
      }
      return 0;
    }
    case 'list-devices': {
      const login = values.login === undefined ? null : loginSchema.parse(values.login);
      if (login && !(await findUser(db, { login }))) throw new UsageError(`No user with login "${login}".`);
      const devices = await devicesOf(db, { login, signedOut: values.all === true });
      if (devices.length === 0) io.out(values.all ? 'No devices.' : 'No signed-in devices (--all shows signed-out ones).');
      const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
      for (const d of devices) {
        // Named as the app names it: a person's laptops of one name carry their number (docs/sync-protocol.md, "History").
        const name = d.nameNumber === null ? d.name : `${d.name} #${d.nameNumber}`;
        io.out([d.userLogin.padEnd(20), name.padEnd(40), `seen ${when(d.lastSeenAt)}`, `signed in ${when(d.createdAt)}`, d.revokedAt ? `SIGNED OUT ${when(d.revokedAt)}` : '', d.id].filter(Boolean).join('  '));
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
    case 'disable-user':
    case 'enable-user': {
      const disable = command === 'disable-user';
      const user = await setDisabled(db, need(values, 'login'), disable);
      if (!user) throw new UsageError(`No user with login "${String(values.login)}".`);
      if (!disable) {
        io.out(`${user.login} (${user.displayName}) may sign in again.`);
        return 0;
      }
      const clients = await clientsOwnedBy(db, user.login);
      io.out(`${user.login} (${user.displayName}) disabled: their laptops are signed out, and their Fieldbook data removed, at their next connection.`);
      if (clients.length) io.out(`${plural(clients.length, 'client')} still ${clients.length === 1 ? 'belongs' : 'belong'} to ${user.login}; their head of sales sees them. Hand them over with: assign-client --from ${user.login} --to <login>`);
      return 0;
    }
    case 'assign-client': {
      const login = loginSchema.parse(need(values, 'to'));
      if (values.from !== undefined) {
        if (values.client !== undefined) throw new UsageError('Give --client or --from, not both.');
        const from = loginSchema.parse(need(values, 'from'));
        const ids = await clientsOwnedBy(db, from);
        for (const id of ids) await assignClient(db, id, login);
        io.out(`${plural(ids.length, 'client')} of ${from} reassigned to ${login}, with what hangs off them. ${from}'s laptops remove them at their next sync; ${login}'s fetch them.`);
        return 0;
      }
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
      const { text, what } = readInput(values, io);
      const file = parseReceivablesCsv(text, what);
      const result = await importReceivables(db, file);
      io.out(`Receivables from ${what}: ${plural(result.updated, 'client')} updated, ${plural(result.unchanged, 'client')} unchanged.`);
      if (file.lines.some((l) => l.asOf === null)) io.out(`Dated ${result.asOf} (today) where the file has no as_of.`);
      unused(file, io);
      return 0;
    }
    case 'import-catalog': {
      const { text, what } = readInput(values, io);
      const file = parseCatalogCsv(text, what);
      const r = await importCatalog(db, file);
      io.out(`Catalog from ${what}: ${plural(r.created, 'product')} created, ${r.updated} updated, ${r.unchanged} unchanged; ${plural(r.groupsCreated, 'product group')} created.`);
      unused(file, io);
      return 0;
    }
    case 'import-prices': {
      const { text, what } = readInput(values, io);
      const file = parsePricesCsv(text, what);
      const r = await importPrices(db, file);
      io.out(`Prices from ${what}: ${plural(r.created, 'price list')} created, ${r.updated} updated, ${r.unchanged} unchanged (${plural(r.products, 'product')}).`);
      unused(file, io);
      return 0;
    }
    case 'import-stock': {
      const { text, what } = readInput(values, io);
      const file = parseStockCsv(text, what);
      const r = await importStock(db, file);
      io.out(`Stock from ${what}: ${plural(r.updated, 'product')} updated, ${r.unchanged} unchanged.`);
      unused(file, io);
      return 0;
    }
    case 'import-group-discounts': {
      const { text, what } = readInput(values, io);
      const file = parseGroupDiscountsCsv(text, what);
      const { priceTypes: t, clients: c } = await importGroupDiscounts(db, file);
      io.out(`Group discounts from ${what}: price types ${t.set} set, ${t.removed} removed, ${t.unchanged} unchanged; ${plural(c.updated, 'client')} updated, ${c.unchanged} unchanged.`);
      unused(file, io);
      return 0;
    }
    case 'set-company': {
      const text = Object.fromEntries(Object.entries(COMPANY_FLAGS).flatMap(([flag, field]) => (typeof values[flag] === 'string' ? [[field, values[flag]]] : [])));
      const fields: Partial<CompanyProfileFields> = checkCompanyFields(text);
      if (typeof values.logo === 'string' && values['remove-logo']) throw new UsageError('Give --logo or --remove-logo, not both.');
      if (typeof values.logo === 'string') fields.logo = logoDataUrl(readBytes(values.logo), values.logo);
      if (values['remove-logo']) fields.logo = '';
      if (Object.keys(fields).length === 0) throw new UsageError(`set-company needs at least one of ${[...Object.keys(COMPANY_FLAGS), 'logo', 'remove-logo'].map((f) => `--${f}`).join(', ')}.`);
      const r = await setCompany(db, fields);
      io.out(r.changed.length === 0 ? 'Company profile unchanged.' : `Company profile ${r.created ? 'created' : 'updated'}: ${r.changed.join(', ')}.`);
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
        all: { type: 'boolean' },
        id: { type: 'string' },
        client: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        file: { type: 'string' },
        ...Object.fromEntries(Object.keys(COMPANY_FLAGS).filter((f) => f !== 'name').map((f) => [f, { type: 'string' } as const])),
        logo: { type: 'string' },
        'remove-logo': { type: 'boolean' },
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
    const dataDir = (values['data-dir'] as string | undefined) ?? env.FIELDBOOK_DATA_DIR ?? DEFAULTS.dataDir;
    const databaseUrl = (values['database-url'] as string | undefined) ?? (env.DATABASE_URL || undefined);
    // A mistyped folder (or one run from elsewhere) would otherwise get a new, empty database,
    // and users created there could never sign in.
    if (!database && !databaseUrl && !existsSync(join(dataDir, 'db'))) {
      throw new UsageError(`No Fieldbook database in ${resolve(dataDir, 'db')}: give the server's --data-dir (or --database-url), or start the server once to create it.`);
    }
    database ??= await openDatabase({ dataDir, databaseUrl });
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
      // A login taken, a head who is not one: input the command refuses, as the README says.
      io.err(e.message);
      return 2;
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
