import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { formatDate } from '../i18n/format';
import { stockState, type StockState } from './offer-form';

/** Stock for `qty` in words, as the manager reads it at the client's desk. */
export function useStockText() {
  const { t } = useTranslation();
  return (state: StockState, unit: string) => {
    const n = (q: number) => `${q.toLocaleString()} ${unit}`;
    if (state.kind === 'in_stock') return t('offers.stock.inStock', { qty: n(state.available) });
    if (state.kind === 'out') return t('offers.stock.out');
    if (state.kind === 'short') return t('offers.stock.shortNoDelivery', { available: n(state.available) });
    return state.available > 0
      ? t('offers.stock.short', { available: n(state.available), qty: n(state.qty), date: formatDate(state.on) })
      : t('offers.stock.arriving', { qty: n(state.qty), date: formatDate(state.on) });
  };
}

/** The note a new line gets on the offer from the stock ("In stock", "Available from 15 Dec 2026"). */
export function useDefaultStockNote() {
  const { t } = useTranslation();
  return (stock: StockLevel | undefined, qty: number) => {
    const state = stockState(stock, qty);
    if (state.kind === 'in_stock') return t('offers.stock.noteInStock');
    if (state.kind === 'arriving') return t('offers.stock.noteArriving', { date: formatDate(state.on) });
    if (state.kind === 'short') return t('offers.stock.noteShort', { available: state.available.toLocaleString() });
    return t('offers.stock.noteOut');
  };
}

export function StockBadge({ stock, qty, unit }: { stock: StockLevel | undefined; qty: number; unit: string }) {
  const text = useStockText();
  const state = stockState(stock, qty);
  const color = state.kind === 'in_stock' ? 'green' : state.kind === 'arriving' ? 'orange' : 'red';
  return (
    // A plain title, not a Tooltip component: the badge re-renders as a quantity is typed.
    <Badge color={color} variant="light" size="sm" tt="none" style={{ flexShrink: 0, maxWidth: 320 }} title={text(state, unit)} data-testid="stock-badge" data-stock={state.kind}>
      {text(state, unit)}
    </Badge>
  );
}
