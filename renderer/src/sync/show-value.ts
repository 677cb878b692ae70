import { addressLine, type Address } from '../../../core/client-model';

/** A value as people read it: files by name, addresses as on the card, lists one item after another. */
export function showValue(value: unknown, field: string): string {
  if (value === null || value === '' || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value)) return Object.values(value).filter((v) => v !== null && v !== '' && typeof v !== 'object').join(', ') || '—';
  // A list of files: their names (the references themselves are hashes).
  if (value.every((v) => typeof (v as { sha256?: unknown } | null)?.sha256 === 'string')) {
    return value.map((v) => String((v as { name?: unknown }).name)).join(', ') || '—';
  }
  if (field === 'addresses') return value.map((a) => addressLine(a as Address)).join(' / ') || '—';
  return value.map((v) => showValue(v, '')).join(' · ') || '—';
}
