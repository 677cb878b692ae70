import { describe, expect, it } from 'vitest';
import { goesOutWithoutApproval, offerWriteError } from './offer-write-rules';
import { offerSchema, type Offer, type OfferLine, type OfferStatus } from './offer-model';

const NOW = '2026-11-23T08:00:00.000Z';

const line = (id: string, manualDiscountBp: number): OfferLine => ({
  id,
  productId: 'drill',
  sku: 'DRILL',
  name: 'Drill',
  qty: 2,
  unit: 'pcs',
  manualDiscountBp,
  pricing: { listUnitPrice: 10_000, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2700, pricedAt: NOW },
  stockNote: '',
});

const offer = (status: OfferStatus, discountBp = 0, over: Partial<Offer> = {}): Offer =>
  offerSchema.parse({
    id: 'o1',
    clientId: 'acme',
    leadId: null,
    ownerId: 'mgr',
    number: 'AS-261123-1',
    version: 1,
    previousVersionId: null,
    status,
    currency: 'EUR',
    pricesIncludeVat: false,
    lines: [line('a', discountBp)],
    terms: { validUntil: '2026-12-31' },
    history: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  });

const manager = { role: 'manager' as const };
const head = { role: 'head_of_sales' as const };
const LIMIT = 1000; // 10 %

describe('offerWriteError', () => {
  it('lets a manager create, edit, submit, recall and send within the limit', () => {
    expect(offerWriteError(null, offer('draft', 500), manager, LIMIT)).toBeNull();
    expect(offerWriteError(null, offer('sent', 500), manager, LIMIT)).toBeNull(); // made and sent offline
    expect(offerWriteError(offer('draft', 500), offer('draft', 900), manager, LIMIT)).toBeNull();
    expect(offerWriteError(offer('draft', 1500), offer('awaiting_approval', 1500), manager, LIMIT)).toBeNull();
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('draft', 1500), manager, LIMIT)).toBeNull();
    expect(offerWriteError(offer('sent'), offer('accepted'), manager, LIMIT)).toBeNull();
    expect(offerWriteError(offer('sent'), offer('superseded'), manager, LIMIT)).toBeNull();
  });

  it('never lets an offer above the limit out without an approval of its lines', () => {
    expect(offerWriteError(null, offer('sent', 1500), manager, LIMIT)).toBe('needs_approval');
    expect(offerWriteError(offer('draft', 1500), offer('sent', 1500), manager, LIMIT)).toBe('needs_approval');
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('sent', 1500), manager, LIMIT)).toBe('needs_approval');
    expect(offerWriteError(offer('draft', 1500), offer('accepted', 1500), manager, LIMIT)).toBe('needs_approval');
    // Approved, then sent as approved: fine. Approved, edited (a bigger discount) and sent: not.
    expect(offerWriteError(offer('approved', 1500), offer('sent', 1500), manager, LIMIT)).toBeNull();
    expect(offerWriteError(offer('approved', 1500), offer('sent', 2500), manager, LIMIT)).toBe('needs_approval');
  });

  it('lets only a head of sales or an admin approve', () => {
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('approved', 1500), manager, LIMIT)).toBe('not_approver');
    expect(offerWriteError(null, offer('approved', 1500), manager, LIMIT)).toBe('not_approver');
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('approved', 1500), head, LIMIT)).toBeNull();
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('approved', 1500), { role: 'admin' }, LIMIT)).toBeNull();
    expect(offerWriteError(offer('awaiting_approval', 1500), offer('draft', 1500), head, LIMIT)).toBeNull(); // returned with a comment
  });

  it('keeps what a sent offer says', () => {
    expect(offerWriteError(offer('sent', 0), offer('sent', 500), manager, LIMIT)).toBe('not_editable');
    expect(offerWriteError(offer('accepted', 0), offer('accepted', 0, { terms: { validUntil: '2027-01-31', delivery: '', payment: '', specialConditions: '', notes: '' } }), head, LIMIT)).toBe('not_editable');
    expect(offerWriteError(offer('superseded'), offer('superseded', 0, { currency: 'HUF' }), manager, LIMIT)).toBe('not_editable');
  });

  it('deletes only an offer that never went to the client; a sent one is kept, an undelete is fine', () => {
    const deleted = (o: Offer) => ({ ...o, _deleted: true }) as Offer;
    for (const status of ['draft', 'awaiting_approval', 'approved'] as const) {
      expect(offerWriteError(offer(status), deleted(offer(status)), manager, LIMIT)).toBeNull();
    }
    for (const status of ['sent', 'accepted', 'rejected', 'expired', 'superseded'] as const) {
      expect(offerWriteError(offer(status), deleted(offer(status)), head, LIMIT)).toBe('not_deletable');
    }
    expect(offerWriteError(deleted(offer('draft')), offer('draft'), manager, LIMIT)).toBeNull();
  });

  it('refuses statuses no action leads to', () => {
    expect(offerWriteError(offer('accepted'), offer('draft'), manager, LIMIT)).toBe('wrong_status');
    expect(offerWriteError(offer('sent'), offer('draft'), head, LIMIT)).toBe('wrong_status');
    expect(offerWriteError(null, offer('superseded'), manager, LIMIT)).toBeNull(); // a sent offer revised offline
    expect(offerWriteError(offer('draft'), offer('expired'), manager, LIMIT)).toBeNull(); // sent, then expired
    expect(offerWriteError(offer('rejected'), offer('accepted'), manager, LIMIT)).toBe('wrong_status');
  });

  it('counts lines outside the price rules like a discount above the limit: approval needed, never a refusal', () => {
    const outside = { linesOutsideRules: true };
    expect(offerWriteError(offer('draft'), offer('sent'), manager, LIMIT, outside)).toBe('needs_approval');
    expect(offerWriteError(null, offer('sent'), manager, LIMIT, outside)).toBe('needs_approval');
    expect(offerWriteError(null, offer('expired'), manager, LIMIT, outside)).toBe('needs_approval');
    // Submitted instead, approved by the head of sales, then sent: each step goes through.
    expect(offerWriteError(offer('draft'), offer('awaiting_approval'), manager, LIMIT, outside)).toBeNull();
    expect(offerWriteError(offer('awaiting_approval'), offer('approved'), head, LIMIT, outside)).toBeNull();
    expect(offerWriteError(offer('approved'), offer('sent'), manager, LIMIT, outside)).toBeNull();
    // An approver sends it as it is.
    expect(offerWriteError(offer('draft'), offer('sent'), head, LIMIT, outside)).toBeNull();
  });

  it('says which writes take an offer out without an approval (the writes whose prices the server checks)', () => {
    expect(goesOutWithoutApproval(offer('draft'), offer('sent'), manager)).toBe(true);
    expect(goesOutWithoutApproval(null, offer('sent'), manager)).toBe(true);
    expect(goesOutWithoutApproval(offer('awaiting_approval'), offer('sent'), manager)).toBe(true); // recalled and sent
    expect(goesOutWithoutApproval(null, offer('superseded'), manager)).toBe(true); // sent, then revised, offline
    expect(goesOutWithoutApproval(offer('approved', 0), offer('sent', 500), manager)).toBe(true); // edited after the approval
    expect(goesOutWithoutApproval(offer('approved'), offer('sent'), manager)).toBe(false);
    expect(goesOutWithoutApproval(offer('draft'), offer('awaiting_approval'), manager)).toBe(false);
    expect(goesOutWithoutApproval(offer('draft'), offer('draft', 500), manager)).toBe(false);
    expect(goesOutWithoutApproval(offer('sent'), offer('accepted'), manager)).toBe(false);
    expect(goesOutWithoutApproval(offer('draft'), offer('sent'), head)).toBe(false);
  });
});
