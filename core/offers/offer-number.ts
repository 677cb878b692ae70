/**
 * Offer numbers people can read out on the phone: the author's offer prefix, the date and a
 * counter of the day ("AB-261203-3"). They are made offline, so they cannot come from a
 * company-wide sequence. The company server gives every user a prefix no one else has (their
 * initials, "AB2" for a second Anna Berger), and a laptop continues the day's counter after the
 * highest number of that prefix it holds: a laptop signed in again (or a new one) does not hand
 * out a number its user already gave a client that day. What can still collide is one person
 * making offers on two laptops, both offline, on the same day.
 */

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

/** What every number of `prefix` made on `isoDay` starts with. */
export const offerNumberStem = (prefix: string, isoDay: string) => `${prefix}-${dayPart(isoDay)}-`;

/**
 * The next number of the day: after both the laptop's own counter (`counted`, numbers it made,
 * including those of offers deleted since) and every number with the same stem among `known`.
 */
export function nextOfferNumber(prefix: string, isoDay: string, counted: number, known: readonly string[]): { number: string; n: number } {
  const stem = offerNumberStem(prefix, isoDay);
  let n = counted;
  for (const number of known) {
    if (!number.startsWith(stem)) continue;
    const tail = number.slice(stem.length);
    if (/^\d{1,9}$/.test(tail)) n = Math.max(n, Number(tail));
  }
  return { number: `${stem}${n + 1}`, n: n + 1 };
}
