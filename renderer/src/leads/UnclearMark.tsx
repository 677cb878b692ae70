/**
 * The mark beside text a card gave that could not be read cleanly (core/leads/unclear-text.ts):
 * the value is kept as it came and shown as it is, with "check this", as a phone kept as typed is
 * shown with "check this number". The mark is read from the value, so correcting it removes it.
 */
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUnclearText } from '../../../core/leads/unclear-text';

export function UnclearMark() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="orange" variant="light" tt="none" ml={6} data-testid="unclear-text" title={t('capture.card.unclearTitle')}>
      {t('capture.card.unclear')}
    </Badge>
  );
}

/** A value as kept, with the mark when it was not read cleanly. */
export function TextWithMark({ value }: { value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      {value}
      {isUnclearText(value) && <UnclearMark />}
    </>
  );
}

/** What a capture field says under it when its value was not read cleanly; null otherwise. */
export function UnclearHint({ value }: { value: string | undefined }) {
  const { t } = useTranslation();
  if (!isUnclearText(value)) return null;
  return (
    <Text span size="xs" c="orange.8" data-testid="unclear-hint">
      {t('capture.card.unclearHint')}
    </Text>
  );
}
