import { describe, expect, it } from 'vitest';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { FIELD_RULES, offerFormSchema, stockState, toDraft, toFormValues } from './offer-form';
import { offerSchema } from '../../../core/offers/offer-model';

const stock = (available: number, incoming: { on: string; qty: number }[] = []): StockLevel => ({ id: 'p', productId: 'p', available, incoming, asOf: '', updatedAt: '' });

describe('stockState', () => {
  const today = '2026-12-10';
  it('tells all in stock, a delivery on the way, only part in stock and nothing', () => {
    expect(stockState(stock(10), 10, today)).toEqual({ kind: 'in_stock', available: 10 });
    expect(stockState(stock(10, [{ on: '2026-12-20', qty: 50 }]), 30, today)).toEqual({ kind: 'arriving', available: 10, on: '2026-12-20', qty: 50 });
    expect(stockState(stock(10), 30, today)).toEqual({ kind: 'short', available: 10 });
    expect(stockState(stock(0), 1, today)).toEqual({ kind: 'out' });
    expect(stockState(undefined, 1, today)).toEqual({ kind: 'out' });
  });

  it('never reads a delivery whose day has passed as future availability: it is overdue', () => {
    expect(stockState(stock(0, [{ on: '2026-12-03', qty: 50 }]), 5, today)).toEqual({ kind: 'overdue', available: 0, on: '2026-12-03', qty: 50 });
    expect(stockState(stock(2, [{ on: '2026-12-09', qty: 50 }]), 5, today)).toEqual({ kind: 'overdue', available: 2, on: '2026-12-09', qty: 50 });
    // Due today is still to come; a later delivery is the one to promise, past the overdue one.
    expect(stockState(stock(0, [{ on: today, qty: 5 }]), 5, today)).toMatchObject({ kind: 'arriving', on: today });
    expect(stockState(stock(0, [{ on: '2026-12-01', qty: 50 }, { on: '2027-01-15', qty: 20 }]), 5, today)).toEqual({ kind: 'arriving', available: 0, on: '2027-01-15', qty: 20 });
    // What is in stock is in stock, whatever deliveries are late.
    expect(stockState(stock(10, [{ on: '2026-12-01', qty: 50 }]), 5, today)).toEqual({ kind: 'in_stock', available: 10 });
  });
});

describe('offer form', () => {
  it('checks each field alone with the message key of its rule', () => {
    expect(FIELD_RULES.qty.validate(2.5)).toBe(true);
    expect(FIELD_RULES.qty.validate(0)).toBe('quantity');
    expect(FIELD_RULES.qty.validate(Number.NaN)).toBe('quantity');
    expect(FIELD_RULES.qty.validate(1.0001)).toBe('quantity');
    expect(FIELD_RULES.discountPct.validate(12.5)).toBe(true);
    expect(FIELD_RULES.discountPct.validate(101)).toBe('percent_range');
    expect(FIELD_RULES.validUntil.validate('31.12.2026')).toBe('date');
  });

  it('turns an offer into form values and back without losing anything (discounts in percent on screen)', () => {
    const offer = offerSchema.parse({
      id: 'o',
      clientId: 'c',
      leadId: null,
      ownerId: 'u',
      number: 'AB-1',
      version: 1,
      previousVersionId: null,
      status: 'draft',
      currency: 'EUR',
      pricesIncludeVat: false,
      lines: [
        { id: 'l', productId: 'p', sku: 'S', name: 'Pump', qty: 3, unit: 'pcs', manualDiscountBp: 1250, pricing: null, stockNote: 'In stock' },
        { id: 'm', productId: 'q', sku: 'T', name: 'Valve', qty: 1, unit: 'pcs', manualDiscountBp: 0, pricing: null, stockNote: 'Available from 20 Dec 2026', arrivalOn: '2026-12-20' },
      ],
      terms: { validUntil: '2026-12-31', payment: '30 days net' },
      history: [],
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '',
    });
    const values = toFormValues(offer);
    expect(values.lines[0]!.discountPct).toBe(12.5);
    expect(values.lines.map((l) => l.arrivalOn)).toEqual(['', '2026-12-20']);
    expect(offerFormSchema.safeParse(values).success).toBe(true);
    expect(toDraft(values)).toEqual({ lines: offer.lines, terms: offer.terms, currency: 'EUR', pricesIncludeVat: false });
  });
});
