/**
 * The server as `npm run server` runs it: real HTTP on a free port, the embedded database in a
 * data folder that survives a restart, and only one process at a time on that folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/pglite';
import { startServer } from './start';

describe('startServer (embedded PGlite in a data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-server-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /health and a demo sign-in over HTTP, keeps its data across a restart, and locks the folder', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true, logger: false });
    let deviceId: string;
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { backend: 'pglite', reachable: true } });

      const login = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'anna', password: 'demo', deviceName: 'Test laptop' }),
      });
      expect(login.status).toBe(200);
      ({ deviceId } = (await login.json()) as { deviceId: string });

      // A second process on the same folder would corrupt the embedded database.
      await expect(openPglite({ dataDir: join(dataDir, 'db') })).rejects.toThrow(/in use by process/);
    } finally {
      await server.close();
    }

    const again = await startServer({ host: '127.0.0.1', port: 0, dataDir, demo: true, logger: false });
    try {
      const [row] = await again.db.query<{ name: string }>(`SELECT name FROM devices WHERE id = $1`, [deviceId]);
      expect(row).toEqual({ name: 'Test laptop' });
    } finally {
      await again.close();
    }
  }, 60_000);
});
