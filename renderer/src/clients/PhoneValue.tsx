/**
 * A phone number wherever it is shown or typed. A stored number is either checked (E.164, shown in
 * international form, a tel: link) or text kept as typed (core/phone.ts), shown as it is with a
 * "check this number" mark: never hidden, never refused. A phone field says under it how the
 * number typed will be saved, so the person sees which country it was read in.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { isCheckedPhone, phoneDisplay, phoneHref, readPhone } from '../../../core/phone';
import { formatCountry, formatPhone, userLocale } from '../i18n/format';
import { ExternalLink } from './ExternalLink';

/** The mark beside a number kept as typed (the same words as the tax number's, TaxIdCheck.tsx). */
export function PhoneCheckMark() {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="orange.8" ml={6} data-testid="phone-check" title={t('phone.notChecked')}>
      {t('card.checkThis')}
    </Text>
  );
}

/** A stored phone: a link when it can be dialled, with the mark when it is not checked. */
export function PhoneValue({ phone }: { phone: string }) {
  if (!phone) return null;
  const href = phoneHref(phone);
  const { text, checked } = phoneDisplay(phone);
  return (
    <>
      {href ? <ExternalLink href={href}>{text}</ExternalLink> : <Text span inherit>{text}</Text>}
      {!checked && <PhoneCheckMark />}
    </>
  );
}

/** What a phone field says under it. */
export interface PhoneHint {
  text: string;
  /** False when the number will be kept as typed: the hint is then a warning. */
  checked: boolean;
}

/** The hint for `typed` read in `regions` (the same reading as the save's); null for an empty field. */
export function phoneHint(typed: string | undefined, regions: readonly string[], t: TFunction): PhoneHint | null {
  const stored = readPhone(typed ?? '', regions);
  if (!stored) return null;
  if (isCheckedPhone(stored)) return { text: t('phone.savedAs', { number: formatPhone(stored) }), checked: true };
  if (regions.length === 0) return { text: t('phone.keptAsTypedNoCountry'), checked: false };
  const countries = new Intl.ListFormat(userLocale(), { type: 'disjunction' }).format(regions.map((r) => formatCountry(r)));
  return { text: t('phone.keptAsTyped', { countries }), checked: false };
}

/** The hint as a field's description (Mantine `description`, shown under the input). */
export function PhoneHintText({ hint }: { hint: PhoneHint }) {
  return (
    <Text span size="xs" c={hint.checked ? 'dimmed' : 'orange.8'} data-testid={hint.checked ? 'phone-saved-as' : 'phone-check-hint'}>
      {hint.text}
    </Text>
  );
}

/**
 * A phone field's placeholder: an example number of the first region, as people there write it
 * ("07400 123456" in the UK); none without a region.
 */
export function phonePlaceholder(regions: readonly string[]): string | undefined {
  const region = regions[0] as CountryCode | undefined;
  return region ? getExampleNumber(region, examples)?.formatNational() : undefined;
}
