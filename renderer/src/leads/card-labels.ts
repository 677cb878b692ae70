/**
 * The screen's words for what a card carries: the labels of the notes' lines a card adds
 * ("Nickname: Jim", "Related (Spouse): Sarah Whitmore"), a phone's type, an address in one line.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadAddress } from '../../../core/leads/lead-model';
import type { CardExtra } from '../../../core/leads/scan-payload';
import type { ExtraLabel } from './capture-values';

/** The label of a notes line from a card, in the screen's language. */
export function useExtraLabel(): ExtraLabel {
  const { t } = useTranslation();
  return useCallback(
    (e: CardExtra) => {
      if (e.field === 'other') return e.name;
      if (e.field === 'fullName') return `${t(`capture.${e.name}`)} (${t('capture.card.extra.fullName')})`;
      const label = t(`capture.card.extra.${e.field}`);
      // The card's own word for it, where it says more than the property's name.
      const own = e.name && !/^[A-Z-]+$/.test(e.name) ? e.name : '';
      return own ? `${label} (${own})` : label;
    },
    [t],
  );
}

/** An address in one line, in the order of a postal label: "PO Box 77, Suite 300, Street 4, 10013 New York, NY". */
export function addressLine(a: LeadAddress, country: (code: string) => string, poBox: (box: string) => string): string {
  return [a.poBox && poBox(a.poBox), a.extended, a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country && country(a.country)].filter(Boolean).join(', ');
}
