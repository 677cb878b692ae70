/** How a product's stock reads at a glance: in stock, or out of stock and when more arrives. */
import type { IncomingStock, StockLevel } from '../../../core/pricing/catalog-model';

export type StockStatus = { kind: 'in'; available: number; next: IncomingStock | null } | { kind: 'out'; next: IncomingStock | null } | { kind: 'unknown' };

export function stockStatus(stock: StockLevel | null): StockStatus {
  if (!stock) return { kind: 'unknown' };
  const next = stock.incoming[0] ?? null;
  return stock.available > 0 ? { kind: 'in', available: stock.available, next } : { kind: 'out', next };
}
