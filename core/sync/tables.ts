/**
 * What syncs: each synced table, the schema of each field a device may send, and the fields a
 * device may never write. The server validates every pushed field against these schemas and
 * authorises it against these lists; the laptop uses the same lists to build its outbox.
 * Each feature adds its tables here (and the laptop a Dexie table of the same name).
 */
import { z } from 'zod';
import { clientInputSchema, contactFieldsSchema, receivablesSchema } from '../client-model';
import { idSchema } from '../ids';
import { eventDatesInOrder, eventInputSchema, leadFieldsSchema, leadSaysWho, nextStepHasDate, taskFieldsSchema } from '../leads/lead-model';
import { activityFieldsSchema } from '../activities/activity-model';
import { offerFieldsSchema, stockRequestFieldsSchema } from '../offers/offer-model';
import {
  clientGroupDiscountSchema,
  companyProfileFieldsSchema,
  priceListEntrySchema,
  priceTypeGroupDiscountFieldsSchema,
  productFieldsSchema,
  productGroupFieldsSchema,
  stockFieldsSchema,
} from '../pricing/catalog-model';
import { ATTACHMENTS_FIELD, attachmentListSchema } from './attachments';

/**
 * The fields of records that name people, as the company server checks them: canonical user ids
 * (core/ids.ts). The app's own schemas are looser here — a laptop that never signed in names its
 * person 'local' — and the server sets authorship fields itself (`authorFields`).
 */
const PEOPLE = { ownerId: idSchema, capturedBy: idSchema, requestedBy: idSchema };

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
  clientId: idSchema.nullable(),
  table: z.enum(['clients', 'contacts', 'events', 'leads', 'tasks', 'offers', 'activities', 'stockRequests']),
  recordId: idSchema,
  field: z.string(),
  /** Every distinct value written concurrently; the one with the latest stamp is in the record. */
  values: z.array(conflictValueSchema).min(2),
  status: z.enum(['open', 'resolved']),
  /** Who chose (the company server sets it to whoever pushed the choice). */
  resolvedBy: idSchema.nullable(),
  resolvedAt: nullableTimestamp,
  createdAt: isoTimestamp,
  [DELETED_FIELD]: z.boolean(),
});
export type ConflictFields = z.infer<typeof conflictFieldsSchema>;

/** A rule on a whole record that no single field's schema can say (an event ending before it starts). */
export interface RecordRule {
  /** Whether `record` (every field it has, as stored) keeps the rule. */
  holds(record: Record<string, unknown>): boolean;
  /** The field the person is pointed to, and the reason (the app's message key). */
  field: string;
  message: string;
}

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
  /** Written only by the company (imports on the server): every device write is refused. */
  companyOnly?: true;
  /**
   * Who did it (an offer's or activity's owner, a lead's capturer, who resolved a conflict): the
   * company server writes the pushing user's id into these whenever a device writes them, and
   * into a new record's whatever it sent, so nobody can act in a colleague's name.
   */
  authorFields?: readonly string[];
  /** Fields that hold user ids (an event's team): each must be someone the company knows. */
  userFields?: readonly string[];
  /** Rules on the whole record, checked on every push as the app's forms check them. */
  recordRules?: readonly RecordRule[];
  /**
   * Fields whose other values are the company's answer (a request to logistics is planned or done
   * by logistics): the values a device may write, per field.
   */
  deviceValues?: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * A table of the company's reference data (the catalog, the company profile): shared with every
 * user, every field set by the company's imports, nothing written by a device.
 */
function companyTable(fields: Record<string, z.ZodType>) {
  const all = { ...fields, [DELETED_FIELD]: z.boolean() };
  return { fields: all, companyFields: Object.keys(all), createOnlyFields: [], scope: { shared: true }, companyOnly: true } as const satisfies SyncedTable;
}

export const SYNCED_TABLES = {
  clients: {
    fields: {
      ...clientInputSchema.shape,
      ownerId: PEOPLE.ownerId,
      creditLimit: z.number().int().nonnegative(),
      receivables: receivablesSchema.nullable(),
      createdAt: isoTimestamp,
      archivedAt: nullableTimestamp,
      /** Files on the client card (contract scans, logos); the bytes sync separately. */
      [ATTACHMENTS_FIELD]: attachmentListSchema.default([]),
      /** The client's own negotiated discounts per product group (the company's terms). */
      groupDiscounts: z.array(clientGroupDiscountSchema).max(200).default([]),
      /** The event the client was met at (a lead converted or attached); absent on clients from before it. */
      eventId: idSchema.nullable().default(null),
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: ['creditLimit', 'receivables', 'groupDiscounts'],
    companyDefaults: { creditLimit: 0, receivables: null, groupDiscounts: [] },
    createOnlyFields: ['createdAt'],
    scope: { ownerField: 'ownerId' },
  },
  contacts: {
    fields: {
      ...contactFieldsSchema.shape,
      clientId: idSchema,
      /** The event the person was met at (a lead converted or attached); absent on contacts from before it. */
      eventId: idSchema.nullable().default(null),
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
      teamIds: z.array(idSchema).max(50).default([]),
      createdAt: isoTimestamp,
      archivedAt: nullableTimestamp,
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt'],
    scope: { shared: true },
    userFields: ['teamIds'],
    recordRules: [{ holds: (e) => eventDatesInOrder(e as { startsOn: string; endsOn: string }), field: 'endsOn', message: 'ends_before_start' }],
  },
  leads: {
    fields: {
      ...leadFieldsSchema.shape,
      ownerId: PEOPLE.ownerId,
      capturedBy: PEOPLE.capturedBy,
      createdAt: isoTimestamp,
      /** The business-card photo; the bytes sync separately. */
      [ATTACHMENTS_FIELD]: attachmentListSchema.default([]),
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt', 'capturedBy', 'capturedAt'],
    scope: { ownerField: 'ownerId', handOver: true },
    authorFields: ['capturedBy'],
    recordRules: [
      { holds: leadSaysWho, field: 'personName', message: 'lead_empty' },
      { holds: nextStepHasDate, field: 'nextStepOn', message: 'next_step_date' },
    ],
  },
  /** Follow-up tasks (from a lead's next step, and later from activities). */
  tasks: {
    fields: {
      ...taskFieldsSchema.shape,
      ownerId: PEOPLE.ownerId,
      createdAt: isoTimestamp,
      [DELETED_FIELD]: z.boolean(),
    },
    companyFields: [],
    createOnlyFields: ['createdAt'],
    scope: { ownerField: 'ownerId', handOver: true },
  },
  /** Commercial proposals to a client; approval and frozen content are checked on the server (core/offers/offer-write-rules.ts). */
  offers: {
    fields: { ...offerFieldsSchema.shape, ownerId: PEOPLE.ownerId, [DELETED_FIELD]: z.boolean() },
    companyFields: [],
    createOnlyFields: ['clientId', 'leadId', 'ownerId', 'number', 'version', 'previousVersionId', 'createdAt'],
    scope: { clientField: 'clientId' },
    authorFields: ['ownerId'],
  },
  /** Calls, meetings, visits, emails, notes with a client. */
  activities: {
    fields: { ...activityFieldsSchema.shape, ownerId: PEOPLE.ownerId, createdAt: isoTimestamp, [DELETED_FIELD]: z.boolean() },
    companyFields: [],
    createOnlyFields: ['clientId', 'ownerId', 'createdAt'],
    scope: { clientField: 'clientId' },
    authorFields: ['ownerId'],
  },
  /** Requests to logistics for items a client wants that are not in stock. */
  stockRequests: {
    fields: { ...stockRequestFieldsSchema.shape, requestedBy: PEOPLE.requestedBy, [DELETED_FIELD]: z.boolean() },
    companyFields: [],
    createOnlyFields: ['clientId', 'productId', 'requestedBy', 'createdAt'],
    scope: { clientField: 'clientId' },
    authorFields: ['requestedBy'],
    deviceValues: { status: ['open', 'cancelled'] },
  },
  // The catalog and the company profile: reference data every laptop holds, set by the company.
  productGroups: companyTable(productGroupFieldsSchema.shape),
  products: companyTable({ ...productFieldsSchema.shape, [ATTACHMENTS_FIELD]: attachmentListSchema.default([]) }),
  stock: companyTable(stockFieldsSchema.shape),
  prices: companyTable(priceListEntrySchema.shape),
  groupDiscounts: companyTable(priceTypeGroupDiscountFieldsSchema.shape),
  company: companyTable(companyProfileFieldsSchema.shape),
  /**
   * Concurrent edits of one field with different values, kept by the server (which alone
   * creates them) until a person chooses. Devices may only mark them resolved.
   */
  conflicts: {
    fields: conflictFieldsSchema.shape,
    companyFields: ['clientId', 'table', 'recordId', 'field', 'values', 'createdAt'],
    createOnlyFields: [],
    scope: { clientField: 'clientId' },
    authorFields: ['resolvedBy'],
  },
} as const satisfies Record<string, SyncedTable>;

export type SyncedTableName = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTableName[];

export const isSyncedTable = (name: string): name is SyncedTableName => Object.hasOwn(SYNCED_TABLES, name);
