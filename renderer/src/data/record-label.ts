/**
 * What a person knows a synced record by (a client's or contact's name, an offer's number, a
 * task's title), for the screens that list records of any kind: refused changes, conflicts.
 */
import type { SyncedTableName } from '../../../core/sync/tables';
import { contactsOf } from './clients/client-records';
import type { FieldbookDb } from './db';

/** The first of these a record has is what people know it by. */
const LABEL_FIELDS = ['name', 'number', 'title', 'subject', 'company'] as const;

/** The label among a record's (or a change's) values, if it has one. */
export function labelIn(values: object | undefined): string | undefined {
  const record = values as Record<string, unknown> | undefined;
  return LABEL_FIELDS.map((f) => record?.[f]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** A synced record on this laptop, if it is here (a contact is found in its client's record). */
export async function localRecord(db: FieldbookDb, table: SyncedTableName, id: string, clientId: string | null | undefined): Promise<Record<string, unknown> | undefined> {
  if (table === 'contacts') return clientId ? (contactsOf(await db.clients.get(clientId)).find((c) => c.id === id) as Record<string, unknown> | undefined) : undefined;
  return (await db.table(table).get(id)) as Record<string, unknown> | undefined;
}

/** The label of a record on this laptop. */
export async function recordLabel(db: FieldbookDb, table: SyncedTableName, id: string, clientId: string | null | undefined): Promise<string | undefined> {
  return labelIn(await localRecord(db, table, id, clientId));
}
