/**
 * What the pricing engine needs from the catalog: products, price lists per price type with
 * quantity breaks, and product-group discounts. The catalog itself (stock, analogues, pictures)
 * is a larger model; these schemas are the part prices depend on, shared by the app (validating
 * what sync brings) and the company server (validating what the accounting import writes).
 */
import { z } from 'zod';
import { currencySchema, PRICE_TYPES } from '../client-model';
import { BP_100 } from './money';

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
