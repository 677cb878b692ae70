/**
 * Offer numbers people can read out on the phone: the author's offer prefix, the date, the
 * device's mark and a counter of the day ("AB-261203-B3"). They are made offline and printed on
 * the client's PDF at once, so they are final when made: they cannot come from a company-wide
 * sequence, and the company server never renumbers them. Each part makes them unique:
 * - the prefix is the person's, no one else's: the company server gives every user one (their
 *   initials, "AB2" for a second Anna Berger);
 * - the mark is the device's, none of the person's other devices': the server gives each
 *   sign-in the person's next mark ("A" for the first laptop, "B" for the second…, never one
 *   given before), so one person's two laptops, both offline on the same day, never meet;
 * - the counter is the laptop's own: it continues after the highest number of its prefix, day
 *   and mark that it holds, and after its own count of the day (numbers of offers deleted since).
 * A laptop that does not know its mark yet (one signed in before marks existed, until its next
 * sync) numbers without one ("AB-261203-3"), as before.
 */

/** The letters of device marks: no I or O, which read as 1 and 0 on the phone. */
const MARK_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The person's `n`th device mark (n ≥ 1): "A" … "Z", then "AA", "AB" … (bijective base 24). */
export function deviceMark(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a device mark is numbered from 1, not ${n}`);
  let mark = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / MARK_LETTERS.length)) mark = MARK_LETTERS[(rest - 1) % MARK_LETTERS.length]! + mark;
  return mark;
}

/** Whether `mark` is one `deviceMark` gives (what a laptop accepts from a server). */
export const isDeviceMark = (mark: unknown): mark is string => typeof mark === 'string' && /^[A-HJ-NP-Z]{1,3}$/.test(mark);

/** The initials of the first two words of a name that have a letter ("Jean-Luc Picard" → "JP"). */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .slice(0, 2);
  return letters.join('').toUpperCase() || 'OF';
}

/** "2026-12-03" → "261203". */
const dayPart = (isoDay: string) => isoDay.slice(2).replaceAll('-', '');

/** What every number of `prefix` made on `isoDay` by the device marked `mark` starts with. */
export const offerNumberStem = (prefix: string, isoDay: string, mark = '') => `${prefix}-${dayPart(isoDay)}-${mark}`;

/**
 * The next number of the day: after both the laptop's own counter (`counted`, numbers it made,
 * including those of offers deleted since) and every number with the same stem among `known`.
 * Numbers of the person's other devices (another mark) do not count: they never meet this one's.
 */
export function nextOfferNumber(prefix: string, isoDay: string, counted: number, known: readonly string[], mark = ''): { number: string; n: number } {
  const stem = offerNumberStem(prefix, isoDay, mark);
  let n = counted;
  for (const number of known) {
    if (!number.startsWith(stem)) continue;
    const tail = number.slice(stem.length);
    if (/^\d{1,9}$/.test(tail)) n = Math.max(n, Number(tail));
  }
  return { number: `${stem}${n + 1}`, n: n + 1 };
}
