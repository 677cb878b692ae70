/**
 * A quantity with its unit, in the plural form its number takes: "1 pc", "2 pcs", "1 box",
 * "12 boxes", "2.5 m". A product's unit is the catalog's text ("pcs", "box", or "шт", "db" in
 * the language of the market the product is sold in); the units the UI has words for — the
 * catalog's English units and their usual spellings — are said in the UI's language with its
 * plural forms (`units.<key>_one`, `_other`, and whatever forms a language has), any other is
 * shown as the catalog writes it.
 */
import i18next, { type TFunction } from 'i18next';
import { formatQuantity, userLocale } from './format';

/**
 * The UI's unit words (keys under `units.`), by the catalog's spellings (lower case, a final full
 * stop ignored): English, and the usual spellings in our users' languages, so that a product a
 * Hungarian colleague's catalog counts in "db" reads "pcs" on an English screen (and, with the
 * languages of issue 20, in the reader's language whatever the catalog's).
 */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  pcs: ['pcs', 'pc', 'piece', 'pieces', 'ea', 'each', 'nos', 'no', 'unit', 'units', 'шт', 'штук', 'штука', 'штуки', 'ед', 'buah', 'biji', 'नग', 'पीस', 'db', 'darab'],
  set: ['set', 'sets', 'компл', 'комплект', 'комплекта', 'सेट', 'készlet', 'szett'],
  pair: ['pair', 'pairs', 'пара', 'пар', 'пары', 'pasang', 'जोड़ी', 'pár'],
  m: ['m', 'metre', 'metres', 'meter', 'meters', 'м', 'मीटर', 'méter'],
  l: ['l', 'litre', 'litres', 'liter', 'liters', 'л', 'लीटर'],
  kg: ['kg', 'кг', 'किलो', 'किग्रा'],
  roll: ['roll', 'rolls', 'рулон', 'рул', 'rol', 'gulung', 'रोल', 'tekercs'],
  box: ['box', 'boxes', 'кор', 'коробка', 'коробок', 'dus', 'kotak', 'डिब्बा', 'doboz'],
  pack: ['pack', 'packs', 'упак', 'упаковка', 'pak', 'pek', 'पैक', 'csomag'],
  bag: ['bag', 'bags', 'мешок', 'мешков', 'sak', 'karung', 'beg', 'बैग', 'zsák'],
};
const UNIT_KEYS: ReadonlyMap<string, string> = new Map(Object.entries(SPELLINGS).flatMap(([key, spellings]) => spellings.map((s) => [s, key] as const)));

/** The key under `units.` of a catalog's unit, or null when the UI has no word of its own for it. */
export function unitKey(unit: string): string | null {
  return UNIT_KEYS.get(unit.trim().toLowerCase().replace(/\.$/, '')) ?? null;
}

/** The unit's word for `qty` of it ("pc" for 1, "pcs" for 2): after a quantity input, in "Price per pc". */
export function unitWord(unit: string, qty: number, t: TFunction = i18next.t): string {
  const key = unitKey(unit);
  return key ? t(`units.${key}`, { count: qty }) : unit;
}

/**
 * "1 pc", "1,200 pcs", "2.5 m", "3 шт": the quantity in the person's number format (or a
 * document's `locale`, with the document's `t`) with its unit.
 */
export function quantityText(qty: number, unit: string, t: TFunction = i18next.t, locale = userLocale()): string {
  return t('units.quantity', { qty: formatQuantity(qty, locale), unit: unitWord(unit, qty, t) });
}
