/**
 * The server side of the `sync` benchmark group (tests/bench/sync.mjs), run as a child process
 * with `node --import tsx` and driven over IPC: a throwaway real PostgreSQL (server/test/
 * postgres.ts), three databases on it seeded directly (bulk inserts, like server/demo.ts), the
 * real company server (`startServer`) on each, device tokens, and a PouchDB HTTP server
 * (express-pouchdb over pouchdb-core with the memory adapter) holding the same 20k clients as
 * the comparison peer. It sends `{ type: 'ready', ... }` when everything is up, and stops
 * everything (servers, PostgreSQL, temp folders) on `{ type: 'stop' }` or when the parent goes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance, type EventLoopUtilization } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_AS_OF, DEMO_SEED, generateClientBatch } from '../../core/demo-data';
import { formatHlc } from '../../core/sync/hlc';
import { SYNC_SCHEMA_VERSION, type PushOp } from '../../core/sync/protocol';
import { createDevice } from '../../server/auth/devices';
import { createUser } from '../../server/auth/users';
import type { SqlDb } from '../../server/db/sql-db';
import { DEMO_USERS, seedDemo } from '../../server/demo';
import { startServer, type RunningServer } from '../../server/start';
import { clientRow, contactRow } from '../../server/sync/client-records';
import { bulkInsertRows, SERVER_NODE } from '../../server/sync/records';
import { scopeHash, visibleOwners } from '../../server/sync/scope';
import { startPostgres, type PostgresServer } from '../../server/test/postgres';

const FAST_HASH = { logN: 10, r: 8, p: 1 };
const require = createRequire(import.meta.url);

interface Config {
  /** One test's base only (`initial`, `devices`, `catalog`: see BENCH_SYNC_ONLY), or '' for all. */
  only: string;
  /** Clients of the big base (initial sync, no-op sync, push). */
  big: number;
  /** Clients of the base compared with PouchDB. */
  small: number;
  /** Simulated devices (one user each) of the end-of-day test, and their changes each. */
  devices: number;
  changesPerDevice: number;
  /** Clients each manager of the end-of-day test owns. */
  clientsPerManager: number;
  /** The demo company of the first sync with the catalog: demo clients and demo products. */
  catalogClients: number;
  catalogProducts: number;
}

const config: Config = JSON.parse(process.env.SYNC_BENCH_CONFIG ?? '{}') as Config;
const log = (msg: string) => process.send?.({ type: 'log', msg });
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const cleanups: (() => Promise<void>)[] = [];
let stopping: Promise<void> | undefined;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  })();
  return stopping;
}

async function createDatabase(pgServer: PostgresServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: pgServer.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return pgServer.urlFor(name);
}

async function companyServer(pgServer: PostgresServer, name: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `fieldbook-bench-${name}-`));
  const databaseUrl = await createDatabase(pgServer, name);
  if (name === 'bench_teams') teamsUrl = databaseUrl;
  const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, databaseUrl, logger: false });
  cleanups.push(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

const maxSeq = async (db: SqlDb) => Number((await db.query<{ max: number }>(`SELECT coalesce(max(seq), 0)::float8 AS max FROM records`))[0]!.max);

/**
 * The demo team, `clients` demo clients and `products` demo products with their prices and stock
 * (the same generator and seed as the app's demo).
 */
async function seedDemoBase(server: RunningServer, clients: number, products = 0) {
  const started = performance.now();
  await seedDemo(server.db, FAST_HASH, clients, products);
  const head = DEMO_USERS.find((u) => u.role === 'head_of_sales')!;
  const [counts] = await server.db.query<{ clients: number; contacts: number }>(
    `SELECT count(*) FILTER (WHERE tbl = 'clients')::int AS clients, count(*) FILTER (WHERE tbl = 'contacts')::int AS contacts FROM records`,
  );
  const device = await createDevice(server.db, head.id!, 'benchmark laptop');
  log(`seeded ${counts!.clients} clients and ${counts!.contacts} contacts${products ? ` and ${products} products with their prices and stock` : ''} in ${seconds(started)}`);
  return {
    url: server.url,
    token: device.token,
    deviceId: device.deviceId,
    user: { id: head.id!, displayName: head.displayName, role: head.role },
    clients: counts!.clients,
    contacts: counts!.contacts,
    highWater: await maxSeq(server.db),
  };
}

/**
 * The end-of-day test's company: teams of one head of sales and managers, each manager owning
 * `clientsPerManager` demo clients; one device per person, each with an end-of-day batch of
 * `changesPerDevice` client edits (a manager edits their own clients, a head of sales clients of
 * their team that the managers do not edit) stamped now, with the seeded stamp as base.
 */
async function seedTeams(server: RunningServer) {
  const started = performance.now();
  const teamSize = 10; // a head and nine managers
  const teams = Math.ceil(config.devices / teamSize);
  const users: { id: string; role: 'head_of_sales' | 'manager'; team: number }[] = [];
  await server.db.transaction(async (tx) => {
    for (let t = 0; t < teams; t++) {
      const head = await createUser(tx, { login: `head${t}`, displayName: `Head ${t}`, role: 'head_of_sales', password: 'bench password' }, FAST_HASH);
      users.push({ id: head.id, role: 'head_of_sales', team: t });
      for (let m = 1; m < teamSize && users.length < config.devices; m++) {
        const user = await createUser(tx, { login: `m${t}-${m}`, displayName: `Manager ${t}-${m}`, role: 'manager', head: `head${t}`, password: 'bench password' }, FAST_HASH);
        users.push({ id: user.id, role: 'manager', team: t });
      }
    }
  });
  const managers = users.filter((u) => u.role === 'manager');
  const stamp = formatHlc({ wall: Date.parse(DEMO_AS_OF), counter: 0, node: SERVER_NODE });
  const owned = new Map<string, string[]>(managers.map((m) => [m.id, []]));
  const total = managers.length * config.clientsPerManager;
  await server.db.transaction(async (tx) => {
    for (let start = 0; start < total; start += 2000) {
      const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start, count: Math.min(2000, total - start) });
      clients.forEach((c, i) => {
        const owner = managers[Math.floor((start + i) / config.clientsPerManager)]!.id;
        c.ownerId = owner;
        owned.get(owner)!.push(c.id);
      });
      const owners = new Map(clients.map((c) => [c.id, c.ownerId]));
      await bulkInsertRows(tx, [...clients.map((c) => clientRow(c, stamp)), ...contacts.map((c) => contactRow(c, owners.get(c.clientId)!, stamp))]);
    }
  });
  const highWater = await maxSeq(server.db);
  const now = Date.now();
  const devices = [];
  for (const [n, user] of users.entries()) {
    const { token } = await createDevice(server.db, user.id, `laptop ${n}`);
    const owners = await visibleOwners(server.db, { id: user.id, role: user.role, displayName: '' });
    let targets: string[];
    if (user.role === 'manager') targets = owned.get(user.id)!.slice(0, config.changesPerDevice);
    else {
      // The second half of each team member's clients, in turn, until the batch is full.
      const team = managers.filter((m) => m.team === user.team).map((m) => owned.get(m.id)!.slice(config.changesPerDevice));
      targets = [];
      for (let i = 0; targets.length < config.changesPerDevice && i < config.clientsPerManager; i++) {
        for (const list of team) if (list[i] && targets.length < config.changesPerDevice) targets.push(list[i]!);
      }
    }
    const node = (0x1000 + n).toString(16).padStart(16, '0');
    const ops: PushOp[] = targets.map((id, i) => ({
      table: 'clients',
      id,
      fields: {
        notes: { value: `End of day ${n}/${i}: called, follow up next week about the spring order.`, hlc: formatHlc({ wall: now, counter: i, node }), base: stamp },
        paymentTermsDays: { value: 30 + (i % 4) * 15, hlc: formatHlc({ wall: now, counter: i, node }), base: stamp },
      },
    }));
    devices.push({
      token,
      role: user.role,
      push: { schemaVersion: SYNC_SCHEMA_VERSION, fromSeq: 1, toSeq: ops.length, ops, cursor: highWater },
      cursor: highWater,
      scopeHash: scopeHash(owners),
    });
  }
  log(`seeded ${users.length} users (${teams} teams), ${total} clients, ${devices.length} devices in ${seconds(started)}`);
  return { url: server.url, devices };
}

/** The same records as PouchDB documents (id, table, the synced fields; no tombstone flag). */
async function pouchServer(source: SqlDb): Promise<{ url: string; docs: number }> {
  const started = performance.now();
  const PouchDB = (require('pouchdb-core') as { plugin(p: unknown): PouchCtor }).plugin(require('pouchdb-adapter-memory'));
  const MemPouch = PouchDB.defaults({ adapter: 'memory' });
  const logDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-pouch-'));
  const expressPouch = require('express-pouchdb') as (db: unknown, opts: object) => (req: unknown, res: unknown) => void;
  const app = expressPouch(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(logDir, 'log.txt') });
  const db = new MemPouch('clients');
  const rows = await source.query<{ tbl: string; id: string; data: Record<string, unknown> }>(`SELECT tbl, id::text AS id, data FROM records ORDER BY tbl, id`);
  for (let i = 0; i < rows.length; i += 5000) {
    const docs = rows.slice(i, i + 5000).map((r) => {
      const { _deleted: _, ...fields } = r.data;
      return { _id: r.id, table: r.tbl, ...fields };
    });
    await db.bulkDocs(docs);
  }
  // The benchmark page lives on this server's origin, so PouchDB's requests need no CORS.
  const blank = '<!doctype html><html><head><meta charset="utf-8"><title>PouchDB benchmark</title></head><body></body></html>';
  const http: Server = createServer((req, res) => {
    if (req.url === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(blank);
      return;
    }
    app(req, res);
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  cleanups.push(async () => {
    http.closeAllConnections();
    await new Promise((done) => http.close(done));
    rmSync(logDir, { recursive: true, force: true });
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  log(`PouchDB server: ${rows.length} documents loaded in ${seconds(started)}`);
  return { url: `http://127.0.0.1:${port}`, docs: rows.length };
}

interface PouchCtor {
  defaults(o: object): new (name: string) => { bulkDocs(docs: object[]): Promise<unknown> };
}

async function main(): Promise<void> {
  const started = performance.now();
  const pgServer = await startPostgres();
  cleanups.push(() => pgServer.stop());
  log(`PostgreSQL on 127.0.0.1:${pgServer.port}`);
  const [big, small, teams, catalog] = await Promise.all([companyServer(pgServer, 'bench_big'), companyServer(pgServer, 'bench_small'), companyServer(pgServer, 'bench_teams'), companyServer(pgServer, 'bench_catalog')]);
  // One after the other: two cores, and the seeding is CPU-bound. `only` seeds one test's base.
  const wanted = (test: string) => config.only === '' || config.only === test;
  const smallBase = wanted('small') ? await seedDemoBase(small, config.small) : null;
  const pouch = wanted('small') ? await pouchServer(small.db) : null;
  const bigBase = wanted('initial') ? await seedDemoBase(big, config.big) : null;
  const teamBase = wanted('devices') ? await seedTeams(teams) : null;
  const catalogBase = wanted('catalog') ? await seedDemoBase(catalog, config.catalogClients, config.catalogProducts) : null;
  // Fresh statistics, as a server that has been running a while has them.
  for (const s of [big, small, teams, catalog]) await s.db.query('VACUUM ANALYZE records');
  log(`server side ready in ${seconds(started)}`);
  process.send?.({ type: 'ready', big: bigBase, small: smallBase, pouch, teams: teamBase, catalog: catalogBase });
}

/** CPU time (ms) all PostgreSQL processes have used so far (Linux's /proc; 0 elsewhere). */
function postgresCpuMs(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * While the end-of-day test runs: how busy this process's event loop is (the company server is
 * one Node process), the CPU time this process and PostgreSQL used, and what PostgreSQL's
 * sessions of the test database are doing, sampled every 50 ms (running a query, waiting for a
 * lock, waiting for the client).
 */
let probe: {
  elu: EventLoopUtilization;
  cpu: NodeJS.CpuUsage;
  postgresMs: number;
  timer: ReturnType<typeof setInterval>;
  samples: Record<string, number>;
  n: number;
  client: pg.Client;
} | null = null;
async function startProbe(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const samples: Record<string, number> = {};
  let busy = false;
  const state = {
    elu: nodePerformance.eventLoopUtilization(),
    cpu: process.cpuUsage(),
    postgresMs: postgresCpuMs(),
    samples,
    n: 0,
    client,
    timer: undefined as unknown as ReturnType<typeof setInterval>,
  };
  state.timer = setInterval(() => {
    if (busy) return;
    busy = true;
    client
      .query<{ what: string; n: number }>(
        `SELECT CASE WHEN wait_event_type = 'Lock' THEN 'waiting for a lock (' || wait_event || ')'
                     WHEN state = 'active' THEN 'running a query'
                     WHEN state LIKE 'idle in transaction%' THEN 'in a transaction, waiting for the server'
                     ELSE 'idle' END AS what, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1`,
      )
      .then((r) => {
        state.n++;
        for (const row of r.rows) samples[row.what] = (samples[row.what] ?? 0) + row.n;
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 50);
  probe = state;
  if (process.env.BENCH_SYNC_SERVER_PROFILE) log(`the end-of-day window started at ${process.hrtime.bigint() / 1000n} µs (the CPU profile's clock)`);
}
async function stopProbe(): Promise<unknown> {
  if (!probe) return null;
  const { elu, cpu, postgresMs, timer, samples, n, client } = probe;
  probe = null;
  clearInterval(timer);
  const used = nodePerformance.eventLoopUtilization(elu);
  const serverCpu = process.cpuUsage(cpu);
  const cpuMs = { server: Math.round((serverCpu.user + serverCpu.system) / 1000), postgres: postgresCpuMs() - postgresMs };
  if (process.env.BENCH_SYNC_SERVER_PROFILE) log(`the end-of-day window ended at ${process.hrtime.bigint() / 1000n} µs (the CPU profile's clock)`);
  await client.end();
  // Average number of sessions in each state over the samples.
  const sessions = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round((100 * v) / Math.max(1, n)) / 100]));
  return { eventLoopUtilization: Math.round(used.utilization * 100) / 100, cpuMs, samples: n, sessions };
}

let teamsUrl = '';
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stop') void stopAll().then(() => process.exit(0));
  else if (m?.type === 'probe-start') void startProbe(teamsUrl).then(() => process.send?.({ type: 'probe-started' }));
  else if (m?.type === 'probe-stop') void stopProbe().then((result) => process.send?.({ type: 'probe', result }));
});
process.on('disconnect', () => void stopAll().then(() => process.exit(0)));
main().catch(async (e: unknown) => {
  process.send?.({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  await stopAll();
  process.exit(1);
});
