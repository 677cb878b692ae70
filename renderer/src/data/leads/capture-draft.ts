/**
 * The lead being typed on the capture screen, kept on the laptop while it is typed: leaving the
 * screen (a colleague asks for the client list), a reload or a crash loses nothing, and the
 * form is as it was when the person comes back. So are the leads set aside beside the form. One draft, in the database's `meta` table (the
 * laptop's database: a wipe or signing out removes it with the client base; nothing typed goes to
 * localStorage). A copy in memory lets the screen show it at once within a session.
 */
import type { Lead } from '../../../../core/leads/lead-model';
import type { PreparedFile } from '../attachments';
import { getDb, type FieldbookDb } from '../db';
import type { Opened } from '../opened-record';
import type { CaptureValues } from '../../leads/capture-values';

export interface CaptureDraft {
  values: CaptureValues;
  /** The saved lead the form is correcting, as it was opened. */
  editing: Opened<Lead> | null;
  photo: PreparedFile | null;
  attachTo: { clientId: string; contactId: string | null; name: string } | null;
}

/**
 * The leads set aside beside the form ("Back to the form", UnsavedLeads.tsx): one whose write
 * failed while the next visitor was being typed, or the typed lead another lead was opened over.
 * Kept as the draft is (`meta.captureAside`), so a reload or a crash loses none of them either.
 */
export interface SetAsideLead extends CaptureDraft {
  id: string;
  /** Who it is, as the list names it. */
  name: string;
  /** Why it is aside, in words. */
  reason: string;
}

/**
 * One value kept in the database's `meta` under `key`, with a copy in memory: read once a
 * session; kept in memory at once and written right after, one write at a time and only the
 * newest of those asked for meanwhile, so a burst of keystrokes is one or two writes, never a
 * queue. `null` is nothing to keep (the entry is deleted).
 */
function keptInMeta<T>(key: string) {
  /** In memory: undefined until read from the database, null when there is none. */
  let cached: T | null | undefined;
  let reading: Promise<T | null> | null = null;
  /** The value still to be written (undefined: none waiting), and the write in progress. */
  let waiting: T | null | undefined;
  let writing: Promise<void> | null = null;
  return {
    known: (): T | null | undefined => cached,
    read(db: FieldbookDb): Promise<T | null> {
      if (cached !== undefined) return Promise.resolve(cached);
      reading ??= db.meta
        .get(key)
        .then((entry) => (entry?.value as T | undefined) ?? null)
        .catch(() => null)
        .then((value) => {
          // A value kept while this read was on its way is newer.
          if (cached === undefined) cached = value;
          reading = null;
          return cached;
        });
      return reading;
    },
    keep(value: T | null, db: FieldbookDb): void {
      if (value === null && cached === null && waiting === undefined) return;
      cached = value;
      waiting = value;
      writing ??= (async () => {
        while (waiting !== undefined) {
          const next = waiting;
          waiting = undefined;
          try {
            if (next === null) await db.meta.delete(key);
            else await db.meta.put({ key, value: next });
          } catch {
            // The copy in memory stays for this session; the next change tries again.
          }
        }
        writing = null;
      })();
    },
    written: (): Promise<void> => writing ?? Promise.resolve(),
    forget(): void {
      cached = undefined;
      reading = null;
    },
  };
}

const draft = keptInMeta<CaptureDraft>('captureDraft');
const aside = keptInMeta<SetAsideLead[]>('captureAside');

/** The draft as this session knows it without waiting: undefined before the first read. */
export const knownCaptureDraft = (): CaptureDraft | null | undefined => draft.known();

/** The kept draft (read from the database once a session). */
export const readCaptureDraft = (db: FieldbookDb = getDb()): Promise<CaptureDraft | null> => draft.read(db);

/** Keeps `value` (null: there is nothing to keep): memory at once, the database right after. */
export const keepCaptureDraft = (value: CaptureDraft | null, db: FieldbookDb = getDb()): void => draft.keep(value, db);

/** Resolves when what was kept is in the database (tests, and before a reload the app starts). */
export const captureDraftWritten = (): Promise<void> => Promise.all([draft.written(), aside.written()]).then(() => undefined);

/** The leads set aside as this session knows them without waiting: undefined before the first read. */
export const knownSetAside = (): SetAsideLead[] | undefined => {
  const known = aside.known();
  return known === undefined ? undefined : (known ?? []);
};

/** The leads set aside beside the form (read from the database once a session). */
export const readSetAside = (db: FieldbookDb = getDb()): Promise<SetAsideLead[]> => aside.read(db).then((list) => list ?? []);

/** Keeps the list of leads set aside (an empty list forgets it). */
export const keepSetAside = (list: readonly SetAsideLead[], db: FieldbookDb = getDb()): void => aside.keep(list.length ? [...list] : null, db);

/** Forgets the copies in memory (tests: a new session). */
export function forgetCaptureDraftCache(): void {
  draft.forget();
  aside.forget();
}
