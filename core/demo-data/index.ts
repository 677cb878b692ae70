/**
 * Deterministic, multilingual demo data: the client base a fresh laptop starts with and the
 * benchmarks load (100k clients, 250k contacts), and the catalog it sells from, generated from a
 * seed without any stored data.
 */
export {
  CONTACTS_PER_CLIENT,
  DEMO_AS_OF,
  MAX_DEMO_CLIENTS,
  contactCountOf,
  countDemoContacts,
  generateClientBatch,
  generateDemoClient,
  type DemoBatch,
  type DemoBatchRequest,
} from './generate';
export { demoTeam } from './team';
export { demoClientGroupDiscounts, demoPriceTypeDiscounts, demoProductGroups } from './catalog-groups';
export { DEMO_CATALOG_SIZE, DEMO_CURRENCIES, MAX_DEMO_PRODUCTS, generateProductBatch, type DemoCatalogBatch } from './catalog';
export { demoCompanyProfile } from './company';

/** The seed of the demo client base: the laptop's offline demo and the embedded server's agree. */
export const DEMO_SEED = 20260301;
