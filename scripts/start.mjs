// `npm start`: builds the app, starts the company server it talks to, and opens the desktop app
// — or, where the Electron runtime is missing and cannot be fetched, serves the same app in the
// browser. With FIELDBOOK_SERVER_URL set, that company server is used; otherwise an embedded
// demo server (PGlite in .data/server, demo users and clients, password "demo") starts here.
//
//   FIELDBOOK_BROWSER=1      browser build even where Electron could run
//   FIELDBOOK_SERVER_URL     a company server to use instead of the embedded demo one
//   PORT                     the embedded server's port (default 8787; a free one if taken)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = new Set();

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(143);
});

/** The Electron binary, if its runtime has been downloaded. */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Electron's install scripts are off (.npmrc), so the first start fetches the runtime with
 * Electron's own installer. It needs GitHub; where that is unreachable it fails, and we say so.
 */
function fetchElectron() {
  console.log('Fetching the Electron runtime (first start on this machine)…');
  return run(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { timeout: 120_000, stdio: ['ignore', 'inherit', 'pipe'] });
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      const any = createServer();
      any.listen(0, '127.0.0.1', () => {
        const { port } = any.address();
        any.close(() => resolve(port));
      });
    });
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

async function waitForHealth(url, child, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error('The embedded company server stopped while starting (see its log above).');
    try {
      const res = await fetch(new URL('/health', url));
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The embedded company server did not answer at ${url} within ${seconds} s.`);
}

/** The embedded demo company server, serving the built app too (the browser build's origin). */
async function startEmbeddedServer() {
  const port = await freePort(Number(process.env.PORT ?? 8787));
  const url = `http://127.0.0.1:${port}/`;
  const args = ['--import', 'tsx', 'server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--data-dir', '.data/server', '--demo', '--app-dir', 'out/renderer', '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  children.add(child);
  console.log(`Starting the embedded demo company server (data in .data/server)…`);
  await waitForHealth(url, child);
  return url;
}

if (!run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) {
  console.error('The build failed; see above.');
  process.exit(1);
}

const serverUrl = process.env.FIELDBOOK_SERVER_URL || (await startEmbeddedServer());
const forceBrowser = ['1', 'true'].includes((process.env.FIELDBOOK_BROWSER ?? '').toLowerCase());
let binary = forceBrowser ? null : electronBinary();
if (!binary && !forceBrowser && fetchElectron()) binary = electronBinary();

if (binary) {
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, FIELDBOOK_SERVER_URL: serverUrl } });
  children.add(app);
  app.on('exit', (code) => {
    stopAll();
    process.exit(code ?? 0);
  });
} else {
  const browserUrl = process.env.FIELDBOOK_SERVER_URL ? null : serverUrl;
  console.log(
    forceBrowser
      ? '\nFIELDBOOK_BROWSER is set, so Fieldbook runs as the browser build.'
      : '\nThe Electron desktop runtime is not installed on this machine and could not be downloaded ' +
          '(its installer fetches it from GitHub, which is not reachable from here). Fieldbook runs as the ' +
          'browser build instead: the same app, with the client base in the browser’s storage. Install the ' +
          'runtime on a machine with GitHub access (npm start does it on first start) to get the desktop app.',
  );
  if (browserUrl) {
    console.log(`\nOpen ${browserUrl} — sign in as anna, ben or head with the password "demo". Ctrl+C stops.\n`);
  } else {
    // A company server of its own does not serve this build of the app: serve it here.
    const { serveRenderer } = await import('./serve-renderer.mjs');
    const { url } = await serveRenderer({ port: await freePort(5173) });
    console.log(`\nOpen ${url} and sign in to ${process.env.FIELDBOOK_SERVER_URL} in Settings. Ctrl+C stops.\n`);
  }
}
