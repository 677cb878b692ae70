/**
 * Changes the company server refused. Each is kept with its values and the reason until the
 * person re-applies it (after fixing what the reason says, e.g. once access is granted again)
 * or dismisses it: a refused change never disappears silently.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { SYNCED_TABLES } from '../../../core/sync/tables';
import { CommandError, refreshClientRow } from './commands';
import { getDb } from './db';
import { outboxTables, recordChange } from './outbox';

export function useRejectedChanges() {
  return useLiveQuery(() => getDb().rejected.orderBy('id').reverse().toArray(), []);
}

/** rejected-dismiss: the person has seen it and does not want it. */
export const dismissRejected = (id: number, db = getDb()) => db.rejected.delete(id);

/** rejected-reapply: writes the refused values again and queues them for the next sync. */
export async function reapplyRejected(id: number, db = getDb()): Promise<void> {
  await db.transaction('rw', [db.rejected, db.clients, db.contacts, db.clientRows, ...outboxTables(db)], async () => {
    const rejected = await db.rejected.get(id);
    if (!rejected) return;
    if (rejected.table === 'conflicts') throw new CommandError('errors.cannot_reapply');
    const table = rejected.table === 'clients' ? db.clients : db.contacts;
    const record = await table.get(rejected.recordId);
    if (!record) throw new CommandError('errors.record_gone');
    const schemas = SYNCED_TABLES[rejected.table].fields as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const values = Object.fromEntries(Object.entries(rejected.fields).filter(([f]) => f in schemas && f !== '_deleted'));
    for (const [field, value] of Object.entries(values)) {
      if (!schemas[field]!.safeParse(value).success) throw new CommandError('errors.invalid_value');
    }
    await table.put({ ...record, ...values, updatedAt: new Date().toISOString() } as never);
    await recordChange(db, rejected.table, rejected.recordId, values);
    const clientId = rejected.table === 'clients' ? rejected.recordId : String((record as { clientId?: string }).clientId);
    const client = await db.clients.get(clientId);
    if (client) await refreshClientRow(db, client);
    await db.rejected.delete(id);
  });
}
