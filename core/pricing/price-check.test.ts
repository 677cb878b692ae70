import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRICE_TYPES } from '../client-model';
import type { LinePriceSnapshot } from '../offers/offer-model';
import type { GroupDiscount, PriceListEntry, Product } from './catalog-model';
import { buildPricingCatalog, clientTerms, priceOffer, type AutoDiscountRule, type ClientTerms, type PricedLine, type PricingCatalog } from './price';
import { givenClientTerms, lineOutsideRules, linesOutsideRules, type CheckedLine } from './price-check';

const NOW = '2026-11-23T08:00:00.000Z';

const product = (id: string, groupId: string | null, vatRateBp = 2000): Product => ({ id, sku: id.toUpperCase(), name: `Product ${id}`, groupId, unit: 'pcs', vatRateBp });
const catalog = buildPricingCatalog({
  products: [product('drill', 'tools'), product('screws', 'fasteners'), product('gloves', null)],
  priceList: [
    { productId: 'drill', priceType: 'wholesale', currency: 'EUR', includesVat: false, breaks: [{ minQty: 1, unitPrice: 10_000 }, { minQty: 10, unitPrice: 9_000 }] },
    { productId: 'screws', priceType: 'wholesale', currency: 'EUR', includesVat: true, breaks: [{ minQty: 5, unitPrice: 1_200 }] },
  ],
  groupDiscounts: [{ scope: 'price_type', priceType: 'wholesale', groupId: 'tools', discountBp: 800 }],
});
const acme = clientTerms({ id: 'acme', priceType: 'wholesale', discountPct: 5 });
const input = { currency: 'EUR', catalog, client: acme };

/** The line as the laptop makes it: priced by the engine from `cat`. */
function pricedLine(productId: string, qty: number, cat: PricingCatalog = catalog, client: ClientTerms = acme, rule?: AutoDiscountRule, currency = 'EUR', id = productId): CheckedLine {
  const totals = priceOffer({ from: 'catalog', catalog: cat, client, now: NOW, currency, pricesIncludeVat: false, discountLimitBp: 0, lines: [{ id, productId, qty, manualDiscountBp: 0 }], ...(rule ? { rule } : {}) });
  const result = totals.lines[0] as PricedLine;
  if (result.status !== 'priced') throw new Error(`not priced: ${JSON.stringify(result)}`);
  const p = cat.products.get(productId)!;
  return { id, productId, sku: p.sku, name: p.name, unit: p.unit, qty, pricing: result.pricing };
}
const withPricing = (line: CheckedLine, patch: Partial<LinePriceSnapshot>): CheckedLine => ({ ...line, pricing: { ...line.pricing!, ...patch } });

describe('lineOutsideRules — examples', () => {
  it('passes lines the engine priced, and lines priced higher or with less off (an older, dearer list)', () => {
    const drill = pricedLine('drill', 10);
    expect(drill.pricing).toMatchObject({ listUnitPrice: 9_000, autoDiscounts: [{ source: 'group', discountBp: 800 }] });
    expect(linesOutsideRules([drill, pricedLine('screws', 5)], input)).toEqual([]);
    expect(lineOutsideRules(withPricing(drill, { listUnitPrice: 9_500 }), input)).toBeNull();
    expect(lineOutsideRules(withPricing(drill, { autoDiscounts: [{ source: 'standing', discountBp: 500 }] }), input)).toBeNull();
    expect(lineOutsideRules(withPricing(drill, { autoDiscounts: [] }), input)).toBeNull();
    // Another quantity break's price is the rules' only at that quantity.
    expect(lineOutsideRules({ ...drill, qty: 9 }, input)).toBe('lower_price');
  });

  it('flags the attack from the security review: a list price of 0.01 and a 99 % group discount', () => {
    const drill = pricedLine('drill', 10);
    expect(lineOutsideRules(withPricing(drill, { listUnitPrice: 1 }), input)).toBe('lower_price');
    expect(lineOutsideRules(withPricing(drill, { autoDiscounts: [{ source: 'group', discountBp: 9_900 }] }), input)).toBe('larger_discount');
    // Both discounts stacked where the engine gives the better one.
    expect(lineOutsideRules(withPricing(drill, { autoDiscounts: [{ source: 'standing', discountBp: 500 }, { source: 'group', discountBp: 800 }] }), input)).toBe('larger_discount');
  });

  it('compares list prices in one VAT basis', () => {
    const drill = pricedLine('drill', 1);
    // The net list price passed off as gross is 100.00 / 1.2 net: lower.
    expect(lineOutsideRules(withPricing(drill, { listIncludesVat: true }), input)).toBe('lower_price');
    // The same price written gross: 120.00 gross is 100.00 net.
    expect(lineOutsideRules(withPricing(drill, { listIncludesVat: true, listUnitPrice: 12_000 }), input)).toBeNull();
    expect(lineOutsideRules(withPricing(drill, { listIncludesVat: true, listUnitPrice: 11_999 }), input)).toBe('lower_price');
    // A gross list (the screws) given as the net price it stands for: 12.00 gross = 10.00 net.
    const screws = pricedLine('screws', 5);
    expect(lineOutsideRules(withPricing(screws, { listIncludesVat: false, listUnitPrice: 1_000 }), input)).toBeNull();
    expect(lineOutsideRules(withPricing(screws, { listIncludesVat: false, listUnitPrice: 999 }), input)).toBe('lower_price');
  });

  it('flags an unknown product, no price, a wrong VAT rate, another product’s name, an unpriced line', () => {
    const drill = pricedLine('drill', 10);
    expect(lineOutsideRules({ ...drill, productId: 'nope' }, input)).toBe('unknown_product');
    expect(lineOutsideRules({ ...drill, productId: 'gloves', sku: 'GLOVES', name: 'Product gloves' }, input)).toBe('no_price');
    expect(lineOutsideRules({ ...pricedLine('screws', 5), qty: 4 }, input)).toBe('no_price');
    expect(lineOutsideRules(drill, { ...input, currency: 'HUF' })).toBe('no_price');
    expect(lineOutsideRules(drill, { ...input, client: { ...acme, priceType: 'retail' } })).toBe('no_price');
    expect(lineOutsideRules(withPricing(drill, { vatRateBp: 500 }), input)).toBe('vat_rate');
    expect(lineOutsideRules({ ...drill, name: 'Cordless drill, 10 pieces' }, input)).toBe('product_text');
    expect(lineOutsideRules({ ...drill, unit: 'box' }, input)).toBe('product_text');
    expect(lineOutsideRules({ ...drill, pricing: null }, input)).toBe('not_priced');
  });

  it('judges the standing discount by the terms given: a discount the client does not have is larger', () => {
    const rich = clientTerms({ id: 'acme', priceType: 'wholesale', discountPct: 20 });
    const line = pricedLine('drill', 1, catalog, rich);
    expect(line.pricing?.autoDiscounts).toEqual([{ source: 'standing', discountBp: 2_000 }]);
    expect(lineOutsideRules(line, { ...input, client: rich })).toBeNull();
    expect(lineOutsideRules(line, input)).toBe('larger_discount');
  });
});

describe('givenClientTerms: the client card’s terms, held to the authority of who set them', () => {
  const card = { id: 'acme', priceType: 'dealer' as const, discountPct: 12 };
  const manager = { role: 'manager' as const, discountLimitBp: 1000 };

  it('takes what the company, a head of sales or an admin set as given', () => {
    const given = { clientId: 'acme', priceType: 'dealer', standingDiscountBp: 1200 };
    expect(givenClientTerms(card, { priceType: null, discountPct: null })).toEqual(given);
    expect(givenClientTerms(card, { priceType: { role: 'head_of_sales', discountLimitBp: 0 }, discountPct: { role: 'admin', discountLimitBp: 0 } })).toEqual(given);
  });

  it('a standing discount a manager set above their own limit counts as none; within it, as given', () => {
    expect(givenClientTerms(card, { priceType: null, discountPct: manager }).standingDiscountBp).toBe(0);
    expect(givenClientTerms(card, { priceType: null, discountPct: { ...manager, discountLimitBp: 1200 } }).standingDiscountBp).toBe(1200);
  });

  it('a price type a manager set counts as the public list (retail)', () => {
    expect(givenClientTerms(card, { priceType: manager, discountPct: null }).priceType).toBe('retail');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random catalogs.

const groupIds = ['g0', 'g1', 'g2', 'g3'];
const arbCatalogInput = fc
  .record({
    parents: fc.array(fc.option(fc.constantFrom(...groupIds), { nil: null }), { minLength: 4, maxLength: 4 }),
    products: fc.array(fc.record({ groupId: fc.option(fc.constantFrom(...groupIds), { nil: null }), vatRateBp: fc.constantFrom(0, 500, 1800, 2000, 2700, 3333) }), { minLength: 1, maxLength: 4 }),
    prices: fc.array(
      fc.record({
        product: fc.nat(3),
        priceType: fc.constantFrom(...PRICE_TYPES),
        currency: fc.constantFrom('EUR', 'HUF'),
        includesVat: fc.boolean(),
        breaks: fc.uniqueArray(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 4 }).chain((mins) =>
          fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: mins.length, maxLength: mins.length }).map((ps) =>
            [...mins].sort((a, b) => a - b).map((m, i) => ({ minQty: m / 1000, unitPrice: ps[i]! })),
          ),
        ),
      }),
      { minLength: 4, maxLength: 32 },
    ),
    discounts: fc.array(
      fc.oneof(
        fc.record({ scope: fc.constant('client' as const), clientId: fc.constant('c'), groupId: fc.constantFrom(...groupIds), discountBp: fc.integer({ min: 0, max: 9_999 }) }),
        fc.record({ scope: fc.constant('price_type' as const), priceType: fc.constantFrom(...PRICE_TYPES), groupId: fc.constantFrom(...groupIds), discountBp: fc.integer({ min: 0, max: 9_999 }) }),
      ),
      { maxLength: 8 },
    ),
  })
  .map(({ parents, products, prices, discounts }) => {
    const ps: Product[] = products.map((p, i) => ({ id: `p${i}`, sku: `SKU-${i}`, name: `Product ${i}`, unit: 'pcs', ...p }));
    const priceList: PriceListEntry[] = prices
      .filter((e) => e.product < ps.length)
      .map((e) => ({ productId: `p${e.product}`, priceType: e.priceType, currency: e.currency, includesVat: e.includesVat, breaks: e.breaks }));
    return buildPricingCatalog({ products: ps, priceList, groupDiscounts: discounts as GroupDiscount[], groups: groupIds.map((id, i) => ({ id, parentId: parents[i] ?? null })) });
  });
const arbClient = fc.record({ clientId: fc.constant('c'), priceType: fc.constantFrom(...PRICE_TYPES), standingDiscountBp: fc.integer({ min: 0, max: 9_999 }) });
const arbLine = fc.record({ product: fc.nat(3), qtyMilli: fc.integer({ min: 0, max: 50_000 }), currency: fc.constantFrom('EUR', 'HUF') });
const arbRule = fc.constantFrom<AutoDiscountRule>('best', 'compound');

/** The lines the engine prices from `cat` for `client` (unpriceable ones left out), as the laptop stores them. */
function engineLines(cat: PricingCatalog, client: ClientTerms, rule: AutoDiscountRule, currency: string, wanted: { product: number; qtyMilli: number }[]): CheckedLine[] {
  const lines = wanted.map((w, i) => ({ id: `l${i}`, productId: `p${w.product}`, qty: w.qtyMilli / 1000, manualDiscountBp: 0 }));
  const totals = priceOffer({ from: 'catalog', catalog: cat, client, rule, now: NOW, currency, pricesIncludeVat: false, discountLimitBp: 0, lines });
  return totals.lines.flatMap((r, i): CheckedLine[] => {
    if (r.status !== 'priced') return [];
    const p = cat.products.get(lines[i]!.productId)!;
    return [{ ...lines[i]!, sku: p.sku, name: p.name, unit: p.unit, pricing: r.pricing }];
  });
}

describe('lineOutsideRules — properties', () => {
  it('a line priced by priceOffer from a catalog always passes against that catalog', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbCatalogInput, arbClient, arbRule, fc.constantFrom('EUR', 'HUF'), fc.array(arbLine, { minLength: 1, maxLength: 6 }), (cat, client, rule, currency, wanted) => {
        const lines = engineLines(cat, client, rule, currency, wanted);
        checked += lines.length;
        expect(linesOutsideRules(lines, { currency, catalog: cat, client, rule })).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('lowering its list price always fails, raising it never does', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbCatalogInput, arbClient, arbRule, fc.array(arbLine, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1_000_000 }), (cat, client, rule, wanted, by) => {
        const check = { currency: 'EUR', catalog: cat, client, rule };
        for (const line of engineLines(cat, client, rule, 'EUR', wanted)) {
          checked++;
          const list = line.pricing!.listUnitPrice;
          if (list > 0) expect(lineOutsideRules(withPricing(line, { listUnitPrice: Math.max(0, list - by) }), check)).toBe('lower_price');
          expect(lineOutsideRules(withPricing(line, { listUnitPrice: list + by }), check)).toBeNull();
          // The same figure claimed to be gross (VAT included) is lower, when there is VAT to take out.
          if (list > 0 && !line.pricing!.listIncludesVat && line.pricing!.vatRateBp > 0) expect(lineOutsideRules(withPricing(line, { listIncludesVat: true }), check)).toBe('lower_price');
        }
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('raising its automatic discount always fails, lowering it never does', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbCatalogInput, arbClient, arbRule, fc.array(arbLine, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('standing' as const, 'group' as const), (cat, client, rule, wanted, by, source) => {
        const check = { currency: 'EUR', catalog: cat, client, rule };
        for (const line of engineLines(cat, client, rule, 'EUR', wanted)) {
          checked++;
          const auto = line.pricing!.autoDiscounts;
          // Every discount the rules give is below 100 % here, so any raise takes more off.
          const raised = auto.length ? auto.map((d, i) => (i === 0 ? { ...d, discountBp: Math.min(10_000, d.discountBp + by) } : d)) : [{ source, discountBp: Math.min(10_000, by) }];
          expect(lineOutsideRules(withPricing(line, { autoDiscounts: raised }), check)).toBe('larger_discount');
          // One more discount stacked on top of the rules' ones.
          expect(lineOutsideRules(withPricing(line, { autoDiscounts: [...auto, { source, discountBp: Math.min(10_000, by) }].slice(0, 4) }), check)).toBe(auto.length < 4 ? 'larger_discount' : null);
          const lowered = auto.map((d) => ({ ...d, discountBp: Math.max(0, d.discountBp - by) }));
          expect(lineOutsideRules(withPricing(line, { autoDiscounts: lowered }), check)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
