/**
 * Whether the app was opened from a company server, also when it opens with no network from the
 * browser build's service worker: then an empty laptop stays empty until sign-in instead of
 * making up the offline demo base.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { servedByCompanyServer } from './server-probe';

const health = (status: number, body: unknown) => () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const HEALTHY = { status: 'ok', version: '1', database: { backend: 'pglite', reachable: true }, migrations: { applied: 11, expected: 11, pending: [] } };
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('window', { location: { protocol: 'http:' } });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

it('a company server’s address is one still when it cannot be reached (opened offline)', async () => {
  vi.stubGlobal('fetch', vi.fn(health(200, HEALTHY)));
  expect(await servedByCompanyServer()).toBe(true);
  vi.stubGlobal('fetch', vi.fn(offline));
  expect(await servedByCompanyServer()).toBe(true);
});

it('an address never heard to be a company server is not one offline', async () => {
  vi.stubGlobal('fetch', vi.fn(offline));
  expect(await servedByCompanyServer()).toBe(false);
});

it('a company server whose database is down (503) is still a company server', async () => {
  vi.stubGlobal('fetch', vi.fn(health(503, { ...HEALTHY, status: 'unavailable', database: { backend: 'postgres', reachable: false }, migrations: null })));
  expect(await servedByCompanyServer()).toBe(true);
});

it('an address that now serves the app without a company server is forgotten as one', async () => {
  vi.stubGlobal('fetch', vi.fn(health(200, HEALTHY)));
  expect(await servedByCompanyServer()).toBe(true);
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('Not found', { status: 404 }))));
  expect(await servedByCompanyServer()).toBe(false);
  vi.stubGlobal('fetch', vi.fn(offline));
  expect(await servedByCompanyServer()).toBe(false);
});

it('the desktop app’s own scheme is never a company server', async () => {
  vi.stubGlobal('window', { location: { protocol: 'app:' } });
  const fetch = vi.fn(health(200, HEALTHY));
  vi.stubGlobal('fetch', fetch);
  expect(await servedByCompanyServer()).toBe(false);
  expect(fetch).not.toHaveBeenCalled();
});
