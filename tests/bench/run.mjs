// `npm run bench [-- <group> ...]`: builds the app when needed, serves the browser build, runs
// the benchmark groups in headless Chromium, prints a table with the goals, and writes this
// run's metrics as one JSON object (metric name → number) to $BENCH_OUT (bench-results.json).
//
// A group is a module exporting `goals` ({ metric: { max } | { min } }) and `run(ctx)`, which
// calls `ctx.record(metric, value)` for each number as it is measured. Adding a group is one
// line in GROUPS.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveRenderer } from '../../scripts/serve-renderer.mjs';

const GROUPS = {
  clients: () => import('./clients.mjs'),
  sync: () => import('./sync.mjs'),
  capture: () => import('./capture.mjs'),
  offers: () => import('./offers.mjs'),
};

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = resolve(process.cwd(), process.env.BENCH_OUT ?? join(ROOT, 'bench-results.json'));

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in GROUPS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark group(s): ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}.`);
  process.exit(2);
}
const selected = names.length > 0 ? names : Object.keys(GROUPS);

/** Newest modification time of the files under `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Builds unless out/renderer is newer than every source the renderer build reads. */
function buildIfStale() {
  const built = join(ROOT, 'out/renderer/index.html');
  const sources = ['renderer', 'core', 'electron', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];
  const stale = !existsSync(built) || sources.some((s) => newest(join(ROOT, s)) > statSync(built).mtimeMs);
  if (flags.has('--no-build') || (!stale && !flags.has('--build'))) {
    console.log(`Using the existing build in out/renderer${stale ? ' (--no-build, though sources changed)' : ''}.`);
    return;
  }
  console.log('Building the app (electron-vite build)…');
  const started = Date.now();
  const { status } = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) {
    console.error('The build failed; no benchmarks run.');
    process.exit(1);
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function verdict(goal, value) {
  if (!goal) return '';
  if (!Number.isFinite(value)) return 'FAIL';
  return ('max' in goal ? value <= goal.max : value >= goal.min) ? 'pass' : 'FAIL';
}

const goalText = (goal) => (!goal ? '(info)' : 'max' in goal ? `≤ ${goal.max}` : `≥ ${goal.min}`);

function printTable(rows) {
  const header = ['metric', 'value', 'goal', ''];
  const cells = rows.map(({ name, value, goal }) => [name, String(value), goalText(goal), verdict(goal, value)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 1 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

buildIfStale();
const { url, server } = await serveRenderer({ port: 0 });
console.log(`Serving out/renderer at ${url}`);

const metrics = {};
const rows = [];
let failed = false;
const started = Date.now();
try {
  for (const name of selected) {
    const group = await GROUPS[name]();
    const load = loadavg()[0];
    console.log(`\n## ${name}${load > 0.5 ? ` (the machine is busy: load average ${load.toFixed(2)} on ${cpus().length} CPUs; numbers will be worse)` : ''}`);
    const groupStarted = Date.now();
    const ctx = {
      baseUrl: url,
      root: ROOT,
      log: (msg) => console.log(`  ${msg}`),
      record(metric, value) {
        metrics[metric] = value;
        rows.push({ name: metric, value, goal: group.goals[metric] });
        const goal = group.goals[metric];
        console.log(`  → ${metric} = ${value} ${goal ? `(goal ${goalText(goal)}: ${verdict(goal, value)})` : ''}`);
      },
    };
    try {
      await group.run(ctx);
    } catch (e) {
      failed = true;
      console.error(`  group ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
    for (const metric of Object.keys(group.goals)) {
      if (!(metric in metrics)) rows.push({ name: metric, value: NaN, goal: group.goals[metric] });
    }
    console.log(`  (${name}: ${((Date.now() - groupStarted) / 1000).toFixed(0)} s)`);
  }
} finally {
  server.close();
}

writeFileSync(OUT, `${JSON.stringify(metrics, null, 2)}\n`);
printTable(rows);
const missed = rows.filter((r) => verdict(r.goal, r.value) === 'FAIL').map((r) => r.name);
console.log(`\n${Object.keys(metrics).length} metrics written to ${OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (missed.length > 0) console.log(`Goals missed: ${missed.join(', ')}.`);
if (failed) process.exitCode = 1;
