/**
 * The sync protocol between a laptop and the company server: request and response shapes of
 * push, pull and snapshot, validated with zod on both sides. docs/sync-protocol.md explains the
 * rules; this file is their one definition in code.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { HLC_PATTERN } from './hlc';
import { SYNCED_TABLE_NAMES } from './tables';

/**
 * The laptop's data schema version, sent with every sync request. The server refuses versions
 * older than it supports with `update_required`, so an outdated app says so instead of failing.
 */
export const SYNC_SCHEMA_VERSION = 3;

/** Most operations in one push; a longer outbox goes in several batches. */
export const MAX_PUSH_OPS = 500;
/**
 * Most outbox sequence numbers one push may cover (`toSeq - fromSeq + 1`): a record edited many
 * times is one operation covering many entries, but a batch claiming billions of numbers is not
 * a laptop's (it would move the device's last number past every batch still to come).
 */
export const MAX_PUSH_SEQ_SPAN = 100_000;
/** Most fields in one operation (a client has fewer than 40). */
export const MAX_FIELDS_PER_OP = 64;
/** Records in one pull or snapshot page. */
export const DEFAULT_PAGE_SIZE = 2000;
export const MAX_PAGE_SIZE = 5000;
/**
 * Stamps further ahead of the server clock than this are clamped to the server time and the
 * laptop is told its clock is off: a laptop a day ahead must not win every merge for a day.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
/** Beyond this difference the app shows the person that their computer clock is wrong. */
export const CLOCK_WARNING_MS = 2 * 60_000;

/**
 * A laptop clock within this of the server's is left as it is. The offset is measured from one
 * answer, so it includes that answer's travel time (tens to hundreds of milliseconds on a busy
 * network); applying such noise would reorder edits made a moment apart on two synced laptops.
 */
export const CLOCK_TRUST_MS = 2_000;

export const hlcSchema = z.string().regex(HLC_PATTERN, { message: 'must be an HLC stamp' });
export const tableNameSchema = z.enum(SYNCED_TABLE_NAMES as [string, ...string[]]);
const fieldNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { message: 'must be a field name' });

export const fieldWriteSchema = z.strictObject({
  // Any value here: each operation's values are checked on their own (core/sync/wire-value.ts,
  // then the field's schema), so one bad value refuses its operation, not the laptop's batch.
  value: z.custom<z.core.util.JSONType>((v) => v !== undefined, { message: 'value is required' }),
  hlc: hlcSchema,
  base: hlcSchema.nullable(),
});

export const pushOpSchema = z.strictObject({
  table: tableNameSchema,
  id: idSchema,
  fields: z
    .record(fieldNameSchema, fieldWriteSchema)
    .refine((f) => Object.keys(f).length >= 1, { message: 'must change at least one field' })
    .refine((f) => Object.keys(f).length <= MAX_FIELDS_PER_OP, { message: `must change at most ${MAX_FIELDS_PER_OP} fields` }),
});
export type PushOp = z.infer<typeof pushOpSchema>;

/**
 * One batch of the outbox. `fromSeq..toSeq` is the range of the device's outbox sequence numbers
 * the batch covers (several outbox entries of one record are coalesced into one operation).
 * The server applies a batch whole, in one transaction, and records `toSeq` as the device's
 * last applied sequence in that same transaction.
 */
export const pushRequestSchema = z
  .strictObject({
    schemaVersion: z.number().int().positive(),
    fromSeq: z.number().int().positive(),
    toSeq: z.number().int().positive(),
    ops: z.array(pushOpSchema).min(1).max(MAX_PUSH_OPS),
    /**
     * The pull cursor the laptop has applied: it holds every record as of that server sequence.
     * With it the server can tell which operations it stores exactly as the laptop already has
     * them (`OpResult.quiet`). Optional: without it every change comes back in the next pull.
     */
    cursor: z.number().int().nonnegative().optional(),
  })
  .refine((r) => r.toSeq >= r.fromSeq, { message: 'toSeq must not be below fromSeq', path: ['toSeq'] })
  .refine((r) => r.toSeq - r.fromSeq < MAX_PUSH_SEQ_SPAN, { message: `a batch covers at most ${MAX_PUSH_SEQ_SPAN} sequence numbers`, path: ['toSeq'] })
  // A laptop coalesces a record's changes into one operation per push; two would be merged
  // against the same stored record and the second would silently drop the first's fields.
  // Compared as canonical ids (idSchema): an id in upper case is the same record.
  .refine((r) => new Set(r.ops.map((o) => `${o.table}/${o.id}`)).size === r.ops.length, {
    message: 'each record may appear once per push (coalesce its changes into one operation)',
    path: ['ops'],
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type OpStatus = 'applied' | 'merged' | 'rejected';

export interface OpResult {
  table: string;
  id: string;
  status: OpStatus;
  /**
   * For `applied`: the server's record is now the version the laptop held (as of its `cursor`, or
   * its own earlier quiet write) with the pushed fields stored as sent, values and stamps. The
   * laptop takes the pushed stamps as the server's, and its pulls do not send the record back.
   * Absent when anything else changed it (a clamped stamp, a company default, a version the
   * laptop has not pulled yet): then the record comes back in the next pull, as always.
   */
  quiet?: true;
  /** For `merged`: the fields where a concurrent value won, kept in a conflict record. */
  lostFields?: string[];
  /**
   * A record this laptop made offline for a client that was reassigned meanwhile (its user owned
   * the client until a move the laptop had not pulled, at most 14 days ago): accepted and stored
   * under the client's owner, this user id. The laptop tells its author; the record leaves the
   * laptop with the client at the pull.
   */
  followedClientTo?: string;
  /** For `rejected`: why, as an error code the app explains (see REJECT_REASONS). */
  reason?: RejectReason;
  /** For `rejected`: the offending field, when one field is the cause. */
  field?: string;
  detail?: string;
}

/** Why an operation was refused. Each one is explained to the person in the app. */
export const REJECT_REASONS = [
  'not_permitted', // the record belongs to a client this user may not change (anymore)
  'company_field', // a field set by the company (receivables, credit limit)
  'create_only', // a field that cannot change after creation
  'unknown_field',
  'invalid_value',
  'missing_parent', // a contact of a client that does not exist
  'incomplete', // a new record without its required fields
  'missing_attachment', // a file reference whose content the server does not have (complete)
  'offer_rule', // an offer write its writer may not make (approval, frozen content); detail says which
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface PushResponse {
  /** `duplicate`: this batch was applied before (the answer was lost); nothing applied twice. */
  outcome: 'applied' | 'duplicate';
  lastSeq: number;
  results: OpResult[];
  serverTime: string;
  /** Set when the laptop's stamps were ahead of the server clock and were clamped. */
  clockAheadMs?: number;
}

/**
 * Answer (409) to a push whose numbers do not follow the device's last applied one:
 * `sequence_gap` when `fromSeq` leaves a gap after it (the server lacks earlier changes);
 * `out_of_sequence` when the batch starts at or before it and is not the last applied batch
 * again (the laptop resends exactly the entries up to `expectedFromSeq - 1`, which the server
 * answers with that batch's stored results, or continues from `expectedFromSeq`).
 */
export interface PushSequenceError {
  error: 'sequence_gap' | 'out_of_sequence';
  expectedFromSeq: number;
}

/**
 * Answer (409) to a pull or push whose cursor is beyond the server's newest change: the laptop's
 * cursor is not one this server gave (a database restored from a backup, another server at the
 * same address). The laptop fetches its whole scope again, keeping its unsent changes; an echoed
 * cursor would have left it never receiving the changes numbered below it.
 */
export interface CursorAheadError {
  error: 'cursor_ahead';
  /** The server's newest change. */
  newest: number;
}

export const pullRequestSchema = z.strictObject({
  schemaVersion: z.number().int().positive(),
  /** Server sequence of the last change this laptop applied (0 before the first sync). */
  cursor: z.number().int().nonnegative(),
  /** Hash of the visible owners this laptop holds data for (empty before the first sync). */
  scopeHash: z.string().max(128),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A record as the server holds it: every synced field with its stamp. */
export interface SyncRecord {
  table: string;
  id: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
  /** The server sequence of the record's last change. */
  seq: number;
  /**
   * On a tombstone: who deleted it (the user who pushed `_deleted: true`; null when the company
   * did), for the trash of every laptop that held the record.
   */
  deletedBy?: string | null;
}

export interface ScopeChange {
  hash: string;
  /** Everyone whose clients this laptop now holds (own id, the team, delegations). */
  owners: string[];
}

/** A colleague, as every laptop may know them: shared reference data. */
export interface TeamMemberInfo {
  id: string;
  name: string;
  role: 'manager' | 'head_of_sales' | 'admin';
  /** The person's discount limit on offers (basis points): above it, an offer needs approval. */
  discountLimitBp: number;
  /** What this person's offer numbers start with, unique in the company (core/offers/offer-number.ts). */
  offerPrefix: string;
  /** Present when the person has left (their account is disabled): named, never picked. */
  left?: true;
}

export interface PullResponse {
  records: SyncRecord[];
  /** The company's people (names and roles only), for owners, authors and assignment. */
  team: TeamMemberInfo[];
  /** Records that left this laptop's scope (reassigned to someone it does not see). */
  removed: { table: string; id: string }[];
  /** Clients that entered the scope by reassignment: fetch them whole with a snapshot. */
  addedClients: string[];
  /** Present when the set of visible owners changed: snapshot the added, drop the removed. */
  scope?: ScopeChange;
  cursor: number;
  hasMore: boolean;
  /** The cursor is older than the tombstone retention: re-snapshot (the outbox is kept). */
  resnapshot?: boolean;
  serverTime: string;
  /**
   * The pulling device's offer mark (core/offers/offer-number.ts), which the sign-in also gives: a
   * laptop signed in before marks existed learns it here. Absent from a server without marks.
   */
  offerMark?: string;
}

export const snapshotRequestSchema = z.strictObject({
  schemaVersion: z.number().int().positive(),
  owners: z.array(idSchema).max(1000).default([]),
  clientIds: z.array(idSchema).max(5000).default([]),
  /** Also the records shared by the whole company (events): asked for on a laptop's first sync. */
  shared: z.boolean().default(false),
  /** Keyset position: the last (table, id) of the previous page. */
  after: z.strictObject({ table: tableNameSchema, id: idSchema }).nullable(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

export interface SnapshotResponse {
  records: SyncRecord[];
  /** Where the next page starts; null on the last page. */
  next: { table: string; id: string } | null;
  /** The server sequence every change up to which the snapshot includes (initial cursor). */
  highWater: number;
  serverTime: string;
  /**
   * First page only: how many records the whole snapshot holds, contacts included, for the
   * laptop's progress bar. Counted with the first page; changes meanwhile may move it a little.
   */
  total?: number;
}

/** What a logged change did to its record (server/sync/change-log.ts). */
export const CHANGE_ACTIONS = ['created', 'updated', 'deleted', 'undeleted', 'resolved', 'imported', 'assigned'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One field of a logged change: its value before and after (absent where it says nothing). */
export interface LoggedFieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

/**
 * One accepted change of a record, as the company server logged it: the same on every laptop.
 * `GET /api/clients/:id/history` gives a client's and its contacts' (docs/sync-protocol.md).
 */
export interface ChangeLogEntry {
  id: number;
  table: string;
  recordId: string;
  /** The record's name as the server has it now (a contact's, the client's); null: it has none. */
  recordName: string | null;
  action: ChangeAction;
  changes: LoggedFieldChange[];
  /** Who: the user whose laptop pushed it; null for the company (an import, an admin command). */
  userId: string | null;
  /** Their name as the company has it now, and the device it came from (null: on the server). */
  userName: string | null;
  deviceName: string | null;
  /**
   * The device's number among its person's devices of the same name, in the order they signed
   * in, when that person has more than one of that name ("Chromium on Linux #2"); absent when
   * the name alone tells it (core/devices.ts `DeviceView.nameNumber`, the same number).
   */
  deviceNumber?: number;
  /** ISO-8601 UTC, server time: when the company server received the change. */
  at: string;
  /**
   * ISO-8601 UTC: when the change was made, the physical time of its HLC stamp on the laptop
   * (an edit made offline at 10:00 and synced at 18:00 says 10:00), never after `at`. Absent for
   * the company's changes (imports, admin commands: they have only `at`) and for entries logged
   * before the server knew it; an older server never sends it.
   */
  madeAt?: string;
}

export interface ClientHistoryResponse {
  /** Newest first. */
  entries: ChangeLogEntry[];
  /** Older entries exist: ask again with `before` = the last entry's id. */
  more: boolean;
  serverTime: string;
}

/** Error answer of every sync endpoint: a code the app explains, and a readable reason. */
export interface SyncErrorBody {
  error: string;
  message: string;
  /** Set with `device_revoked`: the laptop must wipe its local data. */
  wipe?: boolean;
}
