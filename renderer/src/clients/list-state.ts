/**
 * UI state of the client list (zustand): what the person typed, chose and where the keyboard
 * cursor is. Kept here, not in the component, so going into a card and back (Esc) returns to
 * the same search. Never holds database rows.
 */
import { create } from 'zustand';
import { NO_FILTERS, type ClientFilters, type ClientSort } from '../data/clients/client-search';

interface ClientListState {
  text: string;
  filters: ClientFilters;
  sort: ClientSort;
  /** Index of the highlighted row in the current results. */
  cursor: number;
  /** Bumped to ask the search box to take focus (Ctrl+K from anywhere). */
  focusRequest: number;
  setText: (text: string) => void;
  setFilters: (patch: Partial<ClientFilters>) => void;
  clearFilters: () => void;
  setSort: (sort: ClientSort) => void;
  setCursor: (cursor: number) => void;
  requestSearchFocus: () => void;
}

export const useClientListState = create<ClientListState>((set) => ({
  text: '',
  filters: NO_FILTERS,
  sort: 'name',
  cursor: 0,
  focusRequest: 0,
  setText: (text) => set({ text, cursor: 0 }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, cursor: 0 })),
  clearFilters: () => set({ filters: NO_FILTERS, cursor: 0 }),
  setSort: (sort) => set({ sort, cursor: 0 }),
  setCursor: (cursor) => set({ cursor }),
  requestSearchFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
}));
