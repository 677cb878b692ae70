import { createContext, useCallback, useContext } from 'react';
import { Badge } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { localToday } from '../data/offers/offers';
import classes from './StockInfo.module.css';
import { stockState, type StockNote, type StockState } from './offer-form';
import { countAgeText, defaultStockNote, stockText } from './stock-text';
import type { DocumentLanguage } from '../i18n/document-language';

/**
 * The language of the offer's document (its client's, loaded), for the texts the app writes onto
 * it: a line's stock note is printed for the client. The offer builder provides it; until it has
 * loaded, notes are written in the UI's language.
 */
export const OfferDocumentLanguage = createContext<DocumentLanguage | undefined>(undefined);

/** The note a line gets on the offer from the stock (`defaultStockNote`), as of the laptop's today. */
export function useDefaultStockNote() {
  const { t } = useTranslation();
  const doc = useContext(OfferDocumentLanguage);
  return useCallback((stock: StockLevel | undefined, qty: number, unit: string): StockNote => defaultStockNote(stock, qty, unit, localToday(), doc?.t ?? t, doc?.locale), [t, doc]);
}

const BADGE_COLOR: Record<StockState['kind'], string> = { in_stock: 'green', arriving: 'orange', overdue: 'yellow', short: 'red', out: 'red' };

/** The stock for `qty` as a badge; its title says the whole sentence and how old the count is. */
export function StockBadge({ stock, qty, unit }: { stock: StockLevel | undefined; qty: number; unit: string }) {
  const { t } = useTranslation();
  const today = localToday();
  const state = stockState(stock, qty, today);
  const age = countAgeText(stock, today, t);
  const full = stockText(state, unit, t, true);
  return (
    // A plain title, not a Tooltip component: the badge re-renders as a quantity is typed.
    <Badge
      color={BADGE_COLOR[state.kind]}
      variant="light"
      size="sm"
      tt="none"
      className={classes.wraps}
      title={age ? t('offers.stock.withCount', { stock: full, counted: age.full }) : full}
      data-testid="stock-badge"
      data-stock={state.kind}
    >
      {stockText(state, unit, t)}
    </Badge>
  );
}

/**
 * A stock count made long ago (more than `STALE_COUNT_DAYS`): "Counted 283 days ago: check before
 * promising", in orange beside the badge, the date in its title. A recent count says nothing here
 * (its age is in the badge's title): a line of every offer saying "counted today" is noise.
 * `compact`: only a clock (the product picker's rows), the sentence its title and label.
 */
export function StockAge({ stock, compact = false }: { stock: StockLevel | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const age = countAgeText(stock, localToday(), t);
  if (!age?.stale) return null;
  if (compact)
    return (
      <IconClockExclamation size={16} color="var(--mantine-color-orange-7)" role="img" aria-label={age.full} title={age.full} data-testid="stock-age" data-stale style={{ flex: 'none' }} />
    );
  return (
    <Badge color="orange" variant="outline" size="sm" tt="none" className={classes.wraps} leftSection={<IconClockExclamation size={12} />} title={age.full} data-testid="stock-age" data-stale data-days={age.days}>
      {age.short}
    </Badge>
  );
}
