import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN_ENTRY = path.join(REPO_ROOT, 'out/main/index.js');

export type ElectronRuntime = { available: true; executablePath: string } | { available: false; reason: string };

/**
 * Finds the Electron binary the way `require('electron')` does (node_modules/electron/path.txt,
 * written by electron's installer, or ELECTRON_OVERRIDE_DIST_PATH) and checks it exists.
 */
export function findElectronRuntime(): ElectronRuntime {
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  let executablePath: string;
  try {
    executablePath = require('electron') as string;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      available: false,
      reason: `require('electron') failed (${message}); node_modules/electron/path.txt is missing because the runtime download (npm install scripts) never ran. Run \`node node_modules/electron/install.js\` where GitHub is reachable.`,
    };
  }
  if (typeof executablePath !== 'string' || !existsSync(executablePath)) {
    return { available: false, reason: `the Electron binary ${String(executablePath)} does not exist.` };
  }
  return { available: true, executablePath };
}
