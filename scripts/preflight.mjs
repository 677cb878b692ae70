// Before any test: are the system packages the tests need here (scripts/system-packages.mjs)?
// On Debian as root (CI, a fresh machine) what is missing is installed; anywhere else the run
// stops at once with the exact command to run, instead of dozens of failures for a missing
// browser. Run by `npm test` and by .ci/run; `node scripts/preflight.mjs` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PACKAGES } from './system-packages.mjs';

/** Whether a path exists; a `*` stands for any one folder name in it. */
export function fileExists(pattern) {
  const star = pattern.indexOf('*');
  if (star < 0) return existsSync(pattern);
  const parent = dirname(pattern.slice(0, star + 1));
  const rest = pattern.slice(parent.length + 1).split('/').slice(1).join('/');
  let names;
  try {
    names = readdirSync(parent);
  } catch {
    return false;
  }
  return names.some((name) => fileExists(join(parent, name, rest)));
}

/** Whether a program is on the PATH. */
export function commandExists(name, env = process.env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

/** The packages of the list that are not there. */
export function missingPackages(env = process.env, has = { file: fileExists, command: (name) => commandExists(name, env) }) {
  return SYSTEM_PACKAGES.filter((p) => !p.present(env, has));
}

const aptInstall = (names) => `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;

/**
 * What to do about the missing packages: run the tests, install them (Debian, as root), or stop
 * with the command to run (not root, or not Debian).
 */
export function preflightPlan({ missing, isRoot, isDebian }) {
  if (missing.length === 0) return { action: 'run' };
  const names = missing.map((p) => p.name);
  const list = missing.map((p) => `  ${p.name}: ${p.neededFor}`).join('\n');
  if (isDebian && isRoot) return { action: 'install', packages: names };
  if (isDebian) {
    return {
      action: 'stop',
      message: `The tests need system packages this machine lacks:\n${list}\n\nInstall them, then run npm test again:\n\n  sudo sh -c '${aptInstall(names)}'\n`,
    };
  }
  return {
    action: 'stop',
    message:
      `The tests need system packages this machine lacks (Debian's names):\n${list}\n\n` +
      `This is not a Debian machine, so they are not installed for you. On Debian or Ubuntu the command is:\n\n` +
      `  sudo sh -c '${aptInstall(names)}'\n\n` +
      `Elsewhere install the same with the system's package manager; CHROMIUM_PATH and PG_BIN point the tests at a Chromium and a PostgreSQL installed elsewhere.\n`,
  };
}

/** This machine: Debian (or a derivative, with apt-get), and whether we are root. */
export function thisMachine(env = process.env) {
  return {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isDebian: existsSync('/etc/debian_version') && commandExists('apt-get', env),
  };
}

/** Checks, installs where it may, and says so; false when the tests cannot run. */
export function preflight(env = process.env) {
  const plan = preflightPlan({ missing: missingPackages(env), ...thisMachine(env) });
  if (plan.action === 'run') return true;
  if (plan.action === 'stop') {
    console.error(`\n${plan.message}`);
    return false;
  }
  console.log(`Installing the system packages the tests need: ${plan.packages.join(' ')}`);
  const installEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: installEnv }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...plan.packages])) {
    console.error(`\nInstalling failed (see above). The command was:\n\n  ${aptInstall(plan.packages)}\n`);
    return false;
  }
  const still = missingPackages(env);
  if (still.length > 0) {
    console.error(`\nStill missing after installing: ${still.map((p) => `${p.name} (${p.neededFor})`).join(', ')}`);
    return false;
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(preflight() ? 0 : 1);
