import { getCountries } from 'libphonenumber-js/max';
import { notifications, notificationsStore, type NotificationData } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { get, useFormState, type Control, type FieldError, type FieldPath, type FieldValues } from 'react-hook-form';
import { CommandError } from '../data/clients/commands';

/** The message for a field error: zod messages in core/ are i18n keys under `errors.`. */
export function useFieldError() {
  const { t } = useTranslation();
  return (error: FieldError | undefined): string | undefined =>
    error?.message ? t(`errors.${error.message}`, { defaultValue: t('errors.invalid') }) : undefined;
}

/**
 * The message of one field's error, for a field that re-renders on its own: a new message
 * re-renders only the caller. Only `errors` is read from the form state (`getFieldState` would
 * also subscribe to dirtiness, which every keystroke changes, re-rendering every such field).
 */
export function useOwnFieldError<T extends FieldValues>(control: Control<T>, name: FieldPath<T>): string | undefined {
  const fieldError = useFieldError();
  const { errors } = useFormState({ control, name });
  return fieldError(get(errors, name) as FieldError | undefined);
}

/**
 * The sentence for a save that failed. A full disk gets its own words, since the person can
 * act on it (free space); anything else shows the database's own message.
 */
export function useSaveFailedMessage() {
  const { t } = useTranslation();
  const why = useWriteErrorText();
  return (e: unknown): string => t('form.saveFailed', { error: why(e) });
}

/** Why a local write failed, in words (a full disk named as such), without a closing full stop. */
export function useWriteErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    const names = [e, (e as { inner?: unknown } | null)?.inner].map((x) => (x instanceof Error ? x.name : ''));
    // A command's refusal carries its message's key ('errors.client_not_found').
    const error = names.includes('QuotaExceededError') ? t('errors.diskFull') : e instanceof CommandError ? t(e.message) : e instanceof Error ? e.message : String(e);
    return error.replace(/\.+$/, ''); // the sentence it goes into adds its own full stop
  };
}

/** Countries with names in the person's language, for address and phone defaults. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return getCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'HUF', 'RUB', 'INR', 'IDR', 'MYR', 'PLN', 'CZK', 'CHF', 'SGD', 'AED', 'CNY'];

/**
 * Keyboard of every form: Ctrl/Cmd+S saves, Esc leaves (asking first when there are unsaved
 * changes) — unless the Esc is closing an open dropdown.
 */
export function formKeys(save: () => void, close: () => void) {
  return (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && !e.defaultPrevented && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') {
      close();
    }
  };
}

/**
 * One message per matter, changed in place: a form's "fix the marked fields" or a failed save
 * shown again on the next attempt replaces the one on screen instead of piling another on it.
 */
export function showOnce(id: string, data: Omit<NotificationData, 'id'>) {
  const { notifications: shown, queue } = notificationsStore.getState();
  if ([...shown, ...queue].some((n) => n.id === id)) notifications.update({ ...data, id });
  else notifications.show({ ...data, id });
}

/** Whether the message `id` is on screen (or waiting for room). */
export function isShown(id: string): boolean {
  const { notifications: shown, queue } = notificationsStore.getState();
  return [...shown, ...queue].some((n) => n.id === id);
}

/** How many fields of a form's errors (nested: lists of contacts, phones, addresses) have an error. */
export function countFieldErrors(errors: unknown): number {
  if (errors === null || typeof errors !== 'object') return 0;
  const e = errors as Record<string, unknown>;
  if (typeof e.type === 'string' || typeof e.message === 'string') return 1;
  return Object.entries(e).reduce((n, [k, v]) => (k === 'ref' ? n : n + countFieldErrors(v)), 0);
}
