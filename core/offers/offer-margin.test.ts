import { describe, expect, it } from 'vitest';
import type { LineResult } from '../pricing/price';
import { offerMargin } from './offer-margin';

const priced = (id: string, net: number): LineResult => ({
  id,
  status: 'priced',
  pricing: { listUnitPrice: 0, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2000, pricedAt: '2026-12-01T00:00:00Z' },
  listUnitPrice: 0,
  unitPrice: 0,
  autoDiscountBp: 0,
  manualDiscountBp: 0,
  effectiveDiscountBp: 0,
  exceedsLimit: false,
  vatRateBp: 2000,
  net,
  vat: 0,
  gross: net,
});

describe('an offer’s margin', () => {
  const lines = [
    { id: 'a', productId: 'drill', qty: 2 },
    { id: 'b', productId: 'screws', qty: 2.5 },
    { id: 'c', productId: 'gloves', qty: 1 },
  ];
  const results = [priced('a', 20_000), priced('b', 5_000), priced('c', 900)];

  it('is the net revenue of the lines with a cost in the offer’s currency less their cost', () => {
    const costs = new Map([
      ['drill', { amount: 6_000, currency: 'GBP' }],
      ['screws', { amount: 1_000, currency: 'GBP' }],
    ]);
    // 25 000 revenue − (12 000 + 2 500) cost = 10 500, 42 %; the gloves have no cost.
    expect(offerMargin(lines, results, costs, 'GBP')).toEqual({ amount: 10_500, marginBp: 4200, costedLines: 2, lines: 3 });
  });

  it('never converts: costs in another currency count for nothing, and none at all is no margin', () => {
    const costs = new Map([['drill', { amount: 6_000, currency: 'EUR' }]]);
    expect(offerMargin(lines, results, costs, 'GBP')).toBeNull();
    expect(offerMargin(lines, results, new Map(), 'GBP')).toBeNull();
  });

  it('goes below zero when the discount eats more than the margin', () => {
    const costs = new Map([['drill', { amount: 11_000, currency: 'GBP' }]]);
    expect(offerMargin(lines, results, costs, 'GBP')).toEqual({ amount: -2_000, marginBp: -1000, costedLines: 1, lines: 3 });
  });
});
