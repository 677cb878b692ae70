import { beforeAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { initI18n } from '../i18n';
import { countAgeText, defaultStockNote, stockText } from './stock-text';
import { stockState } from './offer-form';

beforeAll(() => {
  vi.stubGlobal('navigator', { language: 'en-GB' });
  initI18n('en');
});

const today = '2026-12-07';
const stock = (available: number, incoming: { on: string; qty: number }[] = [], asOf = '2026-12-07T06:00:00Z'): StockLevel => ({ id: 'p', productId: 'p', available, incoming, asOf, updatedAt: asOf });
const t = () => i18next.t;

describe('the stock note printed on the client’s document', () => {
  it('says how much there is with the product’s unit, in the plural form of its number', () => {
    expect(defaultStockNote(stock(120), 500, 'pcs', today, t()).text).toBe('120 pcs in stock, the rest on request');
    expect(defaultStockNote(stock(1), 5, 'pcs', today, t()).text).toBe('1 pc in stock, the rest on request');
    expect(defaultStockNote(stock(1200), 5000, 'box', today, t()).text).toBe('1,200 boxes in stock, the rest on request');
    expect(defaultStockNote(stock(2.5), 10, 'm', today, t()).text).toBe('2.5 m in stock, the rest on request');
    // A unit the UI has no word for is printed as the catalog writes it.
    expect(defaultStockNote(stock(3), 10, 'drum (200 l)', today, t()).text).toBe('3 drum (200 l) in stock, the rest on request');
    // A unit of the market's language is said in the reader's ("шт" is pieces).
    expect(defaultStockNote(stock(3), 10, 'шт', today, t()).text).toBe('3 pcs in stock, the rest on request');
  });

  it('never prints a delivery whose day has passed, and names the one still to come', () => {
    expect(defaultStockNote(stock(0, [{ on: '2026-12-01', qty: 50 }]), 5, 'pcs', today, t())).toEqual({ text: 'Delivery date to be confirmed', arrivalOn: '' });
    expect(defaultStockNote(stock(0, [{ on: '2026-12-20', qty: 50 }]), 5, 'pcs', today, t())).toEqual({ text: 'Available from 20 Dec 2026', arrivalOn: '2026-12-20' });
    expect(defaultStockNote(stock(10), 5, 'pcs', today, t())).toEqual({ text: 'In stock', arrivalOn: '' });
    expect(defaultStockNote(stock(0), 5, 'pcs', today, t())).toEqual({ text: 'On request', arrivalOn: '' });
  });
});

describe('the stock badge', () => {
  it('says a quantity with its unit, and an overdue delivery as overdue', () => {
    expect(stockText(stockState(stock(120), 5, today), 'pcs', t())).toBe('In stock: 120 pcs');
    expect(stockText(stockState(stock(2, [{ on: '2026-12-01', qty: 50 }]), 5, today), 'box', t(), true)).toBe('Only 2 boxes in stock · the delivery due 1 Dec 2026 is overdue, its date to be confirmed');
  });
});

describe('how old the stock count is', () => {
  it('says when a recent count was made, the day from today always with its date beside it', () => {
    expect(countAgeText(stock(5, [], '2026-12-07T06:00:00Z'), today, t())).toMatchObject({ stale: false, short: 'Stock counted today (7 Dec 2026)' });
    expect(countAgeText(stock(5, [], '2026-12-06T12:00:00Z'), today, t())).toMatchObject({ stale: false, short: 'Stock counted yesterday (6 Dec 2026)' });
    expect(countAgeText(stock(5, [], '2026-11-20T12:00:00Z'), today, t())).toMatchObject({ stale: false, days: 17, short: 'Stock counted 17 days ago (20 Nov 2026)' });
    // A count dated after today (a clock ahead) is today's, as its age says.
    expect(countAgeText(stock(5, [], '2026-12-09T12:00:00Z'), today, t())).toMatchObject({ days: 0, short: 'Stock counted today (9 Dec 2026)' });
  });

  it('marks a count made long ago (February, read in December): check before promising', () => {
    const age = countAgeText(stock(120, [], '2026-02-27T17:00:00Z'), today, t());
    expect(age).toMatchObject({ stale: true, days: 283, short: 'Counted 283 days ago (27 Feb 2026): check before promising' });
    expect(age!.full).toBe('The stock was counted on 27 Feb 2026, 283 days ago: check it with the warehouse before promising a quantity or a date to the client');
    expect(countAgeText(stock(120, [], '2023-12-07T12:00:00Z'), today, t())!.short).toBe('Counted 1,096 days ago (7 Dec 2023): check before promising');
  });

  it('says nothing of a count with no date', () => {
    expect(countAgeText(stock(1, [], ''), today, t())).toBeNull();
    expect(countAgeText(undefined, today, t())).toBeNull();
  });
});
