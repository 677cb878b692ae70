// `npm test`: every check, in order, and one closing line with the totals.
// First the system packages the tests need (preflight.mjs: installed on Debian as root, else the
// run stops at once with the command to run). Then typecheck per runtime, lint, unit/integration
// tests (vitest), build, end-to-end tests in Chromium, and the Electron end-to-end suite (skipped
// with the reason where no runtime exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandExists, preflight } from './preflight.mjs';

if (!preflight()) {
  console.log('\nTotal: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

// Absolute: Playwright resolves PLAYWRIGHT_JSON_OUTPUT_NAME against its config's folder.
const REPORTS = resolve('test-results/reports');
// A report left by an earlier run must not count for this one.
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps = [
  { name: 'typecheck', cmd: 'npm run -s typecheck' },
  { name: 'lint', cmd: 'npm run -s lint' },
  { name: 'unit', cmd: `npx vitest run --reporter=default --reporter=json --outputFile="${REPORTS}/vitest.json"`, report: 'vitest' },
  { name: 'build', cmd: 'npx electron-vite build' },
  {
    name: 'e2e (Chromium)',
    cmd: 'npx playwright test --config tests/e2e/playwright.config.ts',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` },
    report: 'playwright',
    file: `${REPORTS}/e2e.json`,
  },
  {
    name: 'e2e (Electron)',
    // A window needs a display: on Linux without one (CI), Xvfb's.
    cmd: `${process.platform === 'linux' && !process.env.DISPLAY && commandExists('xvfb-run') ? 'xvfb-run -a ' : ''}npx playwright test --config tests/electron/playwright.config.ts`,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/electron.json` },
    report: 'playwright',
    file: `${REPORTS}/electron.json`,
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

/** Adds a step's test counts from its JSON report; false when the step wrote none. */
function count(step) {
  const file = step.report === 'vitest' ? `${REPORTS}/vitest.json` : step.file;
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (step.report === 'vitest') {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } else {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
  return true;
}

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const env = { ...process.env, ...step.env };
  // Playwright prints its list reporter and writes JSON for the totals.
  const cmd = step.report === 'playwright' ? `${step.cmd} --reporter=list,json` : step.cmd;
  const { status } = spawnSync(cmd, { shell: true, stdio: 'inherit', env });
  console.log(`=== ${step.name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failedSteps.push(step.name);
  // A step without test counts (or whose runner died before reporting) counts as one check.
  if (step.report && count(step)) continue;
  if (status !== 0) totals.failed++;
  else totals.passed++;
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
