import { describe, expect, it } from 'vitest';
import { buildPricingCatalog, priceOffer } from '../pricing/price';
import { applyTransition, copyToClient, isEditable, issueDate, OFFER_ACTIONS, revise, submitRefused, transition, type OfferAction, type TransitionContext, type TransitionResult } from './lifecycle';
import { OFFER_STATUSES, offerSchema, type Offer, type OfferLine, type OfferStatus } from './offer-model';

const NOW = '2026-11-23T08:00:00.000Z';

const pricedLine = (id: string, manualDiscountBp: number): OfferLine => ({
  id,
  productId: 'drill',
  sku: 'DRILL',
  name: 'Drill',
  qty: 2,
  unit: 'pcs',
  manualDiscountBp,
  pricing: { listUnitPrice: 10_000, listIncludesVat: false, autoDiscounts: [{ source: 'standing', discountBp: 500 }], vatRateBp: 2700, pricedAt: NOW },
  stockNote: 'In stock: 40',
});

const offer = (over: Partial<Offer> = {}): Offer =>
  offerSchema.parse({
    id: 'o1',
    clientId: 'acme',
    leadId: null,
    ownerId: 'mgr',
    number: 'OF-2026-0042',
    version: 1,
    previousVersionId: null,
    status: 'draft',
    currency: 'HUF',
    pricesIncludeVat: false,
    lines: [pricedLine('a', 500), pricedLine('b', 0)],
    terms: { validUntil: '2026-12-31', delivery: 'DAP Budapest, 2 weeks', payment: '30 days net', specialConditions: 'Free training', notes: 'As discussed with Anna' },
    history: [{ status: 'draft', at: NOW, by: 'mgr', comment: '' }],
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  });

const manager: TransitionContext = { actor: { id: 'mgr', role: 'manager' }, now: NOW, today: '2026-11-23', discountLimitBp: 1000 };
const headOfSales: TransitionContext = { ...manager, actor: { id: 'boss', role: 'head_of_sales' } };
const admin: TransitionContext = { ...manager, actor: { id: 'root', role: 'admin' } };

const ok = (status: OfferStatus): TransitionResult => ({ ok: true, status });
const no = (error: Extract<TransitionResult, { ok: false }>['error']): TransitionResult => ({ ok: false, error });
const W = no('wrong_status');

/**
 * Every status × action for a valid offer within the manager's limit, acted on by its manager
 * before its last valid day. The guarded cases (limit, role, dates, lines) follow below.
 */
const MATRIX: Record<OfferStatus, Record<OfferAction, TransitionResult>> = {
  draft: { submit_for_approval: no('within_limit'), recall: W, approve: W, return_to_draft: W, send: ok('sent'), accept: W, decline: W, expire: W },
  awaiting_approval: { submit_for_approval: W, recall: ok('draft'), approve: no('not_approver'), return_to_draft: no('not_approver'), send: no('awaiting_approval'), accept: W, decline: W, expire: W },
  approved: { submit_for_approval: W, recall: ok('draft'), approve: W, return_to_draft: W, send: ok('sent'), accept: W, decline: W, expire: no('still_valid') },
  sent: { submit_for_approval: W, recall: W, approve: W, return_to_draft: W, send: W, accept: ok('accepted'), decline: ok('rejected'), expire: no('still_valid') },
  accepted: { submit_for_approval: W, recall: W, approve: W, return_to_draft: W, send: W, accept: W, decline: W, expire: W },
  rejected: { submit_for_approval: W, recall: W, approve: W, return_to_draft: W, send: W, accept: W, decline: W, expire: W },
  expired: { submit_for_approval: W, recall: W, approve: W, return_to_draft: W, send: W, accept: W, decline: W, expire: W },
  superseded: { submit_for_approval: W, recall: W, approve: W, return_to_draft: W, send: W, accept: W, decline: W, expire: W },
};

describe('transition: every status × action', () => {
  const cases = OFFER_STATUSES.flatMap((status) => OFFER_ACTIONS.map((action) => [status, action, MATRIX[status][action]] as const));
  it('covers all statuses and actions', () => {
    expect(cases).toHaveLength(OFFER_STATUSES.length * OFFER_ACTIONS.length);
  });
  it.each(cases)('%s + %s', (status, action, expected) => {
    expect(transition(offer({ status }), action, manager)).toEqual(expected);
  });
});

const overLimit = [pricedLine('a', 1200), pricedLine('b', 0)];
const unpriced: OfferLine = { ...pricedLine('c', 0), pricing: null };

describe('transition: guarded cases', () => {
  it.each<[string, Partial<Offer>, OfferAction, TransitionContext, TransitionResult]>([
    ['a draft over the limit is submitted for approval', { lines: overLimit }, 'submit_for_approval', manager, ok('awaiting_approval')],
    ['a draft over the limit cannot be sent', { lines: overLimit }, 'send', manager, no('needs_approval')],
    ['a limit of 12 % lets the same draft go', { lines: overLimit }, 'send', { ...manager, discountLimitBp: 1200 }, ok('sent')],
    ['an empty draft cannot be sent', { lines: [] }, 'send', manager, no('no_lines')],
    ['an empty draft cannot be submitted', { lines: [] }, 'submit_for_approval', manager, no('no_lines')],
    ['a draft with an unpriced line cannot be sent', { lines: [pricedLine('a', 0), unpriced] }, 'send', manager, no('unpriced_lines')],
    ['a draft with an unpriced line cannot be submitted', { lines: [...overLimit, unpriced] }, 'submit_for_approval', manager, no('unpriced_lines')],
    ['a draft past its validity cannot be sent', {}, 'send', { ...manager, today: '2027-01-01' }, no('validity_passed')],
    ['a head of sales approves', { status: 'awaiting_approval', lines: overLimit }, 'approve', headOfSales, ok('approved')],
    ['an admin approves', { status: 'awaiting_approval', lines: overLimit }, 'approve', admin, ok('approved')],
    ['a head of sales returns it to draft', { status: 'awaiting_approval', lines: overLimit }, 'return_to_draft', headOfSales, ok('draft')],
    ['an admin returns it to draft', { status: 'awaiting_approval', lines: overLimit }, 'return_to_draft', admin, ok('draft')],
    ['a manager cannot approve even within their limit', { status: 'awaiting_approval' }, 'approve', manager, no('not_approver')],
    ['an approved offer over the limit is sent', { status: 'approved', lines: overLimit }, 'send', manager, ok('sent')],
    ['an approved offer past its validity cannot be sent', { status: 'approved' }, 'send', { ...manager, today: '2027-01-01' }, no('validity_passed')],
    ['an approved offer past its validity expires', { status: 'approved' }, 'expire', { ...manager, today: '2027-01-01' }, ok('expired')],
    ['a sent offer is accepted on its last valid day', { status: 'sent' }, 'accept', { ...manager, today: '2026-12-31' }, ok('accepted')],
    ['a sent offer does not expire on its last valid day', { status: 'sent' }, 'expire', { ...manager, today: '2026-12-31' }, no('still_valid')],
    ['a sent offer expires the day after', { status: 'sent' }, 'expire', { ...manager, today: '2027-01-01' }, ok('expired')],
    ['a sent offer cannot be accepted after its validity', { status: 'sent' }, 'accept', { ...manager, today: '2027-01-01' }, no('validity_passed')],
    ['a sent offer can be declined after its validity', { status: 'sent' }, 'decline', { ...manager, today: '2027-01-01' }, ok('rejected')],
    ['an expired offer stays expired even for an admin', { status: 'expired' }, 'send', admin, W],
    ['a draft with a line outside the price rules cannot be sent', {}, 'send', { ...manager, linesOutsideRules: true }, no('outside_rules')],
    ['a draft with a line outside the price rules is submitted for approval', {}, 'submit_for_approval', { ...manager, linesOutsideRules: true }, ok('awaiting_approval')],
    ['over the limit too: the limit is named first', { lines: overLimit }, 'send', { ...manager, linesOutsideRules: true }, no('needs_approval')],
    ['approved with a line outside the price rules, it is sent', { status: 'approved' }, 'send', { ...manager, linesOutsideRules: true }, ok('sent')],
  ])('%s', (_name, over, action, ctx, expected) => {
    expect(transition(offer(over), action, ctx)).toEqual(expected);
  });
});

describe('withdrawing an approval request: only whoever asked', () => {
  const pending = (history: Offer['history']) => offer({ status: 'awaiting_approval', lines: overLimit, history });
  const askedByOwner = pending([
    { status: 'draft', at: NOW, by: 'mgr', comment: '' },
    { status: 'awaiting_approval', at: NOW, by: 'mgr', comment: 'A competitor offers 15 %' },
  ]);
  const substitute: TransitionContext = { ...manager, actor: { id: 'sub', role: 'manager' } };

  it('the offer’s owner withdraws it; a head of sales or an admin deciding on it does not (they return it)', () => {
    expect(transition(askedByOwner, 'recall', manager)).toEqual(ok('draft'));
    expect(transition(askedByOwner, 'recall', headOfSales)).toEqual(no('not_requester'));
    expect(transition(askedByOwner, 'recall', admin)).toEqual(no('not_requester'));
    expect(transition(askedByOwner, 'return_to_draft', headOfSales)).toEqual(ok('draft'));
    expect(applyTransition(askedByOwner, 'recall', headOfSales)).toEqual({ ok: false, error: 'not_requester' });
  });

  it('whoever sent it for approval withdraws it, a head of sales’ own request or a substitute’s included', () => {
    const askedByBoss = pending([
      { status: 'draft', at: NOW, by: 'mgr', comment: '' },
      { status: 'awaiting_approval', at: NOW, by: 'boss', comment: 'For the key account' },
    ]);
    expect(transition(askedByBoss, 'recall', headOfSales)).toEqual(ok('draft'));
    expect(transition(askedByBoss, 'recall', admin)).toEqual(no('not_requester'));
    // A head of sales' own offer, asked by its owner.
    expect(transition(offer({ ...askedByOwner, ownerId: 'boss' }), 'recall', headOfSales)).toEqual(ok('draft'));
    // A manager holding a colleague's offer holds it as the colleague's substitute.
    expect(transition(askedByOwner, 'recall', substitute)).toEqual(ok('draft'));
  });

  it('a request asked before, withdrawn, and asked again by someone else is the later asker’s', () => {
    const askedAgain = pending([
      { status: 'awaiting_approval', at: NOW, by: 'boss', comment: '' },
      { status: 'draft', at: NOW, by: 'boss', comment: '' },
      { status: 'awaiting_approval', at: NOW, by: 'mgr', comment: '' },
    ]);
    expect(transition(askedAgain, 'recall', headOfSales)).toEqual(no('not_requester'));
  });

  it('leaves dropping an approval as it was', () => {
    expect(transition(offer({ status: 'approved' }), 'recall', headOfSales)).toEqual(ok('draft'));
  });
});

describe('applyTransition', () => {
  it('records who moved the offer where, when and why', () => {
    const pending = offer({ status: 'awaiting_approval', lines: overLimit });
    const result = applyTransition(pending, 'return_to_draft', { ...headOfSales, now: '2026-11-24T09:00:00.000Z' }, 'Max 10 % on drills');
    expect(result.ok && result.value.status).toBe('draft');
    expect(result.ok && result.value.history.at(-1)).toEqual({ status: 'draft', at: '2026-11-24T09:00:00.000Z', by: 'boss', comment: 'Max 10 % on drills' });
    expect(result.ok && result.value.updatedAt).toBe('2026-11-24T09:00:00.000Z');
    expect(pending.status).toBe('awaiting_approval'); // the input is not changed
  });

  it('passes a refusal through', () => {
    expect(applyTransition(offer({ status: 'awaiting_approval' }), 'send', manager)).toEqual({ ok: false, error: 'awaiting_approval' });
  });
});

describe('submitRefused: an offer the company server did not let out goes for approval', () => {
  const sentOffline = (over: Partial<Offer> = {}) => {
    const sent = applyTransition(offer(over), 'send', manager);
    if (!sent.ok) throw new Error(sent.error);
    return sent.value;
  };

  it('as it is, with the refused steps dropped from its history', () => {
    const sent = sentOffline();
    const later = '2026-11-24T07:00:00.000Z';
    const result = submitRefused(sent, { actor: manager.actor, now: later });
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({ status: 'awaiting_approval', lines: sent.lines, terms: sent.terms, updatedAt: later });
    expect(result.value.history).toEqual([
      { status: 'draft', at: NOW, by: 'mgr', comment: '' },
      { status: 'awaiting_approval', at: later, by: 'mgr', comment: '' },
    ]);
    // Then the lifecycle as usual: approved by the head of sales, sent.
    const approved = applyTransition(result.value, 'approve', headOfSales);
    expect(approved.ok && transition(approved.value, 'send', manager)).toEqual(ok('sent'));
  });

  it('also after steps taken offline behind the refused sending (accepted by the client)', () => {
    const accepted = applyTransition(sentOffline(), 'accept', manager);
    if (!accepted.ok) throw new Error(accepted.error);
    const result = submitRefused(accepted.value, manager);
    expect(result.ok && result.value.history.map((h) => h.status)).toEqual(['draft', 'awaiting_approval']);
  });

  it('not a draft, an offer waiting or approved, a revised one', () => {
    for (const status of ['draft', 'awaiting_approval', 'approved', 'superseded'] as const) expect(submitRefused(offer({ status }), manager)).toEqual({ ok: false, error: 'wrong_status' });
    expect(submitRefused(offer({ status: 'sent', lines: [unpriced] }), manager)).toEqual({ ok: false, error: 'unpriced_lines' });
  });
});

describe('issueDate: the date on the document', () => {
  const printedOn = '2026-11-30T10:00:00.000Z';

  it('is the day it is printed while the offer has not been sent, also when approved days before', () => {
    const approved = offer({ status: 'approved', updatedAt: '2026-11-24T09:00:00.000Z', history: [{ status: 'approved', at: '2026-11-24T09:00:00.000Z', by: 'boss', comment: '' }] });
    expect(issueDate(approved, printedOn)).toBe(printedOn);
  });

  it('is the day it was sent once it has been, whenever it is printed again', () => {
    const sent = applyTransition(offer(), 'send', { ...manager, now: '2026-11-25T08:00:00.000Z' });
    expect(sent.ok && issueDate(sent.value, printedOn)).toBe('2026-11-25T08:00:00.000Z');
  });
});

describe('isEditable', () => {
  it.each(OFFER_STATUSES.map((s) => [s, s === 'draft'] as const))('%s → %s', (status, editable) => {
    expect(isEditable({ status })).toBe(editable);
  });
});

describe('revise', () => {
  it.each(OFFER_STATUSES.map((s) => [s, ['sent', 'rejected', 'expired'].includes(s)] as const))('from %s allowed: %s', (status, allowed) => {
    expect(revise(offer({ status }), manager, 'o2').ok).toBe(allowed);
  });

  it('keeps version 1 readable as superseded and makes version 2 a draft with the same number and lines', () => {
    const v1 = offer({ status: 'sent' });
    const result = revise(v1, manager, 'o2');
    if (!result.ok) throw new Error(result.error);
    const { superseded, draft } = result.value;
    expect(superseded).toMatchObject({ id: 'o1', version: 1, status: 'superseded', lines: v1.lines });
    expect(superseded.history.at(-1)).toMatchObject({ status: 'superseded', by: 'mgr' });
    expect(draft).toMatchObject({ id: 'o2', number: 'OF-2026-0042', version: 2, previousVersionId: 'o1', status: 'draft', lines: v1.lines, terms: v1.terms });
    expect(draft.history).toEqual([{ status: 'draft', at: NOW, by: 'mgr', comment: 'revision of version 1' }]);
    expect(v1.status).toBe('sent');
    expect(offerSchema.parse(draft)).toEqual(draft);
    // The revision goes through the lifecycle again from the start.
    expect(transition(superseded, 'accept', manager)).toEqual(W);
    expect(transition(draft, 'send', manager)).toEqual(ok('sent'));
  });
});

describe('copyToClient', () => {
  const target = { id: 'o9', number: 'OF-2026-0099', clientId: 'globex', ownerId: 'mgr2', currency: 'HUF', pricesIncludeVat: true, validUntil: '2027-01-31', now: NOW };

  it('keeps products and quantities, drops prices, manual discounts and client-specific terms', () => {
    const source = offer({ status: 'accepted', lines: overLimit, leadId: 'lead-1' });
    const copy = copyToClient(source, target);
    expect(copy).toMatchObject({ id: 'o9', number: 'OF-2026-0099', clientId: 'globex', ownerId: 'mgr2', leadId: null, version: 1, previousVersionId: null, status: 'draft', pricesIncludeVat: true });
    expect(copy.lines.map((l) => [l.productId, l.qty, l.manualDiscountBp, l.pricing])).toEqual([
      ['drill', 2, 0, null],
      ['drill', 2, 0, null],
    ]);
    expect(copy.terms).toEqual({ validUntil: '2027-01-31', delivery: 'DAP Budapest, 2 weeks', payment: '', specialConditions: 'Free training', notes: '' });
    expect(offerSchema.parse(copy)).toEqual(copy);
    expect(source.lines[0]?.pricing).not.toBeNull();
  });

  it('cannot be sent until the pricing engine prices it for the new client', () => {
    const copy = copyToClient(offer({ status: 'sent' }), target);
    expect(transition(copy, 'send', manager)).toEqual(no('unpriced_lines'));
    const catalog = buildPricingCatalog({
      products: [{ id: 'drill', sku: 'DRILL', name: 'Drill', groupId: null, unit: 'pcs', vatRateBp: 2700 }],
      priceList: [{ productId: 'drill', priceType: 'retail', currency: 'HUF', includesVat: true, breaks: [{ minQty: 1, unitPrice: 12_700 }] }],
      groupDiscounts: [],
    });
    const totals = priceOffer({ from: 'catalog', catalog, client: { clientId: 'globex', priceType: 'retail', standingDiscountBp: 0 }, now: NOW, currency: 'HUF', pricesIncludeVat: true, discountLimitBp: 1000, lines: copy.lines });
    const lines = copy.lines.map((l, i) => {
      const r = totals.lines[i];
      return r?.status === 'priced' ? { ...l, pricing: r.pricing } : l;
    });
    expect(totals.gross).toBe(2 * 2 * 12_700);
    expect(transition({ ...copy, lines }, 'send', manager)).toEqual(ok('sent'));
  });
});
