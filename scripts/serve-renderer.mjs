// Serves the built renderer (out/renderer) over HTTP on loopback: the browser build of the app.
// Used by `npm start` where no Electron runtime exists, and by the end-to-end tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../out/renderer', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * Starts the server; resolves with its URL. Every file is asked for again each time (no-cache),
 * so the browser build's service worker sees a new build at once. `root`: another build's folder
 * (the end-to-end test of a new version uses a copy it changes).
 */
export function serveRenderer({ host = '127.0.0.1', port = 5173, root = ROOT } = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    let path;
    try {
      // Either can throw on a hostile path ('//', a broken %-escape): answer, don't crash.
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    // root + separator: a sibling folder whose name starts like root's is outside it.
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      done({ url: `http://${host}:${typeof address === 'object' && address ? address.port : port}/`, server });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 5173);
  const { url } = await serveRenderer({ port });
  console.log(`Fieldbook (browser build) at ${url}`);
}
