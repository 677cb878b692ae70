/**
 * What the pricing engine needs from the catalog: products, price lists per price type with
 * quantity breaks, and product-group discounts. The catalog itself (stock, analogues, pictures)
 * is a larger model; these schemas are the part prices depend on, shared by the app (validating
 * what sync brings) and the company server (validating what the accounting import writes).
 */
import { z } from 'zod';
import { currencySchema, PRICE_TYPES } from '../client-model';
import type { AttachmentRef } from '../sync/attachments';
import { BP_100 } from './money';
import { idSchema } from '../ids';
import { languageTagSchema } from '../languages';

/** Quantities have at most three decimals (kg, m, l); internally they are integer thousandths. */
export const QTY_SCALE = 1000;
/** Large enough for any order line, small enough that qty × price stays exact. */
export const MAX_QTY = 1_000_000_000;

/** A quantity in thousandths, or null when it is negative, too large or has more than 3 decimals. */
export function qtyToMilli(qty: number): number | null {
  if (!Number.isFinite(qty) || qty < 0 || qty > MAX_QTY) return null;
  const milli = Math.round(qty * QTY_SCALE);
  return Math.abs(qty * QTY_SCALE - milli) < 1e-6 ? milli : null;
}

export const qtySchema = z.number({ message: 'number' }).refine((q) => qtyToMilli(q) !== null, { message: 'quantity' });

/** Percent × 100, an integer 0–10 000: 27 % VAT is 2700, a 12.5 % discount is 1250. */
export const bpSchema = z.number({ message: 'number' }).int({ message: 'integer' }).min(0, { message: 'percent_range' }).max(BP_100, { message: 'percent_range' });

/** Non-negative integer minor units; a price list never holds a negative price. */
export const priceMinorSchema = z.number({ message: 'number' }).int({ message: 'integer' }).nonnegative({ message: 'negative' }).refine(Number.isSafeInteger, { message: 'too_large' });

export const productSchema = z.object({
  id: z.string().min(1),
  sku: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(300),
  /** Product group for group discounts; null when the product is in none. */
  groupId: z.string().min(1).nullable(),
  /** Unit of measure as shown ("pcs", "kg", "m"). */
  unit: z.string().trim().min(1).max(20),
  /** VAT rate in basis points (27 % → 2700). */
  vatRateBp: bpSchema,
});
export type Product = z.infer<typeof productSchema>;

export const priceBreakSchema = z.object({
  /** The break applies from this quantity on (inclusive). */
  minQty: qtySchema,
  unitPrice: priceMinorSchema,
});
export type PriceBreak = z.infer<typeof priceBreakSchema>;

/**
 * One product's price for one price type in one currency. `breaks` are in ascending `minQty`
 * order with no repeats, so "the highest break ≤ qty" is unambiguous; a quantity below the first
 * break has no price (the list usually starts at 1 or 0).
 */
export const priceListEntrySchema = z.object({
  productId: z.string().min(1),
  priceType: z.enum(PRICE_TYPES),
  currency: currencySchema,
  /** Whether the list price is gross (VAT included) or net. */
  includesVat: z.boolean(),
  breaks: z
    .array(priceBreakSchema)
    .min(1)
    .max(50)
    .refine((bs) => bs.every((b, i) => i === 0 || b.minQty > (bs[i - 1]?.minQty ?? Infinity)), { message: 'breaks_order' }),
});
export type PriceListEntry = z.infer<typeof priceListEntrySchema>;

/**
 * A discount on a product group, either negotiated for one client or given to every client of a
 * price type. A client's own group discount replaces the price type's for the same group: the
 * more specific term wins.
 */
export const groupDiscountSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('client'), clientId: z.string().min(1), groupId: z.string().min(1), discountBp: bpSchema }),
  z.object({ scope: z.literal('price_type'), priceType: z.enum(PRICE_TYPES), groupId: z.string().min(1), discountBp: bpSchema }),
]);
export type GroupDiscount = z.infer<typeof groupDiscountSchema>;

// ---------------------------------------------------------------------------------------------
// The catalog as it syncs: set by the company (imported from its accounting system's CSV exports
// on the server), read-only on every laptop. Each is a synced table (core/sync/tables.ts).

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });

/** At most this many names per product in other languages. */
export const MAX_PRODUCT_NAMES = 20;

/** A product's names in other languages: a name (as `name`: up to 300 characters) per language tag. */
export const productNamesSchema = z
  .record(languageTagSchema, text(300).min(1, { message: 'required' }))
  .refine((names) => Object.keys(names).length <= MAX_PRODUCT_NAMES, { message: 'too_many' });

/** A unit cost: integer minor units of its currency. */
export const productCostSchema = z.object({ amount: priceMinorSchema, currency: currencySchema });
export type ProductCost = z.infer<typeof productCostSchema>;

/** A product group ("Fasteners", "Power tools"): group discounts and interests refer to it. */
export const productGroupFieldsSchema = z.object({
  name: text(200).min(1, { message: 'required' }),
  /** The group's place in the accounting system's tree; null at the top. */
  parentId: idSchema.nullable(),
});
export type ProductGroupFields = z.infer<typeof productGroupFieldsSchema>;
export interface ProductGroup extends ProductGroupFields {
  id: string;
  updatedAt: string;
}

/** One characteristic of a product as the catalog states it ("Voltage": "18 V"). */
export const characteristicSchema = z.object({ name: text(100).min(1), value: text(300) });
export type Characteristic = z.infer<typeof characteristicSchema>;

/**
 * A product as it syncs: the part pricing needs (`productSchema`) and what the offer builder
 * shows. `analogueIds` are products that can replace this one when it is out of stock, in the
 * order the company recommends them. A discontinued product stays (old offers refer to it) but
 * is not offered any more.
 */
export const productFieldsSchema = productSchema.omit({ id: true }).extend({
  description: text(4000).default(''),
  characteristics: z.array(characteristicSchema).max(40).default([]),
  analogueIds: z.array(idSchema).max(20).default([]),
  discontinued: z.boolean().default(false),
  /**
   * What one unit costs the company (net, in the accounting system's currency), for the margin a
   * head of sales sees when approving an offer; absent when the catalog has no cost for it. The
   * company server sends it only to heads of sales and admins (server/sync/pull.ts), and it is
   * never printed on a client's document.
   */
  cost: productCostSchema.nullable().optional(),
  /**
   * The product's name in other languages, by language tag ({ hu: 'Akkus fúró-csavarozó …' }),
   * where the catalog has them; `name` is the name in the company's own language. A client's offer
   * shows the name in its language, the screens in the manager's (core/languages.ts `nameIn`);
   * absent on products imported without them.
   */
  names: productNamesSchema.optional(),
});
export type ProductFields = z.infer<typeof productFieldsSchema>;
export interface CatalogProduct extends Product, Omit<ProductFields, keyof Omit<Product, 'id'>> {
  updatedAt: string;
  /** The product's picture (the bytes sync as an attachment, fetched when first shown). */
  attachments?: AttachmentRef[];
}

/** The product's name in `language` where the catalog has it, else its own (`name`). */
export function productName(p: Pick<ProductFields, 'name' | 'names'>, language: string): string {
  const name = p.names?.[language];
  return name ? name : p.name;
}

/** A delivery on its way: `qty` expected on `on`. */
export const incomingStockSchema = z.object({ on: isoDate, qty: qtySchema });
export type IncomingStock = z.infer<typeof incomingStockSchema>;

/**
 * A product's stock, one record per product with the product's id (a separate table, so the
 * daily stock export re-sends a few numbers per product instead of whole product records).
 */
export const stockFieldsSchema = z.object({
  productId: idSchema,
  /** Available to promise now, in the product's unit. */
  available: qtySchema,
  /** Expected arrivals, earliest first. */
  incoming: z.array(incomingStockSchema).max(20).default([]),
  /** When the company's system counted it (ISO-8601 UTC). */
  asOf: z.string(),
});
export type StockFields = z.infer<typeof stockFieldsSchema>;
export interface StockLevel extends StockFields {
  id: string;
  updatedAt: string;
}

/** A price list entry as it syncs (one product, one price type, one currency). */
export interface PriceListRecord extends PriceListEntry {
  id: string;
  updatedAt: string;
}

/** A price type's discount on a product group, as it syncs (a client's own ones are on the client). */
export const priceTypeGroupDiscountFieldsSchema = z.object({
  priceType: z.enum(PRICE_TYPES),
  groupId: idSchema,
  discountBp: bpSchema,
});
export interface PriceTypeGroupDiscount extends z.infer<typeof priceTypeGroupDiscountFieldsSchema> {
  id: string;
  updatedAt: string;
}

/** A client's own negotiated discount on a product group (a company field of the client). */
export const clientGroupDiscountSchema = z.object({ groupId: idSchema, discountBp: bpSchema });
export type ClientGroupDiscount = z.infer<typeof clientGroupDiscountSchema>;

/** The group discounts in the shape the pricing engine takes. */
export function groupDiscountsOf(priceTypeDiscounts: readonly PriceTypeGroupDiscount[], clients: readonly { id: string; groupDiscounts?: readonly ClientGroupDiscount[] }[]): GroupDiscount[] {
  return [
    ...priceTypeDiscounts.map((d): GroupDiscount => ({ scope: 'price_type', priceType: d.priceType, groupId: d.groupId, discountBp: d.discountBp })),
    ...clients.flatMap((c) => (c.groupDiscounts ?? []).map((d): GroupDiscount => ({ scope: 'client', clientId: c.id, groupId: d.groupId, discountBp: d.discountBp }))),
  ];
}

/**
 * The company's own details for its documents (the offer PDF's letterhead): one record, set by
 * an admin on the server. The logo is a small image kept in the record itself as a data URL, so
 * every laptop has it offline without a separate download.
 */
export const COMPANY_PROFILE_ID = '00000000-0000-4000-8000-00000000c0de';
export const MAX_LOGO_DATA_URL = 300_000;
export const companyProfileFieldsSchema = z.object({
  name: text(200).min(1, { message: 'required' }),
  legalName: text(300).default(''),
  taxId: text(40).default(''),
  address: text(500).default(''),
  phone: text(40).default(''),
  email: text(254).default(''),
  website: text(200).default(''),
  bankDetails: text(500).default(''),
  /** A PNG or JPEG as a `data:` URL, at most ~220 KB of image. */
  logo: z
    .string()
    .max(MAX_LOGO_DATA_URL, { message: 'too_long' })
    .regex(/^(data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*)?$/, { message: 'logo' })
    .default(''),
  /** Printed at the foot of every offer (registration, terms of business). */
  offerFooter: text(1000).default(''),
});
export type CompanyProfileFields = z.infer<typeof companyProfileFieldsSchema>;
export interface CompanyProfile extends CompanyProfileFields {
  id: string;
  updatedAt: string;
}
