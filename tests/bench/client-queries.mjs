// The query mix of the client search benchmark: what account managers type, derived from
// records sampled out of the seeded base (so the mix follows whatever the demo generator makes)
// and deterministic for a given base. Each query is typed one key at a time.
import anyAscii from 'any-ascii';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const CYRILLIC = /\p{Script=Cyrillic}/u;
export const DEVANAGARI = /\p{Script=Devanagari}/u;
export const HUNGARIAN_ACCENTS = /[áéíóöőúüű]/i;
const LATIN = /^[\p{Script=Latin}\d\s.,&'’-]+$/u;

// Legal forms and filler words are not what people search by.
const LEGAL = new Set(
  'llc ltd inc plc corp co group the and of pt tbk cv ud sdn bhd berhad enterprise enterprises kft zrt nyrt bt kkt ooo оао зао ооо пао ао ип тоо pvt private limited lp llp gmbh ag sa'.split(' '),
);

export const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
const codePoints = (s) => [...s];
const prefix = (s, n) => codePoints(s).slice(0, n).join('');
export const words = (s) => s.split(/[\s,.()«»"“”]+/u).filter(Boolean);
const significant = (s) => words(s).filter((w) => w.length >= 3 && !LEGAL.has(w.toLowerCase()) && !/^\d+$/.test(w));
export const translit = (s) => anyAscii(s).toLowerCase().replace(/['"]/g, '');

/** A prefix of 3–7 letters, chosen by `i` so the mix has short and long queries. */
export const partial = (word, i) => prefix(word.toLowerCase(), Math.min(codePoints(word).length, 3 + (i % 5)));

/**
 * Builds the query mix from sampled clients (each with its `contacts`). Returns
 * [{ kind, text }] of about `size` queries, categories interleaved.
 */
export function buildQueryMix(clients, size = 64) {
  const live = clients.filter((c) => !c.archivedAt);
  const { cats, add } = categories();
  live.forEach((c, i) => {
    const name = c.name ?? '';
    const first = significant(name)[0];
    if (first) {
      if (DEVANAGARI.test(first)) add('company (Devanagari)', partial(first, i + 1));
      else if (CYRILLIC.test(first)) {
        add('company (Cyrillic)', partial(first, i));
        add('company (Cyrillic typed in Latin)', partial(translit(first), i + 2));
      } else if (HUNGARIAN_ACCENTS.test(name)) {
        const accented = significant(name).find((w) => HUNGARIAN_ACCENTS.test(w)) ?? first;
        add('company (Hungarian, no accents)', partial(stripAccents(accented), i + 1));
      } else if (LATIN.test(first)) add('company (Latin)', partial(first, i));
      // A second word narrows a common first word ("sinar ja").
      const second = significant(name)[1];
      if (second && i % 3 === 0) add('company (two words)', `${partial(first, 4)} ${partial(second, i)}`);
    }
    for (const a of c.addresses ?? []) {
      if (!a.city) continue;
      add('city', i % 2 === 0 ? stripAccents(a.city).toLowerCase() : partial(a.city, i + 2));
    }
    for (const tag of c.tags ?? []) add('tag', tag.toLowerCase());
    if (c.taxId) add('tax id', i % 2 === 0 ? c.taxId.toLowerCase() : prefix(c.taxId.toLowerCase(), 6));
    (c.contacts ?? [])
      .filter((k) => !k.archivedAt)
      .forEach((k, j) => {
        const parts = words(k.name ?? '');
        const surname = parts[parts.length - 1];
        if (surname && surname.length >= 3) add('contact surname', surname.toLowerCase());
        if (parts.length >= 2 && (i + j) % 4 === 0) add('contact first + last name', `${parts[0].toLowerCase()} ${partial(surname, 2)}`);
        for (const e of k.emails ?? []) {
          const address = e.address.toLowerCase();
          add('email', (i + j) % 2 === 0 ? address : address.slice(0, Math.max(4, address.indexOf('@') + 3)));
        }
        for (const p of k.phones ?? []) {
          const parsed = parsePhoneNumberFromString(p.number);
          if (!parsed) continue;
          const national = parsed.formatNational();
          const digits = String(parsed.nationalNumber);
          const forms = [
            parsed.formatInternational().slice(0, 11), // "+36 30 123 " as typed from a card
            national, // "06 30 123 4567", "8 (912) 345-67-89"
            digits.slice(-7), // the last digits of the number
            `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
            parsed.number, // E.164
            national.replace(/\D/g, '').slice(0, 8),
          ];
          add('phone', forms[(i + j) % forms.length]);
        }
      });
  });
  // Typos and things nobody has: a scan that finds nothing.
  add('no match', 'qxzv');
  add('no match', 'zzyzx kft');

  return interleave(cats, size);
}

/** Queries by category; `add` skips blanks, one-letter texts and repeats. */
export function categories() {
  const cats = new Map();
  const add = (kind, text) => {
    const t = text?.trim();
    if (!t || t.length < 2) return;
    if (!cats.has(kind)) cats.set(kind, []);
    const list = cats.get(kind);
    if (!list.includes(t)) list.push(t);
  };
  return { cats, add };
}

/**
 * Categories of queries (a Map kind → [text]) as one mix of `size` queries, taken round-robin
 * so that every kind is typed throughout the run.
 */
export function interleave(cats, size) {
  const lists = [...cats.entries()];
  const mix = [];
  for (let round = 0; mix.length < size; round++) {
    let added = false;
    for (const [kind, list] of lists) {
      if (round < list.length && mix.length < size) {
        mix.push({ kind, text: list[round] });
        added = true;
      }
    }
    if (!added) break;
  }
  return mix;
}
