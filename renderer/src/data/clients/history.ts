/**
 * The change history of a client card: one entry per command, listing each changed field with
 * its old and new value. Written in the same transaction as the change itself.
 */
import { sameValue } from '../../../../core/sync/merge';

export type HistoryAction = 'created' | 'updated' | 'archived' | 'restored' | 'deleted' | 'undeleted';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  id: string;
  clientId: string;
  /** 'client', or the contact's id when a contact of the client changed. */
  subject: 'client' | 'contact';
  subjectName: string;
  action: HistoryAction;
  changes: FieldChange[];
  /** ISO-8601 UTC. */
  at: string;
}

/** The fields whose values differ between two versions of a record (compared as JSON values). */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before[field];
    const to = after[field];
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}
