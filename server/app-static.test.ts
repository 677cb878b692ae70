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
