/**
 * A number's field, typed and shown as the person's format writes numbers (i18n/number-entry.ts):
 * "1 234,5" on a Russian laptop, "1.234,5" on an Indonesian one, "12,34,567.5" on an Indian one.
 * The browser's own number field reads only "1234.5" (a typed "1 234,5" was no number, and
 * "1,234" was refused where a comma groups). What it cannot read, or could read two ways, stays
 * as typed with a message saying how to write it; the value is then NaN, so the form does not
 * save it. Not focused, the field shows its number grouped in the locale's way.
 */
import { forwardRef, useState, type ReactNode } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/language';
import { formatNumberEntry, numberEntryMessage, parseNumberEntry, type NumberEntry } from '../i18n/number-entry';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'onBlur' | 'error' | 'type'> & {
  /** The number; NaN while what is typed is none, undefined or null for an empty field. */
  value: number | null | undefined;
  onChange: (value: number) => void;
  onBlur?: () => void;
  /** The form's message (a number out of range …), shown when what is typed is a number. */
  error?: ReactNode;
  /** Whole numbers only (days): the example in the message is one. */
  integer?: boolean;
  /** Decimals shown when not focused (a quantity's three: kg, m, l). */
  maxFractionDigits?: number;
  testId?: string;
};

const same = (a: number | null | undefined, b: number | null | undefined) => a === b || (Number.isNaN(a) && Number.isNaN(b)) || (a == null && b == null);
const valueOf = (entry: NumberEntry) => (entry.kind === 'number' ? entry.value : entry.kind === 'empty' ? undefined : Number.NaN);

export const NumberField = forwardRef<HTMLInputElement, Props>(function NumberField({ value, onChange, onBlur, error, integer = false, maxFractionDigits = 3, testId, onFocus, ...rest }, ref) {
  const { t } = useTranslation();
  const locale = useLanguage((s) => s.locale);
  // Grouped, with the field's decimals; a number those would round (1.5 in a field of whole days,
  // 1.23456 of a quantity) is shown whole, never as another number.
  const show = (n: number | null | undefined, inLocale = locale) => {
    const text = formatNumberEntry(n, inLocale, integer ? 0 : maxFractionDigits);
    const back = parseNumberEntry(text, inLocale);
    return n == null || !Number.isFinite(n) || (back.kind === 'number' && back.value === n) ? text : formatNumberEntry(n, inLocale, 20);
  };
  const [text, setText] = useState(() => show(value));
  const [focused, setFocused] = useState(false);
  // The value and format of the last render: a value that changes to one other than what is typed
  // was set from outside (a form reset, a sync) and is shown; a change of format shows the number
  // in the new one. What is being typed is never rewritten under the person's fingers.
  const [seen, setSeen] = useState({ value, locale });
  if (!same(seen.value, value) || seen.locale !== locale) {
    const typed = valueOf(parseNumberEntry(text, seen.locale));
    setSeen({ value, locale });
    if (!same(typed, value)) setText(show(value));
    else if (seen.locale !== locale && !focused && typed !== undefined && Number.isFinite(typed)) setText(show(typed));
  }

  const entry = parseNumberEntry(text, locale);
  const message = numberEntryMessage(entry, t, locale, { integer, maxFractionDigits });

  return (
    <TextInput
      ref={ref}
      {...rest}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(valueOf(parseNumberEntry(typed, locale)) ?? Number.NaN);
      }}
      onFocus={(e) => {
        setFocused(true);
        onFocus?.(e);
      }}
      onBlur={() => {
        setFocused(false);
        // A number read is shown the locale's way; anything else stays as typed, with its message.
        if (entry.kind === 'number') setText(show(entry.value));
        onBlur?.();
      }}
      // While typing, "1," is on its way to "1,5": the message waits until the field is left.
      error={message ? (focused ? undefined : message) : error}
      data-testid={testId}
      data-number-entry={entry.kind}
    />
  );
});
