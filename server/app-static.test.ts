/**
 * The built app served by the company server (`appDir`): what browsers may keep, and for how long.
 * The browser build's service worker (sw.js) and index.html are asked for again every time, so a
 * new build reaches laptops at once; Vite's content-named assets are kept for a year.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCacheControl, buildApp } from './app';
import type { SqlDb } from './db/sql-db';
import { BACKENDS, describeBackend, useTestDatabase } from './test/backends';

describe('the app served by the company server', () => {
  // Inside a folder named "assets": only the app's own assets/ folder holds content-named files.
  const parent = mkdtempSync(join(tmpdir(), 'fieldbook-app-'));
  const appDir = join(parent, 'assets', 'renderer');
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(appDir, 'assets'), { recursive: true });
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
    writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(appDir, 'assets', 'index-Rz1oSAUQ.js'), 'export {};');
    // No request here reaches the database.
    app = await buildApp({ db: {} as SqlDb, appDir });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('asks for index.html again every time, at / and by name', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('asks for the service worker again every time, as JavaScript', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps content-named assets for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-Rz1oSAUQ.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves no file under /api', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sw.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('decides by the path inside the app folder', () => {
    expect(appCacheControl(join('assets', 'demo-seed.worker-C15QlQnR.js'))).toBe('public, max-age=31536000, immutable');
    expect(appCacheControl('sw.js')).toBe('no-cache');
    expect(appCacheControl('assets.html')).toBe('no-cache');
  });
});

/** A browser's navigation: what Chromium sends when an address is typed or reloaded. */
const PAGE = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

for (const backend of BACKENDS) {
  describeBackend(backend)(`an address of the app without its '#' on ${backend}`, () => {
    const test = useTestDatabase(backend);
    const appDir = mkdtempSync(join(tmpdir(), 'fieldbook-app-'));
    let app: FastifyInstance;
    let bare: FastifyInstance;

    beforeAll(async () => {
      mkdirSync(join(appDir, 'assets'));
      writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Fieldbook</title><script type="module" src="./assets/index-Rz1oSAUQ.js"></script>');
      writeFileSync(join(appDir, 'assets', 'index-Rz1oSAUQ.js'), 'export {};');
      app = await buildApp({ db: test.db, appDir });
      bare = await buildApp({ db: test.db });
    });
    afterAll(async () => {
      await app?.close();
      await bare?.close();
      rmSync(appDir, { recursive: true, force: true });
    });

    it('sends a browser asking for a page to the app, with the path as its screen, relative to where the app is', async () => {
      for (const [url, location] of [
        ['/settings', './#/settings'],
        ['/clients/42', '../#/clients/42'],
        ['/no/such/screen/', '../../../#/no/such/screen/'],
        ['/settings?demo=0', './?demo=0#/settings'],
      ]) {
        for (const method of ['GET', 'HEAD'] as const) {
          const res = await app.inject({ method, url, headers: PAGE });
          expect(res.statusCode, `${method} ${url}`).toBe(302);
          expect(res.headers.location).toBe(location);
          expect(res.headers['cache-control']).toBe('no-cache');
        }
      }
      // Where it leads: the app itself.
      const start = await app.inject({ method: 'GET', url: new URL('./#/settings', 'http://x/settings').pathname, headers: PAGE });
      expect(start.statusCode).toBe(200);
      expect(start.headers['content-type']).toMatch(/^text\/html/);
      expect(start.body).toContain('<title>Fieldbook</title>');
    });

    it('keeps JSON 404s for the API, for files that are not there, for other methods and for other callers', async () => {
      const notFound = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = PAGE) => {
        const res = await app.inject({ method, url, headers });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toEqual({ error: 'not_found', message: `No such endpoint: ${method} ${url.split('?')[0]}` });
      };
      await notFound('GET', '/api/no-such-endpoint');
      await notFound('GET', '/api');
      await notFound('GET', '/health/deep');
      await notFound('GET', '/assets/index-gone.js');
      await notFound('GET', '/favicon.ico');
      await notFound('POST', '/settings');
      await notFound('GET', '/settings', { accept: 'application/json' });
      await notFound('GET', '/settings', {});
      // The server's own answers are still its own.
      const health = await app.inject({ method: 'GET', url: '/health', headers: PAGE });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok' });
    });

    it('answers JSON 404s everywhere when it serves no app', async () => {
      const res = await bare.inject({ method: 'GET', url: '/settings', headers: PAGE });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    });
  });
}
