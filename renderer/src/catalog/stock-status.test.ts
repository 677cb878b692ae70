import { describe, expect, it } from 'vitest';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { arrivalsOf, stockStatus } from './stock-status';

const stock = (available: number, incoming: { on: string; qty: number }[] = []): StockLevel => ({ id: 'p', productId: 'p', available, incoming, asOf: '', updatedAt: '' });

describe('stock status', () => {
  const today = '2026-03-10';

  it('gives the next delivery still to come, never one whose day has passed', () => {
    expect(stockStatus(stock(0, [{ on: '2026-03-03', qty: 40 }]), today)).toEqual({ kind: 'out', next: null, overdue: { on: '2026-03-03', qty: 40 } });
    expect(stockStatus(stock(0, [{ on: '2026-03-03', qty: 40 }, { on: '2026-04-01', qty: 10 }]), today)).toEqual({
      kind: 'out',
      next: { on: '2026-04-01', qty: 10 },
      overdue: { on: '2026-03-03', qty: 40 },
    });
    expect(stockStatus(stock(5, [{ on: today, qty: 40 }]), today)).toEqual({ kind: 'in', available: 5, next: { on: today, qty: 40 }, overdue: null });
    expect(stockStatus(null, today)).toEqual({ kind: 'unknown' });
  });

  it('ignores deliveries of nothing', () => {
    expect(arrivalsOf(stock(0, [{ on: '2026-03-01', qty: 0 }, { on: '2026-03-20', qty: 0 }]), today)).toEqual({ next: null, overdue: null });
  });
});
