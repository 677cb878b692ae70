/**
 * The demo catalog: products of a trade supplier, written in English (the UK company's own
 * language) with each product's name in the demo's five other languages (`names`: a Russian
 * manager's screens and a Hungarian client's offer name it in theirs), with stock, price lists
 * for the four price types in every currency the demo clients are billed in, and analogues. Deterministic like the client base: a product depends only on (seed, index) and on
 * the catalog's size (an analogue past the end is left out), so the laptop's offline demo and
 * the embedded server's make the same records with the same ids, whatever the batch split.
 *
 * Products come in families of up to four: the same product type and variant (an 18 V drill)
 * from different brands, each the others' analogue — what a manager offers instead of an item
 * that is out of stock.
 */
import { PRICE_TYPES, type PriceType } from '../client-model';
import type { CatalogProduct, Characteristic, IncomingStock, PriceBreak, PriceListRecord, ProductCost, StockLevel } from '../pricing/catalog-model';
import { priceListEntryId } from '../pricing/catalog-ids';
import { minorUnitExponent } from '../pricing/money';
import { DEMO_AS_OF } from './as-of';
import { demoGroupTree, type DemoLeafGroup } from './catalog-groups';
import {
  CATALOG_LANGUAGES,
  CHARACTERISTICS,
  CLOSINGS,
  DECIMAL_COMMA,
  SYMBOLS,
  UNITS,
  WORDS,
  type CatalogLanguage,
  type ProductType,
  type Spec,
  type Texts,
} from './catalog-vocabulary';
import { DEMO_LOCALES } from './generate';
import { demoUuid } from './ids';
import { hash32, Rng } from './prng';

/** Products of the demo an empty laptop and the embedded demo server start with. */
export const DEMO_CATALOG_SIZE = 2000;
/** Product numbers stay far below 2^32 (ids are unique by construction below it). */
export const MAX_DEMO_PRODUCTS = 10_000_000;

const PRODUCT_ID_KIND = 12;
const FAMILY_SLOTS = 4;
const AS_OF_MS = Date.parse(DEMO_AS_OF);
const DAY_MS = 86_400_000;

/** UK VAT of the demo company (its profile is in company.ts). */
const VAT_BP = { standard: 2000, reduced: 500 } as const;

/** Every currency a demo client is billed in, with its units per US dollar. */
export const DEMO_CURRENCIES: readonly { currency: string; perUsd: number }[] = [
  ...new Map(DEMO_LOCALES.map(([loc]) => [loc.currency, { currency: loc.currency, perUsd: loc.perUsd }])).values(),
];

// ---------------------------------------------------------------- families

interface Family {
  leaf: DemoLeafGroup;
  type: ProductType;
  /** The value index of each of the type's specs. */
  variant: number[];
  /** Slots 0 … size − 1 are analogues of each other; the others stand alone. */
  size: number;
  /** Retail price in US dollars before the brand's premium. */
  usd: number;
  /** The first brand's index; slot s has brand (first + s). */
  firstBrand: number;
}

let kinds: { leaf: DemoLeafGroup; type: ProductType }[] | null = null;
let kindsSeed = -1;

function familyOf(seed: number, f: number): Family {
  if (kindsSeed !== seed || !kinds) {
    kinds = demoGroupTree(seed).leaves.flatMap((leaf) => leaf.types.map((type) => ({ leaf, type })));
    kindsSeed = seed;
  }
  const rng = new Rng(hash32(seed, 0x66616d69), f);
  const { leaf, type } = rng.pick(kinds);
  const variant = type.specs.map((s) => rng.int(s.values.length));
  // Once each family's language (when the catalog mixed six): still drawn, so that every draw
  // after it, and so every price, stock level and analogue of the demo, stays as it was.
  rng.float();
  const size = rng.range(2, FAMILY_SLOTS);
  // Bigger variants (the first spec's later values) cost more, within the type's range.
  const first = type.specs[0]!;
  const position = (variant[0]! + rng.float()) / first.values.length;
  const [lo, hi] = type.usd;
  const usd = lo * (hi / lo) ** position;
  return { leaf, type, variant, size, usd, firstBrand: rng.int(leaf.top.brands.length) };
}

// ---------------------------------------------------------------- texts

function localNumber(text: string, lang: CatalogLanguage): string {
  return DECIMAL_COMMA.has(lang) ? text.replace(/(\d)\.(\d)/g, '$1,$2') : text;
}

/** A characteristic's value as the catalog writes it in `lang` ("2,2 Дж", "Brass", "M8"). */
function specValue(spec: Spec, index: number, lang: CatalogLanguage): string {
  switch (spec.kind) {
    case 'number':
      return `${localNumber(String(spec.values[index]), lang)} ${SYMBOLS[spec.symbol][lang]}`;
    case 'dimension':
      return `${localNumber(spec.values[index]!, lang)} ${SYMBOLS[spec.symbol][lang]}`;
    case 'word':
      return WORDS[spec.values[index]!][lang];
    case 'code':
      return spec.values[index]!;
  }
}

const text = (texts: Texts, lang: CatalogLanguage) => texts[lang];

/** The languages a demo product has a name in besides its English one. */
const OTHER_LANGUAGES = CATALOG_LANGUAGES.filter((l) => l !== 'en');

// ---------------------------------------------------------------- prices

/** Quantity breaks per price type, by how much an item costs (cheap items sell by the hundred). */
const BREAKS: readonly { belowUsd: number; breaks: Readonly<Record<PriceType, readonly number[]>> }[] = [
  { belowUsd: 3, breaks: { retail: [1, 100], wholesale: [1, 100, 500], dealer: [1, 200, 1000], key_account: [1, 500, 2000] } },
  { belowUsd: 30, breaks: { retail: [1, 10], wholesale: [1, 20, 100], dealer: [1, 50, 200], key_account: [1, 100, 500] } },
  { belowUsd: 150, breaks: { retail: [1], wholesale: [1, 5, 20], dealer: [1, 10, 50], key_account: [1, 20, 100] } },
  { belowUsd: Infinity, breaks: { retail: [1], wholesale: [1, 3, 10], dealer: [1, 5, 20], key_account: [1, 10, 30] } },
];
/** Each price type's level against retail, and each further break's extra discount. */
const TYPE_FACTOR: Readonly<Record<PriceType, number>> = { retail: 1, wholesale: 0.85, dealer: 0.76, key_account: 0.69 };
const BREAK_STEP = 0.04;

/** Prices in these are written with pence and a charm ending (12.49); the others in whole units. */
const CHARM = new Set(['GBP', 'USD', 'MYR']);
/** The smallest price step in whole units: forints by tens, rupiah by hundreds. */
const MIN_STEP: Readonly<Record<string, number>> = { HUF: 10, IDR: 100, RUB: 1, INR: 1 };

const minStepOf = (currency: string) => MIN_STEP[currency] ?? 10 ** -minorUnitExponent(currency);

/** A price as a price list writes it: three significant digits, in minor units. */
export function nicePrice(major: number, currency: string): number {
  const scale = 10 ** minorUnitExponent(currency);
  const minStep = minStepOf(currency);
  const step = Math.max(minStep, 10 ** (Math.floor(Math.log10(major)) - 2));
  let price = Math.max(minStep, Math.round(major / step) * step);
  if (CHARM.has(currency) && step >= 0.1) price -= 0.01;
  return Math.round(price * scale);
}

function priceLists(rng: Rng, productId: string, retailUsd: number): PriceListRecord[] {
  const tier = BREAKS.find((b) => retailUsd < b.belowUsd)!;
  const factors = PRICE_TYPES.map((p) => TYPE_FACTOR[p] * (p === 'retail' ? 1 : 1 + (rng.float() - 0.5) * 0.04));
  const out: PriceListRecord[] = [];
  for (const { currency, perUsd } of DEMO_CURRENCIES) {
    const decrement = Math.round(minStepOf(currency) * 10 ** minorUnitExponent(currency));
    // Every price below the one before it: cheaper per type (retail > … > key account), per break.
    let previousFirst = Infinity;
    PRICE_TYPES.forEach((priceType, t) => {
      const breaks: PriceBreak[] = [];
      let previous = previousFirst;
      tier.breaks[priceType].forEach((minQty, k) => {
        let unitPrice = nicePrice(retailUsd * perUsd * factors[t]! * (1 - BREAK_STEP * k), currency);
        if (unitPrice >= previous) unitPrice = previous - decrement;
        breaks.push({ minQty, unitPrice: Math.max(1, unitPrice) });
        previous = unitPrice;
      });
      previousFirst = breaks[0]!.unitPrice;
      out.push({
        id: priceListEntryId(productId, priceType, currency),
        productId,
        priceType,
        currency,
        // Retail lists are written with VAT, as shops show them; trade lists without.
        includesVat: priceType === 'retail',
        breaks,
        updatedAt: DEMO_AS_OF,
      });
    });
  }
  return out;
}

// ---------------------------------------------------------------- stock

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function stockOf(rng: Rng, productId: string, type: ProductType, retailUsd: number): StockLevel {
  // How many a warehouse keeps: thousands of a cheap item, a handful of an expensive one.
  const typical = Math.min(5000, Math.max(4, Math.round(1500 / retailUsd))) * (type.unit === 'm' ? 10 : 1);
  const quantity = (x: number) => (type.unit === 'm' || type.unit === 'l' ? Math.round(x * 2) / 2 : Math.round(x));
  const outOfStock = rng.chance(0.12);
  const available = outOfStock ? 0 : Math.max(1, quantity(typical * (rng.chance(0.15) ? rng.float() * 0.05 : 0.2 + rng.float() * 1.8)));
  const arrivals = outOfStock ? (rng.chance(0.75) ? rng.range(1, 2) : 0) : rng.chance(0.2) ? 1 : 0;
  const incoming: IncomingStock[] = [];
  let day = 0;
  for (let k = 0; k < arrivals; k++) {
    day += rng.range(3, 40);
    incoming.push({ on: isoDate(AS_OF_MS + day * DAY_MS), qty: Math.max(1, quantity(typical * (0.5 + rng.float() * 2.5))) });
  }
  return { id: productId, productId, available, incoming, asOf: DEMO_AS_OF, updatedAt: DEMO_AS_OF };
}

// ---------------------------------------------------------------- products

export interface DemoProduct {
  product: CatalogProduct;
  stock: StockLevel;
  prices: PriceListRecord[];
}

export const demoProductId = (seed: number, index: number): string => demoUuid(seed, index, PRODUCT_ID_KIND);

/** Product `index` of a demo catalog of `total` products generated from `seed`. */
/** The demo company keeps its costs in pounds (its accounting currency). */
export const DEMO_COST_CURRENCY = 'GBP';
const COST_PER_USD = DEMO_CURRENCIES.find((c) => c.currency === DEMO_COST_CURRENCY)!.perUsd;

/**
 * What a demo product costs the company: 55 % of its retail price, so that wholesale and dealer
 * prices keep a margin and a large discount eats it. No random draw: the rest of a product's
 * demo data stays as it was before costs existed.
 */
const costOf = (retailUsd: number): ProductCost => ({ amount: Math.round(retailUsd * 0.55 * COST_PER_USD * 10 ** minorUnitExponent(DEMO_COST_CURRENCY)), currency: DEMO_COST_CURRENCY });

export function generateDemoProduct(seed: number, index: number, total: number): DemoProduct {
  const f = Math.floor(index / FAMILY_SLOTS);
  const slot = index % FAMILY_SLOTS;
  const family = familyOf(seed, f);
  const { type, leaf } = family;
  const rng = new Rng(hash32(seed, 0x70726f64), index);
  const brand = leaf.top.brands[(family.firstBrand + slot) % leaf.top.brands.length]!;
  const model = `${brand.model}-${rng.range(100, 999)}`;
  const id = demoProductId(seed, index);
  /** "Cordless drill driver Brennmax BX-418 18 V", in `lang`. */
  const nameIn = (lang: CatalogLanguage) => {
    const headline = type.specs[0]!.kind === 'word' ? '' : ` ${specValue(type.specs[0]!, family.variant[0]!, lang)}`;
    return `${text(type.names, lang)} ${brand.name} ${model}${headline}`;
  };

  const characteristics: Characteristic[] = [{ name: CHARACTERISTICS.brand.en, value: brand.name }];
  type.specs.forEach((spec, k) => characteristics.push({ name: CHARACTERISTICS[spec.char].en, value: specValue(spec, family.variant[k]!, 'en') }));
  if (type.warranty) characteristics.push({ name: CHARACTERISTICS.warranty.en, value: `${type.warranty} ${SYMBOLS.months.en}` });

  const analogueIds: string[] = [];
  if (slot < family.size) {
    for (let s = 0; s < family.size; s++) {
      const other = f * FAMILY_SLOTS + s;
      if (s !== slot && other < total) analogueIds.push(demoProductId(seed, other));
    }
  }
  const retailUsd = family.usd * brand.premium * (0.95 + rng.float() * 0.1);
  const product: CatalogProduct = {
    id,
    sku: `${type.code}-${brand.model}-${String(index + 1).padStart(5, '0')}`,
    name: nameIn('en'),
    groupId: leaf.id,
    unit: UNITS[type.unit].en,
    vatRateBp: VAT_BP[type.vat],
    description: `${type.names.en} ${brand.name} ${model}. ${leaf.top.sentence.en} ${rng.pick(CLOSINGS.en)}`,
    characteristics,
    analogueIds,
    // A few are being phased out: still listed (old offers name them), replaced by their analogues.
    discontinued: rng.chance(0.03),
    cost: costOf(retailUsd),
    names: Object.fromEntries(OTHER_LANGUAGES.map((lang) => [lang, nameIn(lang)])),
    updatedAt: DEMO_AS_OF,
  };
  return { product, stock: stockOf(rng, id, type, retailUsd), prices: priceLists(rng, id, retailUsd) };
}

export interface DemoCatalogBatch {
  products: CatalogProduct[];
  stock: StockLevel[];
  prices: PriceListRecord[];
}

/** Products `start` … `start + count − 1` of a demo catalog of `total` products, with their stock and prices. */
export function generateProductBatch({ seed, start, count, total }: { seed: number; start: number; count: number; total: number }): DemoCatalogBatch {
  if (![start, count, total].every(Number.isInteger) || start < 0 || count < 0 || start + count > total || total > MAX_DEMO_PRODUCTS) {
    throw new RangeError(`demo products ${start}…${start + count - 1} of ${total} are out of range`);
  }
  const batch: DemoCatalogBatch = { products: [], stock: [], prices: [] };
  for (let i = start; i < start + count; i++) {
    const one = generateDemoProduct(seed >>> 0, i, total);
    batch.products.push(one.product);
    batch.stock.push(one.stock);
    for (const p of one.prices) batch.prices.push(p);
  }
  return batch;
}
