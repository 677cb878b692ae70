/**
 * Offers: a commercial proposal for one client — lines, prices, terms, validity, status,
 * version. Only what pricing and the lifecycle need lives here; the PDF layout and the UI's
 * form state are elsewhere.
 *
 * A line keeps a snapshot of the price it was given (list price, automatic discounts, VAT rate)
 * so that an offer that was sent shows the same figures next year, whatever the price lists say
 * by then. A draft is re-priced from the catalog on every change; from `sent` on, only the
 * snapshot counts.
 */
import { z } from 'zod';
import { currencySchema } from '../client-model';
import { idSchema } from '../ids';
import { bpSchema, priceMinorSchema, qtySchema } from '../pricing/catalog-model';

export const OFFER_STATUSES = [
  'draft',
  'awaiting_approval',
  'approved',
  'sent',
  'accepted',
  'rejected',
  'expired',
  /** An older version, replaced by a revision; read-only, kept for the record. */
  'superseded',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Where an automatic discount came from; shown on the line and kept in its snapshot. */
export const DISCOUNT_SOURCES = ['standing', 'group'] as const;
export type DiscountSource = (typeof DISCOUNT_SOURCES)[number];

export const appliedDiscountSchema = z.object({
  source: z.enum(DISCOUNT_SOURCES),
  discountBp: bpSchema,
});
export type AppliedDiscount = z.infer<typeof appliedDiscountSchema>;

/** The price a line was given, as the pricing engine resolved it. */
export const linePriceSnapshotSchema = z.object({
  /** Unit price from the price list at the line's quantity break, in the list's own basis. */
  listUnitPrice: priceMinorSchema,
  listIncludesVat: z.boolean(),
  /** Automatic discounts (client terms) in the order they were applied; compounded. */
  autoDiscounts: z.array(appliedDiscountSchema).max(4),
  vatRateBp: bpSchema,
  /** When the price was taken from the catalog (ISO-8601 UTC). */
  pricedAt: z.iso.datetime({ offset: true }),
});
export type LinePriceSnapshot = z.infer<typeof linePriceSnapshotSchema>;

export const offerLineSchema = z.object({
  id: z.string().min(1),
  productId: z.string().min(1),
  /** Copied from the catalog so the offer reads the same if the product is renamed later. */
  sku: z.string(),
  name: z.string().trim().min(1).max(300),
  qty: qtySchema,
  unit: z.string().max(20),
  /** The manager's own discount on this line, on top of the client's terms; limited by the manager's discount limit. */
  manualDiscountBp: bpSchema,
  /** null until priced, and after a copy to another client (its prices must be recalculated). */
  pricing: linePriceSnapshotSchema.nullable(),
  /** "In stock: 40", "Delivery in 3 weeks" — shown on the offer, not used for prices. */
  stockNote: z.string().max(200).default(''),
  /**
   * The expected delivery the stock note was written from (YYYY-MM-DD); absent when the note
   * names none, the person wrote it, or the line is older than this field. Once that day has
   * passed without the goods, the note promises nothing any more: the client's document says the
   * delivery date is to be confirmed instead.
   */
  arrivalOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }).optional(),
});
export type OfferLine = z.infer<typeof offerLineSchema>;

export const offerTermsSchema = z.object({
  /** Last day the offer can be accepted (a calendar date, YYYY-MM-DD). */
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
  delivery: z.string().trim().max(1000).default(''),
  payment: z.string().trim().max(1000).default(''),
  specialConditions: z.string().trim().max(4000).default(''),
  notes: z.string().trim().max(4000).default(''),
});
export type OfferTerms = z.infer<typeof offerTermsSchema>;

/** One step of the offer's history: who moved it where, when, and why (an approver's comment). */
export const statusChangeSchema = z.object({
  status: z.enum(OFFER_STATUSES),
  at: z.iso.datetime({ offset: true }),
  by: z.string(),
  comment: z.string().max(2000).default(''),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const offerSchema = z.object({
  id: z.string().min(1),
  clientId: z.string().min(1),
  leadId: z.string().min(1).nullable(),
  /** The manager who owns the offer. */
  ownerId: z.string().min(1),
  /** The commercial number, shared by every version ("OF-2026-0042"). */
  number: z.string().min(1).max(40),
  /** 1 for the first version; a revision is a new record with version + 1. */
  version: z.number().int().min(1),
  /** The version this one revised (null for version 1, and for a copy). */
  previousVersionId: z.string().min(1).nullable(),
  status: z.enum(OFFER_STATUSES),
  /** Price lists are taken in this currency; there is no conversion. */
  currency: currencySchema,
  /** Whether the offer shows and rounds gross (VAT-inclusive) prices rather than net ones. */
  pricesIncludeVat: z.boolean(),
  lines: z.array(offerLineSchema).max(1000),
  terms: offerTermsSchema,
  history: z.array(statusChangeSchema).max(1000),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

/**
 * An offer as it syncs: it hangs off its client (whoever may write the client may write its
 * offers). Ids are UUIDs, as every synced record's; what the server checks beyond the field
 * schemas (approval, frozen content) is in offer-write-rules.ts.
 */
export const offerFieldsSchema = offerSchema.omit({ id: true, updatedAt: true }).extend({
  // A line's product is a catalog record: its id canonical as every id that syncs.
  lines: z.array(offerLineSchema.extend({ productId: idSchema })).max(1000),
  clientId: idSchema,
  leadId: idSchema.nullable(),
  previousVersionId: idSchema.nullable(),
});

/**
 * A request to logistics for an item a client wants and the warehouse lacks: the product, how
 * many, by when, and the offer it is for. Logistics answers in the company's own system; the
 * status comes back with the sync.
 */
export const STOCK_REQUEST_STATUSES = ['open', 'planned', 'done', 'cancelled'] as const;
export type StockRequestStatus = (typeof STOCK_REQUEST_STATUSES)[number];

export const stockRequestFieldsSchema = z.object({
  clientId: idSchema,
  productId: idSchema,
  /** Copied from the catalog, so logistics reads the request without looking the product up. */
  sku: z.string().max(60),
  productName: z.string().max(300),
  qty: qtySchema.refine((q) => q > 0, { message: 'quantity' }),
  /** The day the client needs it by (YYYY-MM-DD). */
  neededBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
  offerId: idSchema.nullable(),
  note: z.string().trim().max(1000, { message: 'too_long' }).default(''),
  status: z.enum(STOCK_REQUEST_STATUSES),
  requestedBy: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StockRequestFields = z.infer<typeof stockRequestFieldsSchema>;
export interface StockRequest extends StockRequestFields {
  id: string;
  updatedAt: string;
}
