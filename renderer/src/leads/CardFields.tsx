/**
 * "Also from the card": what a scanned card or .vcf gave beyond the form's fields — more phones
 * with their types, more emails, web addresses, addresses, departments, the birthday. Saved with
 * the lead as they are; each can be removed. Nothing shows for a lead typed by hand.
 */
import { ActionIcon, Badge, Box, Card, Group, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LeadInput } from '../../../core/leads/lead-model';
import { emailKey } from '../../../core/leads/match-keys';
import { formatCountry, formatDate, userLocale } from '../i18n/format';
import { addressLine } from './card-labels';
import { TextWithMark } from './UnclearMark';
import type { CaptureValues } from './capture-values';

const LIST_FIELDS = ['otherPhones', 'otherEmails', 'websites', 'addresses', 'departments'] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** A birthday as kept: a date, or "--MM-DD" without a year (shown as the day and month). */
export function birthdayText(value: string): string {
  if (!value.startsWith('--')) return formatDate(value);
  // The day and month as one date of the locale ("7 декабря", "december 7."), never a month's name put after a number of ours.
  return new Intl.DateTimeFormat(userLocale(), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`2000-${value.slice(2)}T00:00:00Z`));
}

/** A country as kept in an address: a code's name, or the card's text with a mark to check it. */
export function CountryText({ value }: { value: string }) {
  const { t } = useTranslation();
  if (/^[A-Z]{2}$/.test(value)) return <>{formatCountry(value)}</>;
  return (
    <>
      {value}{' '}
      <Badge size="xs" color="orange" variant="light" tt="none">
        {t('capture.card.countryUnknown')}
      </Badge>
    </>
  );
}

export function CardFields({ form }: { form: UseFormReturn<CaptureValues, unknown, LeadInput> }) {
  const { t } = useTranslation();
  const [otherPhones, otherEmails, websites, addresses, departments, birthday] = useWatch({
    control: form.control,
    name: [...LIST_FIELDS, 'birthday'],
  });
  const empty = !otherPhones?.length && !otherEmails?.length && !websites?.length && !addresses?.length && !departments?.length && !birthday;
  if (empty) return null;

  const remove = (field: ListField, index: number) => {
    const list = form.getValues(field) as unknown[];
    form.setValue(field, list.filter((_, i) => i !== index) as never, { shouldDirty: true });
  };
  const row = (key: string, label: string, content: React.ReactNode, onRemove: () => void) => (
    <Group key={key} gap={6} wrap="nowrap" justify="space-between" data-testid="card-field">
      <Text size="sm" style={{ minWidth: 0 }}>
        <Text span size="xs" c="dimmed">
          {label}
        </Text>{' '}
        {content}
      </Text>
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`${t('capture.card.remove')}: ${label}`} onClick={onRemove}>
        <IconX size={12} />
      </ActionIcon>
    </Group>
  );

  return (
    <Card withBorder padding="xs" data-testid="card-fields">
      <Text size="sm" fw={600}>
        {t('capture.card.title')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t('capture.card.hint')}
      </Text>
      <Stack gap={2}>
        {otherPhones?.map((p, i) =>
          row(`p${i}`, [t('capture.card.otherPhones'), p.kind && t(`capture.card.phoneKind.${p.kind}`), p.label].filter(Boolean).join(' · '), p.number, () => remove('otherPhones', i)),
        )}
        {otherEmails?.map((e, i) =>
          row(
            `e${i}`,
            t('capture.card.otherEmails'),
            <>
              {e}{' '}
              {!emailKey(e) && (
                <Badge size="xs" color="orange" variant="light" tt="none">
                  {t('capture.card.notEmail')}
                </Badge>
              )}
            </>,
            () => remove('otherEmails', i),
          ),
        )}
        {websites?.map((w, i) => row(`w${i}`, t('capture.card.websites'), w, () => remove('websites', i)))}
        {addresses?.map((a, i) =>
          row(
            `a${i}`,
            t(`capture.card.addressKind.${a.kind}`),
            <>
              <TextWithMark value={addressLine({ ...a, country: '' }, () => '', (box) => t('capture.card.poBox', { box }))} />
              {a.country && (
                <>
                  {', '}
                  <CountryText value={a.country} />
                </>
              )}
            </>,
            () => remove('addresses', i),
          ),
        )}
        {departments?.map((d, i) => row(`d${i}`, t('capture.card.departments'), <TextWithMark value={d} />, () => remove('departments', i)))}
        {birthday && (
          <Box>{row('b', t('capture.card.birthday'), birthdayText(birthday), () => form.setValue('birthday', '', { shouldDirty: true }))}</Box>
        )}
      </Stack>
    </Card>
  );
}
