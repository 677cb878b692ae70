/**
 * Starts the company server: opens the database, applies migrations, seeds the demo users when
 * asked, and listens. Used by `npm run server` (server/main.ts) and, later, by `npm start` to
 * embed a demo server when no company server is configured.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, trustOneProxy, type AppOptions } from './app';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import type { SqlDb } from './db/sql-db';
import { seedDemo } from './demo';
import type { WireTimeouts } from './wire';

export interface StartOptions {
  host?: string;
  /** 0 = any free port (the returned `url` says which). */
  port?: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  demo?: boolean;
  /** Demo clients to create with `demo` (when the server has none). */
  demoClients?: number;
  /** Demo products to create with `demo` (when the server has none). */
  demoProducts?: number;
  logger?: FastifyServerOptions['logger'];
  /** Behind one load balancer (or reverse proxy): the client address is the one it saw. */
  trustProxy?: boolean;
  /** How long a client may take to send a request (wire.ts has the defaults). */
  timeouts?: Partial<WireTimeouts>;
  authenticatedRoutes?: AppOptions['authenticatedRoutes'];
  /** Serve the built app from this folder (see AppOptions.appDir). */
  appDir?: string;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: SqlDb;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const db = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({
      db,
      logger: options.logger ?? { level: 'info' },
      trustProxy: options.trustProxy ? trustOneProxy : false,
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      ...(options.authenticatedRoutes ? { authenticatedRoutes: options.authenticatedRoutes } : {}),
      ...(options.appDir ? { appDir: options.appDir } : {}),
    });
    const applied = await migrate(db);
    app.log.info({ backend: db.backend, applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    if (options.demo) {
      const created = await seedDemo(db, undefined, options.demoClients ?? 0, options.demoProducts ?? 0);
      app.log.warn(
        { users: created.users, created: created.created, clients: created.clients, products: created.products },
        `demo users present; their password is "${created.password}" — for the embedded demo only, never on a company server`,
      );
    }
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787 });
  } catch (e) {
    await app?.close();
    await db.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    url,
    app: running,
    db,
    close: () =>
      (closing ??= (async () => {
        try {
          await running.close();
        } finally {
          await db.close();
        }
      })()),
  };
}
