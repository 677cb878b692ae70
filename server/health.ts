/**
 * `GET /health`: readiness for a load balancer or `npm start`. 200 when the database answers and
 * every migration is applied, 503 otherwise, with the reason. No authentication and no secrets.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { migrationStatus } from './db/migrate';
import type { SqlDb } from './db/sql-db';
import { SERVER_VERSION } from './version';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  version: string;
  database: { backend: SqlDb['backend']; reachable: boolean; error?: string };
  migrations: { applied: number; expected: number; pending: number[] } | null;
}

export async function healthReport(db: SqlDb, log?: FastifyBaseLogger): Promise<HealthReport> {
  try {
    const migrations = await migrationStatus(db);
    return {
      status: migrations.pending.length === 0 ? 'ok' : 'unavailable',
      version: SERVER_VERSION,
      database: { backend: db.backend, reachable: true },
      migrations,
    };
  } catch (e) {
    // The cause (host names, user names) goes to the log; this endpoint is unauthenticated.
    log?.error({ err: e }, 'health: database unreachable');
    return {
      status: 'unavailable',
      version: SERVER_VERSION,
      database: { backend: db.backend, reachable: false, error: 'The database did not answer; the cause is in the server log.' },
      migrations: null,
    };
  }
}

export function registerHealth(app: FastifyInstance, db: SqlDb): void {
  app.get('/health', async (request, reply) => {
    const report = await healthReport(db, request.log);
    return reply.status(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store').send(report);
  });
}
