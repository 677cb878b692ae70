/**
 * `npm run server`: the company server as a process. Run with tsx (a dev dependency): it runs
 * the TypeScript sources directly with Node, including the extension-less imports shared with
 * the bundled app, so there is no separate build step (and nothing to fetch at run time).
 */
import { ConfigError, parseConfig, USAGE } from './config';
import { startServer } from './start';

async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (config === 'help') {
    console.log(USAGE);
    return;
  }
  const server = await startServer({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    demo: config.demo,
    demoClients: config.demoClients,
    demoProducts: config.demoProducts,
    ...(config.appDir ? { appDir: config.appDir } : {}),
    trustProxy: config.trustProxy,
    timeouts: config.timeouts,
    logger: { level: config.logLevel },
  });
  server.app.log.info({ url: server.url, backend: server.db.backend, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'Fieldbook server ready');
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
