/**
 * What a synced write may do to an offer, checked on the company server for every pushed offer
 * (and usable by the app before it pushes). The lifecycle (`lifecycle.ts`) says which action
 * moves an offer where; a push, though, carries only the offer's fields as they are after any
 * number of actions taken offline (a draft made, edited, submitted and recalled before the
 * evening's sync arrives as one write). So the check is on the result: can the writer have got
 * from the stored offer to the pushed one by actions they may take?
 *
 * The rules that matter for money:
 * - only a head of sales or an admin approves;
 * - a draft with a manual discount above its owner's limit, or with lines the company's price
 *   rules do not give (core/pricing/price-check.ts: a lower price, a larger automatic discount,
 *   an unknown product), never becomes `sent` (or anything after it) without an approval of
 *   exactly those lines;
 * - what an offer says (lines, terms, currency, VAT basis) changes only while it is a draft, or
 *   on the way back to one (recalling a pending or approved offer and editing it): a sent offer
 *   is a record of what the client was given.
 */
import type { TeamMember } from '../client-model';
import { needsApproval } from '../pricing/price';
import { sameValue } from '../sync/merge';
import type { Offer, OfferStatus } from './offer-model';

export type OfferWriteError =
  /** Lines or terms changed on an offer that has left the draft stage for good (sent or later). */
  | 'not_editable'
  /** The offer became approved, but the writer is not a head of sales or an admin. */
  | 'not_approver'
  /** The offer went out with a manual discount above its owner's limit, or lines outside the price rules, and no approval. */
  | 'needs_approval'
  /** No sequence of actions leads from the stored status to the written one. */
  | 'wrong_status'
  /** A sent offer (or one after it) deleted: it is the record of what the client was given. */
  | 'not_deletable';

/** The statuses one action leads to from each status (see the table in lifecycle.ts). */
const NEXT: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  draft: ['awaiting_approval', 'sent'],
  awaiting_approval: ['approved', 'draft'],
  approved: ['draft', 'sent', 'expired'],
  sent: ['accepted', 'rejected', 'expired', 'superseded'],
  rejected: ['superseded'],
  expired: ['superseded'],
  accepted: [],
  superseded: [],
};

/** Offers whose content may still be edited: a draft, or one that can be recalled to draft. */
const RECALLABLE: ReadonlySet<OfferStatus> = new Set(['draft', 'awaiting_approval', 'approved']);

const APPROVERS: ReadonlySet<TeamMember['role']> = new Set(['head_of_sales', 'admin']);

type OfferContent = Pick<Offer, 'lines' | 'terms' | 'currency' | 'pricesIncludeVat'>;

/** Whether a stored or pushed offer is a tombstone (the sync's `_deleted` field). */
const isDeleted = (offer: Offer) => (offer as Offer & { _deleted?: boolean })._deleted === true;

/** Whether two offers say the same to the client (lines, prices, terms). */
export function sameContent(a: OfferContent, b: OfferContent): boolean {
  return a.currency === b.currency && a.pricesIncludeVat === b.pricesIncludeVat && sameValue(a.lines, b.lines) && sameValue(a.terms, b.terms);
}

/** What the writer knows beyond the two versions of the offer. */
export interface OfferWriteContext {
  /**
   * Some line carries a price the company's rules do not give (core/pricing/price-check.ts, as
   * the company server judges it): the offer needs an approval like a discount above the limit.
   */
  linesOutsideRules?: boolean;
}

/**
 * Why `after` may not be written over `before` (null for a new offer) by `actor`, or null when it
 * may. `ownerLimitBp` is the discount limit of the offer's owner, the approval threshold.
 */
export function offerWriteError(before: Offer | null, after: Offer, actor: { role: TeamMember['role'] }, ownerLimitBp: number, context: OfferWriteContext = {}): OfferWriteError | null {
  // Only an offer that never went to the client goes to the trash (an undelete is always allowed).
  if (before && isDeleted(after) && !isDeleted(before) && !RECALLABLE.has(before.status)) return 'not_deletable';
  return reach(before, after, actor, needsApproval(after, ownerLimitBp) || context.linesOutsideRules === true);
}

/**
 * Whether the write takes the offer from a draft straight to the client (`sent`, or a status
 * after it) without an approval: the writes whose prices the company server checks against its
 * rules (an approved offer went out as its approver saw it; an approver needs no approval).
 */
export function goesOutWithoutApproval(before: Offer | null, after: Offer, actor: { role: TeamMember['role'] }): boolean {
  return reach(before, after, actor, true) === 'needs_approval' && reach(before, after, actor, false) === null;
}

/** `offerWriteError` with the approval need decided: `overLimit` closes the way from draft to sent for a non-approver. */
function reach(before: Offer | null, after: Offer, actor: { role: TeamMember['role'] }, overLimit: boolean): OfferWriteError | null {
  const approver = APPROVERS.has(actor.role);
  const edited = before !== null && !sameContent(before, after);
  let start: OfferStatus = before?.status ?? 'draft';
  if (edited) {
    if (!RECALLABLE.has(start)) return 'not_editable';
    // Edited: the offer went back to draft first (a recall), and any approval it had is void.
    start = 'draft';
  }
  if (after.status === start) return null;
  // Which statuses the writer can reach, and why the wanted one is out of reach if it is.
  let blocked: OfferWriteError = 'wrong_status';
  const seen = new Set<OfferStatus>([start]);
  const queue: OfferStatus[] = [start];
  while (queue.length) {
    const from = queue.shift()!;
    for (const to of NEXT[from]) {
      if (seen.has(to)) continue;
      if (to === 'approved' && !approver) {
        if (after.status === 'approved') blocked = 'not_approver';
        continue;
      }
      // Out of a draft straight to the client: only within the limit and the price rules.
      if (from === 'draft' && to === 'sent' && overLimit && !approver) {
        if (after.status !== 'approved') blocked = 'needs_approval';
        continue;
      }
      if (to === after.status) return null;
      seen.add(to);
      queue.push(to);
    }
  }
  return blocked;
}
