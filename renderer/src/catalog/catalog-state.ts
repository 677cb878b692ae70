/**
 * UI state of the catalog screen (zustand): what the person typed and chose, where the keyboard
 * cursor is, the currency the product page shows prices in. Kept here, not in the components,
 * so opening a product and coming back (Esc) returns to the same search. Never holds products.
 */
import { create } from 'zustand';
import { NO_CATALOG_FILTERS, type CatalogFilters } from '../data/catalog/catalog';

interface CatalogState {
  text: string;
  filters: CatalogFilters;
  /** Index of the highlighted row in the current results. */
  cursor: number;
  /** The currency the product page shows prices in, once the person chose one. */
  currency: string | null;
  setText: (text: string) => void;
  setFilters: (patch: Partial<CatalogFilters>) => void;
  clearFilters: () => void;
  setCursor: (cursor: number) => void;
  setCurrency: (currency: string) => void;
}

export const useCatalogState = create<CatalogState>((set) => ({
  text: '',
  filters: NO_CATALOG_FILTERS,
  cursor: 0,
  currency: null,
  setText: (text) => set({ text, cursor: 0 }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, cursor: 0 })),
  clearFilters: () => set({ filters: NO_CATALOG_FILTERS, cursor: 0 }),
  setCursor: (cursor) => set({ cursor }),
  setCurrency: (currency) => set({ currency }),
}));
