/**
 * Live pricing in the offer editor. A change of a quantity must show updated totals within a
 * frame, also on a 200-line offer, so the editor does not re-render its lines to price them:
 * `PricingEngine` (which renders nothing) watches the form's lines, prices them with the core
 * engine (well under a millisecond for 200 lines) and puts the results in a small store; each
 * line row and the totals read only their own part of it and re-render only when it changed.
 */
import { createContext, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Client } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import { percentToBp } from '../../../core/pricing/money';
import { clientTerms, priceOffer, type LineResult, type OfferTotals, type PricingCatalog } from '../../../core/pricing/price';
import type { OfferFormValues } from './offer-form';

export type TotalsSummary = Omit<OfferTotals, 'lines'>;

interface PricingState {
  byLine: Record<string, LineResult>;
  totals: TotalsSummary | null;
}

const PricingContext = createContext<StoreApi<PricingState> | null>(null);

export function PricingProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createStore<PricingState>(() => ({ byLine: {}, totals: null })));
  return <PricingContext.Provider value={store}>{children}</PricingContext.Provider>;
}

function usePricingStore<T>(select: (s: PricingState) => T): T {
  const store = useContext(PricingContext);
  if (!store) throw new Error('usePricingStore outside PricingProvider');
  return useStore(store, select);
}

const sameJson = <T,>(a: T, b: T) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The figures a line shows (its snapshot's `pricedAt` changes with every pricing and is not shown). */
function sameLineFigures(a: LineResult | undefined, b: LineResult | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.status !== b.status || a.exceedsLimit !== b.exceedsLimit || a.manualDiscountBp !== b.manualDiscountBp) return false;
  if (a.status === 'unpriced' || b.status === 'unpriced') return a.status === 'unpriced' && b.status === 'unpriced' && a.reason === b.reason;
  return a.unitPrice === b.unitPrice && a.listUnitPrice === b.listUnitPrice && a.net === b.net && a.gross === b.gross && a.effectiveDiscountBp === b.effectiveDiscountBp && a.autoDiscountBp === b.autoDiscountBp;
}

/** One line's price; its reader re-renders only when the figures change (see PricingEngine). */
export const useLinePrice = (lineId: string) => usePricingStore((s) => s.byLine[lineId]);

export const useOfferTotals = () => usePricingStore((s) => s.totals);

/**
 * Prices the form's lines on every change and publishes the results. A draft is priced from the
 * catalog; anything later from the snapshots its lines kept (what the client was given).
 */
export function PricingEngine({ control, offer, client, catalog, discountLimitBp }: { control: Control<OfferFormValues>; offer: Offer; client: Client; catalog: PricingCatalog | undefined; discountLimitBp: number }) {
  const store = useContext(PricingContext)!;
  const [lines, currency, pricesIncludeVat] = useWatch({ control, name: ['lines', 'currency', 'pricesIncludeVat'] });
  const totals = useMemo(() => {
    // Anything but a draft is what was offered: the stored lines with their price snapshots.
    if (offer.status !== 'draft') return priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp });
    const input = (lines ?? []).map((l) => ({ id: l.id, productId: l.productId, qty: Number(l.qty), manualDiscountBp: percentToBp(Number(l.discountPct)) ?? -1 }));
    const base = { currency, pricesIncludeVat, lines: input, discountLimitBp };
    if (!catalog) return null;
    return priceOffer({ ...base, from: 'catalog', catalog, client: clientTerms(client), now: new Date().toISOString() });
  }, [lines, currency, pricesIncludeVat, discountLimitBp, offer, catalog, client]);
  useLayoutEffect(() => {
    if (!totals) return;
    const { lines: results, ...summary } = totals;
    // A result whose figures did not change keeps its object, so its row does not re-render.
    const before = store.getState();
    const byLine = Object.fromEntries(results.map((r) => [r.id, sameLineFigures(before.byLine[r.id], r) ? before.byLine[r.id]! : r]));
    store.setState({ byLine, totals: before.totals && sameJson(before.totals, summary) ? before.totals : summary });
  }, [totals, store]);
  return null;
}
