/**
 * The company server's HTTP application, without listening: `startServer` listens, tests call
 * `app.inject`. Every request is answered from the database alone — no sessions, counters or
 * caches in memory — so any number of instances can share one PostgreSQL.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import type { SqlDb } from './db/sql-db';
import { registerAuthRoutes, type AuthenticatedRoutes } from './auth/routes';
import type { LoginLimits } from './auth/rate-limit';
import { registerHealth } from './health';
import { installErrorHandlers } from './http-error';
import { requireDevice } from './auth/routes';
import { registerSyncRoutes } from './sync/routes';
import { DEFAULT_TIMEOUTS, installWireChecks, wireServerOptions, type WireTimeouts } from './wire';

/** Default request body limit. Routes with small bodies (sign-in) set a lower one. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: SqlDb;
  /** Fastify's pino logger options, or false (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Behind a load balancer: trust X-Forwarded-For (rate limits are per client address). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  bodyLimit?: number;
  loginLimits?: LoginLimits;
  /** How long a client may take to send a request (wire.ts); tests shorten them. */
  timeouts?: Partial<WireTimeouts>;
  /**
   * Serve the built app (out/renderer) at `/`: the browser build then talks to this server from
   * the same origin. The embedded demo server of `npm start` and the end-to-end tests do this.
   */
  appDir?: string;
  /** More routes that need a signed-in device (the sync routes are always there). */
  authenticatedRoutes?: readonly AuthenticatedRoutes[];
}

/**
 * Behind one load balancer: its own address is trusted to report the client's, nothing further.
 * (`trustProxy: true` takes the left-most address in X-Forwarded-For, which the client writes
 * itself: a made-up address per guess would escape the per-address sign-in limit. A number of
 * hops is not supported by Fastify 5, which then trusts nothing.)
 */
export const trustOneProxy = (_address: string, hop: number): boolean => hop === 0;

/** The desktop app's origin and local development servers; anything else gets no CORS grant. */
export function isAllowedOrigin(origin: string | undefined, done: (error: Error | null, allow: boolean) => void): void {
  done(null, origin === undefined || origin === 'app://fieldbook' || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
}

/**
 * How long browsers keep the served app's files. Vite names everything under assets/ by its
 * content, so those never change: kept a year. Everything else (index.html, the service worker
 * sw.js) is asked for again each time, so a new build is seen at once — by the browser build's
 * update check and by the precache it fills (electron.vite.config.ts).
 */
export function appCacheControl(relativePath: string): string {
  return relativePath.split(path.sep)[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...wireServerOptions({ ...DEFAULT_TIMEOUTS, ...options.timeouts }),
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A request body with `__proto__` or `constructor.prototype` is refused outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  // Serving the app: a browser asking for one of its screens without the '#' gets the app.
  installErrorHandlers(app, { appPages: Boolean(options.appDir) });
  // The desktop app calls from its own app:// origin; browsers need CORS for that. Credentials
  // are a bearer token in a header, never cookies, so no other site can ride on a session.
  await app.register(fastifyCors, { origin: isAllowedOrigin, methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['authorization', 'content-type', 'x-fieldbook-schema'], maxAge: 600 });
  installWireChecks(app);
  if (options.appDir) {
    const root = path.resolve(options.appDir);
    const setHeaders = (res: { setHeader(name: string, value: string): unknown }, file: string) => res.setHeader('cache-control', appCacheControl(path.relative(root, file)));
    await app.register(fastifyStatic, { root, index: 'index.html', wildcard: false, cacheControl: false, setHeaders });
  }
  registerHealth(app, options.db);
  const syncRoutes = (api: FastifyInstance) => registerSyncRoutes(api, { db: options.db, deviceOf: requireDevice });
  registerAuthRoutes(app, { db: options.db, loginLimits: options.loginLimits, authenticatedRoutes: [syncRoutes, ...(options.authenticatedRoutes ?? [])] });
  await app.ready();
  return app;
}
