import { describe, expect, it } from 'vitest';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { arrivalsOf, countAge, STALE_COUNT_DAYS, stockStatus } from './stock-status';

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

describe('how old a stock count is', () => {
  const counted = (asOf: string) => ({ asOf });
  it('counts calendar days from the count to today', () => {
    expect(countAge(counted('2026-12-07T12:00:00'), '2026-12-07')).toEqual({ days: 0, stale: false });
    expect(countAge(counted('2026-12-06T23:30:00'), '2026-12-07')).toEqual({ days: 1, stale: false });
    expect(countAge(counted('2026-11-07T12:00:00'), '2026-12-07')).toEqual({ days: 30, stale: false });
  });

  it('marks a count older than 30 days stale: counted in February, read in December', () => {
    expect(STALE_COUNT_DAYS).toBe(30);
    expect(countAge(counted('2026-11-06T12:00:00'), '2026-12-07')).toEqual({ days: 31, stale: true });
    expect(countAge(counted('2026-02-27T12:00:00'), '2026-12-07')).toEqual({ days: 283, stale: true });
  });

  it('reads a count dated after today (a clock behind the company’s) as today’s, and no date as unknown', () => {
    expect(countAge(counted('2026-12-09T12:00:00'), '2026-12-07')).toEqual({ days: 0, stale: false });
    expect(countAge(counted(''), '2026-12-07')).toBeNull();
    expect(countAge(counted('not a date'), '2026-12-07')).toBeNull();
    expect(countAge(undefined, '2026-12-07')).toBeNull();
  });
});
