import { addressLine, type Address } from '../../../core/client-model';
import { languageName } from '../../../core/languages';
import { DELETED_FIELD } from '../../../core/sync/tables';
import { formatDate, userLocale } from '../i18n/format';
import { formatNumberEntry } from '../i18n/number-entry';

/**
 * A value as people read it: files by name, addresses as on the card, lists one item after
 * another, numbers and days as the person's format writes them ("1 234,5", "7 Dec 1980"), a
 * client's language of offers in itself ("Magyar").
 */
export function showValue(value: unknown, field: string, locale = userLocale()): string {
  if (value === null || value === '' || value === undefined) return '—';
  if (field === 'language' && typeof value === 'string') return languageName(value);
  if (typeof value === 'number') return formatNumberEntry(value, locale, 20) || String(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value)) return Object.values(value).filter((v) => v !== null && v !== '' && typeof v !== 'object').join(', ') || '—';
  // A list of files: their names (the references themselves are hashes).
  if (value.every((v) => typeof (v as { sha256?: unknown } | null)?.sha256 === 'string')) {
    return value.map((v) => String((v as { name?: unknown }).name)).join(', ') || '—';
  }
  if (field === 'addresses') return value.map((a) => addressLine(a as Address)).join(' / ') || '—';
  return value.map((v) => showValue(v, '', locale)).join(' · ') || '—';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A refused offer holds its lines whole: each value is cut short, the change is a reminder. */
const MAX_SHOWN = 160;

/**
 * What a refused change said, as people read it: colleagues by name, not their ids; no ids of
 * records or the tombstone flag (the change's label says what it is about); long values cut short.
 */
export function refusedValues(fields: Record<string, unknown>, names: ReadonlyMap<string, string>): [string, string][] {
  return Object.entries(fields)
    .filter(([f, v]) => !(f === DELETED_FIELD && v === false) && !(typeof v === 'string' && UUID.test(v) && !names.has(v)))
    .map(([f, v]) => {
      const text = typeof v === 'string' && names.has(v) ? names.get(v)! : showValue(v, f);
      return [f, text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text];
    });
}

