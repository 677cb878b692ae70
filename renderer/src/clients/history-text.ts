/**
 * How the card's history words a field's change (ClientHistory.tsx): values as a person reads
 * them (a phone in its international form, a colleague's id as their name), and for a list
 * (phones, emails, addresses) only what was added and removed. The event a client or contact
 * was met at (`eventId`, a lead's event carried at conversion) is "Met at <event>" by the
 * event's name, or said to be an event this laptop does not have — never its id.
 */
import type { TFunction } from 'i18next';
import { languageName } from '../../../core/languages';
import { phoneDisplay } from '../../../core/phone';
import type { ChangeLogEntry, LoggedFieldChange } from '../../../core/sync/protocol';
import type { FieldChange } from '../data/clients/history';

/** One value as a person reads it: a phone in its international form, a colleague's id as their name. */
function showOne(value: unknown, names: ReadonlyMap<string, string>): string {
  if (typeof value === 'object' && value) {
    return Object.entries(value)
      .filter(([, v]) => v !== '' && v !== null && v !== undefined)
      .map(([k, v]) => (k === 'number' && typeof v === 'string' ? phoneDisplay(v).text : String(v)))
      .join(' ');
  }
  if (typeof value === 'string') return names.get(value) ?? value;
  return String(value);
}

function show(value: unknown, empty: string, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.map((v) => showOne(v, names)).join('; ');
  return showOne(value, names);
}

/** A list's items in one and not the other (compared as JSON): what a change of a list did. */
export function listDiff(from: readonly unknown[], to: readonly unknown[]): { added: unknown[]; removed: unknown[] } {
  const key = (v: unknown) => JSON.stringify(v);
  const before = new Set(from.map(key));
  const after = new Set(to.map(key));
  return { added: to.filter((v) => !before.has(key(v))), removed: from.filter((v) => !after.has(key(v))) };
}

/** "Met at Build Fair 2026", by the event's name (`events`: id → name, the events this laptop has). */
function metAtText(change: FieldChange | LoggedFieldChange, t: TFunction, events: ReadonlyMap<string, string>): string {
  const name = (id: unknown) => (typeof id === 'string' && id ? (events.get(id) ?? t('history.eventNotHere')) : null);
  const to = name(change.to);
  const was = 'from' in change ? name(change.from) : null;
  if (to && was && change.from !== change.to) return t('history.metAtWas', { event: to, was });
  if (to) return t('history.metAt', { event: to });
  if (was) return t('history.metAtRemoved', { was });
  return t('history.metAtNone');
}

const languageNameOf = (code: unknown): unknown => (typeof code === 'string' && code ? languageName(code) : code);

/** The line the history shows for one field's change. */
export function changeText(change: FieldChange | LoggedFieldChange, t: TFunction, names: ReadonlyMap<string, string>, events: ReadonlyMap<string, string> = new Map()): string {
  if (change.field === 'eventId') return metAtText(change, t, events);
  // A language by its name in itself ("English → Magyar"), as the card and the form name it.
  if (change.field === 'language') change = { ...change, ...('from' in change ? { from: languageNameOf(change.from) } : {}), ...('to' in change ? { to: languageNameOf(change.to) } : {}) };
  const empty = t('history.empty');
  const field = t(`form.${change.field}`, { defaultValue: change.field });
  // A conflict's resolution says only the value kept.
  if (!('from' in change)) return 'to' in change ? t('history.fieldKept', { field, to: show(change.to, empty, names) }) : field;
  if (Array.isArray(change.from) && Array.isArray(change.to) && change.from.length > 0 && change.to.length > 0) {
    const { added, removed } = listDiff(change.from, change.to);
    const parts = [
      ...(added.length ? [t('history.added', { values: show(added, empty, names) })] : []),
      ...(removed.length ? [t('history.removed', { values: show(removed, empty, names) })] : []),
    ];
    return parts.length ? t('history.listChange', { field, changes: parts.join('; ') }) : t('history.reordered', { field });
  }
  return t('history.fieldChange', { field, from: show(change.from, empty, names), to: show(change.to, empty, names) });
}

/** A change made this much earlier than it reached the company server has both times in the history. */
export const SYNCED_LATER_MS = 5 * 60_000;

/**
 * When the history says a logged change happened: when it was made (its stamp's time), and when
 * it reached the company server only if that was more than SYNCED_LATER_MS later (an edit made
 * offline at 10:00 and synced at 18:00). The server's time alone for the company's changes and
 * an older server's entries (no `madeAt`), and for a time made in the server's future: a device
 * clock ahead cannot have made it after the server received it.
 */
export function entryTimes(entry: Pick<ChangeLogEntry, 'at' | 'madeAt'>): { made: string; synced: string | null } {
  const at = Date.parse(entry.at);
  const made = entry.madeAt === undefined ? NaN : Date.parse(entry.madeAt);
  if (!Number.isFinite(made) || made > at) return { made: entry.at, synced: null };
  return { made: entry.madeAt!, synced: at - made > SYNCED_LATER_MS ? entry.at : null };
}
