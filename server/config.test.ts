import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('server config', () => {
  it('has safe defaults: loopback, port 8787, embedded database in .data/server', () => {
    expect(parseConfig([], {})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: '.data/server',
      databaseUrl: undefined,
      demo: false,
      demoClients: 400,
      demoProducts: 2000,
      appDir: undefined,
      logLevel: 'info',
      trustProxy: false,
      timeouts: { headersMs: 30_000, requestMs: 120_000, idleMs: 60_000, keepAliveMs: 72_000 },
    });
  });

  it('reads the timeouts in seconds from flags or the environment, and refuses nonsense', () => {
    const env = { FIELDBOOK_REQUEST_TIMEOUT: '300', FIELDBOOK_IDLE_TIMEOUT: '0.5' };
    expect(parseConfig(['--keep-alive-timeout', '90', '--headers-timeout', '10'], env)).toMatchObject({
      timeouts: { headersMs: 10_000, requestMs: 300_000, idleMs: 500, keepAliveMs: 90_000 },
    });
    expect(parseConfig(['--request-timeout', '60'], env)).toMatchObject({ timeouts: { requestMs: 60_000 } });
    for (const bad of ['0', 'soon', '3601']) expect(() => parseConfig(['--idle-timeout', bad], {})).toThrow(/--idle-timeout must be a number of seconds/);
    expect(() => parseConfig([], { FIELDBOOK_REQUEST_TIMEOUT: '-1' })).toThrow(/--request-timeout must be a number of seconds/);
    expect(() => parseConfig(['--headers-timeout', '90', '--request-timeout', '60'], {})).toThrow(/headers timeout cannot be longer/);
  });

  it('reads the environment, and flags win over it', () => {
    const env = { HOST: '0.0.0.0', PORT: '9000', FIELDBOOK_DATA_DIR: '/srv/fb', DATABASE_URL: 'postgres://u@db/fb', FIELDBOOK_DEMO: '1', LOG_LEVEL: 'warn' };
    expect(parseConfig([], env)).toMatchObject({ host: '0.0.0.0', port: 9000, dataDir: '/srv/fb', databaseUrl: 'postgres://u@db/fb', demo: true, logLevel: 'warn' });
    expect(parseConfig(['--host', '127.0.0.1', '--port', '0', '--data-dir', 'x', '--database-url', 'postgresql://h/d', '--trust-proxy'], env)).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      dataDir: 'x',
      databaseUrl: 'postgresql://h/d',
      trustProxy: true,
    });
    expect(parseConfig([], { DATABASE_URL: '' })).toMatchObject({ databaseUrl: undefined });
  });

  it('refuses bad values with a clear message', () => {
    expect(() => parseConfig(['--port', 'http'], {})).toThrow(ConfigError);
    expect(() => parseConfig(['--port', '70000'], {})).toThrow(/port must be a number from 0 to 65535/);
    expect(() => parseConfig(['--bogus'], {})).toThrow(/Unknown option '--bogus'/);
    expect(() => parseConfig([], { DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => parseConfig(['--log-level', 'loud'], {})).toThrow(/Unknown log level/);
    expect(() => parseConfig(['--demo-products', 'lots'], {})).toThrow(/--demo-products must be a number from 0 to 1000000, not "lots"/);
    expect(parseConfig(['--demo-products', '50'], { FIELDBOOK_DEMO_CLIENTS: '7' })).toMatchObject({ demoProducts: 50, demoClients: 7 });
    expect(parseConfig(['--help'], {})).toBe('help');
  });
});
