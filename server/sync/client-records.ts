/**
 * Clients and contacts as server records: the fields that sync (everything but the laptop's
 * own bookkeeping), one stamp for all of them, and their owner and client for scope.
 */
import type { Client, Contact } from '../../core/client-model';
import { DELETED_FIELD, SYNCED_TABLES } from '../../core/sync/tables';
import type { Hlc } from '../../core/sync/hlc';
import type { StoredRow } from './records';

/** The fields of `record` that sync in `table`, and the tombstone flag (false). */
export function syncedFields(table: keyof typeof SYNCED_TABLES, record: object): Record<string, unknown> {
  const fields = SYNCED_TABLES[table].fields;
  const out: Record<string, unknown> = { [DELETED_FIELD]: false };
  for (const [k, v] of Object.entries(record)) if (k in fields) out[k] = v;
  return out;
}

export function clientRow(client: Client, stamp: Hlc): Omit<StoredRow, 'seq'> {
  return { tbl: 'clients', id: client.id, owner_id: client.ownerId, client_id: client.id, data: syncedFields('clients', client), stamps: { '*': stamp }, authors: {} };
}

export function contactRow(contact: Contact, ownerId: string, stamp: Hlc): Omit<StoredRow, 'seq'> {
  return { tbl: 'contacts', id: contact.id, owner_id: ownerId, client_id: contact.clientId, data: syncedFields('contacts', contact), stamps: { '*': stamp }, authors: {} };
}
