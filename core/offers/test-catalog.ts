/**
 * A small catalog for the offer tests (not used by the app): a drill that is out of stock with
 * an analogue that is in stock, screws with quantity breaks, and gloves without a wholesale
 * price. Ids are fixed UUIDs, as synced records need.
 */
import type { CatalogProduct, PriceListRecord, PriceTypeGroupDiscount, ProductGroup, StockLevel } from '../pricing/catalog-model';

const AT = '2026-11-01T00:00:00.000Z';
export const TOOLS = 'a0000000-0000-4000-8000-000000000001';
export const FASTENERS = 'a0000000-0000-4000-8000-000000000002';
export const DRILL = 'b0000000-0000-4000-8000-000000000001';
export const DRILL_ANALOGUE = 'b0000000-0000-4000-8000-000000000002';
export const SCREWS = 'b0000000-0000-4000-8000-000000000003';
export const GLOVES = 'b0000000-0000-4000-8000-000000000004';

export const testGroups: ProductGroup[] = [
  { id: TOOLS, name: 'Power tools', parentId: null, updatedAt: AT },
  { id: FASTENERS, name: 'Fasteners', parentId: null, updatedAt: AT },
];

const product = (id: string, sku: string, name: string, groupId: string | null, extra: Partial<CatalogProduct> = {}): CatalogProduct => ({
  id,
  sku,
  name,
  groupId,
  unit: 'pcs',
  vatRateBp: 2000,
  description: '',
  characteristics: [],
  analogueIds: [],
  discontinued: false,
  updatedAt: AT,
  ...extra,
});

export const testProducts: CatalogProduct[] = [
  product(DRILL, 'DR-18V', 'Cordless drill 18 V', TOOLS, { analogueIds: [DRILL_ANALOGUE], characteristics: [{ name: 'Voltage', value: '18 V' }] }),
  product(DRILL_ANALOGUE, 'DR-18V-B', 'Cordless drill 18 V, brushless', TOOLS),
  product(SCREWS, 'SCR-4x40', 'Wood screws 4×40, box of 200', FASTENERS, { unit: 'box' }),
  product(GLOVES, 'GLV-M', 'Work gloves, size M', null, { unit: 'pair' }),
];

export const testStock: StockLevel[] = [
  { id: DRILL, productId: DRILL, available: 0, incoming: [{ on: '2026-12-15', qty: 40 }], asOf: AT, updatedAt: AT },
  { id: DRILL_ANALOGUE, productId: DRILL_ANALOGUE, available: 25, incoming: [], asOf: AT, updatedAt: AT },
  { id: SCREWS, productId: SCREWS, available: 1200, incoming: [], asOf: AT, updatedAt: AT },
  { id: GLOVES, productId: GLOVES, available: 300, incoming: [], asOf: AT, updatedAt: AT },
];

let priceSeq = 0;
const price = (productId: string, priceType: PriceListRecord['priceType'], currency: string, breaks: [number, number][]): PriceListRecord => ({
  id: `c0000000-0000-4000-8000-${String(++priceSeq).padStart(12, '0')}`,
  productId,
  priceType,
  currency,
  includesVat: false,
  breaks: breaks.map(([minQty, unitPrice]) => ({ minQty, unitPrice })),
  updatedAt: AT,
});

/** EUR prices in cents; wholesale is cheaper, screws get cheaper from 10 boxes. */
export const testPrices: PriceListRecord[] = [
  price(DRILL, 'retail', 'EUR', [[1, 12_900]]),
  price(DRILL, 'wholesale', 'EUR', [[1, 10_900]]),
  price(DRILL_ANALOGUE, 'retail', 'EUR', [[1, 14_900]]),
  price(DRILL_ANALOGUE, 'wholesale', 'EUR', [[1, 12_500]]),
  price(SCREWS, 'retail', 'EUR', [[1, 990], [10, 890]]),
  price(SCREWS, 'wholesale', 'EUR', [[1, 790], [10, 700]]),
  price(GLOVES, 'retail', 'EUR', [[1, 450]]),
];

/** Wholesale clients get 5 % on fasteners. */
export const testGroupDiscounts: PriceTypeGroupDiscount[] = [
  { id: 'd0000000-0000-4000-8000-000000000001', priceType: 'wholesale', groupId: FASTENERS, discountBp: 500, updatedAt: AT },
];
