/**
 * What the stock says in words: on a line's badge, in the note printed on the client's document,
 * and how old the count is. Pure functions of the stock, the day and the UI's `t`, so the words are
 * tested without a screen; StockInfo.tsx puts them on the screen.
 */
import type { TFunction } from 'i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { countAge } from '../catalog/stock-status';
import { formatDate, relativeDayText, userLocale } from '../i18n/format';
import { quantityText } from '../i18n/units';
import { stockState, type StockNote, type StockState } from './offer-form';

/**
 * Stock for `qty` in words, as the manager reads it at the client's desk; `full`: the whole
 * sentence where the badge has room for less (an overdue delivery's day and what it means).
 */
export function stockText(state: StockState, unit: string, t: TFunction, full = false): string {
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
}

/**
 * The note a line gets on the offer from the stock ("In stock", "Available from 15 Dec 2026",
 * "120 pcs in stock, the rest on request"), with the delivery it names. An overdue delivery's date
 * is never offered to the client: the note says the date is to be confirmed. Written with `t` in
 * `locale`: the client's document language's, since the client reads it (OfferPage).
 */
export function defaultStockNote(stock: StockLevel | undefined, qty: number, unit: string, today: string, t: TFunction, locale = userLocale()): StockNote {
  const state = stockState(stock, qty, today);
  if (state.kind === 'in_stock') return { text: t('offers.stock.noteInStock'), arrivalOn: '' };
  if (state.kind === 'arriving') return { text: t('offers.stock.noteArriving', { date: formatDate(state.on, locale) }), arrivalOn: state.on };
  if (state.kind === 'overdue') return { text: t('offers.stock.noteToConfirm'), arrivalOn: '' };
  if (state.kind === 'short') return { text: t('offers.stock.noteShort', { available: quantityText(state.available, unit, t, locale) }), arrivalOn: '' };
  return { text: t('offers.stock.noteOut'), arrivalOn: '' };
}

/** How old the stock count is, in words: `short` for the line ("Counted 283 days ago (27 Feb 2026): check before promising"), `full` for its title; null when the count has no date. */
export function countAgeText(stock: Pick<StockLevel, 'asOf'> | null | undefined, today: string, t: TFunction): { stale: boolean; days: number; short: string; full: string } | null {
  const age = countAge(stock, today);
  if (!age || !stock) return null;
  // The count's day from today with its date beside it ("yesterday (6 Dec 2026)"): "कल" alone is yesterday or tomorrow.
  const when = relativeDayText(stock.asOf, today, t, -age.days);
  const counted = t('offers.stock.countedWhen', { when });
  return age.stale
    ? { ...age, short: t('offers.stock.staleWhen', { when }), full: t('offers.stock.staleFull', { count: age.days, date: formatDate(stock.asOf) }) }
    : { ...age, short: counted, full: counted };
}
