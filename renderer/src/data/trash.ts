/**
 * Deleted records stay on the laptop in the trash, so a delete (made here or pulled from the
 * server as a tombstone) can be undone: sync revives a record only by an explicit undelete.
 */
import type { ClientRecord } from './client-records';

export interface TrashEntry {
  /** `${table}/${id}` (see recordKey). */
  key: string;
  table: 'clients';
  id: string;
  /** The client as it was stored, with its contacts. */
  record: ClientRecord;
  /** ISO-8601 UTC, when it was deleted. */
  at: string;
}
