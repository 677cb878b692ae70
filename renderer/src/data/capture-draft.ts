/**
 * The lead being typed on the capture screen, kept on the laptop while it is typed: leaving the
 * screen (a colleague asks for the client list), a reload or a crash loses nothing, and the
 * form is as it was when the person comes back. One draft, in the database's `meta` table (the
 * laptop's database: a wipe or signing out removes it with the client base; nothing typed goes to
 * localStorage). A copy in memory lets the screen show it at once within a session.
 */
import type { Lead } from '../../../core/leads/lead-model';
import type { PreparedFile } from './attachments';
import { getDb, type FieldbookDb } from './db';
import type { Opened } from './opened-record';
import type { CaptureValues } from '../leads/capture-values';

export interface CaptureDraft {
  values: CaptureValues;
  /** The saved lead the form is correcting, as it was opened. */
  editing: Opened<Lead> | null;
  photo: PreparedFile | null;
  attachTo: { clientId: string; contactId: string | null; name: string } | null;
}

const KEY = 'captureDraft';

/** In memory: undefined until read from the database, null when there is none. */
let cached: CaptureDraft | null | undefined;
let reading: Promise<CaptureDraft | null> | null = null;
/** The draft still to be written (undefined: none waiting), and the write in progress. */
let waiting: CaptureDraft | null | undefined;
let writing: Promise<void> | null = null;

/** The draft as this session knows it without waiting: undefined before the first read. */
export const knownCaptureDraft = (): CaptureDraft | null | undefined => cached;

/** The kept draft (read from the database once a session). */
export function readCaptureDraft(db: FieldbookDb = getDb()): Promise<CaptureDraft | null> {
  if (cached !== undefined) return Promise.resolve(cached);
  reading ??= db.meta
    .get(KEY)
    .then((entry) => (entry?.value as CaptureDraft | undefined) ?? null)
    .catch(() => null)
    .then((draft) => {
      // A draft kept while this read was on its way is newer.
      if (cached === undefined) cached = draft;
      reading = null;
      return cached;
    });
  return reading;
}

/**
 * Keeps `draft` (null: there is nothing to keep). Memory at once; the database right after, one
 * write at a time and only the newest of those asked for meanwhile, so a burst of keystrokes is
 * one or two writes, never a queue.
 */
export function keepCaptureDraft(draft: CaptureDraft | null, db: FieldbookDb = getDb()): void {
  if (draft === null && cached === null && waiting === undefined) return;
  cached = draft;
  waiting = draft;
  writing ??= (async () => {
    while (waiting !== undefined) {
      const next = waiting;
      waiting = undefined;
      try {
        if (next === null) await db.meta.delete(KEY);
        else await db.meta.put({ key: KEY, value: next });
      } catch {
        // The copy in memory stays for this session; the next keystroke tries again.
      }
    }
    writing = null;
  })();
}

/** Resolves when what was kept is in the database (tests, and before a reload the app starts). */
export const captureDraftWritten = (): Promise<void> => writing ?? Promise.resolve();

/** Forgets the copy in memory (tests: a new session). */
export function forgetCaptureDraftCache(): void {
  cached = undefined;
  reading = null;
}
