/** Helpers of the admin command line's tests: a captured terminal, records and sequence numbers, pulls, files. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli';
import type { SqlDb } from '../db/sql-db';
import { parsedAnswer, pull } from '../sync/pull';
import type { StoredRow } from '../sync/records';
import { scopeHash, visibleOwners } from '../sync/scope';
import type { SyncUser } from '../sync/sql';

/** A terminal for `runCli`: what it printed, and `stdin` for `--file -`. */
export function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => stdin };
  return { io: value, out, err };
}

export async function record(db: SqlDb, table: string, id: string): Promise<StoredRow> {
  const [row] = await db.query<StoredRow>(
    `SELECT tbl, id::text AS id, owner_id::text AS owner_id, client_id::text AS client_id, data, stamps, authors, seq::float8 AS seq FROM records WHERE tbl = $1 AND id = $2::uuid`,
    [table, id],
  );
  return row!;
}

export async function topSeq(db: SqlDb): Promise<number> {
  const [row] = await db.query<{ max: number }>(`SELECT coalesce(max(seq), 0)::float8 AS max FROM records`);
  return Number(row!.max);
}

/** One pull from `cursor`, as a laptop of the user's that pushed nothing makes it once it holds its scope. */
export async function pullFrom(db: SqlDb, u: SyncUser, cursor: number) {
  const page = await pull(db, { id: randomUUID(), user: u }, { schemaVersion: 3, cursor, scopeHash: scopeHash(await visibleOwners(db, u)), limit: 1000 });
  if ('error' in page) throw new Error(`pull refused: ${page.error}`);
  return parsedAnswer(page);
}

/** A file in a fresh temporary folder. */
export function csvFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fieldbook-cli-')), name);
  writeFileSync(path, text);
  return path;
}
