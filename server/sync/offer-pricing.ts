/**
 * The company server's check of an offer's prices (docs/sync-protocol.md, "Offers"): when a push
 * takes an offer from a draft to the client without an approval, each line's price snapshot is
 * compared with what the company's rules give (core/pricing/price-check.ts, the same core code
 * the laptop prices with) — the price lists, product data, group discounts and the client's
 * terms in force when the line was priced, kept by `pricing-history.ts`. A line the rules do not
 * give makes the offer need the head of sales' approval, as a manual discount above the limit
 * does: never a refusal for good, since an honest offer priced from yesterday's list must not be
 * lost.
 *
 * When a line was priced is the laptop's word (`pricing.pricedAt`), so it is bounded. A line
 * passes when the rules give it at one of these moments:
 * - its `pricedAt`, when that is at most PRICED_AT_MAX_AGE_MS before the push; an older one, or
 *   one after the push (a clock ahead), names no moment of its own: a year-old date from a
 *   cheaper price list buys nothing;
 * - the catalog the laptop held: the state at its pull cursor, when that state was still in force
 *   within PRICED_AT_MAX_AGE_MS of the push (a laptop offline since before an import prices from
 *   the list it has);
 * - the push itself (server time): a laptop whose clock is wrong, or a draft priced long ago
 *   whose prices have not changed, passes.
 * So a line sent without an approval is never better for the client than the rules in force at
 * some moment of the last PRICED_AT_MAX_AGE_MS.
 *
 * The client's price type, standing discount and currency are fields of the client card, with no
 * history: they are judged as they are now, by who set them (`givenClientTerms`: the company, a
 * head of sales or an admin approve; a manager within their discount limit, and retail prices
 * only).
 */
import type { Client } from '../../core/client-model';
import type { Offer } from '../../core/offers/offer-model';
import { buildPricingCatalog, type ClientTerms, type PricingCatalog } from '../../core/pricing/price';
import { givenClientTerms, lineOutsideRules, type LineOutsideRules, type TermSetter } from '../../core/pricing/price-check';
import type { GroupDiscount, PriceListEntry, Product } from '../../core/pricing/catalog-model';
import { DELETED_FIELD } from '../../core/sync/tables';
import type { Sql } from './sql';

/** How far back a line's `pricedAt`, or a laptop's catalog, may name the rules it was priced by. */
export const PRICED_AT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** A record as stored now, with its pricing fields' earlier values (oldest first). */
interface Timeline {
  tbl: string;
  id: string;
  current: Record<string, unknown> | null;
  history: { data: Record<string, unknown> | null; validTo: number; seq: number }[];
}

/** A moment of the rules: a server time, or a pull cursor (what a laptop holding it had). */
type Moment = { at: number } | { seq: number };

/** The record's value at `m` (null when it did not exist, or was deleted). */
function valueAt(t: Timeline, m: Moment): Record<string, unknown> | null {
  const replaced = 'at' in m ? t.history.find((h) => h.validTo > m.at) : [...t.history].sort((a, b) => a.seq - b.seq).find((h) => h.seq > m.seq);
  const value = replaced ? replaced.data : t.current;
  return value && value[DELETED_FIELD] !== true ? value : null;
}

export interface OfferPricingCheck {
  offer: Pick<Offer, 'clientId' | 'currency' | 'lines'>;
  /** The push's server time, in ms. */
  now: number;
  /** The pushing laptop's pull cursor, if it sent one. */
  cursor?: number | undefined;
  /** The client as this push leaves it, when the push wrote it before the offer (else it is read). */
  client?: { data: Record<string, unknown>; authors: Record<string, string> } | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The lines of the offer the company's rules do not give (see the top of this file), with why (as judged now). */
export async function offerLinesOutsideRules(tx: Sql, check: OfferPricingCheck): Promise<LineOutsideRules[]> {
  const { offer, now } = check;
  if (offer.lines.length === 0) return [];
  const client = check.client ?? (await loadClient(tx, offer.clientId));
  const terms = client ? await termsGiven(tx, offer.clientId, client) : null;
  if (!terms) return offer.lines.map((l) => ({ id: l.id, reason: 'no_price' as const }));

  const since = now - PRICED_AT_MAX_AGE_MS;
  const productIds = [...new Set(offer.lines.map((l) => l.productId).filter((id) => UUID.test(id)))];
  const timelines = await loadTimelines(tx, { clientId: offer.clientId, clientData: client!.data, productIds, priceType: terms.priceType, currency: offer.currency, since, cursor: check.cursor });

  // The moments to judge at, and the rules at each (built once per distinct state).
  const changes = [...new Set(timelines.flatMap((t) => t.history.map((h) => h.validTo)))].sort((a, b) => a - b);
  const catalogs = new Map<string, PricingCatalog>();
  const catalogAt = (m: Moment): PricingCatalog => {
    // Moments between the same two changes see the same rules.
    const key = 'at' in m ? `at:${changes.findIndex((c) => c > m.at)}` : `seq:${m.seq}`;
    let catalog = catalogs.get(key);
    if (!catalog) catalogs.set(key, (catalog = catalogAtMoment(timelines, offer.clientId, m)));
    return catalog;
  };
  const atNow: Moment = { at: now };
  const atCursor = cursorMoment(timelines, check.cursor, since);
  const judge = (line: Offer['lines'][number], m: Moment) => lineOutsideRules(line, { currency: offer.currency, catalog: catalogAt(m), client: terms });
  const outside: LineOutsideRules[] = [];
  for (const line of offer.lines) {
    const reason = judge(line, atNow);
    if (reason === null) continue;
    const pricedAt = line.pricing ? Date.parse(line.pricing.pricedAt) : Number.NaN;
    const moments: Moment[] = [];
    if (pricedAt >= since && pricedAt < now) moments.push({ at: pricedAt });
    if (atCursor) moments.push(atCursor);
    if (moments.some((m) => judge(line, m) === null)) continue;
    outside.push({ id: line.id, reason });
  }
  return outside;
}

/**
 * The moment of a laptop's catalog: the state at its pull cursor, when some of what the offer
 * depends on has changed since and that state was still in force within the window (the first
 * change after the cursor came after `since`). Null when there is none to add.
 */
function cursorMoment(timelines: readonly Timeline[], cursor: number | undefined, since: number): Moment | null {
  if (cursor === undefined) return null;
  const after = timelines.flatMap((t) => t.history.filter((h) => h.seq > cursor));
  if (after.length === 0) return null; // the laptop holds what is in force now
  return Math.min(...after.map((h) => h.validTo)) > since ? { seq: cursor } : null;
}

async function loadClient(tx: Sql, clientId: string): Promise<{ data: Record<string, unknown>; authors: Record<string, string> } | undefined> {
  if (!UUID.test(clientId)) return undefined;
  const [row] = await tx.query<{ data: Record<string, unknown>; authors: Record<string, string> }>(`SELECT data, authors FROM records WHERE tbl = 'clients' AND id = $1::uuid`, [clientId]);
  return row;
}

/** The client's terms as the rules give them: judged by who set the price type and the standing discount (`givenClientTerms`). */
async function termsGiven(tx: Sql, clientId: string, client: { data: Record<string, unknown>; authors: Record<string, string> }): Promise<ClientTerms | null> {
  const authorIds = [client.authors.priceType, client.authors.discountPct].filter((id): id is string => typeof id === 'string');
  const people = new Map<string, NonNullable<TermSetter>>();
  const ids = authorIds.filter((id) => UUID.test(id));
  if (ids.length) {
    const rows = await tx.query<{ id: string; role: NonNullable<TermSetter>['role']; bp: number }>(
      `SELECT id::text AS id, role, round(discount_limit_pct * 100)::int AS bp FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const r of rows) people.set(r.id, { role: r.role, discountLimitBp: Number(r.bp) });
  }
  // Someone the company does not know (not a user id): held to a manager's authority with no limit.
  const setter = (id: string | undefined): TermSetter => (id === undefined ? null : (people.get(id) ?? { role: 'manager', discountLimitBp: 0 }));
  try {
    return givenClientTerms({ id: clientId, priceType: client.data.priceType as Client['priceType'], discountPct: client.data.discountPct as number }, {
      priceType: setter(client.authors.priceType),
      discountPct: setter(client.authors.discountPct),
    });
  } catch {
    return null; // a stored discount that is no percentage: nothing is given
  }
}

/**
 * Everything the offer's prices depend on, as stored now, with the earlier values still relevant
 * (replaced after `since`, or after the laptop's cursor): the client's own group discounts, the
 * offer's products and their price lists for the client's price type in the offer's currency,
 * every product group (for the tree), the price type's group discounts.
 */
async function loadTimelines(
  tx: Sql,
  q: { clientId: string; clientData: Record<string, unknown>; productIds: string[]; priceType: string; currency: string; since: number; cursor: number | undefined },
): Promise<Timeline[]> {
  const rows = await tx.query<{ tbl: string; id: string; data: Record<string, unknown> }>(
    `SELECT tbl, id::text AS id, data FROM records WHERE tbl = 'products' AND id = ANY($1::uuid[])
     UNION ALL
     SELECT tbl, id::text AS id, data FROM records
      WHERE tbl = 'prices' AND data->>'productId' = ANY($2::text[]) AND data->>'priceType' = $3 AND data->>'currency' = $4
     UNION ALL
     SELECT tbl, id::text AS id, jsonb_build_object('parentId', data->'parentId', '${DELETED_FIELD}', data->'${DELETED_FIELD}') FROM records WHERE tbl = 'productGroups'
     UNION ALL
     SELECT tbl, id::text AS id, data FROM records WHERE tbl = 'groupDiscounts' AND data->>'priceType' = $3`,
    [q.productIds, q.productIds, q.priceType, q.currency],
  );
  const timelines: Timeline[] = [{ tbl: 'clients', id: q.clientId, current: q.clientData, history: [] }, ...rows.map((r) => ({ tbl: r.tbl, id: r.id, current: r.data, history: [] }))];
  const byKey = new Map(timelines.map((t) => [`${t.tbl}/${t.id}`, t]));
  const history = await tx.query<{ tbl: string; id: string; data: Record<string, unknown> | null; valid_to: number; seq: number }>(
    `SELECT tbl, id::text AS id, data, round(extract(epoch FROM valid_to) * 1000)::float8 AS valid_to, seq::float8 AS seq
       FROM pricing_history
      WHERE (tbl, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
        AND (valid_to > to_timestamp($3::float8 / 1000) OR seq > $4)
      ORDER BY tbl, id, valid_to, seq`,
    [timelines.map((t) => t.tbl), timelines.map((t) => t.id), q.since, q.cursor ?? Number.MAX_SAFE_INTEGER],
  );
  for (const h of history) byKey.get(`${h.tbl}/${h.id}`)?.history.push({ data: h.data, validTo: Number(h.valid_to), seq: Number(h.seq) });
  return timelines;
}

/** The pricing catalog as it was at `m`. */
function catalogAtMoment(timelines: readonly Timeline[], clientId: string, m: Moment): PricingCatalog {
  const products: Product[] = [];
  const priceList: PriceListEntry[] = [];
  const groupDiscounts: GroupDiscount[] = [];
  const groups: { id: string; parentId: string | null }[] = [];
  for (const t of timelines) {
    const d = valueAt(t, m);
    if (!d) continue;
    switch (t.tbl) {
      case 'products':
        products.push({ id: t.id, sku: d.sku as string, name: d.name as string, unit: d.unit as string, groupId: (d.groupId as string | null | undefined) ?? null, vatRateBp: d.vatRateBp as number });
        break;
      case 'prices':
        priceList.push({ productId: d.productId as string, priceType: d.priceType as PriceListEntry['priceType'], currency: d.currency as string, includesVat: d.includesVat === true, breaks: (d.breaks as PriceListEntry['breaks'] | undefined) ?? [] });
        break;
      case 'productGroups':
        groups.push({ id: t.id, parentId: (d.parentId as string | null | undefined) ?? null });
        break;
      case 'groupDiscounts':
        groupDiscounts.push({ scope: 'price_type', priceType: d.priceType as PriceListEntry['priceType'], groupId: d.groupId as string, discountBp: d.discountBp as number });
        break;
      case 'clients':
        for (const g of (Array.isArray(d.groupDiscounts) ? d.groupDiscounts : []) as { groupId: string; discountBp: number }[]) {
          groupDiscounts.push({ scope: 'client', clientId, groupId: g.groupId, discountBp: g.discountBp });
        }
        break;
    }
  }
  return buildPricingCatalog({ products, priceList, groupDiscounts, groups });
}
