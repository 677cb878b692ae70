/**
 * Live pricing in the offer editor. A change of a quantity must show updated totals within a
 * frame, also on a 200-line offer, so the editor does not re-render its lines to price them:
 * `PricingEngine` (which renders nothing) watches the form's lines, prices them with the core
 * engine (well under a millisecond for 200 lines) and puts the results in a small store; each
 * line row and the totals read only their own part of it and re-render only when it changed.
 */
import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Client } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import { percentToBp } from '../../../core/pricing/money';
import { sameValue } from '../../../core/sync/merge';
import { clientTerms, priceLine, priceOffer, sumLines, type LineResult, type OfferTotals, type PriceOfferInput, type PricingCatalog } from '../../../core/pricing/price';
import type { OfferFormValues } from './offer-form';

export type TotalsSummary = Omit<OfferTotals, 'lines'>;

interface PricingState {
  byLine: Record<string, LineResult>;
  /** Each line's quantity as typed (what its stock is compared with). */
  qty: Record<string, number>;
  totals: TotalsSummary | null;
}

const PricingContext = createContext<StoreApi<PricingState> | null>(null);

export function PricingProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createStore<PricingState>(() => ({ byLine: {}, qty: {}, totals: null })));
  return <PricingContext.Provider value={store}>{children}</PricingContext.Provider>;
}

function usePricingStore<T>(select: (s: PricingState) => T): T {
  const store = useContext(PricingContext);
  if (!store) throw new Error('usePricingStore outside PricingProvider');
  return useStore(store, select);
}


/** The figures a line shows (its snapshot's `pricedAt` changes with every pricing and is not shown). */
function sameLineFigures(a: LineResult | undefined, b: LineResult | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.status !== b.status || a.exceedsLimit !== b.exceedsLimit || a.manualDiscountBp !== b.manualDiscountBp) return false;
  if (a.status === 'unpriced' || b.status === 'unpriced') return a.status === 'unpriced' && b.status === 'unpriced' && a.reason === b.reason;
  return a.unitPrice === b.unitPrice && a.listUnitPrice === b.listUnitPrice && a.net === b.net && a.gross === b.gross && a.effectiveDiscountBp === b.effectiveDiscountBp && a.autoDiscountBp === b.autoDiscountBp;
}

/** One line's price; its reader re-renders only when the figures change (see PricingEngine). */
export const useLinePrice = (lineId: string) => usePricingStore((s) => s.byLine[lineId]);

/** One line's quantity as typed now (NaN while the field does not hold a number). */
export const useLineQty = (lineId: string) => usePricingStore((s) => s.qty[lineId]);

export const useOfferTotals = () => usePricingStore((s) => s.totals);

/**
 * Prices the form's lines on every change and publishes the results. A draft is priced from the
 * catalog; anything later from the snapshots its lines kept (what the client was given). The
 * form is followed with a `watch` subscription, not a re-render: a keystroke prices the lines in
 * its own event, and the changed row and the totals render once, in the same commit.
 */
export function PricingEngine({ form, offer, client, catalog, discountLimitBp }: { form: UseFormReturn<OfferFormValues>; offer: Offer; client: Client; catalog: PricingCatalog | undefined; discountLimitBp: number }) {
  const store = useContext(PricingContext)!;
  useLayoutEffect(() => {
    // Lines priced before, by what their price depends on: a keystroke in one line of 200
    // prices that line again, and the totals are summed afresh. The cache lives as long as the
    // catalog, the client's terms and the offer it was made for.
    const cache = new Map<string, LineResult>();
    const publish = (values: Partial<OfferFormValues>) => {
      const totals = priceForm(values, offer, client, catalog, discountLimitBp, cache);
      if (!totals) return;
      const { lines: results, ...summary } = totals;
      // A result whose figures did not change keeps its object, so its row does not re-render.
      const before = store.getState();
      const byLine = Object.fromEntries(results.map((r) => [r.id, sameLineFigures(before.byLine[r.id], r) ? before.byLine[r.id]! : r]));
      const qty = Object.fromEntries((values.lines ?? []).map((l) => [l.id, Number(l.qty)]));
      store.setState({ byLine, qty, totals: before.totals && sameValue(before.totals, summary) ? before.totals : summary });
    };
    publish(form.getValues());
    const subscription = form.watch((values) => publish(values as Partial<OfferFormValues>));
    return () => subscription.unsubscribe();
  }, [form, offer, client, catalog, discountLimitBp, store]);
  return null;
}

function priceForm(values: Partial<OfferFormValues>, offer: Offer, client: Client, catalog: PricingCatalog | undefined, discountLimitBp: number, cache: Map<string, LineResult>): OfferTotals | null {
  // Anything but a draft is what was offered: the stored lines with their price snapshots.
  if (offer.status !== 'draft') return priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp });
  if (!catalog) return null;
  const input: PriceOfferInput = {
    from: 'catalog',
    catalog,
    client: clientTerms(client),
    currency: values.currency ?? offer.currency,
    pricesIncludeVat: values.pricesIncludeVat ?? offer.pricesIncludeVat,
    lines: [],
    discountLimitBp,
    now: new Date().toISOString(),
  };
  const results = (values.lines ?? [])
    .filter((l) => l !== undefined)
    .map((l) => {
      const line = { id: l.id, productId: l.productId, qty: Number(l.qty), manualDiscountBp: percentToBp(Number(l.discountPct)) ?? -1 };
      const key = `${line.id}|${line.productId}|${line.qty}|${line.manualDiscountBp}|${input.currency}|${input.pricesIncludeVat}`;
      let result = cache.get(key);
      if (!result) {
        result = priceLine(input, line);
        cache.set(key, result);
      }
      return result;
    });
  return sumLines(results, discountLimitBp);
}
