/**
 * The pricing engine: from the client's terms, the catalog and the offer's lines to per-line
 * amounts and offer totals. Pure and synchronous; the offer screen calls `priceOffer` on every
 * change (200 lines take about half a millisecond), the PDF and the server call it on the
 * stored snapshots and get the same figures.
 *
 * The rules, in the order they apply to a line:
 * 1. Unit price: the client's price type, the offer's currency, the highest quantity break ≤ qty.
 *    A product without such a price is "unpriced" with a reason — never priced at 0.
 *    Price lists in another currency are not converted (the offer currency is the list currency).
 * 2. Automatic discounts (the client's terms): the standing discount and the product-group
 *    discount (the client's own group discount replaces the price type's; a discount on a group
 *    covers its subgroups, the nearest group with one counts). By default the better
 *    of the two applies (`best`): they are alternative terms, and stacking them would give a
 *    discount nobody negotiated. `compound` applies both, one after the other.
 * 3. The manual line discount compounds on top: price × (1 − auto) × (1 − manual). Compounding
 *    (rather than adding percentages) is the usual B2B rule and keeps every price ≥ 0 for any
 *    combination of discounts in 0–100 %.
 * 4. Approval: the manager's discount limit bounds the *manual* discount only — the client's
 *    terms were approved when they were set. A line whose manual discount exceeds the limit
 *    makes the offer need approval. The effective total discount is reported per line as well.
 * 5. Rounding: each line amount is computed exactly (integer arithmetic) and rounded once, half
 *    away from zero, in the offer's basis (gross when the offer shows prices with VAT, net
 *    otherwise); the other side is derived from that rounded amount (net → VAT = round(net ×
 *    rate), gross = net + VAT; gross → net = round(gross / (1 + rate)), VAT = gross − net).
 *    So gross = net + VAT holds exactly on every line and in the totals, which are plain sums of
 *    the lines. The unit price shown is rounded separately; qty × shown unit price may differ
 *    from the line amount by rounding, as on any invoice that rounds per line.
 */
import type { Client, PriceType } from '../client-model';
import type { LinePriceSnapshot, AppliedDiscount } from '../offers/offer-model';
import { qtyToMilli, QTY_SCALE, type GroupDiscount, type PriceListEntry, type Product } from './catalog-model';
import { BP_100, divRound, isBp, percentToBp } from './money';

/** No line may exceed this (10 billion in a two-decimal currency), so 1 000 lines sum exactly. */
export const MAX_LINE_AMOUNT = 1_000_000_000_000;

/** The catalog indexed for pricing; build it when the catalog changes, not on every keystroke. */
export interface PricingCatalog {
  readonly products: ReadonlyMap<string, Product>;
  /** By `productId|priceType|currency`. */
  readonly prices: ReadonlyMap<string, PriceListEntry>;
  /** `productId|priceType` pairs priced in some currency, to tell "wrong currency" from "no price". */
  readonly pricedInSomeCurrency: ReadonlySet<string>;
  /** By `clientId|groupId` and `priceType|groupId`. */
  readonly clientGroupDiscounts: ReadonlyMap<string, number>;
  readonly priceTypeGroupDiscounts: ReadonlyMap<string, number>;
  /** Each product group's parent (null at the top): a discount on a group covers its subgroups. */
  readonly groupParents: ReadonlyMap<string, string | null>;
  /** Duplicate keys found while building (the first one is kept): a data problem to report. */
  readonly conflicts: readonly string[];
}

export function buildPricingCatalog(input: {
  products: readonly Product[];
  priceList: readonly PriceListEntry[];
  groupDiscounts: readonly GroupDiscount[];
  /** The product group tree; without it a group discount covers its own group only. */
  groups?: readonly { id: string; parentId: string | null }[];
}): PricingCatalog {
  const conflicts: string[] = [];
  const put = <V>(map: Map<string, V>, key: string, value: V, what: string) => {
    if (map.has(key)) conflicts.push(`${what} ${key}`);
    else map.set(key, value);
  };
  const products = new Map<string, Product>();
  for (const p of input.products) put(products, p.id, p, 'product');
  const prices = new Map<string, PriceListEntry>();
  const pricedInSomeCurrency = new Set<string>();
  for (const e of input.priceList) {
    put(prices, `${e.productId}|${e.priceType}|${e.currency}`, e, 'price');
    pricedInSomeCurrency.add(`${e.productId}|${e.priceType}`);
  }
  const clientGroupDiscounts = new Map<string, number>();
  const priceTypeGroupDiscounts = new Map<string, number>();
  for (const d of input.groupDiscounts) {
    if (d.scope === 'client') put(clientGroupDiscounts, `${d.clientId}|${d.groupId}`, d.discountBp, 'client group discount');
    else put(priceTypeGroupDiscounts, `${d.priceType}|${d.groupId}`, d.discountBp, 'price type group discount');
  }
  const groupParents = new Map((input.groups ?? []).map((g) => [g.id, g.parentId]));
  return { products, prices, pricedInSomeCurrency, clientGroupDiscounts, priceTypeGroupDiscounts, groupParents, conflicts };
}

/** What pricing needs to know about the client. */
export interface ClientTerms {
  clientId: string;
  priceType: PriceType;
  standingDiscountBp: number;
}

export function clientTerms(client: Pick<Client, 'id' | 'priceType' | 'discountPct'>): ClientTerms {
  const bp = percentToBp(client.discountPct);
  // The client schema allows only 0–100 with two decimals; anything else is corrupt data.
  if (bp === null) throw new RangeError(`client ${client.id}: discount ${client.discountPct} is not a percentage`);
  return { clientId: client.id, priceType: client.priceType, standingDiscountBp: bp };
}

export type AutoDiscountRule = 'best' | 'compound';

export interface PriceLineInput {
  id: string;
  productId: string;
  qty: number;
  manualDiscountBp: number;
  /** The stored snapshot; used when pricing `from: 'snapshot'`. */
  pricing?: LinePriceSnapshot | null;
}

interface PriceOfferBase {
  currency: string;
  pricesIncludeVat: boolean;
  lines: readonly PriceLineInput[];
  /** The manager's discount limit in basis points. */
  discountLimitBp: number;
}

/**
 * `catalog`: a draft, priced afresh from the price lists and the client's terms.
 * `snapshot`: a sent (or any stored) offer, priced from what each line kept.
 */
export type PriceOfferInput =
  | (PriceOfferBase & { from: 'catalog'; catalog: PricingCatalog; client: ClientTerms; rule?: AutoDiscountRule; now: string })
  | (PriceOfferBase & { from: 'snapshot' });

export type UnpricedReason =
  | 'unknown_product'
  | 'no_price_list_entry'
  | 'no_price_in_currency'
  | 'below_minimum_quantity'
  | 'not_priced'
  | 'invalid_quantity'
  | 'invalid_discount'
  | 'amount_too_large';

export interface PricedLine {
  id: string;
  status: 'priced';
  /** What to store on the offer line. */
  pricing: LinePriceSnapshot;
  /** Unit list price in the offer's basis (net or gross), rounded to the minor unit. */
  listUnitPrice: number;
  /** Unit price after all discounts, in the offer's basis, rounded to the minor unit. */
  unitPrice: number;
  /** The automatic discounts compounded, in basis points (rounded). */
  autoDiscountBp: number;
  manualDiscountBp: number;
  /** Everything off the list price, compounded: 1 − (1 − auto)(1 − manual), in basis points (rounded). */
  effectiveDiscountBp: number;
  exceedsLimit: boolean;
  vatRateBp: number;
  net: number;
  vat: number;
  gross: number;
}

export interface UnpricedLine {
  id: string;
  status: 'unpriced';
  reason: UnpricedReason;
  manualDiscountBp: number;
  exceedsLimit: boolean;
}

export type LineResult = PricedLine | UnpricedLine;

export interface VatGroup {
  vatRateBp: number;
  net: number;
  vat: number;
  gross: number;
}

export interface OfferTotals {
  lines: LineResult[];
  /** Sums over the priced lines. */
  net: number;
  vat: number;
  gross: number;
  /** The same sums per VAT rate, ascending by rate (for the offer's VAT summary). */
  vatByRate: VatGroup[];
  unpricedLines: number;
  /** A manual discount above the manager's limit on any line. */
  needsApproval: boolean;
}

/** True when some line's manual discount is above `limitBp` (then the offer needs approval to be sent). */
export function needsApproval(offer: { lines: readonly { manualDiscountBp: number }[] }, limitBp: number): boolean {
  return offer.lines.some((l) => l.manualDiscountBp > limitBp);
}

/** The break for `qtyMilli`: the one with the highest minQty ≤ qty; undefined below the first. */
export function findBreak(entry: PriceListEntry, qtyMilli: number): PriceListEntry['breaks'][number] | undefined {
  let found: PriceListEntry['breaks'][number] | undefined;
  for (const b of entry.breaks) {
    const min = qtyToMilli(b.minQty);
    if (min === null || min > qtyMilli) break;
    found = b;
  }
  return found;
}

/** A product's group and the groups above it, nearest first (a cycle in bad data ends the walk). */
function groupAndAncestors(catalog: PricingCatalog, groupId: string | null): string[] {
  const chain: string[] = [];
  for (let g = groupId; g !== null && g !== undefined && !chain.includes(g); g = catalog.groupParents.get(g) ?? null) chain.push(g);
  return chain;
}

/**
 * The group discount for `product`: a discount on a group covers its subgroups, the nearest
 * group with one wins; the client's own discounts come before the price type's at any level
 * (they were negotiated for this client, and replace the general terms).
 */
function groupDiscountOf(catalog: PricingCatalog, client: ClientTerms, product: Product): number {
  const chain = groupAndAncestors(catalog, product.groupId);
  for (const g of chain) {
    const own = catalog.clientGroupDiscounts.get(`${client.clientId}|${g}`);
    if (own !== undefined) return own;
  }
  for (const g of chain) {
    const general = catalog.priceTypeGroupDiscounts.get(`${client.priceType}|${g}`);
    if (general !== undefined) return general;
  }
  return 0;
}

/** The client's automatic discounts on `product`, in the order they apply. */
export function autoDiscounts(catalog: PricingCatalog, client: ClientTerms, product: Product, rule: AutoDiscountRule = 'best'): AppliedDiscount[] {
  const group = groupDiscountOf(catalog, client, product);
  const standing: AppliedDiscount = { source: 'standing', discountBp: client.standingDiscountBp };
  const byGroup: AppliedDiscount = { source: 'group', discountBp: group };
  const applied = rule === 'compound' ? [standing, byGroup] : [group > client.standingDiscountBp ? byGroup : standing];
  return applied.filter((d) => d.discountBp > 0);
}

type Resolved = { ok: true; snapshot: LinePriceSnapshot } | { ok: false; reason: UnpricedReason };

function resolveFromCatalog(input: Extract<PriceOfferInput, { from: 'catalog' }>, line: PriceLineInput, qtyMilli: number): Resolved {
  const { catalog, client } = input;
  const product = catalog.products.get(line.productId);
  if (!product) return { ok: false, reason: 'unknown_product' };
  const entry = catalog.prices.get(`${product.id}|${client.priceType}|${input.currency}`);
  if (!entry) {
    const elsewhere = catalog.pricedInSomeCurrency.has(`${product.id}|${client.priceType}`);
    return { ok: false, reason: elsewhere ? 'no_price_in_currency' : 'no_price_list_entry' };
  }
  const brk = findBreak(entry, qtyMilli);
  if (!brk) return { ok: false, reason: 'below_minimum_quantity' };
  return {
    ok: true,
    snapshot: {
      listUnitPrice: brk.unitPrice,
      listIncludesVat: entry.includesVat,
      autoDiscounts: autoDiscounts(catalog, client, product, input.rule),
      vatRateBp: product.vatRateBp,
      pricedAt: input.now,
    },
  };
}

const BP = BigInt(BP_100);
const QTY = BigInt(QTY_SCALE);

/**
 * The arithmetic of one line from its snapshot: exact rationals in BigInt, one rounding per
 * figure. Exported for tests and for callers that price a single line.
 */
export function computeLine(
  snapshot: LinePriceSnapshot,
  qtyMilli: number,
  manualDiscountBp: number,
  pricesIncludeVat: boolean,
): Omit<PricedLine, 'id' | 'status' | 'pricing' | 'exceedsLimit'> | null {
  const rate = BigInt(snapshot.vatRateBp);
  // Conversion from the list's basis to the offer's: ×(1 + rate) or ÷(1 + rate) or none.
  let convNum = 1n;
  let convDen = 1n;
  if (snapshot.listIncludesVat !== pricesIncludeVat) {
    if (pricesIncludeVat) [convNum, convDen] = [BP + rate, BP];
    else [convNum, convDen] = [BP, BP + rate];
  }
  const discounts = [...snapshot.autoDiscounts.map((d) => d.discountBp), manualDiscountBp].filter((d) => d > 0);
  let keep = 1n; // the fraction of the price kept, over BP^discounts.length
  let keepDen = 1n;
  for (const d of discounts) {
    keep *= BP - BigInt(d);
    keepDen *= BP;
  }
  let autoKeep = 1n;
  let autoDen = 1n;
  for (const d of snapshot.autoDiscounts) {
    if (d.discountBp === 0) continue;
    autoKeep *= BP - BigInt(d.discountBp);
    autoDen *= BP;
  }
  const price = BigInt(snapshot.listUnitPrice);
  const amount = divRound(price * BigInt(qtyMilli) * keep * convNum, QTY * keepDen * convDen);
  let net: bigint;
  let vat: bigint;
  let gross: bigint;
  if (pricesIncludeVat) {
    gross = amount;
    net = divRound(gross * BP, BP + rate);
    vat = gross - net;
  } else {
    net = amount;
    vat = divRound(net * rate, BP);
    gross = net + vat;
  }
  if (gross > BigInt(MAX_LINE_AMOUNT)) return null;
  return {
    listUnitPrice: Number(divRound(price * convNum, convDen)),
    unitPrice: Number(divRound(price * keep * convNum, keepDen * convDen)),
    autoDiscountBp: Number(divRound((autoDen - autoKeep) * BP, autoDen)),
    manualDiscountBp,
    effectiveDiscountBp: Number(divRound((keepDen - keep) * BP, keepDen)),
    vatRateBp: snapshot.vatRateBp,
    net: Number(net),
    vat: Number(vat),
    gross: Number(gross),
  };
}

/** Prices one line of an offer (see the rules at the top of this file). */
export function priceLine(input: PriceOfferInput, line: PriceLineInput): LineResult {
  const exceedsLimit = line.manualDiscountBp > input.discountLimitBp;
  const unpriced = (reason: UnpricedReason): UnpricedLine => ({ id: line.id, status: 'unpriced', reason, manualDiscountBp: line.manualDiscountBp, exceedsLimit });
  const qtyMilli = qtyToMilli(line.qty);
  if (qtyMilli === null) return unpriced('invalid_quantity');
  if (!isBp(line.manualDiscountBp)) return unpriced('invalid_discount');
  const resolved: Resolved =
    input.from === 'catalog' ? resolveFromCatalog(input, line, qtyMilli) : line.pricing ? { ok: true, snapshot: line.pricing } : { ok: false, reason: 'not_priced' };
  if (!resolved.ok) return unpriced(resolved.reason);
  const amounts = computeLine(resolved.snapshot, qtyMilli, line.manualDiscountBp, input.pricesIncludeVat);
  if (!amounts) return unpriced('amount_too_large');
  return { id: line.id, status: 'priced', pricing: resolved.snapshot, exceedsLimit, ...amounts };
}

/** The offer's totals from its priced lines: plain sums, per VAT rate too. */
export function sumLines(lines: readonly LineResult[], discountLimitBp: number): OfferTotals {
  const byRate = new Map<number, VatGroup>();
  let net = 0;
  let vat = 0;
  let gross = 0;
  let unpricedLines = 0;
  for (const line of lines) {
    if (line.status === 'unpriced') {
      unpricedLines += 1;
      continue;
    }
    net += line.net;
    vat += line.vat;
    gross += line.gross;
    let group = byRate.get(line.vatRateBp);
    if (!group) {
      group = { vatRateBp: line.vatRateBp, net: 0, vat: 0, gross: 0 };
      byRate.set(line.vatRateBp, group);
    }
    group.net += line.net;
    group.vat += line.vat;
    group.gross += line.gross;
  }
  return {
    lines: [...lines],
    net,
    vat,
    gross,
    vatByRate: [...byRate.values()].sort((a, b) => a.vatRateBp - b.vatRateBp),
    unpricedLines,
    needsApproval: needsApproval({ lines }, discountLimitBp),
  };
}

/** Prices every line and adds up the totals; the one function the offer screen calls on each change. */
export function priceOffer(input: PriceOfferInput): OfferTotals {
  return sumLines(
    input.lines.map((line) => priceLine(input, line)),
    input.discountLimitBp,
  );
}
