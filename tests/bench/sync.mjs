// Benchmark group `sync`: a laptop's first sync of 100k clients and 250k contacts, the same
// against PouchDB replication for 20k clients, a sync with nothing to do, an end-of-day push of
// 5000 changes, and 200 devices syncing at once against a real PostgreSQL. See
// docs/benchmarks.md ("Group `sync`").
//
// The server side (PostgreSQL, the company servers, the PouchDB server) runs in a child process
// (tests/bench/sync-server.ts, `node --import tsx`). The laptop is the built app (out/renderer,
// served by the harness) in headless Chromium with a throw-away profile: it is given a device
// token (written where sign-in writes it), reloaded, and synced with its own "Sync now" button.
// Times are taken inside the page (performance.now(), a MutationObserver on the sync status),
// never from Playwright round trips.
/* global window, document, indexedDB, MutationObserver, Element */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cpuBetween, describeCpu, processCpu } from './process-cpu.mjs';
import { bundle, injectScript, launchProfile, median, percentile, round, sleep } from './lib.mjs';

/** Sizes; the metric names stay the same when they are shrunk, so such numbers are not results. */
const BIG = Number(process.env.BENCH_SYNC_CLIENTS ?? 100_000);
const SMALL = Number(process.env.BENCH_SYNC_PEER_CLIENTS ?? 20_000);
const PUSH = Number(process.env.BENCH_SYNC_PUSH ?? 5000);
const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 200);
const CHANGES_PER_DEVICE = 100;
/** The first sync of a demo company with its catalog: the app's demo sizes (`npm start`). */
const CATALOG_CLIENTS = Number(process.env.BENCH_SYNC_CATALOG_CLIENTS ?? 400);
const CATALOG_PRODUCTS = Number(process.env.BENCH_SYNC_CATALOG_PRODUCTS ?? 2000);
const CLIENTS_PER_MANAGER = 200;
const NOOP_RUNS = 5;
/** PouchDB's `batch_size` for the peer (its default is 100; larger is faster for a first replication). */
const POUCH_BATCH_SIZE = Number(process.env.BENCH_SYNC_POUCH_BATCH ?? 500);
/** The app's page the laptop has open while it syncs (`#/settings` to sync without the list on screen). */
const ROUTE = process.env.BENCH_SYNC_ROUTE ?? '#/';
/** Longest wait for one sync in the page. */
const SYNC_TIMEOUT_MS = 1_200_000;
/** `BENCH_SYNC_PROFILE=<file>`: a CPU profile (.cpuprofile) of the page during the big first sync. */
const PROFILE = process.env.BENCH_SYNC_PROFILE;
/**
 * `BENCH_SYNC_ONLY=devices`: run the 200-device test alone; `=initial`: the first sync of the big
 * base alone; `=catalog`: the first sync with the catalog alone (to work on one of them; not results).
 */
const ONLY = process.env.BENCH_SYNC_ONLY ?? '';

export const goals = {
  initial_sync_100k_s: { max: 30 },
  initial_sync_ratio_vs_pouchdb_20k: { min: 3 },
  push_5k_s: { max: 5 },
  noop_sync_ms: { max: 300 },
  server_200_devices_p99_ms: { max: 2000 },
};

// ---------------------------------------------------------------------------------------------
// In-page code (runs in Chromium; keep it self-contained).

/**
 * Init script of the app's page: records each click on the sidebar's "Sync now" and each change
 * of the last-sync time it shows (`data-last`, set when a sync run's report is written), and
 * keeps every request's resource timing (the default buffer holds 250).
 */
function syncProbe() {
  performance.setResourceTimingBufferSize(100_000);
  const rec = { clicks: [], done: [] };
  window.__benchSync = rec;
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('[data-testid="sync-status"] button')) rec.clicks.push(performance.now());
    },
    true,
  );
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.target.getAttribute('data-testid') === 'sync-last') rec.done.push({ t: performance.now(), last: m.target.getAttribute('data-last') });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-last'] });
}

/** Writes the company-server connection where sign-in writes it (meta `syncConnection`). */
async function giveConnection(connection) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put({ key: 'syncConnection', value: connection });
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Record counts of the app's database (clients, their contacts, products …), and the newest sync report. */
async function inspectDb() {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const ask = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  try {
    const tx = db.transaction(['clients', 'outbox', 'syncRuns', 'rejected', 'products'], 'readonly');
    const [clients, outbox, rejected, products] = await Promise.all(['clients', 'outbox', 'rejected', 'products'].map((s) => ask(tx.objectStore(s).count())));
    // Schema version 8: a client's contacts are embedded in its record (`contacts`, may be missing).
    const contacts = await new Promise((resolve, reject) => {
      let n = 0;
      const req = tx.objectStore('clients').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve(n);
        n += (cursor.value.contacts ?? []).length;
        cursor.continue();
      };
      req.onerror = () => reject(req.error);
    });
    const cursor = await ask(tx.objectStore('syncRuns').openCursor(null, 'prev'));
    return { clients, contacts, outbox, rejected, products, lastRun: cursor ? cursor.value : null };
  } finally {
    db.close();
  }
}

/** The requests to the sync endpoints after `since`, from resource timing. */
function syncRequests(since) {
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since && /\/api\/sync\//.test(e.name))
    .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize || e.transferSize || 0 }));
}

/** PouchDB replication of the remote database into a fresh local one (idb adapter: IndexedDB). */
async function pouchReplicate({ remote, batchSize }) {
  const PouchDB = window.PouchDB.default ?? window.PouchDB;
  const db = new PouchDB('fieldbook-peer');
  const started = performance.now();
  const result = await db.replicate.from(remote, { batch_size: batchSize });
  const ms = performance.now() - started;
  const info = await db.info();
  return { ms, docs: info.doc_count, written: result.docs_written, status: result.status, adapter: db.adapter };
}

// ---------------------------------------------------------------------------------------------
// Node side.


/** The server side, in a child process; resolves with what it set up. */
function startServerSide(root, log) {
  const child = fork(join(root, 'tests/bench/sync-server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SYNC_SERVER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SYNC_SERVER_PROFILE] : [])],
    env: { ...process.env, SYNC_BENCH_CONFIG: JSON.stringify({ only: ONLY, big: BIG, small: SMALL, devices: DEVICES, changesPerDevice: CHANGES_PER_DEVICE, clientsPerManager: CLIENTS_PER_MANAGER, catalogClients: CATALOG_CLIENTS, catalogProducts: CATALOG_PRODUCTS }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  /** Sends a message and waits for the answer of the given type. */
  const ask = (type, answer) =>
    new Promise((resolve) => {
      const onMessage = (m) => {
        if (m.type !== answer) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ type });
    });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server side was not ready within 10 minutes')), 600_000);
    child.on('message', (m) => {
      if (m.type === 'log') log(`[server] ${m.msg}`);
      else if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m);
      } else if (m.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`server side failed: ${m.message}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server side exited (${code})`));
    });
  });
  return {
    ready,
    probeStart: () => ask('probe-start', 'probe-started'),
    probeStop: async () => (await ask('probe-stop', 'probe')).result,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      const timeout = sleep(30_000).then(() => 'timeout');
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
    },
  };
}

/** Opens the app as a laptop signed in to `base` (given its device token), on the client list. */
async function openLaptop(ctx, base) {
  const profile = await launchProfile();
  const page = await profile.context.newPage();
  await page.addInitScript(syncProbe);
  // `?demo=0`: no demo base; the client base comes by sync only.
  await page.goto(new URL(`?demo=0${ROUTE}`, ctx.baseUrl).href);
  await page.getByTestId('sync-status').first().waitFor();
  await page.evaluate(giveConnection, { serverUrl: `${base.url}/`, token: base.token, deviceId: base.deviceId, user: base.user });
  await page.reload();
  const button = page.getByTestId('sync-status').first().getByRole('button', { name: 'Sync now' });
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="sync-status"] button')?.disabled, null, { timeout: 30_000 });
  return { profile, page, button };
}

/**
 * Presses "Sync now" and waits for the sync's report to show. Returns the time from the click
 * to the new last-sync time on screen (ms), the engine's own report, and the requests made.
 */
async function syncOnce(laptop, log) {
  const { page, button } = laptop;
  const before = await page.evaluate(() => ({ clicks: window.__benchSync.clicks.length, done: window.__benchSync.done.length, last: document.querySelector('[data-testid="sync-last"]')?.getAttribute('data-last') ?? '' }));
  await button.click();
  const started = Date.now();
  let reported = started;
  for (;;) {
    const finished = await page.evaluate(
      (b) => window.__benchSync.clicks.length > b.clicks && window.__benchSync.done.slice(b.done).some((d) => d.last && d.last !== b.last),
      before,
    );
    if (finished) break;
    if (Date.now() - started > SYNC_TIMEOUT_MS) throw new Error(`the sync did not finish within ${SYNC_TIMEOUT_MS / 1000} s`);
    if (log && Date.now() - reported >= 60_000) {
      reported = Date.now();
      const phase = await page.getByTestId('sync-phase').first().textContent({ timeout: 5000 }).catch(() => '?');
      log(`… ${((Date.now() - started) / 1000).toFixed(0)} s: ${phase}`);
    }
    await sleep(250);
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-running') === 'false', null, { timeout: 60_000 });
  const { clickAt, doneAt } = await page.evaluate((b) => {
    const clickAt = window.__benchSync.clicks[b.clicks];
    const done = window.__benchSync.done.slice(b.done).find((d) => d.last && d.last !== b.last);
    return { clickAt, doneAt: done.t };
  }, before);
  const requests = await page.evaluate(syncRequests, clickAt);
  const db = await page.evaluate(inspectDb);
  if (!db.lastRun?.ok) throw new Error(`the sync failed: ${JSON.stringify(db.lastRun)}`);
  return { ms: doneAt - clickAt, clickAt, requests, db, run: db.lastRun };
}

/** Where a sync's time went: waiting for the server (requests in flight) vs the rest (the laptop). */
function breakdown(sync) {
  const byPath = {};
  let busy = 0;
  let cursor = sync.clickAt;
  for (const r of [...sync.requests].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, cursor);
    if (r.end > start) busy += r.end - start;
    cursor = Math.max(cursor, r.end);
    const p = (byPath[r.path.replace('/api/sync/', '')] ??= { n: 0, ms: 0, bytes: 0 });
    p.n++;
    p.ms += r.end - r.start;
    p.bytes += r.bytes;
  }
  const parts = Object.entries(byPath).map(([k, v]) => `${k} ${v.n}× ${(v.ms / 1000).toFixed(1)} s ${(v.bytes / 1e6).toFixed(1)} MB`);
  return { serverMs: busy, laptopMs: sync.ms - busy, text: `requests in flight ${(busy / 1000).toFixed(1)} s (${parts.join(', ')}), the laptop the other ${((sync.ms - busy) / 1000).toFixed(1)} s` };
}

async function initialSync(ctx, base, label, profile) {
  const laptop = await openLaptop(ctx, base);
  try {
    const cdp = profile ? await laptop.page.context().newCDPSession(laptop.page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 10_000 }); // µs: a coarse profile, negligible overhead
      await cdp.send('Profiler.start');
    }
    const sync = await syncOnce(laptop, ctx.log);
    if (cdp) {
      const { profile: data } = await cdp.send('Profiler.stop');
      await writeFile(profile, JSON.stringify(data));
      ctx.log(`CPU profile of the page written to ${profile}`);
      await cdp.detach();
    }
    if (sync.db.clients !== base.clients || sync.db.contacts !== base.contacts) {
      throw new Error(`${label}: the laptop holds ${sync.db.clients} clients and ${sync.db.contacts} contacts, the server ${base.clients} and ${base.contacts}`);
    }
    const b = breakdown(sync);
    ctx.log(`${label}: ${sync.db.clients} clients, ${sync.db.contacts} contacts in ${(sync.ms / 1000).toFixed(1)} s (engine report ${(sync.run.ms / 1000).toFixed(1)} s, ${sync.requests.length} requests, ${(sync.run.bytes / 1e6).toFixed(0)} MB); ${b.text}`);
    return { laptop, sync, breakdown: b };
  } catch (e) {
    await laptop.profile.close();
    throw e;
  }
}

async function pouchPeer(ctx, pouch, script) {
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    await page.goto(`${pouch.url}/bench.html`);
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(pouchReplicate, { remote: `${pouch.url}/clients`, batchSize: POUCH_BATCH_SIZE });
    if (result.docs !== pouch.docs) throw new Error(`PouchDB replicated ${result.docs} of ${pouch.docs} documents (${result.status})`);
    ctx.log(`PouchDB (${result.adapter} adapter, batch_size ${POUCH_BATCH_SIZE}): ${result.docs} documents in ${(result.ms / 1000).toFixed(1)} s`);
    return result;
  } finally {
    await profile.close();
  }
}

/** Waits until the list's result count has not changed for `quietMs` (the app caught up). */
async function listSettled(page, quietMs = 1500, timeoutMs = 120_000) {
  const started = Date.now();
  let last = null;
  let since = Date.now();
  while (Date.now() - started < timeoutMs) {
    const count = await page.getByTestId('result-count').first().getAttribute('data-count').catch(() => null);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return Number(last);
    await sleep(250);
  }
  return Number(last);
}

/** Syncs with nothing to do, then a day's edits made with the app's own command and pushed. */
async function laptopDay(ctx, laptop, pageScript) {
  const noop = [];
  for (let i = 0; i < NOOP_RUNS; i++) {
    const s = await syncOnce(laptop);
    if (s.run.pushed !== 0 || s.run.pulled !== 0) throw new Error(`a sync with nothing to do pushed ${s.run.pushed} and pulled ${s.run.pulled}`);
    noop.push(s);
    await sleep(300);
  }
  const noopMs = noop.map((s) => s.ms);
  ctx.log(`no-op syncs: ${noopMs.map((m) => m.toFixed(0)).join(', ')} ms (engine ${noop.map((s) => s.run.ms).join(', ')} ms; requests ${noop.map((s) => s.requests.map((r) => (r.end - r.start).toFixed(0)).join('+')).join(', ')} ms)`);
  ctx.record('noop_sync_ms', round(median(noopMs), 1));

  await injectScript(laptop.page, laptop.page.url(), pageScript);
  const edits = await laptop.page.evaluate(({ n }) => window.__fieldbookBench.editClients(n, 'End of day'), { n: PUSH });
  ctx.log(`${edits.edited} clients edited with the app's updateClient in ${(edits.ms / 1000).toFixed(1)} s; outbox ${edits.outbox}`);
  if (edits.outbox !== PUSH) throw new Error(`the outbox holds ${edits.outbox} changes, not ${PUSH}`);
  await sleep(1000);
  const pushSync = await syncOnce(laptop, ctx.log);
  if (pushSync.run.pushed !== PUSH || pushSync.run.applied !== PUSH || pushSync.db.outbox !== 0) {
    throw new Error(`push: ${JSON.stringify(pushSync.run)}, outbox left ${pushSync.db.outbox}`);
  }
  const pushes = pushSync.requests.filter((r) => r.path.endsWith('/push'));
  const firstPull = pushSync.requests.filter((r) => r.path.endsWith('/pull')).sort((a, b) => a.start - b.start)[0];
  const pushPhase = (firstPull ? firstPull.start : pushSync.clickAt + pushSync.ms) - pushSync.clickAt;
  const pushServer = pushes.reduce((a, r) => a + (r.end - r.start), 0);
  ctx.log(
    `end-of-day push: ${PUSH} changes in ${pushes.length} batches, pushed and settled in ${(pushPhase / 1000).toFixed(2)} s (push requests in flight ${(pushServer / 1000).toFixed(2)} s: ${pushes.map((r) => (r.end - r.start).toFixed(0)).join(', ')} ms); ` +
      `the whole sync, with pulling the ${pushSync.run.pulled} changed records back, ${(pushSync.ms / 1000).toFixed(2)} s`,
  );
  ctx.record('push_5k_s', round(pushPhase / 1000, 2));
  ctx.record('push_5k_server_s', round(pushServer / 1000, 2));
  ctx.record('push_5k_whole_sync_s', round(pushSync.ms / 1000, 2));
}

/**
 * The simulated laptops' HTTP: node:http with kept-alive connections, one per laptop, as the app
 * keeps one to its server. They run on the same two cores as the server and PostgreSQL, so they
 * should cost as little as a client can: `fetch` (undici's WHATWG streams) cost them twice the
 * CPU time for the same requests and answers, all taken from the server's share.
 */
const laptopsAgent = new Agent({ keepAlive: true, maxSockets: Infinity });

function post(url, token, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: laptopsAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode} ${text.slice(0, 200)}`));
          else {
            try {
              resolve(JSON.parse(text));
            } catch (e) {
              reject(e);
            }
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** One device's end-of-day sync, as the app's engine does it: push the batch, then pull pages. */
async function endOfDay(url, device) {
  const started = performance.now();
  const pushed = await post(`${url}/api/sync/push`, device.token, device.push);
  const pushMs = performance.now() - started;
  const applied = pushed.results.filter((r) => r.status === 'applied' || r.status === 'merged').length;
  let cursor = device.cursor;
  let pulled = 0;
  for (let page = 0; page < 1000; page++) {
    const answer = await post(`${url}/api/sync/pull`, device.token, { schemaVersion: device.push.schemaVersion, cursor, scopeHash: device.scopeHash });
    if (answer.scope || answer.resnapshot) throw new Error('unexpected scope change in the end-of-day test');
    pulled += answer.records.length;
    cursor = answer.cursor;
    if (!answer.hasMore) break;
  }
  return { ms: performance.now() - started, pushMs, applied, pulled };
}

async function devicesAtOnce(ctx, teams) {
  const started = performance.now();
  const results = await Promise.all(teams.devices.map((d) => endOfDay(teams.url, d)));
  const wall = performance.now() - started;
  const ms = results.map((r) => r.ms);
  const applied = results.reduce((a, r) => a + r.applied, 0);
  const expected = teams.devices.reduce((a, d) => a + d.push.ops.length, 0);
  if (applied !== expected) throw new Error(`${applied} of ${expected} pushed changes applied`);
  const pulled = results.map((r) => r.pulled);
  ctx.log(
    `${results.length} devices at once: ${applied} changes pushed, ${pulled.reduce((a, b) => a + b, 0)} records pulled (per device median ${median(pulled)}, max ${Math.max(...pulled)}); ` +
      `per sync p50 ${median(ms).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; push alone p50 ${median(results.map((r) => r.pushMs)).toFixed(0)} ms, p99 ${percentile(results.map((r) => r.pushMs), 99).toFixed(0)} ms; all done in ${(wall / 1000).toFixed(1)} s`,
  );
  return { ms, wall, pushMs: results.map((r) => r.pushMs) };
}

export async function run(ctx) {
  if (BIG !== 100_000 || SMALL !== 20_000 || PUSH !== 5000 || DEVICES !== 200) ctx.log(`shrunk sizes (BENCH_SYNC_*): ${BIG} / ${SMALL} clients, ${PUSH} changes, ${DEVICES} devices — not results`);
  const server = startServerSide(ctx.root, ctx.log);
  try {
    const require = createRequire(import.meta.url);
    const [pouchScript, pageScript] = await Promise.all([
      bundle(ctx.root, require.resolve('pouchdb-browser/lib/index.es.js'), 'PouchDB'),
      bundle(ctx.root, join(ctx.root, 'tests/bench/sync-page.ts'), 'FieldbookBench'),
    ]);
    const side = await server.ready;

    // 1. The server: every device of the company at the end of the day, at once (no browser running).
    if (!ONLY || ONLY === 'devices') await devicesTest(ctx, server, side);
    if (!ONLY) await smallBaseTests(ctx, side, pouchScript, pageScript);
    if (!ONLY || ONLY === 'catalog') await catalogTest(ctx, side.catalog);
    if (ONLY && ONLY !== 'initial') return;

    // 5. The first sync of the 100k base.
    const cpuBefore = processCpu();
    const big = await initialSync(ctx, side.big, `first sync, ${BIG} clients`, PROFILE);
    ctx.log(`CPU time meanwhile: ${describeCpu(cpuBetween(cpuBefore, processCpu()))}`);
    await big.laptop.profile.close();
    ctx.record('initial_sync_100k_s', round(big.sync.ms / 1000, 2));
    ctx.record('initial_sync_100k_server_s', round(big.breakdown.serverMs / 1000, 2));
    ctx.record('initial_sync_100k_mb', round(big.sync.run.bytes / 1e6, 1));
  } finally {
    await server.stop();
  }
}

async function devicesTest(ctx, server, side) {
  await server.probeStart();
  const laptopsCpu = process.cpuUsage();
  const devices = await devicesAtOnce(ctx, side.teams);
  laptopsAgent.destroy();
  const laptopsUsed = process.cpuUsage(laptopsCpu);
  const laptopsCpuMs = Math.round((laptopsUsed.user + laptopsUsed.system) / 1000);
  const probe = await server.probeStop();
  if (probe) {
    const sessions = Object.entries(probe.sessions).map(([k, v]) => `${k} ${v}`).join(', ');
    ctx.log(
      `meanwhile the company server's event loop was busy ${(probe.eventLoopUtilization * 100).toFixed(0)}% of the time; CPU time: the server ${probe.cpuMs.server} ms, PostgreSQL ${probe.cpuMs.postgres} ms, the simulated laptops ${laptopsCpuMs} ms; ` +
        `PostgreSQL sessions on average (${probe.samples} samples): ${sessions}`,
    );
  }
  ctx.record('server_200_devices_p99_ms', round(percentile(devices.ms, 99), 0));
  ctx.record('server_200_devices_p50_ms', round(median(devices.ms), 0));
  ctx.record('server_200_devices_max_ms', round(Math.max(...devices.ms), 0));
  ctx.record('server_200_devices_wall_s', round(devices.wall / 1000, 2));
}

/**
 * 4. The first sync most people have: a head of sales of the demo company (`npm start`'s sizes)
 * signs in, and the company's catalog (products, their price lists and stock) comes with the
 * team's clients.
 */
async function catalogTest(ctx, base) {
  const cpuBefore = processCpu();
  const { laptop, sync } = await initialSync(ctx, base, `first sync, ${base.clients} clients and ${CATALOG_PRODUCTS} products`);
  ctx.log(`CPU time meanwhile: ${describeCpu(cpuBetween(cpuBefore, processCpu()))}`);
  try {
    if (sync.db.products !== CATALOG_PRODUCTS) throw new Error(`the laptop holds ${sync.db.products} products, the server ${CATALOG_PRODUCTS}`);
    ctx.record('initial_sync_catalog_s', round(sync.ms / 1000, 2));
    ctx.record('initial_sync_catalog_records', sync.run.pulled);
  } finally {
    await laptop.profile.close();
  }
}

async function smallBaseTests(ctx, side, pouchScript, pageScript) {
  // 2. A laptop with the 20k base: its first sync (ours, for the comparison), syncs with nothing
  // to do, an end-of-day push.
  const small = await initialSync(ctx, side.small, `our first sync, ${SMALL} clients`);
  const { laptop } = small;
  try {
    ctx.record('initial_sync_20k_s', round(small.sync.ms / 1000, 2));
    if (ROUTE === '#/') ctx.log(`the list shows ${await listSettled(laptop.page)} clients`);
    await laptopDay(ctx, laptop, pageScript);
  } finally {
    await laptop.profile.close();
  }

  // 3. PouchDB replication of the same 20k clients and their contacts.
  const peer = await pouchPeer(ctx, side.pouch, pouchScript);
  ctx.record('pouchdb_replication_20k_s', round(peer.ms / 1000, 2));
  ctx.record('initial_sync_ratio_vs_pouchdb_20k', round(peer.ms / small.sync.ms, 2));
}
