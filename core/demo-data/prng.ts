/**
 * Small, fast, seedable PRNG for the demo data generator. sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator): 32-bit state words, passes PractRand far beyond what the
 * generator needs, and costs a handful of integer operations per draw.
 *
 * Every client gets its own generator seeded from a hash of (seed, index), which is what makes
 * a client's content independent of which batch it is generated in.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a few 32-bit integers (order-sensitive). */
export function hash32(a: number, b = 0, c = 0): number {
  let h = fmix32((a ^ 0x9e3779b9) >>> 0);
  h = fmix32((h ^ Math.imul(b >>> 0, 0xcc9e2d51)) >>> 0);
  h = fmix32((h ^ Math.imul(c >>> 0, 0x1b873593) ^ 0x27d4eb2f) >>> 0);
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = hash32(seed, stream, 1);
    this.b = hash32(seed, stream, 2);
    this.c = hash32(seed, stream, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max] inclusive. */
  range(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** A string of n decimal digits. */
  digits(n: number): string {
    let s = '';
    while (n >= 9) {
      s += String(this.int(1e9)).padStart(9, '0');
      n -= 9;
    }
    if (n > 0) s += String(this.int(10 ** n)).padStart(n, '0');
    return s;
  }
}

/** Precomputed weighted choice: build once per table, draw in O(log n). */
export class Weighted<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    this.cumulative = items.map(([, w]) => (sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    const cum = this.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]![0];
  }
}
