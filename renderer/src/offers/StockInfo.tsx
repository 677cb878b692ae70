import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { localToday } from '../data/offers';
import { formatDate } from '../i18n/format';
import { quantityText } from '../i18n/units';
import classes from './StockInfo.module.css';
import { stockState, type StockNote, type StockState } from './offer-form';

/**
 * Stock for `qty` in words, as the manager reads it at the client's desk; `full`: the whole
 * sentence where the badge has room for less (an overdue delivery's day and what it means).
 */
export function useStockText() {
  const { t } = useTranslation();
  return (state: StockState, unit: string, full = false) => {
    const n = (q: number) => quantityText(q, unit, t);
    if (state.kind === 'in_stock') return t('offers.stock.inStock', { qty: n(state.available) });
    if (state.kind === 'out') return t('offers.stock.out');
    if (state.kind === 'short') return t('offers.stock.shortNoDelivery', { available: n(state.available) });
    if (state.kind === 'overdue') {
      const key = state.available > 0 ? (full ? 'shortOverdueFull' : 'shortOverdue') : full ? 'overdueFull' : 'overdue';
      return t(`offers.stock.${key}`, { available: n(state.available), date: formatDate(state.on) });
    }
    return state.available > 0
      ? t('offers.stock.short', { available: n(state.available), qty: n(state.qty), date: formatDate(state.on) })
      : t('offers.stock.arriving', { qty: n(state.qty), date: formatDate(state.on) });
  };
}

/**
 * The note a line gets on the offer from the stock ("In stock", "Available from 15 Dec 2026"),
 * with the delivery it names. An overdue delivery's date is never offered to the client: the note
 * says the date is to be confirmed.
 */
export function useDefaultStockNote() {
  const { t } = useTranslation();
  return (stock: StockLevel | undefined, qty: number): StockNote => {
    const state = stockState(stock, qty, localToday());
    if (state.kind === 'in_stock') return { text: t('offers.stock.noteInStock'), arrivalOn: '' };
    if (state.kind === 'arriving') return { text: t('offers.stock.noteArriving', { date: formatDate(state.on) }), arrivalOn: state.on };
    if (state.kind === 'overdue') return { text: t('offers.stock.noteToConfirm'), arrivalOn: '' };
    if (state.kind === 'short') return { text: t('offers.stock.noteShort', { available: state.available.toLocaleString() }), arrivalOn: '' };
    return { text: t('offers.stock.noteOut'), arrivalOn: '' };
  };
}

const BADGE_COLOR: Record<StockState['kind'], string> = { in_stock: 'green', arriving: 'orange', overdue: 'yellow', short: 'red', out: 'red' };

export function StockBadge({ stock, qty, unit }: { stock: StockLevel | undefined; qty: number; unit: string }) {
  const text = useStockText();
  const state = stockState(stock, qty, localToday());
  return (
    // A plain title, not a Tooltip component: the badge re-renders as a quantity is typed.
    <Badge color={BADGE_COLOR[state.kind]} variant="light" size="sm" tt="none" className={classes.wraps} title={text(state, unit, true)} data-testid="stock-badge" data-stock={state.kind}>
      {text(state, unit)}
    </Badge>
  );
}
