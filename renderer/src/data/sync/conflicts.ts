/**
 * Conflicts: the server found two different values written concurrently to one field and kept
 * both. The person sees each value with who wrote it and when, and chooses one (or types a new
 * one); the choice is an ordinary edit of the field plus marking the conflict resolved, in one
 * transaction, so it syncs like any other change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { SYNCED_TABLES, conflictFieldsSchema, type ConflictFields } from '../../../../core/sync/tables';
import { contactsOf, withContact } from '../clients/client-records';
import { getDb, type FieldbookDb } from '../db';
import { CommandError, refreshClientRow, safeText } from '../clients/commands';
import { outboxTables, recordChange } from './outbox';
import { labelIn, localRecord } from '../record-label';

/** The tables a conflict can be about (the server makes them for these). */
const CONFLICT_TABLES = conflictFieldsSchema.shape.table.options;

/** The Dexie table a synced table's records are kept in (contacts: their clients'). */
const storedIn = (db: FieldbookDb, table: (typeof CONFLICT_TABLES)[number]) => (table === 'contacts' ? db.clients : db.table(table));

export interface Conflict extends Omit<ConflictFields, '_deleted'> {
  id: string;
  updatedAt: string;
}

/**
 * An open conflict, with what the person knows its record by (`labelIn`) and the field's value on
 * this laptop now, if the record is here: the person may have edited the field since.
 */
export type OpenConflict = Conflict & { label?: string; current?: unknown; here: boolean; clientName?: string };

/** Open conflicts, of one client or of the whole laptop (each with its record's label and value now). */
export function useOpenConflicts(clientId?: string): OpenConflict[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const open = await db.conflicts.where('status').equals('open').toArray();
    const shown = clientId ? open.filter((c) => c.clientId === clientId) : open;
    return Promise.all(
      shown.map(async (c) => {
        const record = await localRecord(db, c.table, c.recordId, c.clientId);
        // A contact is known by its client too ("Charlotte Jackson" of which company?).
        const clientName = c.table === 'contacts' && c.clientId ? (await db.clients.get(c.clientId))?.name : undefined;
        return { ...c, label: labelIn(record), current: record?.[c.field], here: record !== undefined, clientName };
      }),
    );
  }, [clientId]);
}

/** conflict-resolve: the chosen value becomes the field's value everywhere. */
export async function resolveConflict(conflictId: string, choice: unknown, userId: string, db = getDb()): Promise<void> {
  // A value typed anew, or one of the two written (which may be what the server kept unsafe).
  const chosen = safeText(choice);
  await db.transaction('rw', [db.conflicts, ...CONFLICT_TABLES.map((t) => storedIn(db, t)), db.clientRows, db.history, ...outboxTables(db)], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw new CommandError('errors.conflict_not_found');
    const schema = (SYNCED_TABLES[conflict.table].fields as Record<string, { safeParse(v: unknown): { success: boolean } }>)[conflict.field];
    if (!schema?.safeParse(chosen).success) throw new CommandError('errors.invalid_value');
    const change = { [conflict.field]: chosen, updatedAt: new Date().toISOString() };
    let written = false;
    if (conflict.table === 'contacts') {
      // A contact is stored inside its client's record (client-records.ts).
      const client = conflict.clientId ? await db.clients.get(conflict.clientId) : undefined;
      const contact = contactsOf(client).find((c) => c.id === conflict.recordId);
      if (client && contact) {
        await db.clients.put(withContact(client, { ...contact, ...change }));
        written = true;
      }
    } else {
      const table = db.table<{ id: string; updatedAt: string }, string>(conflict.table);
      const record = await table.get(conflict.recordId);
      if (record) {
        await table.put({ ...record, ...change });
        written = true;
      }
    }
    if (written) {
      await recordChange(db, conflict.table, conflict.recordId, { [conflict.field]: chosen }, conflict.clientId ?? undefined);
      const client = conflict.clientId ? await db.clients.get(conflict.clientId) : undefined;
      if (client) await refreshClientRow(db, client);
    }
    const resolvedAt = new Date().toISOString();
    await db.conflicts.put({ ...conflict, status: 'resolved', resolvedBy: userId, resolvedAt });
    await recordChange(db, 'conflicts', conflictId, { status: 'resolved', resolvedBy: userId, resolvedAt });
  });
}
