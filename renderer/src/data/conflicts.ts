/**
 * Conflicts: the server found two different values written concurrently to one field and kept
 * both. The person sees each value with who wrote it and when, and chooses one (or types a new
 * one); the choice is an ordinary edit of the field plus marking the conflict resolved, in one
 * transaction, so it syncs like any other change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { SYNCED_TABLES, conflictFieldsSchema, type ConflictFields } from '../../../core/sync/tables';
import { getDb } from './db';
import { CommandError, refreshClientRow } from './commands';
import { outboxTables, recordChange } from './outbox';

/** The tables a conflict can be about (the server makes them for these). */
const CONFLICT_TABLES = conflictFieldsSchema.shape.table.options;

export interface Conflict extends Omit<ConflictFields, '_deleted'> {
  id: string;
  updatedAt: string;
}

export function useOpenConflicts(clientId?: string) {
  return useLiveQuery(async () => {
    const open = await getDb().conflicts.where('status').equals('open').toArray();
    return clientId ? open.filter((c) => c.clientId === clientId) : open;
  }, [clientId]);
}

/** conflict-resolve: the chosen value becomes the field's value everywhere. */
export async function resolveConflict(conflictId: string, chosen: unknown, userId: string, db = getDb()): Promise<void> {
  await db.transaction('rw', [db.conflicts, ...CONFLICT_TABLES.map((t) => db.table(t)), db.clientRows, db.history, ...outboxTables(db)], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw new CommandError('errors.conflict_not_found');
    const schema = (SYNCED_TABLES[conflict.table].fields as Record<string, { safeParse(v: unknown): { success: boolean } }>)[conflict.field];
    if (!schema?.safeParse(chosen).success) throw new CommandError('errors.invalid_value');
    const table = db.table<{ id: string; updatedAt: string }, string>(conflict.table);
    const record = await table.get(conflict.recordId);
    if (record) {
      await table.put({ ...record, [conflict.field]: chosen, updatedAt: new Date().toISOString() });
      await recordChange(db, conflict.table, conflict.recordId, { [conflict.field]: chosen });
      const client = conflict.clientId ? await db.clients.get(conflict.clientId) : undefined;
      if (client) await refreshClientRow(db, client);
    }
    const resolvedAt = new Date().toISOString();
    await db.conflicts.put({ ...conflict, status: 'resolved', resolvedBy: userId, resolvedAt });
    await recordChange(db, 'conflicts', conflictId, { status: 'resolved', resolvedBy: userId, resolvedAt });
  });
}
