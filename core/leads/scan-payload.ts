/**
 * Reading what a badge or business-card code holds (a QR read by the camera, a barcode typed by a
 * USB scanner, or a .vcf file) into partial leads for the capture form to check and complete.
 *
 * Values stay as the code wrote them: the form and the import normalise phones, countries and
 * URLs with the rules they already have, so a card that parses here is never rejected for a
 * detail the person can fix. The parser is lenient on purpose — codes are printed by every badge
 * system and phone there is — and never throws: what it cannot read at all comes back as an error
 * code the UI translates. vCards are read by ./vcard.ts.
 */
import { cleanText } from '../text-safety';
import { cardFromLines, cardLabel, decodeVcfBytes, emptyCard, isGroupCard, splitVCards, telValue, type ScannedCard, type SkippedCard } from './vcard';

export type { CardExtra, CardExtraField, ScannedAddress, ScannedCard, ScannedPhone, ScannedPicture, SkippedCard, SkipReason } from './vcard';
export { CARD_EXTRA_FIELDS, cardDate, unclearCardFields } from './vcard';

/** What kind of payload it was, so the UI can say "vCard with 3 contacts" or "just a web address". */
export type ScanFormat = 'vcard' | 'mecard' | 'url' | 'mailto' | 'tel' | 'text';

/** `empty`: nothing but whitespace. `unrecognised`: no contact detail could be found in it. */
export type ScanParseError = 'empty' | 'unrecognised';

export type ScanParseResult =
  | { ok: true; value: { format: ScanFormat; cards: ScannedCard[] } }
  | { ok: false; error: ScanParseError };

/** A .vcf file read: its cards, and the cards that give no lead with the reason (a group, an empty card). */
export type VcfParseResult = { ok: true; value: { format: 'vcard'; cards: ScannedCard[]; skipped: SkippedCard[] } } | { ok: false; error: ScanParseError };

/**
 * Reads any payload a code can carry: vCard (one or many), MeCard, a URI, or plain text. The
 * values never hold a control character or a broken one (see `cleanCard`).
 */
export function parseScanPayload(text: string): ScanParseResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, error: 'empty' };
  const result = readPayload(trimmed);
  if (!result) return { ok: false, error: 'unrecognised' };
  const cards = result.cards.map(cleanCard).filter(hasContent);
  return cards.length > 0 ? { ok: true, value: { format: result.format, cards } } : { ok: false, error: 'unrecognised' };
}

function readPayload(trimmed: string): { format: ScanFormat; cards: ScannedCard[] } | null {
  if (/BEGIN:VCARD/i.test(trimmed)) {
    const cards = splitVCards(trimmed)
      .filter((lines) => !isGroupCard(lines))
      .map(cardFromLines);
    if (cards.some(hasContent)) return { format: 'vcard', cards };
  }
  if (/^MECARD:/i.test(trimmed)) {
    const card = parseMeCard(trimmed);
    if (card) return { format: 'mecard', cards: [card] };
  }
  const uri = parseUri(trimmed);
  if (uri) return { format: uri.format, cards: [uri.card] };
  const card = parsePlainText(trimmed);
  return card ? { format: 'text', cards: [card] } : null;
}

/**
 * Reads a .vcf file (its bytes, so an 8-bit Windows-1252 export keeps its "ü": see
 * `decodeVcfBytes`): every vCard in it, in order. A card that can give no lead — a contact group,
 * a card with nothing in it — is listed in `skipped` with its position and reason, never dropped
 * unsaid. A file with no card at all is `unrecognised` (a .vcf import does not guess from text).
 */
export function parseVcfFile(input: string | Uint8Array): VcfParseResult {
  const text = (typeof input === 'string' ? input : decodeVcfBytes(input)).replace(/^\uFEFF/, '');
  const cards: ScannedCard[] = [];
  const skipped: SkippedCard[] = [];
  splitVCards(text).forEach((lines, i) => {
    const position = i + 1;
    if (isGroupCard(lines)) {
      skipped.push({ position, name: cleanText(cardLabel(lines)).text, reason: 'group' });
      return;
    }
    const card = cleanCard(cardFromLines(lines));
    if (hasContent(card)) cards.push(card);
    else skipped.push({ position, name: '', reason: 'empty' });
  });
  if (cards.length === 0 && skipped.length === 0) return { ok: false, error: text.trim() ? 'unrecognised' : 'empty' };
  return { ok: true, value: { format: 'vcard', cards, skipped } };
}

/**
 * The card without the characters no field may hold (core/text-safety.ts): a NUL or another
 * control character but tab and line breaks, an unpaired surrogate. They come in the code or the
 * file itself, or out of its escapes (`=00` in quoted-printable, `%00` in a `mailto:`); only they
 * are taken out, the rest of each value is kept. A value left empty is dropped.
 */
function cleanCard(card: ScannedCard): ScannedCard {
  const text = (value: string) => cleanText(value).text.trim();
  const cleaned = emptyCard();
  for (const phone of card.phones) {
    const number = text(phone.number);
    if (number && !cleaned.phones.some((p) => p.number === number)) cleaned.phones.push({ ...phone, number, label: text(phone.label) });
  }
  for (const list of ['emails', 'websites', 'departments'] as const) {
    for (const value of card[list].map(text)) if (value && !cleaned[list].includes(value)) cleaned[list].push(value);
  }
  for (const address of card.addresses) {
    const a = { ...address, poBox: text(address.poBox), extended: text(address.extended), street: text(address.street), city: text(address.city), region: text(address.region), postcode: text(address.postcode), country: text(address.country) };
    if ([a.poBox, a.extended, a.street, a.city, a.region, a.postcode, a.country].some(Boolean)) cleaned.addresses.push(a);
  }
  for (const key of ['personName', 'position', 'companyName', 'city', 'country', 'birthday'] as const) {
    const value = card[key] === undefined ? '' : text(card[key]);
    if (value) cleaned[key] = value;
  }
  const notes = card.notes === undefined ? '' : cleanText(card.notes).text.trim();
  if (notes) cleaned.notes = notes;
  cleaned.pictures = card.pictures;
  for (const e of card.extras) {
    const value = text(e.value);
    if (value) cleaned.extras.push({ field: e.field, name: text(e.name), value });
  }
  return cleaned;
}

/** A card with nothing in it is not worth a form; used to drop empty vCards and garbage. */
function hasContent(card: ScannedCard): boolean {
  return Boolean(
    card.personName ||
      card.position ||
      card.companyName ||
      card.city ||
      card.country ||
      card.notes ||
      card.birthday ||
      card.phones.length ||
      card.emails.length ||
      card.websites.length ||
      card.addresses.length ||
      card.departments.length ||
      card.pictures.length ||
      card.extras.length,
  );
}

function pushUnique(list: string[], value: string | undefined): void {
  const clean = value?.trim();
  if (clean && !list.includes(clean)) list.push(clean);
}

function pushPhone(card: ScannedCard, value: string | undefined): void {
  const number = value?.trim();
  if (number && !card.phones.some((p) => p.number === number)) card.phones.push({ number, kind: '', label: '' });
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

// ---------------------------------------------------------------------------------------------
// MeCard (NTT Docomo): MECARD:N:Doe,John;TEL:+1…;EMAIL:…;;

function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i += 1;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

const unescapeMeCard = (value: string) => value.replace(/\\(.)/g, '$1');

function parseMeCard(text: string): ScannedCard | null {
  const card = emptyCard();
  const notes: string[] = [];
  for (const field of splitEscaped(text.replace(/^MECARD:/i, ''), ';')) {
    const [rawKey = '', ...rest] = splitEscaped(field, ':');
    const key = rawKey.trim().toUpperCase();
    const raw = rest.join(':');
    const value = unescapeMeCard(raw).trim();
    if (!value) continue;
    switch (key) {
      case 'N': {
        // "Family,Given" by the specification; a single name stays as written.
        const [family = '', given = ''] = splitEscaped(raw, ',').map((p) => unescapeMeCard(p).trim());
        card.personName ??= clean([given, family].filter(Boolean).join(' '));
        break;
      }
      case 'TEL':
        pushPhone(card, value);
        break;
      case 'EMAIL':
        pushUnique(card.emails, value);
        break;
      case 'ORG':
        card.companyName ??= value;
        break;
      case 'TITLE':
        card.position ??= value;
        break;
      case 'URL':
        pushUnique(card.websites, value);
        break;
      case 'NOTE':
        notes.push(value);
        break;
      case 'ADR': {
        // The specification's ADR has seven comma-separated parts (PO box, room, street, city,
        // region, postcode, country); generators often write a free address instead, which is
        // kept as a note for the person to place.
        const parts = splitEscaped(raw, ',').map((p) => unescapeMeCard(p).trim());
        if (parts.length === 7) {
          card.city = clean(parts[3]);
          card.country = clean(parts[6]);
        } else notes.push(value);
        break;
      }
      default:
        break;
    }
  }
  if (notes.length) card.notes = notes.join('\n');
  return hasContent(card) ? card : null;
}

// ---------------------------------------------------------------------------------------------
// A code that is just a URI

function parseUri(text: string): { format: ScanFormat; card: ScannedCard } | null {
  if (/\s/.test(text)) return null;
  const card = emptyCard();
  if (/^mailto:/i.test(text)) {
    const addresses = safeDecode(text.slice(7).split('?')[0] ?? '').split(',');
    for (const address of addresses) if (EMAIL_ONLY.test(address.trim())) pushUnique(card.emails, address);
    return card.emails.length ? { format: 'mailto', card } : null;
  }
  if (/^tel:/i.test(text)) {
    const number = telValue(safeDecode(text));
    if (countDigits(number) < 3) return null;
    pushPhone(card, number);
    return { format: 'tel', card };
  }
  if (/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(text)) {
    card.websites.push(text);
    return { format: 'url', card };
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text, e.g. "Anna Kovács\nSales Director\nExample Kft\n+36 30 123 4567\nanna@example.hu"

const EMAIL_ONLY = /^[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;
const EMAIL_ANYWHERE = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** An optional label before a phone or address: "Tel:", "M.", "Mobil", "Тел.:", "E-mail:". */
const LABEL = /^(?:tel|phone|mobile?|mob|cell|fax|t|m|p|ph|telefon|tél|тел|телефон|моб|e-?mail|email|mail|web|www|url|website|e|w)\s*\.?\s*[:.]?\s+|^(?:[a-zа-я-]{1,10}\s*:\s*)/iu;
const PHONE = /^(?:\+|00)?[\d\s()./-]+$/;
const WEBSITE = /^(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:\/\S*)?$/iu;
/** Legal forms that mark a line as the company name rather than the person or the title. */
const COMPANY = /(?:^|[\s,])(?:kft|zrt|nyrt|bt|gmbh|ag|ug|kg|ltd|limited|llc|llp|plc|inc|corp|co|s\.?a|s\.?r\.?l|s\.?r\.?o|sp\. z o\.o|oy|ab|as|a\/s|bv|nv|spa|sas|sarl|ооо|оао|зао|пао|ао|ип|тов)\.?(?=$|[\s,])/iu;

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** A line that is one phone number (after an optional label), with 7 to 15 digits as E.164 allows. */
function phoneIn(line: string): string | undefined {
  const bare = line.replace(LABEL, '').trim();
  const digits = countDigits(bare);
  return PHONE.test(bare) && digits >= 7 && digits <= 15 ? bare : undefined;
}

/**
 * Free text, one detail per line as badges print them. Emails, phones and web addresses are
 * recognised by their shape wherever they are; a line with a company legal form (Kft, GmbH,
 * Ltd, ООО …) is the company; of the remaining lines the first is the person's name, the second
 * the position, and the rest go to notes. A lone line is taken only if it looks like a name
 * (2–4 words of letters), so an attendee id or binary junk is `unrecognised`, not a name.
 */
function parsePlainText(text: string): ScannedCard | null {
  const card = emptyCard();
  const rest: string[] = [];
  // Control characters mean binary data or a ticket code, not text a person wrote.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(text)) return null;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const emails = line.match(EMAIL_ANYWHERE) ?? [];
    if (emails.length) {
      for (const email of emails) pushUnique(card.emails, email);
      const left = emails.reduce((acc, e) => acc.replace(e, ''), line).replace(LABEL, '').replace(/[\s,;:|/]+/g, '');
      if (!left) continue;
    }
    const phone = phoneIn(line);
    if (phone) {
      pushPhone(card, phone);
      continue;
    }
    const bare = line.replace(LABEL, '').trim();
    if (card.websites.length === 0 && WEBSITE.test(bare) && !/^\d/.test(bare)) {
      card.websites.push(bare);
      continue;
    }
    if (emails.length) continue; // a line like "Email: a@b.hu (work)": the email is what counts
    if (!card.companyName && COMPANY.test(line)) {
      card.companyName = line;
      continue;
    }
    rest.push(line);
  }
  const contact = card.emails.length > 0 || card.phones.length > 0 || card.websites.length > 0;
  if (!contact && card.companyName === undefined && !rest.some(looksLikeName)) return null;
  const [name, position, ...others] = rest;
  if (name) card.personName = name;
  if (position) card.position = position;
  if (others.length) card.notes = others.join('\n');
  return card;
}

function looksLikeName(line: string): boolean {
  return /^\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){1,3}$/u.test(line);
}
