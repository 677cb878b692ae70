/**
 * The company's reference data (catalog, company profile) as server records: shared (no owner,
 * no client), every synced field under one stamp. Used where such records are made in bulk (the
 * demo catalog); imports write through admin/write-imported.ts, which stamps per field.
 */
import type { Hlc } from '../../core/sync/hlc';
import type { SYNCED_TABLES } from '../../core/sync/tables';
import { syncedFields } from './client-records';
import type { StoredRow } from './records';

/** The tables that hold the company's reference data, which only the company writes. */
export type CompanyTableName = { [T in keyof typeof SYNCED_TABLES]: (typeof SYNCED_TABLES)[T] extends { companyOnly: true } ? T : never }[keyof typeof SYNCED_TABLES];

export function companyRow(table: CompanyTableName, record: { id: string }, stamp: Hlc): Omit<StoredRow, 'seq'> {
  return { tbl: table, id: record.id, owner_id: null, client_id: null, data: syncedFields(table, record), stamps: { '*': stamp }, authors: {} };
}
