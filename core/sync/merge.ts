/**
 * Field-level merge of one record: the rule the server applies to every pushed field write, and
 * the reason two devices that edit the same client offline end up with the same card.
 *
 * Each write carries the value, its HLC stamp, and its `base`: the stamp of the value the writer
 * had on screen when it made the edit. A write whose base is the current stamp is a sequential
 * edit and simply applies. Any other write is concurrent with the current value: the later stamp
 * wins on every device alike, and when the two values differ the loser is reported so the server
 * can keep it in a conflict record — nothing disappears silently.
 */
import { compareHlc, maxHlc, type Hlc } from './hlc';
import { ATTACHMENTS_FIELD } from './attachments';

/** Per-field stamps of a stored record. `'*'` is the stamp of every field not listed. */
export type Stamps = Record<string, Hlc>;

export const DEFAULT_STAMP = '*';

export function stampOf(stamps: Stamps, field: string): Hlc | null {
  return stamps[field] ?? stamps[DEFAULT_STAMP] ?? null;
}

export interface FieldWrite {
  value: unknown;
  hlc: Hlc;
  /** Stamp of the value the writer replaced; null when it had none (a new record or field). */
  base: Hlc | null;
}

export interface StoredRecord {
  data: Record<string, unknown>;
  stamps: Stamps;
}

/** A value that lost to a concurrent write of the same field. */
export interface LostValue {
  field: string;
  value: unknown;
  hlc: Hlc;
  /** The winning value and stamp. */
  winner: { value: unknown; hlc: Hlc };
  /** True when the pushed value lost; false when it beat the value stored before. */
  incomingLost: boolean;
}

export interface MergeResult extends StoredRecord {
  /** Fields whose stored value or stamp changed. */
  changed: string[];
  /** Concurrent writes of different values: each becomes (part of) a conflict record. */
  lost: LostValue[];
}

/**
 * Equality of JSON values as JSON means it: objects equal whatever the order of their keys (a
 * value that went through the server comes back with PostgreSQL's `jsonb` order, not the app's),
 * and a key whose value is undefined is no key at all. Comparing `JSON.stringify` texts instead
 * made every address of a synced client look changed whenever its card was saved.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  return ak.length === Object.keys(bo).filter((k) => bo[k] !== undefined).length && ak.every((k) => sameValue(ao[k], bo[k]));
}

/**
 * Merges field writes into a stored record (or into nothing, for a new record). Pure and
 * deterministic: the same writes against the same record always give the same result, and
 * applying a write twice changes nothing the second time (pushes are safe to resend).
 */
export function mergeFields(current: StoredRecord | null, writes: Readonly<Record<string, FieldWrite>>): MergeResult {
  const data = { ...(current?.data ?? {}) };
  const stamps = { ...(current?.stamps ?? {}) };
  const changed: string[] = [];
  const lost: LostValue[] = [];

  for (const [field, write] of Object.entries(writes)) {
    const stamp = current ? stampOf(stamps, field) : null;
    const hasValue = current !== null && field in data;
    if (stamp === null || !hasValue) {
      data[field] = write.value;
      stamps[field] = write.hlc;
      changed.push(field);
      continue;
    }
    if (write.hlc === stamp) continue; // the same write again
    const sequential = write.base === stamp && compareHlc(write.hlc, stamp) > 0;
    if (sequential) {
      data[field] = write.value;
      stamps[field] = write.hlc;
      changed.push(field);
      continue;
    }
    const currentValue = data[field];
    const incomingWins = compareHlc(write.hlc, stamp) > 0;
    const files = field === ATTACHMENTS_FIELD ? filesOfBoth(currentValue, write.value, incomingWins) : null;
    if (files) {
      // Files added on two laptops are both kept: one list losing to the other would take a
      // file out of sight for everyone. (A file removed on one laptop meanwhile comes back: the
      // safe way round.)
      const winner = maxHlc(write.hlc, stamp);
      if (!sameValue(files, currentValue) || winner !== stamp) changed.push(field);
      data[field] = files;
      stamps[field] = winner;
      continue;
    }
    if (sameValue(currentValue, write.value)) {
      // Both sides agree on the value: keep one stamp everywhere (the later).
      const winner = maxHlc(write.hlc, stamp);
      if (winner !== stamp) {
        stamps[field] = winner;
        changed.push(field);
      }
      continue;
    }
    if (incomingWins) {
      lost.push({ field, value: currentValue, hlc: stamp, winner: { value: write.value, hlc: write.hlc }, incomingLost: false });
      data[field] = write.value;
      stamps[field] = write.hlc;
      changed.push(field);
    } else {
      lost.push({ field, value: write.value, hlc: write.hlc, winner: { value: currentValue, hlc: stamp }, incomingLost: true });
    }
  }
  return { data, stamps, changed, lost };
}

/**
 * Two concurrent lists of file references as one: the later write's files first, then the
 * other's that it lacks (by content hash). Null when either is not such a list.
 */
function filesOfBoth(current: unknown, incoming: unknown, incomingWins: boolean): unknown[] | null {
  const isFiles = (v: unknown): v is { sha256: string }[] => Array.isArray(v) && v.every((f) => typeof (f as { sha256?: unknown } | null)?.sha256 === 'string');
  if (!isFiles(current) || !isFiles(incoming)) return null;
  const [first, second] = incomingWins ? [incoming, current] : [current, incoming];
  const have = new Set(first.map((f) => f.sha256));
  return [...first, ...second.filter((f) => !have.has(f.sha256))];
}

/** The latest stamp of a record: when it last changed, as far as sync knows. */
export function latestStamp(stamps: Stamps): Hlc | null {
  let latest: Hlc | null = null;
  for (const s of Object.values(stamps)) if (latest === null || s > latest) latest = s;
  return latest;
}
