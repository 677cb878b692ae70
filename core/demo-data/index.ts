/**
 * Deterministic, multilingual demo data: the client base a fresh laptop starts with and the
 * benchmarks load (100k clients, 250k contacts), generated from a seed without any stored data.
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

/** The seed of the demo client base: the laptop's offline demo and the embedded server's agree. */
export const DEMO_SEED = 20260301;
