/**
 * Deterministic record ids in UUID v4 form, so they pass the `.uuid()` checks the sync
 * protocol and the server apply to real ids.
 */
import { hash32 } from './prng';

// Byte-to-hex table: the generator makes hundreds of thousands of ids, and
// toString(16).padStart costs several times more than four lookups.
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) => BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
const hex4 = (n: number) => BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;

/**
 * A UUID whose first 32 bits are `hash32(seed, n, kind)`. hash32 is a bijection in its second
 * argument (multiplication by an odd constant, xor and murmur's finaliser are all invertible), so
 * two different `n` below 2^32 never share an id within one kind: uniqueness by construction,
 * not by luck. The other 90 bits only make the ids look like everyone else's.
 */
export function demoUuid(seed: number, n: number, kind: number): string {
  const a = hash32(seed, n, kind);
  const b = hash32(seed ^ 0x68e31da4, n, kind);
  const c = hash32(seed ^ 0xb5297a4d, n, kind);
  const d = hash32(seed ^ 0x1b56c4e9, n, kind);
  // Version nibble 4, variant bits 10: what `z.uuid()` and RFC 9562 expect of a v4 UUID.
  return `${hex8(a)}-${hex4(b >>> 16)}-${hex4(0x4000 | (b & 0xfff))}-${hex4(0x8000 | ((c >>> 16) & 0x3fff))}-${hex4(c)}${hex8(d)}`;
}
