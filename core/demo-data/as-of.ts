/**
 * The moment the demo data is dated: timestamps are fixed, never `Date.now()`, so the same seed
 * gives byte-identical records on every run (and birthdays stay in the past). The client base
 * and the catalog share it.
 */
export const DEMO_AS_OF = '2026-02-27T17:00:00.000Z';
