/**
 * How a product's stock reads at a glance: in stock, or out of stock and when more arrives.
 *
 * An expected delivery whose date has passed has not arrived (the stock would count it): it is
 * overdue, its new date to be confirmed by logistics. It is never read as future availability:
 * a manager who promised "from 3 March" on 10 March would promise what nobody knows.
 */
import type { IncomingStock, StockLevel } from '../../../core/pricing/catalog-model';

export type StockStatus =
  | { kind: 'in'; available: number; next: IncomingStock | null; overdue: IncomingStock | null }
  | { kind: 'out'; next: IncomingStock | null; overdue: IncomingStock | null }
  | { kind: 'unknown' };

/**
 * The deliveries of `stock` as of `today` (YYYY-MM-DD, the laptop's calendar day): the next one
 * still to come (on today or later), and the earliest one whose day has passed.
 */
export function arrivalsOf(stock: Pick<StockLevel, 'incoming'> | null | undefined, today: string): { next: IncomingStock | null; overdue: IncomingStock | null } {
  const incoming = (stock?.incoming ?? []).filter((i) => i.qty > 0);
  return { next: incoming.find((i) => i.on >= today) ?? null, overdue: incoming.find((i) => i.on < today) ?? null };
}

/** Whether an expected delivery's day has passed without it arriving. */
export const isOverdue = (arrival: Pick<IncomingStock, 'on'>, today: string) => arrival.on < today;

export function stockStatus(stock: StockLevel | null, today: string): StockStatus {
  if (!stock) return { kind: 'unknown' };
  const { next, overdue } = arrivalsOf(stock, today);
  return stock.available > 0 ? { kind: 'in', available: stock.available, next, overdue } : { kind: 'out', next, overdue };
}

/**
 * A stock count older than this many days is stale: the company's system counted it long ago (a
 * stock export that stopped, a product nobody counts any more), so the figure is no promise until
 * someone checks it. Stock normally comes with the company's daily export, a day or two old.
 */
export const STALE_COUNT_DAYS = 30;

/** How many days ago the stock was counted (`asOf`, in the laptop's calendar) and whether that is too long ago; null when it has no readable date. */
export function countAge(stock: Pick<StockLevel, 'asOf'> | null | undefined, today: string): { days: number; stale: boolean } | null {
  const at = stock?.asOf ? new Date(stock.asOf) : null;
  if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return null;
  // The count's calendar day where the laptop is, against the laptop's today: a count at 23:00 yesterday is "yesterday".
  const countedDay = Date.UTC(at.getFullYear(), at.getMonth(), at.getDate());
  const days = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - countedDay) / 86_400_000));
  return { days, stale: days > STALE_COUNT_DAYS };
}
