/**
 * How an admin import writes synced records, inside the import's transaction: a new record (the
 * company's reference data only) is stamped whole; an existing one gets a server stamp on each
 * field whose value changed, and keeps everything else; a record whose values are all the same
 * is left alone, so importing the same file twice writes nothing. Every written record gets the
 * next server sequence number, which is what makes the laptops pull it. What a write replaces
 * that offer prices depend on (a price list, a group discount, a product's VAT rate…) is kept
 * with the period it was in force (server/sync/pricing-history.ts): every import, and every
 * admin command that writes the catalog, goes through here.
 */
import { z } from 'zod';
import { sameValue, stampOf } from '../../core/sync/merge';
import { DELETED_FIELD, SYNCED_TABLES, type SyncedTableName } from '../../core/sync/tables';
import { keepPricingHistory, pricingChange, type ReplacedPricing } from '../sync/pricing-history';
import { loadForUpdate, saveRows, SEQUENCE_LOCK, serverStamp, serverStampAfter, type RowWrite, type StoredRow } from '../sync/records';
import { describeWrite, writeChangeLog, type ChangeLogRow } from '../sync/change-log';
import type { Sql } from '../sync/sql';

/** What an import wants a record to be: every field for a new record, the fields it sets for an existing one. */
export interface ImportedRecord {
  id: string;
  fields: Record<string, unknown>;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The tables and records it loaded, for the caller to read before writing (optional). */
export type Loaded = Map<string, StoredRow>;

export async function loadRecords(tx: Sql, table: SyncedTableName, ids: readonly string[]): Promise<Loaded> {
  return loadForUpdate(
    tx,
    [...new Set(ids)].map((id) => ({ table, id })),
  );
}

/**
 * Writes `records` of `table`. Values are checked against the table's field schemas (the import
 * has parsed them already; a failure here is a bug, not bad input). A record whose fields ask for
 * a delete (`_deleted: true`) and that does not exist is skipped.
 */
export async function writeImported(tx: Sql, table: SyncedTableName, records: readonly ImportedRecord[], now: number, loaded?: Loaded): Promise<WriteCounts> {
  const spec = SYNCED_TABLES[table];
  const fieldSchemas: Record<string, z.ZodType> = spec.fields;
  const current = loaded ?? (await loadRecords(tx, table, records.map((r) => r.id)));
  const rows: RowWrite[] = [];
  /** Pricing values the rows replace, by the row's index in `rows`. */
  const replaced: (ReplacedPricing & { row: number })[] = [];
  const keep = (change: ReplacedPricing | undefined) => {
    if (change) replaced.push({ ...change, row: rows.length });
  };
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  // A client's record changed by the company (receivables, group discounts) is in its history.
  const logged: ChangeLogRow[] = [];
  for (const record of records) {
    const stored = current.get(`${table}/${record.id}`);
    if (!stored) {
      if (record.fields[DELETED_FIELD] === true) {
        counts.unchanged++;
        continue;
      }
      // Imports create only the company's shared records; clients come from people.
      if (!('shared' in spec.scope)) throw new Error(`import: no ${table} record ${record.id}`);
      const data = z.object(fieldSchemas).parse({ ...record.fields, [DELETED_FIELD]: false }) as Record<string, unknown>;
      keep(pricingChange(table, record.id, undefined, data));
      rows.push({ tbl: table, id: record.id, owner_id: null, client_id: null, data, stamps: { '*': serverStamp(now) }, authors: {} });
      counts.created++;
      continue;
    }
    const changed = Object.keys(record.fields).filter((field) => !sameValue(stored.data[field], record.fields[field]));
    if (changed.length === 0) {
      counts.unchanged++;
      continue;
    }
    // What changes (saveRows merges it into the stored record).
    const data: Record<string, unknown> = {};
    const stamps: Record<string, string> = {};
    const authors: Record<string, null> = {};
    for (const field of changed) {
      fieldSchemas[field]!.parse(record.fields[field]);
      data[field] = record.fields[field];
      stamps[field] = serverStampAfter(stampOf(stored.stamps, field), now);
      authors[field] = null; // the company's value, not a person's
    }
    keep(pricingChange(table, stored.id, stored.data, data));
    rows.push({ tbl: table, id: stored.id, owner_id: stored.owner_id, client_id: stored.client_id, data, stamps, authors });
    counts.updated++;
    const change = stored.client_id ? describeWrite(stored.data, { ...stored.data, ...data }, changed, 'imported') : null;
    if (change) logged.push({ clientId: stored.client_id, table, recordId: stored.id, ...change, userId: null, deviceId: null });
  }
  // Sequence numbers are assigned under the lock, which the commit releases (as in push). A
  // statement per 2 000 records rather than per record: pushes wait for the lock meanwhile.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
  const seqs: number[] = [];
  for (let i = 0; i < rows.length; i += 2000) seqs.push(...(await saveRows(tx, rows.slice(i, i + 2000))));
  await writeChangeLog(tx, logged, now);
  await keepPricingHistory(
    tx,
    replaced.map(({ row, ...r }) => ({ ...r, seq: seqs[row]! })),
    now,
  );
  return counts;
}
