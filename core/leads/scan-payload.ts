/**
 * Reading what a badge or business-card code holds (a QR read by the camera, a barcode typed by a
 * USB scanner, or a .vcf file) into partial leads for the capture form to check and complete.
 *
 * Values stay raw strings: the form normalises phones, countries and URLs with the rules it
 * already has, so a card that parses here is never rejected for a detail the person can fix.
 * The parser is lenient on purpose — codes are printed by every badge system and phone there is —
 * and never throws: what it cannot read at all comes back as an error code the UI translates.
 */
import { cleanText } from '../text-safety';

/** A partial lead read from a code. Lists are in the order the code gave them, without repeats. */
export interface ScannedCard {
  personName?: string;
  position?: string;
  phones: string[];
  emails: string[];
  companyName?: string;
  city?: string;
  country?: string;
  website?: string;
  notes?: string;
}

/** What kind of payload it was, so the UI can say "vCard with 3 contacts" or "just a web address". */
export type ScanFormat = 'vcard' | 'mecard' | 'url' | 'mailto' | 'tel' | 'text';

/** `empty`: nothing but whitespace. `unrecognised`: no contact detail could be found in it. */
export type ScanParseError = 'empty' | 'unrecognised';

export type ScanParseResult =
  | { ok: true; value: { format: ScanFormat; cards: ScannedCard[] } }
  | { ok: false; error: ScanParseError };

/**
 * Reads any payload a code can carry: vCard (one or many), MeCard, a URI, or plain text. The
 * values never hold a control character or a broken one (see `cleanCards`).
 */
export function parseScanPayload(text: string): ScanParseResult {
  return cleanCards(readPayload(text));
}

function readPayload(text: string): ScanParseResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, error: 'empty' };

  if (/BEGIN:VCARD/i.test(trimmed)) {
    const cards = parseVCards(trimmed);
    if (cards.length > 0) return success('vcard', cards);
  }
  if (/^MECARD:/i.test(trimmed)) {
    const card = parseMeCard(trimmed);
    if (card) return success('mecard', [card]);
  }
  const uri = parseUri(trimmed);
  if (uri) return success(uri.format, [uri.card]);

  const card = parsePlainText(trimmed);
  return card ? success('text', [card]) : { ok: false, error: 'unrecognised' };
}

/**
 * Reads a .vcf file: every vCard in it, skipping cards with no usable field. A file with no card
 * at all is `unrecognised` (a .vcf import should not fall back to guessing from plain text).
 */
export function parseVcfFile(text: string): ScanParseResult {
  const cards = parseVCards(text.replace(/^\uFEFF/, ''));
  if (cards.length > 0) return cleanCards(success('vcard', cards));
  return { ok: false, error: text.trim() ? 'unrecognised' : 'empty' };
}

/**
 * The cards without the characters no field may hold (core/text-safety.ts): a NUL or another
 * control character but tab and line breaks, an unpaired surrogate. They come in the code or the
 * file itself, or out of its escapes (`=00` in quoted-printable, `%00` in a `mailto:`); only they
 * are taken out, the rest of each value is kept. A value left empty is dropped, and a card left
 * with nothing is no card.
 */
function cleanCards(result: ScanParseResult): ScanParseResult {
  if (!result.ok) return result;
  const cards = result.value.cards.map(cleanCard).filter(hasContent);
  return cards.length > 0 ? success(result.value.format, cards) : { ok: false, error: 'unrecognised' };
}

function cleanCard(card: ScannedCard): ScannedCard {
  const cleaned = emptyCard();
  for (const phone of card.phones) pushUnique(cleaned.phones, cleanText(phone).text);
  for (const email of card.emails) pushUnique(cleaned.emails, cleanText(email).text);
  for (const key of ['personName', 'position', 'companyName', 'city', 'country', 'website', 'notes'] as const) {
    const value = card[key] === undefined ? '' : cleanText(card[key]).text;
    if (value.trim()) cleaned[key] = value;
  }
  return cleaned;
}

function success(format: ScanFormat, cards: ScannedCard[]): ScanParseResult {
  return { ok: true, value: { format, cards } };
}

function emptyCard(): ScannedCard {
  return { phones: [], emails: [] };
}

/** A card with nothing in it is not worth a form; used to drop empty vCards and garbage. */
function hasContent(card: ScannedCard): boolean {
  return Boolean(
    card.personName || card.position || card.companyName || card.city || card.country || card.website || card.notes ||
      card.phones.length || card.emails.length,
  );
}

function pushUnique(list: string[], value: string | undefined): void {
  const clean = value?.trim();
  if (clean && !list.includes(clean)) list.push(clean);
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

// ---------------------------------------------------------------------------------------------
// vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350)

interface ContentLine {
  name: string;
  params: Map<string, string[]>;
  /** Bare parameters of vCard 2.1 (`TEL;WORK;VOICE:`), upper-cased. */
  flags: Set<string>;
  value: string;
}

/** Splits a text into vCards and reads each; text outside BEGIN/END is ignored. */
function parseVCards(text: string): ScannedCard[] {
  const cards: ScannedCard[] = [];
  let current: ContentLine[] | null = null;
  // vCard 2.1 may nest a card (AGENT); its lines belong to the agent, not to this contact.
  let nested = 0;
  for (const line of unfoldLines(text)) {
    const parsed = parseContentLine(line);
    if (!parsed) continue;
    if (parsed.name === 'BEGIN' && /^VCARD$/i.test(parsed.value.trim())) {
      if (current) nested += 1;
      else current = [];
      continue;
    }
    if (parsed.name === 'END' && /^VCARD$/i.test(parsed.value.trim())) {
      if (nested > 0) nested -= 1;
      else if (current) {
        cards.push(cardFromLines(current));
        current = null;
      }
      continue;
    }
    if (current && nested === 0) current.push(parsed);
  }
  // A code cut short (a damaged print, a scanner buffer limit) still gives what it had.
  if (current) cards.push(cardFromLines(current));
  return cards.filter(hasContent);
}

/**
 * Joins folded lines: a line starting with a space or tab continues the previous one (the one
 * whitespace character is dropped). Quoted-printable values of vCard 2.1 fold differently: a line
 * ending in `=` continues on the next line whatever that starts with.
 */
function unfoldLines(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const logical: string[] = [];
  for (const line of physical) {
    const last = logical.length - 1;
    const previous = logical[last];
    if (previous !== undefined && (line.startsWith(' ') || line.startsWith('\t'))) {
      logical[last] = previous + line.slice(1);
    } else if (previous !== undefined && isQuotedPrintableLine(previous) && previous.endsWith('=')) {
      logical[last] = previous.slice(0, -1) + line;
    } else {
      logical.push(line);
    }
  }
  return logical;
}

function isQuotedPrintableLine(line: string): boolean {
  const colon = indexOfUnquoted(line, ':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon));
}

/** Index of `char` outside double quotes (parameter values may quote a colon), or -1. */
function indexOfUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) return i;
  }
  return -1;
}

function parseContentLine(line: string): ContentLine | null {
  const colon = indexOfUnquoted(line, ':');
  if (colon <= 0) return null;
  const head = line.slice(0, colon);
  const [rawName = '', ...rawParams] = splitUnquoted(head, ';');
  // Apple and Google write `item1.TEL` to group a value with its label; the group is dropped.
  const name = rawName.slice(rawName.lastIndexOf('.') + 1).trim().toUpperCase();
  if (!name) return null;
  const params = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      flags.add(param.trim().toUpperCase());
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const values = splitUnquoted(param.slice(eq + 1), ',').map((v) => v.trim().replace(/^"|"$/g, ''));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = line.slice(colon + 1);
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE' || flags.has('QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  } else if (encoding === 'B' || encoding === 'BASE64' || flags.has('BASE64')) {
    value = ''; // photos and keys: nothing a lead form can use
  }
  return { name, params, flags, value };
}

function splitUnquoted(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `=C3=A9` byte escapes, decoded in the card's charset (UTF-8 unless it says otherwise). */
function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  const chars = Array.from(value.replace(/=\r?\n/g, ''));
  const encoder = new TextEncoder();
  for (let i = 0; i < chars.length; i += 1) {
    const hex = (chars[i + 1] ?? '') + (chars[i + 2] ?? '');
    if (chars[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Characters outside ASCII should not be there, but old phones write them; keep as UTF-8.
      bytes.push(...encoder.encode(chars[i]));
    }
  }
  const decoder = (() => {
    try {
      return new TextDecoder(charset);
    } catch {
      return new TextDecoder('utf-8'); // a charset label the runtime does not know
    }
  })();
  return decoder.decode(new Uint8Array(bytes));
}

/** Splits a structured value (N, ADR, ORG) on unescaped `;`, then unescapes each component. */
function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i += 1;
    } else if (c === ';') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

/** RFC 6350 §3.4 text escapes: `\n` `\N` newline, `\,` `\;` `\\`; `\:` is common in the wild. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function hasType(line: ContentLine, type: string): boolean {
  const wanted = type.toUpperCase();
  return line.flags.has(wanted) || (line.params.get('TYPE') ?? []).some((t) => t.toUpperCase() === wanted);
}

function cardFromLines(lines: ContentLine[]): ScannedCard {
  const card = emptyCard();
  let formatted: string | undefined;
  let structuredName: string | undefined;
  let role: string | undefined;
  const notes: string[] = [];
  const addresses: ContentLine[] = [];
  for (const line of lines) {
    switch (line.name) {
      case 'FN':
        formatted ??= clean(unescapeText(line.value));
        break;
      case 'N': {
        const [family, given, additional] = components(line.value);
        structuredName ??= clean([given, additional, family].filter(Boolean).join(' '));
        break;
      }
      case 'ORG':
        card.companyName ??= clean(components(line.value)[0]);
        break;
      case 'TITLE':
        card.position ??= clean(unescapeText(line.value));
        break;
      case 'ROLE':
        role ??= clean(unescapeText(line.value));
        break;
      case 'TEL':
        pushUnique(card.phones, telValue(unescapeText(line.value)));
        break;
      case 'EMAIL':
        pushUnique(card.emails, unescapeText(line.value).replace(/^mailto:/i, ''));
        break;
      case 'ADR':
        addresses.push(line);
        break;
      case 'URL':
        card.website ??= clean(unescapeText(line.value));
        break;
      case 'NOTE': {
        const note = unescapeText(line.value).trim();
        if (note) notes.push(note);
        break;
      }
      default:
        break; // PHOTO, BDAY, X-… and the rest: nothing the lead form holds
    }
  }
  card.personName = formatted ?? structuredName;
  card.position ??= role;
  // The work address is the one a trade-fair lead is about; else the first one given.
  const address = addresses.find((a) => hasType(a, 'WORK')) ?? addresses[0];
  if (address) {
    const parts = components(address.value);
    card.city = clean(parts[3]);
    card.country = clean(parts[6]);
  }
  if (notes.length) card.notes = notes.join('\n');
  return dropUndefined(card);
}

/** vCard 4 writes phones as `tel:` URIs (`tel:+36-30-123-4567;ext=12`); the form wants the number. */
function telValue(value: string): string {
  const trimmed = value.trim();
  if (!/^tel:/i.test(trimmed)) return trimmed;
  const [number = '', ...params] = trimmed.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  return ext ? `${number} ext. ${ext.slice(4)}` : number;
}

function dropUndefined(card: ScannedCard): ScannedCard {
  for (const key of Object.keys(card) as (keyof ScannedCard)[]) {
    if (card[key] === undefined) delete card[key];
  }
  return card;
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
        pushUnique(card.phones, value);
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
        card.website ??= value;
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
  const result = dropUndefined(card);
  return hasContent(result) ? result : null;
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
    pushUnique(card.phones, number);
    return { format: 'tel', card };
  }
  if (/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(text)) {
    card.website = text;
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
      pushUnique(card.phones, phone);
      continue;
    }
    const bare = line.replace(LABEL, '').trim();
    if (!card.website && WEBSITE.test(bare) && !/^\d/.test(bare)) {
      card.website = bare;
      continue;
    }
    if (emails.length) continue; // a line like "Email: a@b.hu (work)": the email is what counts
    if (!card.companyName && COMPANY.test(line)) {
      card.companyName = line;
      continue;
    }
    rest.push(line);
  }
  const contact = card.emails.length > 0 || card.phones.length > 0 || card.website !== undefined;
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
