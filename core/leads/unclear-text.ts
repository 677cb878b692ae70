/**
 * Text a card gives that could not be read cleanly, and the one kind of garbling that can be
 * undone.
 *
 * - **Kept as it came, marked.** Bytes the card's charset cannot read (a quoted-printable value
 *   cut in the middle of a character, `=E2=8`; a `CHARSET=UTF-8` line whose bytes are not UTF-8)
 *   stay in the value as quoted-printable writes them ("Kovács =E2=8"), and a U+FFFD replacement
 *   character the file already holds stays as it is. Nothing is guessed away or dropped: the
 *   value says what came, and `isUnclearText` reads the mark from the value itself (as a phone's
 *   "check this number" is read from the phone), so no flag can disagree with the value and a
 *   person who corrects the value removes the mark.
 * - **Repaired.** UTF-8 read as Latin-1 or Windows-1252 ("KovÃ¡cs", "â€“") is read back as the
 *   UTF-8 it was, when the characters are exactly the bytes of valid UTF-8 ("Kovács", "–").
 */

/** Windows-1252's 0x80–0x9F (Node's TextDecoder gives C1 controls there; browsers these). */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** A character as the byte it was read from in Latin-1 or Windows-1252; -1 for none. */
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  const high = CP1252_HIGH.indexOf(char);
  return high >= 0 ? 0x80 + high : -1;
}

// A UTF-8 continuation byte (0x80–0xBF) as Latin-1 or Windows-1252 shows it.
const CONT = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
/** One UTF-8 character read byte by byte as Latin-1/Windows-1252: a lead byte and its continuations. */
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8, or null when they are not UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 read as Latin-1 or Windows-1252, read back as UTF-8 where it is exactly that; the rest as it is. */
export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  // Twice: a value garbled twice over (exported, imported, exported again) comes back too.
  let out = text;
  for (let round = 0; round < 2; round += 1) {
    const next = out.replace(MOJIBAKE, (run) => {
      const bytes = Array.from(run, byteOf);
      return bytes.includes(-1) ? run : (utf8OrNull(Uint8Array.from(bytes)) ?? run);
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The length of the UTF-8 sequence a lead byte starts, 0 for a byte no sequence starts with. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Bytes meant as UTF-8 that are not all UTF-8: each valid character read, each byte that is not
 * part of one kept as quoted-printable writes it (`=E2`). `multibyte`: how many characters beyond
 * ASCII were valid (none: the bytes were likely never UTF-8 at all).
 */
export function utf8WithEscapes(bytes: Uint8Array): { text: string; multibyte: number; invalid: number } {
  let text = '';
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    const char = length > 1 ? utf8OrNull(bytes.subarray(i, i + length)) : null;
    if (length === 1) {
      text += String.fromCharCode(lead);
      i += 1;
    } else if (char !== null && i + length <= bytes.length) {
      text += char;
      multibyte += 1;
      i += length;
    } else {
      text += hex(lead);
      invalid += 1;
      i += 1;
    }
  }
  return { text, multibyte, invalid };
}

/**
 * A value that says it was not read cleanly: a replacement character (U+FFFD), or a byte kept as
 * quoted-printable writes it because no charset read it (`=E2`: a byte from 0x80 up; "=3D" and
 * other ASCII escapes always decode, so a value with one left is never ordinary text).
 */
export function isUnclearText(value: string | undefined | null): boolean {
  return typeof value === 'string' && /\uFFFD|=[89A-F][0-9A-F]/.test(value);
}
