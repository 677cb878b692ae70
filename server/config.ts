/**
 * Server settings from command-line flags, then environment variables, then defaults.
 * `npm run server -- --host 127.0.0.1 --port 8787 --data-dir .data/server`
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_CATALOG_SIZE } from '../core/demo-data';
import { DEFAULT_TIMEOUTS, type WireTimeouts } from './wire';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Create the demo users (well-known password) and demo clients: the embedded demo server only. */
  demo: boolean;
  /** How many demo clients `demo` creates (when the server has none yet). */
  demoClients: number;
  /** How many demo products `demo` creates, with their stock and prices (when the server has none yet). */
  demoProducts: number;
  /** Serve the built app from this folder (the browser build), or not at all. */
  appDir: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  /** How long a client may take to send a request (wire.ts explains the defaults). */
  timeouts: WireTimeouts;
}

export const DEFAULTS = { host: '127.0.0.1', port: 8787, dataDir: '.data/server', logLevel: 'info', demoClients: 400, demoProducts: DEMO_CATALOG_SIZE } as const;

export const USAGE = `Usage: npm run server -- [options]

  --host <addr>          address to listen on (HOST; default ${DEFAULTS.host})
  --port <n>             port, 0 = any free one (PORT; default ${DEFAULTS.port})
  --data-dir <dir>       data folder; the embedded database lives here (FIELDBOOK_DATA_DIR; default ${DEFAULTS.dataDir})
  --database-url <url>   a PostgreSQL server instead of the embedded database (DATABASE_URL)
  --demo                 create the demo users, password "demo", demo clients and catalog (FIELDBOOK_DEMO=1)
  --demo-clients <n>     how many demo clients --demo creates (FIELDBOOK_DEMO_CLIENTS; default ${DEFAULTS.demoClients})
  --demo-products <n>    how many demo products --demo creates (FIELDBOOK_DEMO_PRODUCTS; default ${DEFAULTS.demoProducts})
  --app-dir <dir>        serve the built app from this folder, e.g. out/renderer (FIELDBOOK_APP_DIR)
  --log-level <level>    trace, debug, info, warn, error (LOG_LEVEL; default info)
  --trust-proxy          behind a load balancer: client address from X-Forwarded-For (FIELDBOOK_TRUST_PROXY=1)
  --headers-timeout <s>  seconds a client may take to send the headers (FIELDBOOK_HEADERS_TIMEOUT; default ${DEFAULT_TIMEOUTS.headersMs / 1000})
  --request-timeout <s>  seconds a client may take to send a whole request (FIELDBOOK_REQUEST_TIMEOUT; default ${DEFAULT_TIMEOUTS.requestMs / 1000})
  --idle-timeout <s>     seconds a connection may be silent before it is closed (FIELDBOOK_IDLE_TIMEOUT; default ${DEFAULT_TIMEOUTS.idleMs / 1000})
  --keep-alive-timeout <s>  seconds an idle connection is kept between requests; above a load balancer's (FIELDBOOK_KEEP_ALIVE_TIMEOUT; default ${DEFAULT_TIMEOUTS.keepAliveMs / 1000})
  --help`;

export class ConfigError extends Error {}

const portSchema = z.coerce.number().int().min(0).max(65535);
const flag = (v: string | undefined) => v !== undefined && ['1', 'true', 'yes'].includes(v.toLowerCase());

export function parseConfig(argv: readonly string[], env: Record<string, string | undefined>): ServerConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        demo: { type: 'boolean' },
        'demo-clients': { type: 'string' },
        'demo-products': { type: 'string' },
        'app-dir': { type: 'string' },
        'log-level': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'idle-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const portText = values.port ?? env.PORT ?? String(DEFAULTS.port);
  const port = portSchema.safeParse(portText);
  if (!port.success) throw new ConfigError(`The port must be a number from 0 to 65535, not "${portText}".`);
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? DEFAULTS.logLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new ConfigError(`Unknown log level "${logLevel}".`);
  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  const count = (flagName: string, text: string) => {
    const n = z.coerce.number().int().min(0).max(1_000_000).safeParse(text);
    if (!n.success) throw new ConfigError(`--${flagName} must be a number from 0 to 1000000, not "${text}".`);
    return n.data;
  };
  const demoClients = count('demo-clients', values['demo-clients'] ?? env.FIELDBOOK_DEMO_CLIENTS ?? String(DEFAULTS.demoClients));
  const demoProducts = count('demo-products', values['demo-products'] ?? env.FIELDBOOK_DEMO_PRODUCTS ?? String(DEFAULTS.demoProducts));
  const seconds = (flagName: string, text: string | undefined, fallbackMs: number) => {
    if (text === undefined || text === '') return fallbackMs;
    const n = z.coerce.number().positive().max(3600).safeParse(text);
    if (!n.success) throw new ConfigError(`--${flagName} must be a number of seconds above 0 and at most 3600, not "${text}".`);
    return Math.round(n.data * 1000);
  };
  const timeouts: WireTimeouts = {
    headersMs: seconds('headers-timeout', values['headers-timeout'] ?? env.FIELDBOOK_HEADERS_TIMEOUT, DEFAULT_TIMEOUTS.headersMs),
    requestMs: seconds('request-timeout', values['request-timeout'] ?? env.FIELDBOOK_REQUEST_TIMEOUT, DEFAULT_TIMEOUTS.requestMs),
    idleMs: seconds('idle-timeout', values['idle-timeout'] ?? env.FIELDBOOK_IDLE_TIMEOUT, DEFAULT_TIMEOUTS.idleMs),
    keepAliveMs: seconds('keep-alive-timeout', values['keep-alive-timeout'] ?? env.FIELDBOOK_KEEP_ALIVE_TIMEOUT, DEFAULT_TIMEOUTS.keepAliveMs),
  };
  if (timeouts.headersMs > timeouts.requestMs) throw new ConfigError('The headers timeout cannot be longer than the request timeout (the headers are part of the request).');
  return {
    host: values.host ?? env.HOST ?? DEFAULTS.host,
    port: port.data,
    dataDir: values['data-dir'] ?? env.FIELDBOOK_DATA_DIR ?? DEFAULTS.dataDir,
    databaseUrl,
    demo: values.demo ?? flag(env.FIELDBOOK_DEMO),
    demoClients,
    demoProducts,
    appDir: values['app-dir'] ?? (env.FIELDBOOK_APP_DIR || undefined),
    logLevel,
    trustProxy: values['trust-proxy'] ?? flag(env.FIELDBOOK_TRUST_PROXY),
    timeouts,
  };
}
