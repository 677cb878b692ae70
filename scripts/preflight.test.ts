/**
 * The preflight of `npm test` and CI: which system packages are missing, with the environment
 * and the file system faked, and what it then does — install (Debian, as root), or stop with the
 * exact command (not root, or not Debian) — never run the tests without them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingPackages, preflightPlan } from './preflight.mjs';
import { SYSTEM_PACKAGES } from './system-packages.mjs';

/** A machine that has exactly these files and programs. */
function machine(files: string[], commands: string[]) {
  return {
    file: (pattern: string) => files.some((f) => new RegExp(`^${pattern.replaceAll('*', '[^/]+')}$`).test(f)),
    command: (name: string) => commands.includes(name),
  };
}

const EVERYTHING = machine(
  ['/usr/bin/chromium', '/usr/lib/postgresql/15/bin/initdb', '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'],
  ['xvfb-run', 'xauth', 'pdftotext', 'pdftoppm'],
);
const NOTHING = machine([], []);
const names = (list: { name: string }[]) => list.map((p) => p.name);
const ALL = ['chromium', 'xvfb', 'xauth', 'poppler-utils', 'postgresql', 'fonts-noto-core'];

describe('which packages are missing', () => {
  it('none on a machine that has them all, every one on a bare machine', () => {
    expect(missingPackages({}, EVERYTHING)).toEqual([]);
    expect(names(missingPackages({}, NOTHING))).toEqual(ALL);
  });

  it('the browser is the one at CHROMIUM_PATH when it is set', () => {
    const other = machine(['/opt/chrome/chrome', '/usr/lib/postgresql/16/bin/initdb', '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'], ['xvfb-run', 'xauth', 'pdftotext', 'pdftoppm']);
    expect(names(missingPackages({}, other))).toEqual(['chromium']);
    expect(missingPackages({ CHROMIUM_PATH: '/opt/chrome/chrome' }, other)).toEqual([]);
    expect(names(missingPackages({ CHROMIUM_PATH: '/opt/nothing' }, EVERYTHING))).toEqual(['chromium']);
  });

  it('PostgreSQL is the one in PG_BIN when it is set, else any version Debian installs, else initdb on the PATH', () => {
    const inPgBin = machine(['/usr/bin/chromium', '/opt/pg/bin/initdb', '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'], ['xvfb-run', 'xauth', 'pdftotext', 'pdftoppm']);
    expect(missingPackages({ PG_BIN: '/opt/pg/bin' }, inPgBin)).toEqual([]);
    expect(names(missingPackages({}, inPgBin))).toEqual(['postgresql']);
    expect(names(missingPackages({ PG_BIN: '/opt/pg/bin' }, EVERYTHING))).toEqual(['postgresql']);
    const onPath = machine(['/usr/bin/chromium', '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'], ['xvfb-run', 'xauth', 'pdftotext', 'pdftoppm', 'initdb']);
    expect(missingPackages({}, onPath)).toEqual([]);
  });
});

describe('what the preflight does about them', () => {
  const missing = missingPackages({}, machine(['/usr/lib/postgresql/15/bin/initdb', '/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'], ['xvfb-run', 'xauth']));

  it('runs the tests when nothing is missing, wherever it is', () => {
    for (const isRoot of [true, false]) for (const isDebian of [true, false]) expect(preflightPlan({ missing: [], isRoot, isDebian })).toEqual({ action: 'run' });
  });

  it('installs what is missing on Debian as root', () => {
    expect(preflightPlan({ missing, isRoot: true, isDebian: true })).toEqual({ action: 'install', packages: ['chromium', 'poppler-utils'] });
  });

  it('stops with the exact command on Debian when not root', () => {
    const plan = preflightPlan({ missing, isRoot: false, isDebian: true });
    expect(plan.action).toBe('stop');
    const message = plan.action === 'stop' ? plan.message : '';
    expect(message).toContain("sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils'");
    expect(message).toContain('chromium: the end-to-end tests’ browser');
  });

  it('stops elsewhere, root or not, with the Debian command and the overrides, and installs nothing', () => {
    for (const isRoot of [true, false]) {
      const plan = preflightPlan({ missing, isRoot, isDebian: false });
      expect(plan.action).toBe('stop');
      const message = plan.action === 'stop' ? plan.message : '';
      expect(message).toContain('not a Debian machine');
      expect(message).toContain('apt-get install -y --no-install-recommends chromium poppler-utils');
      expect(message).toContain('CHROMIUM_PATH');
    }
  });
});

describe('one list for npm test and CI', () => {
  it('CI installs through the same preflight, with no package list of its own', () => {
    const ciRun = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ciRun).toMatch(/^node scripts\/preflight\.mjs$/m);
    expect(ciRun).not.toMatch(/apt-get|dpkg/);
    const testAll = readFileSync(new URL('./test-all.mjs', import.meta.url), 'utf8');
    expect(testAll).toMatch(/import \{[^}]*\bpreflight\b[^}]*\} from '\.\/preflight\.mjs'/);
  });

  it('names the packages .ci/run installed before', () => {
    expect(SYSTEM_PACKAGES.map((p) => p.name)).toEqual(ALL);
  });
});
