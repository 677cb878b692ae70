/**
 * The offer lifecycle as pure functions: which action may move an offer from which status, and
 * why not when it may not. The data layer's commands (`offer-send`, `offer-approve`, …) call
 * these, so the rules live in one place that the app and the company server share.
 *
 *   from               action                 to                  only if
 *   draft              send                   sent                no manual discount above the limit,
 *                                                                 every line priced by the rules
 *   draft              submit_for_approval    awaiting_approval   some manual discount above the limit,
 *                                                                 or a line the rules do not price so
 *   awaiting_approval  approve                approved            by a head of sales or an admin
 *   awaiting_approval  return_to_draft        draft               by a head of sales or an admin
 *   awaiting_approval  recall                 draft               by whoever asked: the offer's owner,
 *                                                                 whoever sent it for approval, or a
 *                                                                 manager holding it (a substitute);
 *                                                                 a head of sales returns it instead
 *   approved           recall                 draft               (the manager wants to change it)
 *   approved           send                   sent
 *   sent               accept                 accepted            on or before validUntil
 *   sent               decline                rejected
 *   approved, sent     expire                 expired             after validUntil
 * Sending and submitting also need at least one line and every line priced; sending needs the
 * offer to be still valid. Everything else is refused with a reason the UI can show.
 *
 * "The rules" are the company's prices and the client's terms (core/pricing/price-check.ts); the
 * company server checks them again on every offer that goes out unapproved, and refuses with
 * `needs_approval` what it finds outside them. The offer, sent on the laptop but refused, then
 * goes for approval as it is (`submitRefused`).
 *
 * A revision does not change an offer in place: `revise` turns a sent, rejected or expired offer
 * into `superseded` (read-only, kept for the record) and makes a new draft with the same number
 * and version + 1. Accepted offers are final: a changed deal is a new offer.
 */
import type { TeamMember } from '../client-model';
import { needsApproval } from '../pricing/price';
import type { Offer, OfferLine, OfferStatus, OfferTerms } from './offer-model';

export const OFFER_ACTIONS = ['submit_for_approval', 'recall', 'approve', 'return_to_draft', 'send', 'accept', 'decline', 'expire'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

export interface TransitionContext {
  actor: { id: string; role: TeamMember['role'] };
  /** Now, ISO-8601 UTC: stamped on the history entry. */
  now: string;
  /** Today's calendar date where the offer is managed (YYYY-MM-DD), compared with `validUntil`. */
  today: string;
  /** The discount limit of the offer's owner in basis points (the approval threshold). */
  discountLimitBp: number;
  /** Some line carries a price the company's rules do not give (core/pricing/price-check.ts): it needs an approval too. */
  linesOutsideRules?: boolean;
}

export type TransitionError =
  /** The action does not apply to an offer in this status (e.g. accepting a draft). */
  | 'wrong_status'
  /** Sending an offer whose approval is still pending. */
  | 'awaiting_approval'
  /** Sending a draft with a manual discount above the limit: it must be approved first. */
  | 'needs_approval'
  /** Sending a draft with a line priced outside the company's rules: it must be approved first. */
  | 'outside_rules'
  /** Submitting for approval an offer that is within the limit: send it instead. */
  | 'within_limit'
  /** Approving or returning by someone who is not a head of sales or an admin. */
  | 'not_approver'
  /** Withdrawing an approval request by a head of sales or an admin who did not make it: they return it with a comment. */
  | 'not_requester'
  /** Expiring an offer whose validity has not ended. */
  | 'still_valid'
  /** Sending or accepting an offer after its last valid day: revise it with a new date. */
  | 'validity_passed'
  | 'no_lines'
  /** A line has no price (not priced yet, or copied from another client). */
  | 'unpriced_lines';

export type TransitionResult = { ok: true; status: OfferStatus } | { ok: false; error: TransitionError };

const APPROVER_ROLES: ReadonlySet<TeamMember['role']> = new Set(['head_of_sales', 'admin']);

const to = (status: OfferStatus): TransitionResult => ({ ok: true, status });
const refuse = (error: TransitionError): TransitionResult => ({ ok: false, error });

/**
 * Whether `actor` may withdraw the approval request of `offer` (awaiting approval): the request is
 * the asker's. Its owner and whoever sent it for approval may; a manager who holds the offer at all
 * holds it as its owner or the owner's substitute (a laptop holds only its person's and their
 * delegated clients), so may too. A head of sales or an admin deciding on someone else's request
 * returns it with a comment instead ("Return with a comment"), which tells the manager why.
 */
export function mayWithdraw(offer: Pick<Offer, 'ownerId' | 'history'>, actor: TransitionContext['actor']): boolean {
  if (!APPROVER_ROLES.has(actor.role) || actor.id === offer.ownerId) return true;
  const asked = offer.history.findLast((h) => h.status === 'awaiting_approval');
  return asked?.by === actor.id;
}

/** What must hold before an offer leaves the manager's hands (for approval or to the client). */
function readiness(offer: Offer): TransitionError | null {
  if (offer.lines.length === 0) return 'no_lines';
  if (offer.lines.some((l) => l.pricing === null)) return 'unpriced_lines';
  return null;
}

/** The status `action` takes `offer` to, or why it may not. */
export function transition(offer: Offer, action: OfferAction, ctx: TransitionContext): TransitionResult {
  const s = offer.status;
  const validityPassed = ctx.today > offer.terms.validUntil;
  switch (action) {
    case 'submit_for_approval': {
      if (s !== 'draft') return refuse('wrong_status');
      const notReady = readiness(offer);
      if (notReady) return refuse(notReady);
      return needsApproval(offer, ctx.discountLimitBp) || ctx.linesOutsideRules === true ? to('awaiting_approval') : refuse('within_limit');
    }
    case 'recall':
      if (s === 'awaiting_approval') return mayWithdraw(offer, ctx.actor) ? to('draft') : refuse('not_requester');
      return s === 'approved' ? to('draft') : refuse('wrong_status');
    case 'approve':
    case 'return_to_draft':
      if (s !== 'awaiting_approval') return refuse('wrong_status');
      if (!APPROVER_ROLES.has(ctx.actor.role)) return refuse('not_approver');
      return to(action === 'approve' ? 'approved' : 'draft');
    case 'send': {
      if (s === 'awaiting_approval') return refuse('awaiting_approval');
      if (s !== 'draft' && s !== 'approved') return refuse('wrong_status');
      const notReady = readiness(offer);
      if (notReady) return refuse(notReady);
      // An approved offer was approved with these lines; a draft may go out only within the limit.
      if (s === 'draft' && needsApproval(offer, ctx.discountLimitBp)) return refuse('needs_approval');
      if (s === 'draft' && ctx.linesOutsideRules === true) return refuse('outside_rules');
      return validityPassed ? refuse('validity_passed') : to('sent');
    }
    case 'accept':
      if (s !== 'sent') return refuse('wrong_status');
      return validityPassed ? refuse('validity_passed') : to('accepted');
    case 'decline':
      return s === 'sent' ? to('rejected') : refuse('wrong_status');
    case 'expire':
      if (s !== 'sent' && s !== 'approved') return refuse('wrong_status');
      return validityPassed ? to('expired') : refuse('still_valid');
  }
}

export type Applied<T> = { ok: true; value: T } | { ok: false; error: TransitionError };

/** `transition`, applied: the offer in its new status with the step recorded in its history. */
export function applyTransition(offer: Offer, action: OfferAction, ctx: TransitionContext, comment = ''): Applied<Offer> {
  const result = transition(offer, action, ctx);
  if (!result.ok) return result;
  return {
    ok: true,
    value: {
      ...offer,
      status: result.status,
      history: [...offer.history, { status: result.status, at: ctx.now, by: ctx.actor.id, comment }],
      updatedAt: ctx.now,
    },
  };
}

/** Statuses a laptop reaches by sending (and what follows offline) that the company server may refuse. */
const WENT_OUT: ReadonlySet<OfferStatus> = new Set(['sent', 'accepted', 'rejected', 'expired']);

/**
 * An offer sent on this laptop that the company server refused to let out without an approval
 * (`needs_approval`: a discount above the limit, or a price outside the company's rules), put up
 * for approval as it is: its lines are what the client may already have in hand, and the head
 * of sales approves or returns exactly those. The steps from the refused sending on are dropped
 * from its history (the company never took them) and the submission is recorded instead.
 */
export function submitRefused(offer: Offer, ctx: Pick<TransitionContext, 'actor' | 'now'>, comment = ''): Applied<Offer> {
  if (!WENT_OUT.has(offer.status)) return { ok: false, error: 'wrong_status' };
  const notReady = readiness(offer);
  if (notReady) return { ok: false, error: notReady };
  const sentAt = offer.history.findIndex((h) => h.status === 'sent');
  const kept = sentAt >= 0 ? offer.history.slice(0, sentAt) : offer.history;
  return {
    ok: true,
    value: {
      ...offer,
      status: 'awaiting_approval',
      history: [...kept, { status: 'awaiting_approval', at: ctx.now, by: ctx.actor.id, comment }],
      updatedAt: ctx.now,
    },
  };
}

/** Only a draft's lines and terms may change; everything later is a record of what was offered. */
export function isEditable(offer: Pick<Offer, 'status'>): boolean {
  return offer.status === 'draft';
}

const REVISABLE: ReadonlySet<OfferStatus> = new Set(['sent', 'rejected', 'expired']);

/**
 * A new version of an offer that went out: the old one becomes `superseded` and stays readable;
 * the new draft has the same number, version + 1, the same lines (re-priced as any draft) and a
 * link back. A draft is edited rather than revised; an approved or pending one is recalled.
 */
export function revise(offer: Offer, ctx: Pick<TransitionContext, 'actor' | 'now'>, newId: string): Applied<{ superseded: Offer; draft: Offer }> {
  if (!REVISABLE.has(offer.status)) return { ok: false, error: 'wrong_status' };
  const comment = `revised as version ${offer.version + 1}`;
  return {
    ok: true,
    value: {
      superseded: {
        ...offer,
        status: 'superseded',
        history: [...offer.history, { status: 'superseded', at: ctx.now, by: ctx.actor.id, comment }],
        updatedAt: ctx.now,
      },
      draft: {
        ...offer,
        id: newId,
        version: offer.version + 1,
        previousVersionId: offer.id,
        status: 'draft',
        history: [{ status: 'draft', at: ctx.now, by: ctx.actor.id, comment: `revision of version ${offer.version}` }],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    },
  };
}

export interface CopyTarget {
  id: string;
  number: string;
  clientId: string;
  ownerId: string;
  currency: string;
  pricesIncludeVat: boolean;
  validUntil: string;
  now: string;
}

/**
 * The same products and quantities offered to another client, as a new draft (version 1 of a
 * new number). Prices, manual discounts and payment terms belong to the first client's
 * negotiation, so lines lose their price snapshot (the pricing engine prices them with the new
 * client's terms) and their manual discount; the payment text and the notes are cleared.
 * Delivery and special conditions are kept: they describe the goods, not the client.
 */
export function copyToClient(offer: Offer, target: CopyTarget): Offer {
  const lines: OfferLine[] = offer.lines.map((l) => ({ ...l, manualDiscountBp: 0, pricing: null }));
  const terms: OfferTerms = { ...offer.terms, validUntil: target.validUntil, payment: '', notes: '' };
  return {
    id: target.id,
    clientId: target.clientId,
    leadId: null,
    ownerId: target.ownerId,
    number: target.number,
    version: 1,
    previousVersionId: null,
    status: 'draft',
    currency: target.currency,
    pricesIncludeVat: target.pricesIncludeVat,
    lines,
    terms,
    history: [{ status: 'draft', at: target.now, by: target.ownerId, comment: `copied from ${offer.number} v${offer.version}` }],
    createdAt: target.now,
    updatedAt: target.now,
  };
}

/**
 * The date an offer's document carries: the day it was sent, and until then the day it is
 * printed (an offer approved last week and printed today to hand over is issued today).
 */
export function issueDate(offer: Pick<Offer, 'history'>, now: string): string {
  return offer.history.find((h) => h.status === 'sent')?.at ?? now;
}
