/**
 * Reading vCards (2.1, 3.0 RFC 2426, 4.0 RFC 6350) as phones, mail programs and badge printers
 * write them, into `ScannedCard`s: every phone with its type, every email and web address, every
 * address in its parts, the organisation with its departments, title, birthday, note, the photo's
 * bytes, and — labelled — whatever else the card says (nickname, anniversary, instant messaging…).
 * Only technical lines (version, revision, ids, layout hints) are left out, named in TECHNICAL.
 *
 * Hand-written rather than a library: the npm vCard parsers read 3.0/4.0 only (ical.js, vcard4)
 * or none of 2.1's quoted-printable in other charsets, bare parameters and 8-bit Windows-1252
 * files, which is what Android, Outlook and BlackBerry write. The corpus that shows it is in
 * fixtures/vcards (README.md there says where each shape comes from).
 *
 * Lenient on purpose, and never throws: a line it cannot read is skipped, a value it cannot
 * understand is kept as written (a birthday it cannot read goes to the extras, a country it does
 * not know stays as text for the form to mark).
 */
import type { LeadPhoneKind } from './lead-model';
import { CP1252_HIGH, isUnclearText, repairMojibake, utf8OrNull, utf8WithEscapes } from './unclear-text';

export interface ScannedPhone {
  number: string;
  /** '' when the card does not say. */
  kind: LeadPhoneKind | '';
  /** A label of the card's own ("Switchboard", Apple's X-ABLabel), '' when none. */
  label: string;
}

export type AddressKind = 'work' | 'home' | 'other';

/** An address in its parts; `country` as the card writes it ("U.S.A.", "Magyarország", "gb"). */
export interface ScannedAddress {
  kind: AddressKind;
  poBox: string;
  extended: string;
  street: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
}

/** A picture the card carries (its bytes): the person's photo or the company's logo. */
export interface ScannedPicture {
  kind: 'photo' | 'logo';
  mime: string;
  bytes: Uint8Array;
}

/**
 * What the card says that has no field of its own. `field` names it for the notes' label (the UI
 * translates it); `name` is the card's own word for it (the property, or its label).
 */
export interface CardExtra {
  field: CardExtraField;
  name: string;
  value: string;
}

export const CARD_EXTRA_FIELDS = [
  'nickname',
  'anniversary',
  'related',
  'im',
  'social',
  'categories',
  'role',
  'title',
  'organisation',
  'gender',
  'language',
  'timeZone',
  'location',
  'photoLink',
  'birthday',
  'addressLabel',
  'phoneticName',
  'key',
  'fullName',
  'country',
  'other',
] as const;
export type CardExtraField = (typeof CARD_EXTRA_FIELDS)[number];

/** A partial lead read from a code. Lists are in the order the code gave them (preferred first), without repeats. */
export interface ScannedCard {
  personName?: string;
  position?: string;
  companyName?: string;
  departments: string[];
  phones: ScannedPhone[];
  emails: string[];
  websites: string[];
  addresses: ScannedAddress[];
  /** The lead's place: the work address's city and country as written (or the first address's). */
  city?: string;
  country?: string;
  /** YYYY-MM-DD, or --MM-DD without a year. */
  birthday?: string;
  pictures: ScannedPicture[];
  notes?: string;
  extras: CardExtra[];
}

/** Why a card in a file gives no lead at all. */
export type SkipReason = 'empty' | 'group';

export interface SkippedCard {
  /** 1-based position of the card in the file. */
  position: number;
  /** Its name, when it has one. */
  name: string;
  reason: SkipReason;
}

/**
 * The card's fields whose text was not read cleanly (unclear-text.ts: bytes no charset read, a
 * replacement character), as the lead names them: kept as they came, for the person to check.
 */
export function unclearCardFields(card: ScannedCard): string[] {
  const fields: string[] = [];
  for (const key of ['personName', 'companyName', 'position', 'city', 'country', 'notes'] as const) if (isUnclearText(card[key])) fields.push(key);
  if (card.departments.some(isUnclearText)) fields.push('departments');
  if (card.addresses.some((a) => [a.poBox, a.extended, a.street, a.city, a.region, a.postcode, a.country].some(isUnclearText))) fields.push('addresses');
  if (card.phones.some((p) => isUnclearText(p.label))) fields.push('otherPhones');
  if (card.extras.some((e) => isUnclearText(e.value))) fields.push('notes');
  return [...new Set(fields)];
}

export const emptyCard = (): ScannedCard => ({ departments: [], phones: [], emails: [], websites: [], addresses: [], pictures: [], extras: [] });

// ---------------------------------------------------------------------------------------------
// Bytes and lines

/**
 * A .vcf file's text. UTF-8 when the bytes are UTF-8; otherwise (Outlook and old phones write
 * 8-bit Windows-1252 or another `CHARSET=`), line by line in the line's own charset, else as
 * `decodeIn` reads bytes whose charset is not said.
 */
export function decodeVcfBytes(bytes: Uint8Array): string {
  const whole = utf8OrNull(bytes);
  if (whole !== null) return whole;
  // not UTF-8 as a whole: decode each line by what it says
  const lines: string[] = [];
  let charset = '';
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    start = i + 1;
    const head = String.fromCharCode(...line.subarray(0, Math.min(line.length, 200)));
    // A folded line continues the previous one, in its charset.
    if (!/^[ \t]/.test(head)) charset = /;CHARSET=([^;:]+)/i.exec(head.split(':')[0] ?? '')?.[1] ?? '';
    lines.push(decodeIn(line, charset));
  }
  return lines.join('\n');
}

/** Encodings in which bytes may be valid UTF-8 by chance: a card in one is never read as UTF-8 instead. */
const MULTIBYTE = new Set(['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);

/**
 * Bytes in `charset` ('' when the card does not say one). Nothing is dropped or guessed away:
 * - Not said: UTF-8 when the bytes are; UTF-8 with bytes missing or cut (some characters valid)
 *   keeps the bytes that are no character as `=E2` (unclear-text.ts), marked; else Windows-1252,
 *   in which every byte is a character (Outlook's 8-bit files).
 * - Said, and single-byte (ISO-8859-1, Windows-1250 …) but the bytes are UTF-8 beyond ASCII: the
 *   card wrote UTF-8 and named another charset; read as Latin-1 they would be "Ã©", so UTF-8.
 * - Said, and the bytes are not in it (a `CHARSET=UTF-8` line of Latin-1 bytes), or a charset
 *   nobody knows: UTF-8 when they are, else the bytes that are no character kept as `=E1`, marked.
 */
function decodeIn(bytes: Uint8Array, charset: string): string {
  const utf8 = utf8OrNull(bytes);
  const label = charset.trim().toLowerCase();
  if (!label) {
    if (utf8 !== null) return utf8;
    const partial = utf8WithEscapes(bytes);
    return partial.multibyte > 0 ? partial.text : decodeWindows1252(bytes);
  }
  let encoding: string | null = null;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    // a charset the Encoding Standard does not know
  }
  if (encoding !== null && !MULTIBYTE.has(encoding) && utf8 !== null) return utf8;
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding !== null && encoding !== 'utf-8') {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not in the charset it says
    }
  }
  return utf8 ?? utf8WithEscapes(bytes).text;
}

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

interface ContentLine {
  /** `item1` of `item1.TEL` (Apple and Google group a value with its label this way), upper-cased. */
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare parameters of vCard 2.1 (`TEL;WORK;VOICE:`), upper-cased. */
  flags: Set<string>;
  /** The value, quoted-printable decoded; escapes still in. */
  value: string;
  /** Inline binary data (ENCODING=b / BASE64), decoded. */
  bytes?: Uint8Array;
}

/**
 * Splits a text into vCards: the lines of each (nested 2.1 AGENT cards belong to their agent, not
 * here). A card whose END:VCARD is missing ends where the next BEGIN:VCARD starts — unless that
 * card is an AGENT's, right after an empty AGENT line — so one damaged card never takes the
 * contacts after it with it.
 */
export function splitVCards(text: string): ContentLine[][] {
  const cards: ContentLine[][] = [];
  let current: ContentLine[] | null = null;
  let nested = 0;
  let afterAgent = false;
  for (const line of unfoldLines(text)) {
    const parsed = parseContentLine(line);
    if (!parsed) continue;
    const isCardEdge = /^VCARD$/i.test(parsed.value.trim());
    const agentBefore = afterAgent;
    afterAgent = parsed.name === 'AGENT' && parsed.value.trim() === '';
    if (parsed.name === 'BEGIN' && isCardEdge) {
      if (current && (nested > 0 || agentBefore)) nested += 1;
      else {
        if (current) cards.push(current);
        current = [];
      }
      continue;
    }
    if (parsed.name === 'END' && isCardEdge) {
      if (nested > 0) nested -= 1;
      else if (current) {
        cards.push(current);
        current = null;
      }
      continue;
    }
    if (current && nested === 0) current.push(parsed);
  }
  // A code cut short (a damaged print, a scanner buffer limit) still gives what it had.
  if (current) cards.push(current);
  return cards;
}

/**
 * Joins folded lines: a line starting with a space or tab continues the previous one (the one
 * whitespace character is dropped). Quoted-printable values of vCard 2.1 fold differently: a line
 * ending in `=` continues on the next line whatever that starts with.
 */
function unfoldLines(text: string): string[] {
  const logical: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const last = logical.length - 1;
    const previous = logical[last];
    if (previous !== undefined && (line.startsWith(' ') || line.startsWith('\t'))) {
      logical[last] = previous + line.slice(1);
    } else if (previous !== undefined && previous.endsWith('=') && isQuotedPrintableLine(previous) && !startsProperty(line)) {
      logical[last] = previous.slice(0, -1) + line;
    } else if (previous !== undefined && line.trim() && indexOfUnquoted(line, ':') < 0 && isQuotedPrintableLine(previous)) {
      // A quoted-printable value whose soft line break lost its `=` (a mail program rewrapped
      // the file): the line with no property of its own is the rest of the value.
      logical[last] = previous + line;
    } else {
      logical.push(line);
    }
  }
  return logical;
}

/**
 * Whether a line starts a property of its own ("END:VCARD", "TEL;CELL:…", "item1.EMAIL:…"): a
 * quoted-printable value ending in a soft line break `=` whose next line is lost (a file cut
 * short, a card cut by a mail program) does not swallow the line after it.
 */
function startsProperty(line: string): boolean {
  const head = /^(?:[A-Za-z0-9-]+\.)?([A-Z][A-Z0-9-]*)[;:]/.exec(line);
  return head !== null && (KNOWN_PROPERTIES.has(head[1]!) || head[1]!.startsWith('X-'));
}

const KNOWN_PROPERTIES = new Set(['BEGIN', 'END', 'VERSION', 'FN', 'N', 'ORG', 'TITLE', 'ROLE', 'TEL', 'EMAIL', 'ADR', 'LABEL', 'URL', 'BDAY', 'NOTE', 'PHOTO', 'LOGO', 'NICKNAME', 'ANNIVERSARY', 'RELATED', 'CATEGORIES', 'GENDER', 'LANG', 'TZ', 'GEO', 'KEY', 'IMPP', 'REV', 'UID', 'PRODID', 'SOUND', 'AGENT', 'MAILER', 'SOURCE', 'KIND', 'MEMBER', 'CLIENTPIDMAP', 'SORT-STRING']);

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

/** RFC 6868 parameter escapes: ^n newline, ^' double quote, ^^ caret. */
const unescapeParam = (v: string) => v.replace(/\^(['n^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));

function parseContentLine(line: string): ContentLine | null {
  const colon = indexOfUnquoted(line, ':');
  if (colon <= 0) return null;
  const [rawName = '', ...rawParams] = splitUnquoted(line.slice(0, colon), ';');
  const dot = rawName.lastIndexOf('.');
  const name = rawName.slice(dot + 1).trim().toUpperCase();
  if (!name) return null;
  const group = dot > 0 ? rawName.slice(0, dot).trim().toUpperCase() : '';
  const params = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      if (param.trim()) flags.add(param.trim().toUpperCase());
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const values = splitUnquoted(param.slice(eq + 1), ',').map((v) => unescapeParam(v.trim().replace(/^"|"$/g, '')));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = line.slice(colon + 1);
  let bytes: Uint8Array | undefined;
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE' || flags.has('QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  } else if (encoding === 'B' || encoding === 'BASE64' || flags.has('BASE64')) {
    bytes = decodeBase64(value);
    value = '';
  }
  // A value a program before us read in the wrong charset ("KovÃ¡cs"): the UTF-8 it was.
  value = repairMojibake(value);
  return { group, name, params, flags, value, bytes };
}

function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[^A-Za-z0-9+/=_-]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(clean.replace(/=+$/, '').padEnd(Math.ceil(clean.replace(/=+$/, '').length / 4) * 4, '='));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes.length ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `=C3=A9` byte escapes, decoded in the card's charset as `decodeIn` reads bytes (UTF-8 when it
 * says none). An `=` that starts no escape (`=8` of a value cut short) stays as it is.
 */
function decodeQuotedPrintable(value: string, charset = ''): string {
  const bytes: number[] = [];
  // A soft line break at the very end continues nothing (its next line was lost): no character.
  const chars = Array.from(value.replace(/=\r?\n/g, '').replace(/=$/, ''));
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
  return decodeIn(new Uint8Array(bytes), charset);
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

/**
 * RFC 6350 §3.4 text escapes: `\n` `\N` newline, `\,` `\;` `\\`; and what writers add in the
 * wild: `\:` (Apple, Google: `http\://`) and `\"` (macOS notes).
 */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const oneLine = (value: string | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

function types(line: ContentLine): Set<string> {
  const out = new Set(line.flags);
  for (const t of line.params.get('TYPE') ?? []) for (const part of t.split(',')) out.add(part.trim().toUpperCase());
  return out;
}

/** Preferred (TYPE=pref, PREF=1, bare PREF) first; otherwise the card's order. */
function preference(line: ContentLine): number {
  const pref = Number(line.params.get('PREF')?.[0]);
  if (Number.isFinite(pref) && pref > 0) return pref;
  return types(line).has('PREF') ? 1 : 101;
}

function phoneKind(line: ContentLine): LeadPhoneKind | '' {
  const t = types(line);
  if (t.has('FAX')) return 'fax';
  if (t.has('CELL') || t.has('MOBILE') || t.has('IPHONE')) return 'mobile';
  if (t.has('PAGER')) return 'pager';
  if (t.has('WORK') || t.has('MAIN')) return 'work';
  if (t.has('HOME')) return 'home';
  if (t.has('OTHER')) return 'other';
  return '';
}

/** vCard 4 writes phones as `tel:` URIs (`tel:+36-30-123-4567;ext=12`); the lead wants the number. */
export function telValue(value: string): string {
  const trimmed = value.trim();
  if (!/^tel:/i.test(trimmed)) return trimmed;
  const [number = '', ...params] = trimmed.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  return ext ? `${number} ext. ${ext.slice(4)}` : number;
}

/** Apple's built-in labels are written `_$!<HomePage>!$_`; a custom one as it is. */
const labelText = (label: string | undefined) => (label ?? '').replace(/^_\$!<(.*)>!\$_$/, '$1').trim();

/**
 * BDAY as a lead keeps it: YYYY-MM-DD, or --MM-DD without a year. Reads the forms cards use:
 * 1984-03-15, 19840315, 1984-03-15T00:00:00Z, --0203, --02-03. Null when it is none of them.
 */
export function cardDate(value: string): string | null {
  const v = value.trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (full) return validDay(`${full[1]}-${full[2]}-${full[3]}`, full[1]!);
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (yearless) return validDay(`--${yearless[1]}-${yearless[2]}`, '2000');
  return null;
}

function validDay(text: string, year: string): string | null {
  const [month, day] = text.slice(-5).split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
}

/** The picture type from its first bytes; the card's TYPE only when the bytes say nothing. */
function pictureMime(bytes: Uint8Array, declared: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  const t = declared.toLowerCase().replace(/^image\//, '');
  return /^[a-z0-9.+-]+$/.test(t) ? `image/${t === 'jpg' ? 'jpeg' : t}` : 'application/octet-stream';
}

/** Lines that hold no information for a person: versions, ids, revisions, layout. */
const TECHNICAL = new Set([
  'VERSION',
  'PRODID',
  'REV',
  'UID',
  'CLIENTPIDMAP',
  'SOURCE',
  'NAME',
  'PROFILE',
  'MAILER',
  'SORT-STRING',
  'KIND',
  'MEMBER',
  'X-ABUID',
  'X-ABLABEL',
  'X-ABADR',
  'X-ABSHOWAS',
  'X-ADDRESSBOOKSERVER-KIND',
  'X-ADDRESSBOOKSERVER-MEMBER',
  'X-MS-OL-DESIGN',
  'X-MS-OL-DEFAULT-POSTAL-ADDRESS',
  'X-LOTUS-NOTESVERSION',
]);

const IM_PROPERTIES = /^(IMPP|X-(SKYPE|SKYPE-USERNAME|AIM|ICQ|JABBER|MSN|YAHOO|GTALK|GOOGLE-TALK|QQ|MS-IMADDRESS|GADUGADU|TWITTER))$/;

/** Whether the lines are a contact group (Apple's and RFC 6350's), which is not a person or company. */
export function isGroupCard(lines: readonly ContentLine[]): boolean {
  return lines.some((l) => (l.name === 'KIND' || l.name === 'X-ADDRESSBOOKSERVER-KIND') && /^group$/i.test(l.value.trim()));
}

/** The card's name for a list of skipped cards: FN, else N. */
export function cardLabel(lines: readonly ContentLine[]): string {
  const fn = lines.find((l) => l.name === 'FN');
  if (fn) return oneLine(unescapeText(fn.value));
  const n = lines.find((l) => l.name === 'N');
  return n ? oneLine(components(n.value).slice(0, 3).reverse().filter(Boolean).join(' ')) : '';
}

/** The card the lines describe. */
export function cardFromLines(lines: readonly ContentLine[]): ScannedCard {
  const card = emptyCard();
  const labels = new Map<string, string>();
  const countryHints = new Map<string, string>();
  for (const line of lines) {
    if (line.group && line.name === 'X-ABLABEL') labels.set(line.group, labelText(unescapeText(line.value)));
    if (line.group && line.name === 'X-ABADR') countryHints.set(line.group, line.value.trim());
  }
  const extra = (field: CardExtraField, name: string, value: string) => {
    const v = value.trim();
    if (v && !card.extras.some((e) => e.field === field && e.name === name && e.value === v)) card.extras.push({ field, name, value: v });
  };
  let formatted = '';
  let structured = '';
  const notes: string[] = [];
  const phones: { phone: ScannedPhone; pref: number }[] = [];
  const emails: { email: string; pref: number }[] = [];
  const addresses: { address: ScannedAddress; pref: number; work: boolean }[] = [];
  const labelsOfAddresses: string[] = [];
  for (const line of lines) {
    const text = () => unescapeText(line.value).trim();
    switch (line.name) {
      case 'FN':
        if (!formatted) formatted = oneLine(text());
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(line.value).map(oneLine);
        if (!structured) structured = oneLine([prefix, given, additional, family, suffix].filter(Boolean).join(' '));
        break;
      }
      case 'ORG': {
        const [company = '', ...units] = components(line.value).map(oneLine);
        if (!card.companyName && company) {
          card.companyName = company;
          for (const unit of units) if (unit && !card.departments.includes(unit)) card.departments.push(unit);
        } else if (company) extra('organisation', 'ORG', [company, ...units].filter(Boolean).join(', '));
        break;
      }
      case 'TITLE':
        if (!card.position) card.position = oneLine(text()) || undefined;
        else extra('title', 'TITLE', oneLine(text()));
        break;
      case 'ROLE':
        extra('role', 'ROLE', oneLine(text()));
        break;
      case 'TEL': {
        const number = oneLine(telValue(unescapeText(line.value)));
        if (number) phones.push({ phone: { number, kind: phoneKind(line), label: labels.get(line.group) ?? '' }, pref: preference(line) });
        break;
      }
      case 'EMAIL': {
        const email = unescapeText(line.value).replace(/^mailto:/i, '').trim();
        if (email) emails.push({ email, pref: preference(line) });
        break;
      }
      case 'ADR': {
        const [poBox = '', extended = '', street = '', city = '', region = '', postcode = '', country = ''] = components(line.value).map((c) => c.trim());
        const t = types(line);
        const address: ScannedAddress = {
          kind: t.has('WORK') ? 'work' : t.has('HOME') ? 'home' : 'other',
          poBox,
          extended,
          // A street may span lines (Apple: "Unit 4\nQuayside Trading Estate"): kept as one line.
          street: street.split(/\s*\n\s*/).filter(Boolean).join(', '),
          city,
          region,
          postcode,
          country: country || (countryHints.get(line.group) ?? ''),
        };
        if (Object.entries(address).some(([k, v]) => k !== 'kind' && v)) addresses.push({ address, pref: preference(line), work: address.kind === 'work' });
        break;
      }
      case 'LABEL':
        labelsOfAddresses.push(text());
        break;
      case 'URL': {
        const url = unescapeText(line.value).trim();
        if (url && !card.websites.includes(url)) card.websites.push(url);
        break;
      }
      case 'BDAY': {
        const day = cardDate(text());
        if (day && !card.birthday) card.birthday = day;
        else extra('birthday', 'BDAY', text());
        break;
      }
      case 'NOTE': {
        const note = text().replace(/\r\n?/g, '\n');
        if (note) notes.push(note);
        break;
      }
      case 'PHOTO':
      case 'LOGO': {
        const kind = line.name === 'PHOTO' ? 'photo' : 'logo';
        const declared = line.params.get('TYPE')?.[0] ?? [...line.flags].find((f) => /^(JPE?G|PNG|GIF|WEBP|BMP)$/.test(f)) ?? '';
        const data = line.bytes ?? dataUri(line.value);
        if (data) card.pictures.push({ kind, mime: pictureMime(data, declared), bytes: data });
        else if (line.value.trim()) extra('photoLink', line.name, unescapeText(line.value).trim());
        break;
      }
      case 'NICKNAME':
        extra('nickname', 'NICKNAME', splitList(line.value).join(', '));
        break;
      case 'ANNIVERSARY':
      case 'X-MS-ANNIVERSARY':
      case 'X-ANNIVERSARY':
      case 'X-EVOLUTION-ANNIVERSARY':
        extra('anniversary', line.name, cardDate(text()) ?? text());
        break;
      case 'X-ABDATE': {
        const label = labels.get(line.group) ?? '';
        extra(/anniversary/i.test(label) ? 'anniversary' : 'other', label || line.name, cardDate(text()) ?? text());
        break;
      }
      case 'RELATED':
      case 'X-ABRELATEDNAMES':
        extra('related', labels.get(line.group) || (line.params.get('TYPE')?.[0] ?? ''), text());
        break;
      case 'X-ANDROID-CUSTOM': {
        // vnd.android.cursor.item/<kind>;<value>;<type>;… (Android's own data rows)
        const [kindPath = '', value = ''] = components(line.value);
        const kind = kindPath.split('/').pop() ?? '';
        if (kind === 'nickname' || kind === 'relation') extra(kind === 'nickname' ? 'nickname' : 'related', '', value);
        else extra('other', kind || line.name, value);
        break;
      }
      case 'X-SOCIALPROFILE':
        extra('social', line.params.get('TYPE')?.[0] ?? '', text());
        break;
      case 'CATEGORIES': {
        // Google marks every contact "myContacts": a system group, not the person's own.
        const groups = splitList(line.value).filter((c) => !/^(myContacts|starred)$/i.test(c));
        if (groups.length) extra('categories', 'CATEGORIES', groups.join(', '));
        break;
      }
      case 'GENDER':
        extra('gender', 'GENDER', components(line.value).filter(Boolean).join(', '));
        break;
      case 'LANG':
        extra('language', 'LANG', text());
        break;
      case 'TZ':
        extra('timeZone', 'TZ', text());
        break;
      case 'GEO':
        extra('location', 'GEO', text().replace(/^geo:/i, ''));
        break;
      case 'KEY':
        if (!line.bytes) extra('key', 'KEY', text());
        break;
      case 'X-PHONETIC-FIRST-NAME':
      case 'X-PHONETIC-LAST-NAME':
      case 'X-PHONETIC-MIDDLE-NAME':
        extra('phoneticName', line.name, text());
        break;
      default:
        if (TECHNICAL.has(line.name) || line.name === 'BEGIN' || line.name === 'END') break;
        if (IM_PROPERTIES.test(line.name)) extra('im', line.name === 'IMPP' ? (line.params.get('X-SERVICE-TYPE')?.[0] ?? 'IMPP') : line.name.replace(/^X-/, ''), text());
        else extra('other', labels.get(line.group) || line.name, text());
    }
  }
  const byPref = <T extends { pref: number }>(list: T[]) => list.map((item, i) => ({ item, i })).sort((a, b) => a.item.pref - b.item.pref || a.i - b.i).map((x) => x.item);
  for (const { phone } of byPref(phones)) if (!card.phones.some((p) => p.number === phone.number)) card.phones.push(phone);
  for (const { email } of byPref(emails)) if (!card.emails.includes(email)) card.emails.push(email);
  card.addresses = byPref(addresses).map((a) => a.address);
  // The lead's place: the work address is what a trade-fair lead is about; else the first.
  const place = byPref(addresses).find((a) => a.work)?.address ?? card.addresses[0];
  if (place) {
    if (place.city) card.city = place.city;
    if (place.country) card.country = place.country;
  }
  // A LABEL is the printed form of an ADR: kept only when the card has no ADR to say it.
  if (card.addresses.length === 0) for (const label of labelsOfAddresses) extra('addressLabel', 'LABEL', label);
  // A company's card often repeats the company as its name (FN:Harbor Fixings, ORG:Harbor Fixings).
  const name = formatted || structured;
  if (name && !(card.companyName && name === card.companyName && !structured)) card.personName = name;
  if (notes.length) card.notes = notes.join('\n');
  return card;
}

/** A `data:` URI's bytes (vCard 4's inline photo: `data:image/png;base64,…`). */
function dataUri(value: string): Uint8Array | undefined {
  const match = /^data:[^;,]*(;[^,]*)?,(.*)$/is.exec(value.trim());
  if (!match) return undefined;
  if (/;base64/i.test(match[1] ?? '')) return decodeBase64(match[2] ?? '');
  try {
    return new TextEncoder().encode(decodeURIComponent(match[2] ?? ''));
  } catch {
    return undefined;
  }
}

/** A comma list value (NICKNAME, CATEGORIES) with `\,` kept inside items. */
function splitList(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((v) => unescapeText(v).trim())
    .filter(Boolean);
}
