/**
 * Changes the company server refused. Each is kept with its values and the reason until the
 * person re-applies it (after fixing what the reason says, e.g. once access is granted again)
 * or dismisses it: a refused change never disappears silently.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { SYNCED_TABLES } from '../../../../core/sync/tables';
import { CommandError, refreshClientRow, safeText } from '../clients/commands';
import { contactsOf, findClientOfContact, withContact, type ClientRecord } from '../clients/client-records';
import { getDb } from '../db';
import { outboxTables, recordChange } from './outbox';
import type { RejectedChange } from './sync-store';

/** A refused change, with where to open its record on this laptop (none when it left the laptop). */
export type RejectedEntry = RejectedChange & { open: { kind: 'client' | 'offer'; id: string } | null };

export function useRejectedChanges(): RejectedEntry[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const rejected = await db.rejected.orderBy('id').reverse().toArray();
    const clientOf = (r: RejectedChange) => (r.table === 'clients' ? r.recordId : r.table === 'contacts' ? r.clientId : undefined);
    const clientIds = rejected.map(clientOf).filter((id) => id !== undefined);
    const offerIds = rejected.filter((r) => r.table === 'offers').map((r) => r.recordId);
    const [clients, offers] = await Promise.all([
      clientIds.length ? db.clients.where(':id').anyOf(clientIds).primaryKeys() : [],
      offerIds.length ? db.offers.where(':id').anyOf(offerIds).primaryKeys() : [],
    ]);
    const here = new Set<string>([...clients, ...offers]);
    return rejected.map((r) => {
      const clientId = clientOf(r);
      const open = clientId && here.has(clientId) ? { kind: 'client' as const, id: clientId } : r.table === 'offers' && here.has(r.recordId) ? { kind: 'offer' as const, id: r.recordId } : null;
      return { ...r, open };
    });
  }, []);
}

/** rejected-dismiss: the person has seen it and does not want it. */
export const dismissRejected = (id: number, db = getDb()) => db.rejected.delete(id);

/** rejected-reapply: writes the refused values again and queues them for the next sync. */
export async function reapplyRejected(id: number, db = getDb()): Promise<void> {
  await db.transaction('rw', [db.rejected, db.clients, db.clientRows, ...outboxTables(db)], async () => {
    const rejected = await db.rejected.get(id);
    if (!rejected) return;
    if (rejected.table === 'conflicts') throw new CommandError('errors.cannot_reapply');
    const schemas = SYNCED_TABLES[rejected.table].fields as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    // A change the server refused for a NUL or a broken character goes again without them.
    const values = safeText(Object.fromEntries(Object.entries(rejected.fields).filter(([f]) => f in schemas && f !== '_deleted')));
    for (const [field, value] of Object.entries(values)) {
      if (!schemas[field]!.safeParse(value).success) throw new CommandError('errors.invalid_value');
    }
    const updatedAt = new Date().toISOString();
    let client: ClientRecord | undefined;
    if (rejected.table === 'clients') {
      const record = await db.clients.get(rejected.recordId);
      if (record) client = { ...record, ...values, updatedAt };
    } else {
      // Its client as the outbox named it; a change refused before outbox entries kept it (or
      // whose contact has since moved) is found by a scan.
      const named = rejected.clientId ? await db.clients.get(rejected.clientId) : undefined;
      const record = contactsOf(named).some((c) => c.id === rejected.recordId) ? named : await findClientOfContact(db, rejected.recordId);
      const contact = contactsOf(record).find((c) => c.id === rejected.recordId);
      if (record && contact) client = withContact(record, { ...contact, ...values, updatedAt });
    }
    if (!client) throw new CommandError('errors.record_gone');
    await db.clients.put(client);
    await recordChange(db, rejected.table, rejected.recordId, values, client.id);
    await refreshClientRow(db, client);
    await db.rejected.delete(id);
  });
}
