/**
 * A throwaway real PostgreSQL server for tests: `initdb` into a temporary folder, started on a
 * free loopback port with durability off (fsync, synchronous commit, full-page writes: a test
 * database is thrown away anyway), stopped and deleted afterwards.
 *
 * `initdb` refuses to run as root; as root it runs as the `postgres` user instead.
 * Binaries: $PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else `initdb` on the PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PostgresServer {
  /** Connection string of the `postgres` database (superuser, trust auth on loopback). */
  url: string;
  port: number;
  /** Connection string of another database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Folder holding initdb, pg_ctl and postgres, or null (with why) when there is none. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): { dir: string; reason?: undefined } | { dir: null; reason: string } {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  if (env.PG_BIN) return has(env.PG_BIN) ? { dir: env.PG_BIN } : { dir: null, reason: `PG_BIN=${env.PG_BIN} has no initdb, pg_ctl and postgres` };
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(root, v, 'bin'))) return { dir: join(root, v, 'bin') };
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return { dir };
  return { dir: null, reason: 'no PostgreSQL server binaries (initdb, pg_ctl, postgres) in $PG_BIN, /usr/lib/postgresql/*/bin or the PATH; on Debian: apt-get install postgresql' };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const found = findPostgresBin();
  if (!found.dir) throw new Error(`Cannot start a test PostgreSQL: ${found.reason}`);
  const bin = found.dir;
  const base = mkdtempSync(join(tmpdir(), 'fieldbook-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(base, uid, gid);
  }
  const data = join(base, 'data');
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  } catch (e) {
    cleanup();
    throw e;
  }
  // A port can be taken between finding it free and binding it: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${base}`, // the unix socket in the temp folder, not /var/run/postgresql
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
    ].join(' ');
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '30', 'start']);
    } catch (e) {
      if (attempt < 3) continue;
      cleanup();
      throw e;
    }
    const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let stopped = false;
    return {
      port,
      url: urlFor('postgres'),
      urlFor,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          cleanup();
        }
      },
    };
  }
}
