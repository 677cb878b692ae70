/**
 * The company server the sync end-to-end tests run against: the real server on a fresh embedded
 * PostgreSQL (PGlite) in test-results/, with the demo team, a small demo client base and catalog, serving
 * the built app so each browser context is a laptop opened from it.
 */
import { rmSync } from 'node:fs';

const port = process.env.E2E_SERVER_PORT ?? '4180';
// One data folder per port: a second run on other ports (E2E_SERVER_PORT) must not wipe this one's.
const dataDir = `test-results/e2e-company-server-${port}`;
rmSync(dataDir, { recursive: true, force: true });
process.argv.push('--port', port, '--data-dir', dataDir, '--demo', '--demo-clients', '80', '--demo-products', '300', '--app-dir', 'out/renderer', '--log-level', 'warn');
await import('../../server/main');
