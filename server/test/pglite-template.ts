/**
 * A fresh in-memory PGlite for each test, fast: creating one runs initdb inside WebAssembly
 * (~4 s), so the first test process dumps an empty cluster to a tarball in the temp folder and
 * every later one loads that (~0.5 s). The tarball is keyed by the PGlite version.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../db/pglite';
import type { SqlDb } from '../db/sql-db';

/** The installed PGlite's version (its package.json is not in its exports map). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const templatePath = join(tmpdir(), `fieldbook-pglite-template-${pgliteVersion()}.tar`);

let template: Promise<Blob> | undefined;

async function loadTemplate(): Promise<Blob> {
  if (existsSync(templatePath)) return new Blob([readFileSync(templatePath)]);
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Written under a unique name and renamed: parallel test processes never see half a file.
  const partial = `${templatePath}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, templatePath);
  return new Blob([bytes]);
}

export async function freshPglite(): Promise<SqlDb> {
  template ??= loadTemplate();
  return openPglite({ loadDataDir: await template });
}
