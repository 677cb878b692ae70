/**
 * Deterministic record ids in UUID v4 form, so they pass the `.uuid()` checks the sync
 * protocol and the server apply to real ids.
 */
import { uuidFromWords } from '../stable-uuid';
import { hash32 } from './prng';

/**
 * A UUID whose first 32 bits are `hash32(seed, n, kind)`. hash32 is a bijection in its second
 * argument (multiplication by an odd constant, xor and murmur's finaliser are all invertible), so
 * two different `n` below 2^32 never share an id within one kind: uniqueness by construction,
 * not by luck. The other 90 bits only make the ids look like everyone else's.
 */
export function demoUuid(seed: number, n: number, kind: number): string {
  return uuidFromWords(hash32(seed, n, kind), hash32(seed ^ 0x68e31da4, n, kind), hash32(seed ^ 0xb5297a4d, n, kind), hash32(seed ^ 0x1b56c4e9, n, kind));
}
