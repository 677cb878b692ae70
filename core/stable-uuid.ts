/**
 * Record ids that are a function of what the record is about, in UUID v4 form (so they pass
 * the `.uuid()` checks of the sync protocol and the server). A price list entry is one per
 * product × price type × currency: with its id derived from that key, an import run twice, the
 * demo data on a laptop and on the server, and two admins importing at once all name the same
 * record, without looking anything up.
 */

// Byte-to-hex table: the demo generator makes hundreds of thousands of ids, and
// toString(16).padStart costs several times more than four lookups.
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) => BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
const hex4 = (n: number) => BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;

/** A UUID v4 made of four 32-bit words (`a` gives the first 32 bits unchanged). */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  // Version nibble 4, variant bits 10: what `z.uuid()` and RFC 9562 expect of a v4 UUID.
  return `${hex8(a)}-${hex4(b >>> 16)}-${hex4(0x4000 | (b & 0xfff))}-${hex4(0x8000 | ((c >>> 16) & 0x3fff))}-${hex4(c)}${hex8(d)}`;
}

/** MurmurHash3 (x86, 32-bit) of a string's UTF-16 code units. */
function murmur3(key: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    let k = Math.imul(key.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ key.length);
}

/** murmur3's finaliser: a bijection on uint32 with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A UUID derived from `key`: two independently seeded 32-bit hashes, spread over the UUID's
 * bits. Not a secret and not collision-proof against someone choosing keys on purpose — the
 * keys here are the company's own product ids and codes — but two of ten million keys share an
 * id by accident with a probability of about 3 in a million.
 */
export function stableUuid(key: string): string {
  const a = murmur3(key, 0x5f3759df);
  const b = murmur3(key, 0x2545f491);
  return uuidFromWords(a, b, fmix32(a ^ 0x9e3779b9), fmix32(b ^ 0x632be5ab));
}
