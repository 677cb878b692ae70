/**
 * What syncs: each synced table, the schema of each field a device may send, and the fields a
 * device may never write. The server validates every pushed field against these schemas and
 * authorises it against these lists; the laptop uses the same lists to build its outbox.
 * Later issues (leads, activities, offers) add their tables here.
 */
import { z } from 'zod';
import { clientInputSchema, contactFieldsSchema, receivablesSchema } from '../client-model';
import { eventInputSchema, leadFieldsSchema, taskFieldsSchema } from '../leads/lead-model';
import { ATTACHMENTS_FIELD, attachmentListSchema } from './attachments';

/** Fields that record when something happened on one device; never synced (derived instead). */
export const LOCAL_ONLY_FIELDS = ['id', 'updatedAt'] as const;

/** The tombstone flag: set true by a delete, false only by an explicit undelete. */
export const DELETED_FIELD = '_deleted';

const isoTimestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = isoTimestamp.nullable();

/** One value in a conflict: what was written, by whom, when. */
export const conflictValueSchema = z.object({
  value: z.json(),
  hlc: z.string(),
  userId: z.string(),
  userName: z.string(),
});
export type ConflictValue = z.infer<typeof conflictValueSchema>;

export const conflictFieldsSchema = z.object({
  /** The client the record hangs off; for records with their own owner, the record itself; null for shared records. */
  clientId: z.uuid().nullable(),
  table: z.enum(['clients', 'contacts', 'events', 'leads', 'tasks']),
  recordId: z.uuid(),
  field: z.string(),
  /** Every distinct value written concurrently; the one with the latest stamp is in the record. */
  values: z.array(conflictValueSchema).min(2),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.string().nullable(),
  resolvedAt: nullableTimestamp,
  createdAt: isoTimestamp,
  [DELETED_FIELD]: z.boolean(),
});
export type ConflictFields = z.infer<typeof conflictFieldsSchema>;

export interface SyncedTable {
  /** Every field a record of this table may hold, with the schema of its value. */
  fields: Record<string, z.ZodType>;
  /** Fields set by the company (accounting import, admin): devices never write them. */
  companyFields: readonly string[];
  /** What the server sets company fields to when a device creates a record. */
  companyDefaults?: Record<string, unknown>;
  /** Fields written only when the record is created (a later write is refused). */
  createOnlyFields: readonly string[];
  /**
   * Whose record this is, for permissions and for which laptops hold it: the record's own owner
   * field, or the client it hangs off (its owner is the client's owner), or nobody's: shared
   * with the whole company (events), which every user may read and write.
   * `handOver`: whoever may write the record may give it to any active colleague (a lead passed
   * on at the booth), where a client's owner changes only by a head of sales' decision.
   */
  scope: { ownerField: string; handOver?: true } | { clientField: string } | { shared: true };
}

export const SYNCED_TABLES = {
  clients: {
    fields: {
      ...clientInputSchema.shape,
      creditLimit: z.number().int().nonnegative(),
      receivables: receivablesSchema.nullable(),
      createdAt: isoTimestamp,
      archivedAt: nullableTimestamp,
      /** Files on the client card (contract scans, logos); the bytes sync separately. */
      [ATTACHMENTS_FIELD]: attachmentListSchema.default([]),
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: ['creditLimit', 'receivables'],
    companyDefaults: { creditLimit: 0, receivables: null },
    createOnlyFields: ['createdAt'],
    scope: { ownerField: 'ownerId' },
  },
  contacts: {
    fields: {
      ...contactFieldsSchema.shape,
      clientId: z.uuid(),
      createdAt: isoTimestamp,
      archivedAt: nullableTimestamp,
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['clientId', 'createdAt'],
    scope: { clientField: 'clientId' },
  },
  /** Events (trade fairs, exhibitions), shared by the company: every manager captures leads at them. */
  events: {
    fields: {
      ...eventInputSchema.shape,
      createdAt: isoTimestamp,
      archivedAt: nullableTimestamp,
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt'],
    scope: { shared: true },
  },
  leads: {
    fields: {
      ...leadFieldsSchema.shape,
      createdAt: isoTimestamp,
      /** The business-card photo; the bytes sync separately. */
      [ATTACHMENTS_FIELD]: attachmentListSchema.default([]),
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt', 'capturedBy', 'capturedAt'],
    scope: { ownerField: 'ownerId', handOver: true },
  },
  /** Follow-up tasks (from a lead's next step, and later from activities). */
  tasks: {
    fields: {
      ...taskFieldsSchema.shape,
      createdAt: isoTimestamp,
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt'],
    scope: { ownerField: 'ownerId', handOver: true },
  },
  /**
   * Concurrent edits of one field with different values, kept by the server (which alone
   * creates them) until a person chooses. Devices may only mark them resolved.
   */
  conflicts: {
    fields: conflictFieldsSchema.shape,
    companyFields: ['clientId', 'table', 'recordId', 'field', 'values', 'createdAt'],
    createOnlyFields: [],
    scope: { clientField: 'clientId' },
  },
} as const satisfies Record<string, SyncedTable>;

export type SyncedTableName = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTableName[];

export const isSyncedTable = (name: string): name is SyncedTableName => Object.hasOwn(SYNCED_TABLES, name);
