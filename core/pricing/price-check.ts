/**
 * Whether an offer's lines carry the prices the company's rules give: the check the company
 * server runs on an offer that goes to the client without an approval, and the laptop before it
 * sends. The laptop prices a draft with `priceOffer` and stores each line's price snapshot; the
 * snapshot travels with the offer, so whoever reads the offer later can tell the figures the
 * line was given apart from the figures the catalog gives. A tampered laptop can put any snapshot
 * on a line (a list price of 0.01, a 99 % "group" discount); this says which lines the rules do
 * not give, and such an offer needs the head of sales' approval like a manual discount above the
 * limit.
 *
 * A line passes when it is no better for the client than the rules, compared part by part:
 * - the product is in the catalog, has a price for the client's price type in the offer's
 *   currency at the line's quantity, and the line names it as the catalog does (SKU, name, unit:
 *   what the printed offer shows);
 * - the VAT rate is the product's;
 * - the list unit price is not lower than the rules' at that quantity break, compared exactly in
 *   one VAT basis (a net list price passed off as a gross one is lower);
 * - the automatic discounts, compounded, are not larger than the client's terms give (the
 *   standing discount and the group discount, best-of or compound as the engine applies them).
 * A higher list price or a smaller automatic discount passes: an honest line priced from
 * yesterday's list, when the price has gone up since, offers the client less, not more. The
 * manual discount is not looked at here: the discount limit bounds it (`needsApproval`).
 * Which catalog to check against (the one in force when the line was priced, today's) is the
 * caller's choice; the client's terms are taken as the rules give them (`givenClientTerms`).
 */
import type { Client, PriceType, TeamMember } from '../client-model';
import type { OfferLine } from '../offers/offer-model';
import { qtyToMilli } from './catalog-model';
import { BP_100 } from './money';
import { autoDiscounts, clientTerms, findBreak, type AutoDiscountRule, type ClientTerms, type PricingCatalog } from './price';

export type OutsideRulesReason =
  /** The line carries no price snapshot. */
  | 'not_priced'
  /** The product is not in the catalog. */
  | 'unknown_product'
  /** The catalog has no price for it: no list for the client's price type in the offer's currency, or a quantity below the first break. */
  | 'no_price'
  /** SKU, name or unit differ from the product's. */
  | 'product_text'
  /** Another VAT rate than the product's. */
  | 'vat_rate'
  /** A list unit price below the rules' at the line's quantity. */
  | 'lower_price'
  /** Automatic discounts larger than the client's terms give. */
  | 'larger_discount';

export interface LineOutsideRules {
  id: string;
  reason: OutsideRulesReason;
}

export type CheckedLine = Pick<OfferLine, 'id' | 'productId' | 'sku' | 'name' | 'unit' | 'qty' | 'pricing'>;

export interface PriceCheckInput {
  /** The offer's currency: the price list is taken in it. */
  currency: string;
  catalog: PricingCatalog;
  client: ClientTerms;
  rule?: AutoDiscountRule;
}

const BP = BigInt(BP_100);

/** The price list of a client whose price type is not the company's: what anyone is offered. */
export const PUBLIC_PRICE_TYPE: PriceType = 'retail';

/**
 * Who last set one of a client's terms on the client card: a person, with their role and
 * discount limit as the company knows them now, or null for the company (its data, a person
 * whose setting is an approval, or nobody this judge knows of).
 */
export type TermSetter = { role: TeamMember['role']; discountLimitBp: number } | null;

/**
 * The client's terms as the company's rules give them. The standing discount and the price type
 * are fields of the client card, which a manager may edit; the pricing engine takes them as
 * approved ("the client's terms were approved when they were set"), which holds for what the
 * company, a head of sales or an admin set. What a manager set is held to the manager's
 * authority: a standing discount above their own discount limit counts as none, and a price type
 * other than the public one (retail) counts as the public one — so an offer priced with such
 * terms needs an approval, as the same discount given by hand would.
 */
export function givenClientTerms(client: Pick<Client, 'id' | 'priceType' | 'discountPct'>, setBy: { discountPct: TermSetter; priceType: TermSetter }): ClientTerms {
  const terms = clientTerms(client);
  const byManager = (s: TermSetter): s is NonNullable<TermSetter> => s !== null && s.role === 'manager';
  return {
    ...terms,
    priceType: byManager(setBy.priceType) ? PUBLIC_PRICE_TYPE : terms.priceType,
    standingDiscountBp: byManager(setBy.discountPct) && terms.standingDiscountBp > setBy.discountPct.discountLimitBp ? 0 : terms.standingDiscountBp,
  };
}

/** The fraction of the price automatic discounts keep, as numerator over denominator. */
function kept(discounts: readonly { discountBp: number }[]): [bigint, bigint] {
  let num = 1n;
  let den = 1n;
  for (const d of discounts) {
    num *= BP - BigInt(d.discountBp);
    den *= BP;
  }
  return [num, den];
}

/** Why the rules do not give `line` its price, or null when they do (or give the client less). */
export function lineOutsideRules(line: CheckedLine, input: PriceCheckInput): OutsideRulesReason | null {
  const { catalog, client } = input;
  const snapshot = line.pricing;
  if (!snapshot) return 'not_priced';
  const product = catalog.products.get(line.productId);
  if (!product) return 'unknown_product';
  const entry = catalog.prices.get(`${product.id}|${client.priceType}|${input.currency}`);
  const qtyMilli = qtyToMilli(line.qty);
  const brk = entry && qtyMilli !== null ? findBreak(entry, qtyMilli) : undefined;
  if (!entry || !brk) return 'no_price';
  if (line.sku !== product.sku || line.name !== product.name || line.unit !== product.unit) return 'product_text';
  if (snapshot.vatRateBp !== product.vatRateBp) return 'vat_rate';
  // Both prices net: a gross one is price / (1 + rate). Cross-multiplied, exact.
  const rate = BP + BigInt(product.vatRateBp);
  const given = BigInt(snapshot.listUnitPrice) * (snapshot.listIncludesVat ? BP : 1n) * (entry.includesVat ? rate : 1n);
  const rules = BigInt(brk.unitPrice) * (entry.includesVat ? BP : 1n) * (snapshot.listIncludesVat ? rate : 1n);
  if (given < rules) return 'lower_price';
  const [givenKeep, givenDen] = kept(snapshot.autoDiscounts);
  const [rulesKeep, rulesDen] = kept(autoDiscounts(catalog, client, product, input.rule));
  if (givenKeep * rulesDen < rulesKeep * givenDen) return 'larger_discount';
  return null;
}

/** The lines of an offer the rules do not give, each with the first reason found. */
export function linesOutsideRules(lines: readonly CheckedLine[], input: PriceCheckInput): LineOutsideRules[] {
  const out: LineOutsideRules[] = [];
  for (const line of lines) {
    const reason = lineOutsideRules(line, input);
    if (reason) out.push({ id: line.id, reason });
  }
  return out;
}
