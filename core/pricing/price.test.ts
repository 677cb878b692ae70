import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinePriceSnapshot } from '../offers/offer-model';
import { bpSchema, groupDiscountSchema, priceListEntrySchema, productSchema, qtySchema, type GroupDiscount, type PriceListEntry, type Product } from './catalog-model';
import {
  buildPricingCatalog,
  clientTerms,
  needsApproval,
  priceOffer,
  type ClientTerms,
  type OfferTotals,
  type PriceLineInput,
  type PricedLine,
  type PriceOfferInput,
} from './price';

const NOW = '2026-11-23T08:00:00.000Z';

const product = (id: string, groupId: string | null, vatRateBp = 2700): Product => ({ id, sku: id.toUpperCase(), name: `Product ${id}`, groupId, unit: 'pcs', vatRateBp });
const entry = (productId: string, priceType: PriceListEntry['priceType'], breaks: [number, number][], opts: Partial<PriceListEntry> = {}): PriceListEntry => ({
  productId,
  priceType,
  currency: 'HUF',
  includesVat: false,
  breaks: breaks.map(([minQty, unitPrice]) => ({ minQty, unitPrice })),
  ...opts,
});

const products = [product('drill', 'tools'), product('glue', 'chemicals'), product('bolt', null), product('euro-only', 'tools'), product('pallet', null), product('book', null, 500)];
const priceList: PriceListEntry[] = [
  // 100.00, 90.00 from 10, 80.00 from 100 (HUF minor units are fillér: two decimals, ISO 4217).
  entry('drill', 'wholesale', [[1, 10_000], [10, 9_000], [100, 8_000]]),
  entry('drill', 'retail', [[1, 12_700]], { includesVat: true }),
  entry('glue', 'wholesale', [[0, 2_000]]),
  entry('bolt', 'retail', [[1, 50]]),
  entry('euro-only', 'wholesale', [[1, 1_000]], { currency: 'EUR' }),
  entry('pallet', 'wholesale', [[5, 5_000]]),
  entry('book', 'wholesale', [[0, 5]]),
];
const groupDiscounts: GroupDiscount[] = [
  { scope: 'price_type', priceType: 'wholesale', groupId: 'tools', discountBp: 800 },
  { scope: 'client', clientId: 'acme', groupId: 'chemicals', discountBp: 1000 },
  { scope: 'price_type', priceType: 'wholesale', groupId: 'chemicals', discountBp: 300 },
];
const catalog = buildPricingCatalog({ products, priceList, groupDiscounts });
/** A wholesale client with a 5 % standing discount. */
const acme: ClientTerms = clientTerms({ id: 'acme', priceType: 'wholesale', discountPct: 5 });

const line = (productId: string, qty: number, manualDiscountBp = 0, id = productId): PriceLineInput => ({ id, productId, qty, manualDiscountBp });
const fromCatalog = (lines: PriceLineInput[], opts: Partial<Extract<PriceOfferInput, { from: 'catalog' }>> = {}): OfferTotals =>
  priceOffer({ from: 'catalog', catalog, client: acme, now: NOW, currency: 'HUF', pricesIncludeVat: false, discountLimitBp: 1000, lines, ...opts });
const priced = (totals: OfferTotals, i = 0): PricedLine => {
  const l = totals.lines[i];
  if (l?.status !== 'priced') throw new Error(`line ${i} is not priced: ${JSON.stringify(l)}`);
  return l;
};

describe('priceOffer — examples', () => {
  it('prices a wholesale client: quantity break, the better of standing 5 % and group 8 %, manual 12 % over a 10 % limit → needs approval', () => {
    const totals = fromCatalog([line('drill', 10, 1200)]);
    const l = priced(totals);
    expect(l.listUnitPrice).toBe(9_000); // the break from 10
    expect(l.pricing.autoDiscounts).toEqual([{ source: 'group', discountBp: 800 }]);
    // 9000 × 0.92 × 0.88 = 7286.4 per unit; × 10 = 72 864 exactly.
    expect(l.unitPrice).toBe(7_286);
    expect(l.net).toBe(72_864);
    expect(l.vat).toBe(19_673); // 72 864 × 27 % = 19 673.28
    expect(l.gross).toBe(92_537);
    expect(l.autoDiscountBp).toBe(800);
    expect(l.effectiveDiscountBp).toBe(1_904); // 1 − 0.92 × 0.88
    expect(l.exceedsLimit).toBe(true);
    expect(totals.needsApproval).toBe(true);
    expect(totals).toMatchObject({ net: 72_864, vat: 19_673, gross: 92_537, unpricedLines: 0 });
  });

  it('a manual discount exactly at the limit needs no approval', () => {
    const totals = fromCatalog([line('drill', 10, 1000)]);
    expect(priced(totals).exceedsLimit).toBe(false);
    expect(totals.needsApproval).toBe(false);
  });

  it('the standing discount applies when it beats the group discount, or the product has no group', () => {
    const rich = clientTerms({ id: 'rich', priceType: 'wholesale', discountPct: 12.5 });
    const l = priced(fromCatalog([line('drill', 1)], { client: rich }));
    expect(l.pricing.autoDiscounts).toEqual([{ source: 'standing', discountBp: 1250 }]);
    expect(l.net).toBe(8_750);
    const pallet = priced(fromCatalog([line('pallet', 5)]));
    expect(pallet.pricing.autoDiscounts).toEqual([{ source: 'standing', discountBp: 500 }]);
    expect(pallet.net).toBe(23_750); // 5 × 5000 × 0.95
  });

  it("the client's own group discount replaces the price type's", () => {
    const l = priced(fromCatalog([line('glue', 3)]));
    expect(l.pricing.autoDiscounts).toEqual([{ source: 'group', discountBp: 1000 }]);
    expect(l.net).toBe(5_400);
    const other = clientTerms({ id: 'other', priceType: 'wholesale', discountPct: 0 });
    expect(priced(fromCatalog([line('glue', 3)], { client: other })).pricing.autoDiscounts).toEqual([{ source: 'group', discountBp: 300 }]);
  });

  it('a discount on a group covers its subgroups: the nearest group with one, the client’s own before the price type’s', () => {
    // tools ⊃ power-tools ⊃ cordless; hand-tools under tools.
    const groups = [
      { id: 'tools', parentId: null },
      { id: 'power-tools', parentId: 'tools' },
      { id: 'cordless', parentId: 'power-tools' },
      { id: 'hand-tools', parentId: 'tools' },
    ];
    const tree = buildPricingCatalog({
      products: [product('screwdriver', 'cordless'), product('hammer', 'hand-tools'), product('saw', 'power-tools')],
      priceList: ['screwdriver', 'hammer', 'saw'].map((id) => entry(id, 'wholesale', [[1, 10_000]])),
      groupDiscounts: [
        { scope: 'price_type', priceType: 'wholesale', groupId: 'tools', discountBp: 800 },
        { scope: 'price_type', priceType: 'wholesale', groupId: 'power-tools', discountBp: 1200 },
        { scope: 'client', clientId: 'acme', groupId: 'tools', discountBp: 1500 },
      ],
      groups,
    });
    const other = clientTerms({ id: 'other', priceType: 'wholesale', discountPct: 0 });
    const groupBp = (client: ClientTerms, productId: string) => priced(fromCatalog([line(productId, 1)], { catalog: tree, client })).pricing.autoDiscounts.find((d) => d.source === 'group')?.discountBp;
    // Nearest price-type discount: cordless → power-tools (12 %), hand-tools → tools (8 %).
    expect(groupBp(other, 'screwdriver')).toBe(1200);
    expect(groupBp(other, 'hammer')).toBe(800);
    expect(groupBp(other, 'saw')).toBe(1200);
    // The client's own discount on tools covers everything under it, before any price-type one.
    expect(groupBp(acme, 'screwdriver')).toBe(1500);
    expect(groupBp(acme, 'hammer')).toBe(1500);
    // Without the tree, a discount covers its own group only (cordless has none).
    const flat = buildPricingCatalog({ products: [product('screwdriver', 'cordless')], priceList: [entry('screwdriver', 'wholesale', [[1, 10_000]])], groupDiscounts: [{ scope: 'price_type', priceType: 'wholesale', groupId: 'tools', discountBp: 800 }] });
    expect(priced(fromCatalog([line('screwdriver', 1)], { catalog: flat, client: other })).pricing.autoDiscounts).toEqual([]);
  });

  it('a cycle in the group tree (bad data) ends the walk instead of hanging', () => {
    const looped = buildPricingCatalog({
      products: [product('x', 'a')],
      priceList: [entry('x', 'wholesale', [[1, 10_000]])],
      groupDiscounts: [],
      groups: [
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ],
    });
    expect(priced(fromCatalog([line('x', 1)], { catalog: looped })).pricing.autoDiscounts).toEqual([{ source: 'standing', discountBp: 500 }]);
  });

  it('compounds standing and group discounts when the rule says so', () => {
    const l = priced(fromCatalog([line('drill', 10)], { rule: 'compound' }));
    expect(l.pricing.autoDiscounts).toEqual([
      { source: 'standing', discountBp: 500 },
      { source: 'group', discountBp: 800 },
    ]);
    expect(l.net).toBe(78_660); // 90 000 × 0.95 × 0.92
    expect(l.autoDiscountBp).toBe(1_260);
  });

  it('takes the highest quantity break not above the quantity', () => {
    const unit = (qty: number) => priced(fromCatalog([line('drill', qty)])).listUnitPrice;
    expect([1, 9, 9.999, 10, 99, 100, 5000].map(unit)).toEqual([10_000, 10_000, 10_000, 9_000, 9_000, 8_000, 8_000]);
  });

  it('says why a line has no price instead of pricing it at 0', () => {
    const totals = fromCatalog([
      line('bolt', 1), // retail only
      line('euro-only', 1), // priced only in EUR
      line('pallet', 2), // first break is 5
      line('nope', 1),
      line('drill', 1.2345),
      line('drill', -1, 0, 'neg'),
      line('drill', 1, 10_001, 'disc'),
      line('drill', 1, 0, 'ok'),
    ]);
    expect(totals.lines.map((l) => (l.status === 'unpriced' ? l.reason : l.status))).toEqual([
      'no_price_list_entry',
      'no_price_in_currency',
      'below_minimum_quantity',
      'unknown_product',
      'invalid_quantity',
      'invalid_quantity',
      'invalid_discount',
      'priced',
    ]);
    expect(totals.unpricedLines).toBe(7);
    expect(totals.net).toBe(priced(totals, 7).net);
  });

  it('converts a gross price list to a net offer and back', () => {
    const retail = clientTerms({ id: 'walk-in', priceType: 'retail', discountPct: 0 });
    const net = priced(fromCatalog([line('drill', 1)], { client: retail }));
    expect(net).toMatchObject({ listUnitPrice: 10_000, net: 10_000, vat: 2_700, gross: 12_700 });
    const gross = priced(fromCatalog([line('drill', 3)], { pricesIncludeVat: true }));
    // Net list 100.00 shown gross 127.00; 3 × 100.00 × 0.92 (group) × 1.27 = 350.52 gross, net derived back.
    expect(gross).toMatchObject({ listUnitPrice: 12_700, net: 27_600, vat: 7_452, gross: 35_052 });
  });

  it('rounds each line once, half away from zero', () => {
    // The book: 0.05 a piece, qty 0.5, standing 5 %: 5 × 0.5 × 0.95 = 2.375 fillér → 2.
    const l = priced(fromCatalog([line('book', 0.5)]));
    expect(l.net).toBe(2);
    const half = priced(priceOffer({ from: 'snapshot', currency: 'HUF', pricesIncludeVat: false, discountLimitBp: 0, lines: [{ ...line('x', 0.5), pricing: snap({ listUnitPrice: 5 }) }] }));
    expect(half.net).toBe(3); // 2.5 → 3
  });

  it('prices a stored offer from its snapshots with the same figures, and refuses lines never priced', () => {
    const lines = [line('drill', 10, 1200), line('glue', 7.5, 300), line('pallet', 12)];
    const fresh = fromCatalog(lines);
    const stored = lines.map((l, i) => ({ ...l, pricing: priced(fresh, i).pricing }));
    const again = priceOffer({ from: 'snapshot', currency: 'HUF', pricesIncludeVat: false, discountLimitBp: 1000, lines: stored });
    expect(again).toEqual(fresh);
    const none = priceOffer({ from: 'snapshot', currency: 'HUF', pricesIncludeVat: false, discountLimitBp: 1000, lines: [{ ...line('drill', 1), pricing: null }] });
    expect(none.lines[0]).toMatchObject({ status: 'unpriced', reason: 'not_priced' });
  });

  it('groups VAT by rate', () => {
    const totals = fromCatalog([line('drill', 1), line('book', 100), line('pallet', 5)]);
    expect(totals.vatByRate.map((g) => g.vatRateBp)).toEqual([500, 2700]);
    const at27 = totals.vatByRate[1];
    expect(at27?.net).toBe(priced(totals, 0).net + priced(totals, 2).net);
  });

  it('reports duplicate catalog keys instead of silently picking one', () => {
    const dup = buildPricingCatalog({ products: [product('a', null), product('a', null)], priceList: [], groupDiscounts: [] });
    expect(dup.conflicts).toEqual(['product a']);
  });

  it('refuses a client discount that is not a percentage', () => {
    expect(() => clientTerms({ id: 'x', priceType: 'retail', discountPct: 101 })).toThrow(RangeError);
  });

  it('prices 200 lines in a few milliseconds', () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(['drill', 'glue', 'pallet', 'book'][i % 4] ?? 'drill', 5 + (i % 150), i % 1500, `l${i}`));
    let best = Infinity;
    for (let run = 0; run < 10; run += 1) {
      const t0 = performance.now();
      const totals = fromCatalog(lines);
      best = Math.min(best, performance.now() - t0);
      expect(totals.unpricedLines).toBe(0);
    }
    expect(best).toBeLessThan(8);
  });
});

describe('catalog schemas', () => {
  it('accept the test catalog', () => {
    for (const p of products) expect(productSchema.parse(p)).toEqual(p);
    for (const e of priceList) expect(priceListEntrySchema.parse(e)).toEqual(e);
    for (const d of groupDiscounts) expect(groupDiscountSchema.parse(d)).toEqual(d);
  });

  it.each([-1, 10_001, 12.5, Number.NaN])('refuse %d as a percentage', (bp) => {
    expect(bpSchema.safeParse(bp).success).toBe(false);
  });

  it.each([0, 1, 0.001, 2.5, 1_000_000_000])('accept the quantity %d', (q) => {
    expect(qtySchema.safeParse(q).success).toBe(true);
  });

  it.each([-1, 0.0001, 1_000_000_001, Number.POSITIVE_INFINITY])('refuse the quantity %d', (q) => {
    expect(qtySchema.safeParse(q).success).toBe(false);
  });

  it.each<[string, [number, number][]]>([
    ['a negative price', [[1, -1]]],
    ['a fractional minor unit', [[1, 10.5]]],
    ['breaks out of order', [[10, 900], [1, 1000]]],
    ['a repeated break', [[1, 1000], [1, 900]]],
    ['no break at all', []],
  ])('refuse a price list entry with %s', (_name, breaks) => {
    expect(priceListEntrySchema.safeParse(entry('drill', 'retail', breaks)).success).toBe(false);
  });

  it('refuse a group discount over 100 %', () => {
    expect(groupDiscountSchema.safeParse({ scope: 'client', clientId: 'c', groupId: 'g', discountBp: 10_001 }).success).toBe(false);
  });
});

function snap(over: Partial<LinePriceSnapshot> = {}): LinePriceSnapshot {
  return { listUnitPrice: 1000, listIncludesVat: false, autoDiscounts: [], vatRateBp: 0, pricedAt: NOW, ...over };
}

const bpArb = fc.integer({ min: 0, max: 10_000 });
/** VAT rates up to 50 %: every real rate, and the bound the "within one minor unit" proofs need. */
const vatArb = fc.oneof(fc.constantFrom(0, 500, 1000, 1800, 2000, 2100, 2700), fc.integer({ min: 0, max: 5000 }));
const snapshotArb: fc.Arbitrary<LinePriceSnapshot> = fc.record({
  listUnitPrice: fc.integer({ min: 0, max: 100_000_000 }),
  listIncludesVat: fc.boolean(),
  autoDiscounts: fc.array(fc.record({ source: fc.constantFrom('standing' as const, 'group' as const), discountBp: bpArb }), { maxLength: 2 }),
  vatRateBp: vatArb,
  pricedAt: fc.constant(NOW),
});
const qtyArb = fc.integer({ min: 0, max: 1_000_000 }).map((milli) => milli / 1000);
const linesArb = fc
  .array(fc.record({ qty: qtyArb, manualDiscountBp: bpArb, pricing: snapshotArb }), { minLength: 1, maxLength: 40 })
  .map((ls) => ls.map((l, i): PriceLineInput => ({ id: `l${i}`, productId: `p${i}`, ...l })));

const priceStored = (lines: PriceLineInput[], pricesIncludeVat: boolean, discountLimitBp = 1000) =>
  priceOffer({ from: 'snapshot', currency: 'EUR', pricesIncludeVat, lines, discountLimitBp });
const pricedLines = (t: OfferTotals) => t.lines.filter((l): l is PricedLine => l.status === 'priced');

describe('priceOffer — properties', () => {
  it('totals are the sums of the lines, per rate too, and gross = net + VAT exactly', () => {
    fc.assert(
      fc.property(linesArb, fc.boolean(), (lines, incl) => {
        const t = priceStored(lines, incl);
        const ls = pricedLines(t);
        expect(ls).toHaveLength(lines.length);
        const sum = (k: 'net' | 'vat' | 'gross', xs: { net: number; vat: number; gross: number }[]) => xs.reduce((s, x) => s + x[k], 0);
        for (const k of ['net', 'vat', 'gross'] as const) {
          expect(t[k]).toBe(sum(k, ls));
          expect(sum(k, t.vatByRate)).toBe(t[k]);
        }
        for (const l of ls) expect(l.gross).toBe(l.net + l.vat);
        expect(t.gross).toBe(t.net + t.vat);
        for (const x of [t.net, t.vat, t.gross, ...ls.flatMap((l) => [l.net, l.vat, l.gross])]) expect(Number.isSafeInteger(x)).toBe(true);
      }),
    );
  });

  it('discounts never make a price or a total negative, nor raise a price', () => {
    fc.assert(
      fc.property(linesArb, fc.boolean(), (lines, incl) => {
        const t = priceStored(lines, incl);
        const undiscounted = pricedLines(priceStored(lines.map((l) => ({ ...l, manualDiscountBp: 0, pricing: l.pricing ? { ...l.pricing, autoDiscounts: [] } : null })), incl));
        pricedLines(t).forEach((l, i) => {
          for (const x of [l.unitPrice, l.listUnitPrice, l.net, l.vat, l.gross]) expect(x).toBeGreaterThanOrEqual(0);
          expect(l.unitPrice).toBeLessThanOrEqual(l.listUnitPrice);
          expect(l.gross).toBeLessThanOrEqual(undiscounted[i]?.gross ?? -1);
          expect(l.effectiveDiscountBp).toBeGreaterThanOrEqual(Math.max(l.autoDiscountBp, l.manualDiscountBp));
          expect(l.effectiveDiscountBp).toBeLessThanOrEqual(10_000);
        });
        expect(Math.min(t.net, t.vat, t.gross)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a larger manual discount never gives a larger line amount', () => {
    fc.assert(
      fc.property(snapshotArb, qtyArb, bpArb, bpArb, fc.boolean(), (pricing, qty, a, b, incl) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [x, y] = pricedLines(priceStored([{ id: 'lo', productId: 'p', qty, manualDiscountBp: lo, pricing }, { id: 'hi', productId: 'p', qty, manualDiscountBp: hi, pricing }], incl));
        expect(y?.gross).toBeLessThanOrEqual(x?.gross ?? -1);
        expect(y?.unitPrice).toBeLessThanOrEqual(x?.unitPrice ?? -1);
      }),
    );
  });

  it('each line amount is the exact amount rounded once (within half a minor unit)', () => {
    fc.assert(
      fc.property(snapshotArb, qtyArb, bpArb, fc.boolean(), (pricing, qty, manual, incl) => {
        const [l] = pricedLines(priceStored([{ id: 'a', productId: 'p', qty, manualDiscountBp: manual, pricing }], incl));
        const rate = 1 + pricing.vatRateBp / 10_000;
        const conv = pricing.listIncludesVat === incl ? 1 : incl ? rate : 1 / rate;
        const keep = [...pricing.autoDiscounts.map((d) => d.discountBp), manual].reduce((k, d) => k * (1 - d / 10_000), 1);
        const exact = pricing.listUnitPrice * qty * keep * conv;
        const shown = incl ? l?.gross : l?.net;
        expect(Math.abs((shown ?? -1) - exact)).toBeLessThanOrEqual(0.5 + exact * 1e-12);
      }),
    );
  });

  it('prices with and without VAT agree within one minor unit per line, and VAT is the rate on net within rounding', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const net = pricedLines(priceStored(lines, false));
        const gross = pricedLines(priceStored(lines, true));
        net.forEach((n, i) => {
          const g = gross[i];
          expect(Math.abs(n.net - (g?.net ?? Infinity))).toBeLessThanOrEqual(1);
          expect(Math.abs(n.gross - (g?.gross ?? Infinity))).toBeLessThanOrEqual(1);
          for (const l of [n, g]) expect(Math.abs((l?.vat ?? Infinity) - ((l?.net ?? 0) * (l?.vatRateBp ?? 0)) / 10_000)).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('a larger quantity never gets a higher unit price when breaks descend', () => {
    const breaksArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 })
      .chain((mins) =>
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: mins.length, maxLength: mins.length }).map((prices) => {
          const sortedMins = [...mins].sort((a, b) => a - b).map((m) => m / 1000);
          const sortedPrices = [...prices].sort((a, b) => b - a);
          return sortedMins.map((minQty, i) => ({ minQty, unitPrice: sortedPrices[i] ?? 0 }));
        }),
      );
    fc.assert(
      fc.property(breaksArb, qtyArb, qtyArb, bpArb, fc.boolean(), (breaks, q1, q2, standing, incl) => {
        const cat = buildPricingCatalog({
          products: [product('p', 'g')],
          priceList: [{ productId: 'p', priceType: 'dealer', currency: 'EUR', includesVat: false, breaks }],
          groupDiscounts: [],
        });
        const client: ClientTerms = { clientId: 'c', priceType: 'dealer', standingDiscountBp: standing };
        const [small, large] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const t = priceOffer({ from: 'catalog', catalog: cat, client, now: NOW, currency: 'EUR', pricesIncludeVat: incl, discountLimitBp: 0, lines: [line('p', small, 0, 's'), line('p', large, 0, 'l')] });
        const [s, l] = t.lines;
        if (s?.status === 'priced') {
          expect(l?.status).toBe('priced');
          if (l?.status === 'priced') {
            expect(l.listUnitPrice).toBeLessThanOrEqual(s.listUnitPrice);
            expect(l.unitPrice).toBeLessThanOrEqual(s.unitPrice);
          }
        } else {
          expect(s).toMatchObject({ reason: 'below_minimum_quantity' });
          expect(small).toBeLessThan(breaks[0]?.minQty ?? 0);
        }
      }),
    );
  });

  it('needs approval exactly when a manual discount is above the limit', () => {
    fc.assert(
      fc.property(linesArb, bpArb, (lines, limit) => {
        const t = priceStored(lines, false, limit);
        const over = lines.some((l) => l.manualDiscountBp > limit);
        expect(t.needsApproval).toBe(over);
        expect(needsApproval({ lines }, limit)).toBe(over);
        expect(t.lines.filter((l) => l.exceedsLimit).length).toBe(lines.filter((l) => l.manualDiscountBp > limit).length);
      }),
    );
  });
});
