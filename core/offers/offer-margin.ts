/**
 * An offer's margin, for the head of sales deciding an approval: what the priced lines bring (net
 * of VAT and of every discount) less what the goods cost the company. Costs are in the currency
 * the accounting system keeps them in and are never converted, like prices: a line counts only
 * when its product has a cost in the offer's currency, and the answer says how many did. Never on
 * a client's document.
 */
import { qtyToMilli, QTY_SCALE, type ProductCost } from '../pricing/catalog-model';
import type { LineResult } from '../pricing/price';

export interface OfferMargin {
  /** Net revenue of the lines with a cost, less their cost (minor units of the offer's currency; negative below cost). */
  amount: number;
  /** `amount` against those lines' net revenue, in basis points (null when they bring nothing). */
  marginBp: number | null;
  /** How many lines had a cost in the offer's currency, of how many lines. */
  costedLines: number;
  lines: number;
}

/**
 * The margin of priced lines (`results`: the pricing engine's per line) of `lines` (their
 * products and quantities), with each product's cost; null when no line has a cost in `currency`.
 */
export function offerMargin(
  lines: readonly { id: string; productId: string; qty: number }[],
  results: readonly LineResult[],
  costs: ReadonlyMap<string, ProductCost | null | undefined>,
  currency: string,
): OfferMargin | null {
  const byId = new Map(results.map((r) => [r.id, r]));
  let revenue = 0;
  let cost = 0;
  let costedLines = 0;
  for (const line of lines) {
    const priced = byId.get(line.id);
    const unitCost = costs.get(line.productId);
    const qtyMilli = qtyToMilli(line.qty);
    if (priced?.status !== 'priced' || !unitCost || unitCost.currency !== currency || qtyMilli === null) continue;
    revenue += priced.net;
    cost += Math.round((unitCost.amount * qtyMilli) / QTY_SCALE);
    costedLines++;
  }
  if (costedLines === 0) return null;
  const amount = revenue - cost;
  return { amount, marginBp: revenue === 0 ? null : Math.round((amount / revenue) * 10_000), costedLines, lines: lines.length };
}
