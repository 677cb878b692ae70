/**
 * A calendar day's field, typed and shown in the person's locale (i18n/date-entry.ts) with a
 * calendar to pick from: the browser's own date field follows the browser's interface language,
 * not the locale the app shows dates in. The value is ISO "YYYY-MM-DD", '' for none.
 */
import { forwardRef } from 'react';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateEntryPattern, formatDateEntry, parseDateEntry } from '../i18n/date-entry';

interface Props {
  label: string;
  value: string | undefined;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: string;
  withAsterisk?: boolean;
  testId?: string;
}

export const DateField = forwardRef<HTMLInputElement, Props>(function DateField({ label, value, onChange, onBlur, name, error, withAsterisk, testId }, ref) {
  const { t } = useTranslation();
  return (
    <DateInput
      ref={ref}
      label={label}
      name={name}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      onBlur={onBlur}
      valueFormat={(day) => formatDateEntry(day)}
      dateParser={(text) => parseDateEntry(text)}
      placeholder={dateEntryPattern({ day: t('dateEntry.day'), month: t('dateEntry.month'), year: t('dateEntry.year') })}
      clearable
      // Out of the Tab order, as the form is keyboard-first: Tab goes on to the next field.
      clearButtonProps={{ tabIndex: -1, 'aria-label': t('dateEntry.clear') }}
      firstDayOfWeek={1}
      error={error}
      withAsterisk={withAsterisk}
      data-testid={testId}
      popoverProps={{ withinPortal: true }}
    />
  );
});
