/**
 * A quantity with its unit, in the plural form its number takes: "1 pc", "2 pcs", "1 box",
 * "12 boxes", "2.5 m". A product's unit is the catalog's text ("pcs", "box", or "шт", "db" in
 * the language of the market the product is sold in); the units the UI has words for — the
 * catalog's English units and their usual spellings — are said in the UI's language with its
 * plural forms (`units.<key>_one`, `_other`, and whatever forms a language has), any other is
 * shown as the catalog writes it.
 */
import i18next, { type TFunction } from 'i18next';
import { formatQuantity } from './format';

/** The UI's unit words (keys under `units.`), by the catalog's spellings (lower case). */
const UNIT_KEYS: Readonly<Record<string, string>> = {
  pcs: 'pcs',
  pc: 'pcs',
  piece: 'pcs',
  pieces: 'pcs',
  set: 'set',
  sets: 'set',
  pair: 'pair',
  pairs: 'pair',
  m: 'm',
  l: 'l',
  kg: 'kg',
  roll: 'roll',
  rolls: 'roll',
  box: 'box',
  boxes: 'box',
  pack: 'pack',
  packs: 'pack',
  bag: 'bag',
  bags: 'bag',
};

/** The key under `units.` of a catalog's unit, or null when the UI has no word of its own for it. */
export function unitKey(unit: string): string | null {
  return UNIT_KEYS[unit.trim().toLowerCase()] ?? null;
}

/** The unit's word for `qty` of it ("pc" for 1, "pcs" for 2): after a quantity input, in "Price per pc". */
export function unitWord(unit: string, qty: number, t: TFunction = i18next.t): string {
  const key = unitKey(unit);
  return key ? t(`units.${key}`, { count: qty }) : unit;
}

/** "1 pc", "1,200 pcs", "2.5 m", "3 шт": the quantity in the person's number format with its unit. */
export function quantityText(qty: number, unit: string, t: TFunction = i18next.t): string {
  return t('units.quantity', { qty: formatQuantity(qty), unit: unitWord(unit, qty, t) });
}
