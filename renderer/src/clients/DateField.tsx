/**
 * A calendar day's field, typed and shown in the person's locale (i18n/date-entry.ts) with a
 * calendar to pick from: the browser's own date field follows the browser's interface language,
 * not the locale the app shows dates in. The calendar's weeks start on the locale's first day
 * (Monday in Russia, Sunday in India), its weekend is the locale's, and its months and weekdays
 * are named in the UI's language (i18n/calendar.ts). The value is ISO "YYYY-MM-DD", '' for none.
 */
import { forwardRef, useState } from 'react';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dayInFull, firstDayOfWeek, monthHeading, monthInList, weekdayHeading, weekendDays } from '../i18n/calendar';
import { dateEntryPattern, formatDateEntry, parseDateEntry } from '../i18n/date-entry';
import { useLanguage } from '../i18n/language';
import { wordsLocale } from '../i18n/languages';

interface Props {
  label: string;
  /** "YYYY-MM-DD", '' for none, or the text typed when it is no day (the form refuses it). */
  value: string | undefined;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: string;
  withAsterisk?: boolean;
  testId?: string;
  description?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is typed and is no day ("31.02.1980") stays in the field as typed, with a message, and is
 * the form's value, which its schema refuses ("Not a date"): the form neither saves the day the
 * field held before nor empties it (Mantine's own field puts the last good day back on leaving).
 */
export const DateField = forwardRef<HTMLInputElement, Props>(function DateField({ label, value, onChange, onBlur, name, error, withAsterisk, testId, description }, ref) {
  const { t } = useTranslation();
  // Re-rendered when the person picks another language or format: the field shows its day in it.
  const locale = useLanguage((s) => s.locale);
  const words = useLanguage((s) => wordsLocale(s.language, s.locale));
  const day = value && ISO_DAY.test(value) ? value : null;
  const [typed, setTyped] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // A day set from outside (a reset, the start day copied to the end) replaces what was typed.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (day !== null || !value) setTyped(null);
  }
  const unreadable = typed !== null && typed.trim() !== '' && parseDateEntry(typed, locale) === null;
  return (
    <DateInput
      ref={ref}
      label={label}
      name={name}
      value={day}
      onChange={(picked) => onChange(picked ?? '')}
      onInput={(e) => {
        const text = e.currentTarget.value;
        setTyped(text);
        // A day is passed on by the field itself (onChange); what is none is passed on as typed.
        if (text.trim() !== '' && parseDateEntry(text, locale) === null) onChange(text);
      }}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        onBlur?.();
      }}
      fixOnBlur={!unreadable}
      locale={locale}
      valueFormat={(d) => formatDateEntry(d, locale)}
      dateParser={(text) => parseDateEntry(text, locale)}
      placeholder={dateEntryPattern({ day: t('dateEntry.day'), month: t('dateEntry.month'), year: t('dateEntry.year') }, locale)}
      description={description}
      clearable
      // Out of the Tab order, as the form is keyboard-first: Tab goes on to the next field.
      clearButtonProps={{ tabIndex: -1, 'aria-label': t('dateEntry.clear') }}
      firstDayOfWeek={firstDayOfWeek(locale)}
      weekendDays={weekendDays(locale)}
      monthLabelFormat={(d) => monthHeading(d, words)}
      weekdayFormat={(d) => weekdayHeading(d, words)}
      monthsListFormat={(d) => monthInList(d, words)}
      getDayAriaLabel={(d) => dayInFull(d, words)}
      ariaLabels={{
        previousMonth: t('dateEntry.previousMonth'),
        nextMonth: t('dateEntry.nextMonth'),
        previousYear: t('dateEntry.previousYear'),
        nextYear: t('dateEntry.nextYear'),
        previousDecade: t('dateEntry.previousDecade'),
        nextDecade: t('dateEntry.nextDecade'),
        monthLevelControl: t('dateEntry.chooseMonth'),
        yearLevelControl: t('dateEntry.chooseYear'),
      }}
      // While typing, "07.12" is on its way to a day: the message waits until the field is left.
      error={unreadable ? (focused ? undefined : t('dateEntry.unreadable', { example: formatDateEntry(EXAMPLE_DAY, locale) })) : error}
      withAsterisk={withAsterisk}
      data-testid={testId}
      popoverProps={{ withinPortal: true }}
      // The month's heading comes capitalised as a heading is (calendar.ts monthHeading): Mantine's
      // CSS would capitalise every word ("Декабрь 2026 Г.").
      styles={{ calendarHeaderLevel: { textTransform: 'none' } }}
    />
  );
});

/** The day a message shows as an example of how to type one: its day and month tell apart which is which. */
const EXAMPLE_DAY = '2026-12-24';
