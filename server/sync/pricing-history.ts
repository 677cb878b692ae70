/**
 * The history of everything offer prices depend on (table `pricing_history`, migration 011):
 * price lists, the price types' group discounts, a client's own group discounts, a product's VAT
 * rate, group and the texts an offer line copies from it (SKU, name, unit), a product group's
 * parent. Only the company's imports change these (`admin/write-imported.ts` calls
 * `pricingChange` and `keepPricingHistory` for every record it writes); a laptop's write of them
 * is refused (`companyOnly`, company fields). The demo catalog and client base are written once,
 * into an empty server, and replace nothing.
 *
 * The value of a record at a moment `t` is that of its first history row replaced after `t`, or
 * its current value when none was (`valueAt` in offer-pricing.ts); at change number `n` (what a
 * laptop whose pull cursor is `n` holds), that of its first row replaced by a write numbered
 * above `n`.
 */
import { sameValue } from '../../core/sync/merge';
import { DELETED_FIELD, type SyncedTableName } from '../../core/sync/tables';
import type { Sql } from './sql';

/** Per table, the fields prices depend on: a change of any of them keeps the record's previous ones. */
export const PRICING_FIELDS: Partial<Record<SyncedTableName, readonly string[]>> = {
  prices: ['productId', 'priceType', 'currency', 'includesVat', 'breaks', DELETED_FIELD],
  groupDiscounts: ['priceType', 'groupId', 'discountBp', DELETED_FIELD],
  products: ['sku', 'name', 'unit', 'vatRateBp', 'groupId', DELETED_FIELD],
  productGroups: ['parentId', DELETED_FIELD],
  // A client's standing discount, price type and currency are the client card's (written by
  // people, judged by who wrote them: offer-pricing.ts); its own group discounts are the company's.
  clients: ['groupDiscounts'],
};

/** A replaced value to keep: the record's pricing fields before the write (null: it did not exist). */
export interface ReplacedPricing {
  tbl: string;
  id: string;
  data: Record<string, unknown> | null;
}

/**
 * What a write of `fields` over `stored` (undefined: a new record) replaces that prices depend
 * on, or undefined when it changes none of it.
 */
export function pricingChange(table: SyncedTableName, id: string, stored: Record<string, unknown> | undefined, fields: Record<string, unknown>): ReplacedPricing | undefined {
  const tracked = PRICING_FIELDS[table];
  if (!tracked) return undefined;
  if (!stored) return { tbl: table, id, data: null };
  if (!tracked.some((f) => f in fields && !sameValue(stored[f], fields[f]))) return undefined;
  return { tbl: table, id, data: Object.fromEntries(tracked.filter((f) => f in stored).map((f) => [f, stored[f]])) };
}

/**
 * Keeps `replaced` values, each replaced at `now` by the write numbered `seq`, in the caller's
 * transaction (the one that writes the new values). Each row is in force from the end of the
 * record's previous row (NULL when it has none: since before the history was kept).
 */
export async function keepPricingHistory(tx: Sql, replaced: readonly (ReplacedPricing & { seq: number })[], now: number): Promise<void> {
  for (let i = 0; i < replaced.length; i += 2000) {
    const part = replaced.slice(i, i + 2000);
    await tx.query(
      `INSERT INTO pricing_history (tbl, id, data, valid_from, valid_to, seq)
       SELECT x.r->>'t', (x.r->>'i')::uuid, nullif(x.r->'d', 'null'::jsonb),
              (SELECT max(h.valid_to) FROM pricing_history h WHERE h.tbl = x.r->>'t' AND h.id = (x.r->>'i')::uuid),
              to_timestamp($2::float8 / 1000), (x.r->>'s')::bigint
         FROM jsonb_array_elements($1::jsonb) AS x(r)`,
      [JSON.stringify(part.map((r) => ({ t: r.tbl, i: r.id, d: r.data, s: r.seq }))), now],
    );
  }
}
