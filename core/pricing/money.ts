/**
 * Money arithmetic for pricing: amounts are integer minor units of one currency, percentages are
 * basis points (1 % = 100 bp), and every division goes through one rounding rule so that two
 * runtimes (the app and the company server) always agree to the minor unit.
 */

/**
 * ISO 4217 minor-unit exponents that are not 2. A fixed table rather than
 * `Intl.NumberFormat(…).resolvedOptions().maximumFractionDigits`, because Intl reports CLDR's
 * *display* digits, which differ from ISO (HUF and IDR show 0 digits but have 2 minor units)
 * and change with the ICU version each runtime ships (Electron's Chromium vs Node on the
 * server). What a stored integer means must never depend on the runtime that reads it.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Digits after the decimal point of one minor unit: JPY 0, EUR/HUF 2, KWD 3. */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** 100 % in basis points. */
export const BP_100 = 10_000;

/**
 * Integer division rounded half away from zero ("commercial rounding", 2.5 → 3, −2.5 → −3).
 * Chosen over banker's rounding because invoices, VAT returns and the accounting systems the
 * offers are compared with round commercially; every amount here is non-negative anyway.
 */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** `Math.round` rounds −2.5 to −2; this rounds half away from zero like `divRound`. */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

/**
 * A percentage with at most two decimals (how the client card stores a standing discount) →
 * basis points; null when it is not one (out of 0–100, or more decimals).
 */
export function percentToBp(pct: number): number | null {
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) return null;
  const bp = Math.round(pct * 100);
  return Math.abs(pct * 100 - bp) < 1e-6 ? bp : null;
}

/** A discount or rate in basis points: an integer 0–10 000. */
export function isBp(bp: number): boolean {
  return Number.isInteger(bp) && bp >= 0 && bp <= BP_100;
}

/**
 * "1234.5", "1234,50" or "-3" → minor units of `currency`; null when the text is not a plain
 * decimal amount or has more decimals than the currency has minor digits (a JPY amount has
 * none). No thousands separators: "1,234" would be read as 1.234.
 */
export function parseMoney(text: string, currency: string): number | null {
  const m = /^\s*(-?)(\d{1,15})(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return null;
  const exp = minorUnitExponent(currency);
  const frac = m[3] ?? '';
  if (frac.length > exp) return null;
  const minor = Number(m[2]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] === '-' && minor !== 0 ? -minor : minor;
}

/**
 * Minor units → a plain decimal string ("1234.50", JPY "1234"), for exports and inputs; what a
 * person sees is formatted per locale in the renderer.
 */
export function minorToDecimal(minor: number, currency: string): string {
  const exp = minorUnitExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return exp === 0 ? sign + digits : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * Splits `total` minor units in proportion to non-negative `weights` so that the parts add up to
 * `total` exactly (largest remainder; ties go to the earlier part, so the result is
 * deterministic). Each part is within one minor unit of its exact share. Used wherever one
 * amount is split — a payment schedule (30 % now, 70 % on delivery), an offer-level amount spread
 * over lines — so that rounding never loses or invents a minor unit.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be a safe integer');
  if (weights.length === 0) throw new RangeError('no weights');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative safe integers');
  const sumW = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sumW === 0n) throw new RangeError('weights add up to zero');
  const t = BigInt(total);
  const negative = t < 0n;
  const abs = negative ? -t : t;
  const parts = weights.map((w) => (abs * BigInt(w)) / sumW);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % sumW }));
  let left = abs - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(negative ? -p : p));
}
