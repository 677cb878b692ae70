/**
 * The offer editor's form values and their conversion to and from the stored offer. The form
 * holds what a person types (a discount in percent, a quantity as typed); the offer stores
 * basis points and the price snapshots the pricing engine gave.
 */
import { z } from 'zod';
import { percentToBp } from '../../../core/pricing/money';
import { qtyToMilli } from '../../../core/pricing/catalog-model';
import type { Offer, OfferLine } from '../../../core/offers/offer-model';
import type { CatalogProduct, StockLevel } from '../../../core/pricing/catalog-model';
import type { OfferDraft } from '../data/offers/offers';
import { arrivalsOf } from '../catalog/stock-status';

/** Messages are i18n keys under `errors.` (see useFieldError). */
const lineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string().trim().min(1, { message: 'required' }).max(300, { message: 'too_long' }),
  unit: z.string(),
  qty: z.number({ message: 'quantity' }).refine((q) => q > 0 && qtyToMilli(q) !== null, { message: 'quantity' }),
  discountPct: z.number({ message: 'percent_range' }).refine((p) => percentToBp(p) !== null, { message: 'percent_range' }),
  stockNote: z.string().trim().max(200, { message: 'too_long' }),
  /** The delivery the stock note was written from ('' for a note the person wrote). */
  arrivalOn: z.string(),
  /** The stored snapshot, carried so that an unchanged line keeps it. */
  pricing: z.custom<OfferLine['pricing']>(),
});

export const offerFormSchema = z.object({
  lines: z.array(lineSchema).max(1000),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'currency' }),
  pricesIncludeVat: z.boolean(),
  terms: z.object({
    validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
    delivery: z.string().trim().max(1000, { message: 'too_long' }),
    payment: z.string().trim().max(1000, { message: 'too_long' }),
    specialConditions: z.string().trim().max(4000, { message: 'too_long' }),
    notes: z.string().trim().max(4000, { message: 'too_long' }),
  }),
});
export type OfferFormValues = z.input<typeof offerFormSchema>;

/**
 * A field's rule for `register`, from its schema above: each field is checked alone as it is
 * typed. (A resolver would run the whole form's schema — every line of a 200-line offer — on
 * every keystroke; the whole form is checked once, before it is saved.)
 */
function ruleOf(schema: z.ZodType) {
  return { validate: (value: unknown) => schema.safeParse(value).error?.issues[0]?.message ?? true };
}

const termShape = offerFormSchema.shape.terms.shape;
export const FIELD_RULES = {
  qty: ruleOf(lineSchema.shape.qty),
  discountPct: ruleOf(lineSchema.shape.discountPct),
  stockNote: ruleOf(lineSchema.shape.stockNote),
  validUntil: ruleOf(termShape.validUntil),
  delivery: ruleOf(termShape.delivery),
  payment: ruleOf(termShape.payment),
  specialConditions: ruleOf(termShape.specialConditions),
  notes: ruleOf(termShape.notes),
};
export type OfferFormLine = OfferFormValues['lines'][number];

export function toFormValues(offer: Offer): OfferFormValues {
  return {
    lines: offer.lines.map((l) => ({ id: l.id, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, qty: l.qty, discountPct: l.manualDiscountBp / 100, stockNote: l.stockNote, arrivalOn: l.arrivalOn ?? '', pricing: l.pricing })),
    currency: offer.currency,
    pricesIncludeVat: offer.pricesIncludeVat,
    terms: { ...offer.terms },
  };
}

/** The draft to save; only called with values that passed `offerFormSchema`. */
export function toDraft(values: OfferFormValues): OfferDraft {
  return {
    lines: values.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      sku: l.sku,
      name: l.name.trim(),
      qty: l.qty,
      unit: l.unit,
      manualDiscountBp: percentToBp(l.discountPct) ?? 0,
      pricing: l.pricing ?? null,
      stockNote: l.stockNote.trim(),
      ...(l.arrivalOn ? { arrivalOn: l.arrivalOn } : {}),
    })),
    currency: values.currency,
    pricesIncludeVat: values.pricesIncludeVat,
    terms: {
      validUntil: values.terms.validUntil,
      delivery: values.terms.delivery.trim(),
      payment: values.terms.payment.trim(),
      specialConditions: values.terms.specialConditions.trim(),
      notes: values.terms.notes.trim(),
    },
  };
}

/**
 * How the stock answers for `qty` of a product: all of it now; part or none now and a delivery on
 * the way; part or none now and a delivery overdue (its day passed without it: the new date is
 * to be confirmed, never promised); only part now and nothing coming; nothing at all.
 */
export type StockState =
  | { kind: 'in_stock'; available: number }
  | { kind: 'arriving'; available: number; on: string; qty: number }
  | { kind: 'overdue'; available: number; on: string; qty: number }
  | { kind: 'short'; available: number }
  | { kind: 'out' };

/** `today` is the laptop's calendar day (YYYY-MM-DD): a delivery due before it is overdue. */
export function stockState(stock: StockLevel | undefined, qty: number, today: string): StockState {
  const available = stock?.available ?? 0;
  if (available >= qty && available > 0) return { kind: 'in_stock', available };
  const { next, overdue } = arrivalsOf(stock, today);
  if (next) return { kind: 'arriving', available, on: next.on, qty: next.qty };
  if (overdue) return { kind: 'overdue', available, on: overdue.on, qty: overdue.qty };
  return available > 0 ? { kind: 'short', available } : { kind: 'out' };
}

/** A line's stock note and the delivery it was written from ('' when it names none). */
export interface StockNote {
  text: string;
  arrivalOn: string;
}

/** A new line for `product`, its stock note filled in from the stock. */
export function newLine(product: CatalogProduct, qty: number, note: StockNote): OfferFormLine {
  return { id: crypto.randomUUID(), productId: product.id, sku: product.sku, name: product.name, unit: product.unit, qty, discountPct: 0, stockNote: note.text, arrivalOn: note.arrivalOn, pricing: null };
}
