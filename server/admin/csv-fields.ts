/**
 * Values in the accounting system's CSV exports, as the admin imports read them: percentages,
 * quantities, yes/no, lists within a cell, group paths, dates. Each parser returns the value or
 * the reason it is not one, phrased to follow the column and the text ("vat_rate "twenty" is
 * not a percentage like 20 or 5.5"), so an import reports every bad cell of every line at once.
 */
import { minorUnitExponent } from '../../core/pricing/money';
import { describeProblems, type CsvTable, type RowProblem } from './csv-table';
import { AdminInputError } from './input-error';

/** The header must have these columns; otherwise the file is refused as a whole, saying what it has. */
export function requireColumns(table: CsvTable, what: string, required: readonly string[], needs = required.join(', ')): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length) {
    throw new AdminInputError([`${what}: the header lacks ${missing.join(', ')}; it needs ${needs} (it has ${table.columns.map((c) => `"${c}"`).join(', ')}).`]);
  }
}

/** A file with a header and nothing else is a mistake (the wrong export), not an empty import. */
export function requireLines(table: CsvTable, what: string, lines: string): void {
  if (table.rows.length === 0 && table.problems.length === 0) throw new AdminInputError([`${what} has a header but no ${lines}.`]);
}

export const unusedColumns = (table: CsvTable, known: readonly string[]): string[] => table.columns.filter((c) => c !== '' && !known.includes(c));

/** Throws (so the import's transaction rolls back) when any line has a problem, naming every one. */
export function failOnProblems(problems: readonly RowProblem[]): void {
  if (problems.length === 0) return;
  const bad = new Set(problems.map((p) => p.line)).size;
  throw new AdminInputError([...describeProblems(problems), `Nothing imported: ${bad} ${bad === 1 ? 'line needs' : 'lines need'} fixing.`]);
}

/** Why an amount with decimals cannot be in `currency`: "has decimals, but JPY has no minor unit". */
export function decimalsReason(currency: string): string {
  const exp = minorUnitExponent(currency);
  return exp === 0 ? `has decimals, but ${currency} has no minor unit` : `has more decimals than ${currency} has (${exp})`;
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** "20", "5,5", "12.5 %" → basis points (2000, 550, 1250); at most two decimals, 0–100. */
export function parsePercent(text: string): number | string {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text);
  if (!m) return text === '' ? 'is empty' : 'is not a percentage like 20 or 5.5';
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 10_000 ? 'is more than 100 %' : bp;
}

/** "12", "12.5", "0,25" → a quantity with at most three decimals (kg, m, l), not negative. */
export function parseQuantity(text: string): number | string {
  const m = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!m) {
    if (/^-/.test(text)) return 'is negative';
    if (/^\d+[.,]\d{4,}$/.test(text)) return 'has more than 3 decimals';
    return text === '' ? 'is empty' : 'is not a quantity like 12 or 12.5';
  }
  return Number(`${m[1]}.${m[2] ?? '0'}`);
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** yes/no, true/false, 1/0, x/empty (a ticked box in a spreadsheet). */
export function parseYesNo(text: string): boolean | string {
  const v = text.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return 'is not yes or no';
}

/** The parts of a cell that lists several values ("A | B | C"), trimmed, empty ones dropped. */
export const splitList = (text: string): string[] =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/** A product group as the accounting system names it: its path from the top ("Power tools > Drills"). */
export const splitGroupPath = (text: string): string[] =>
  text
    .split('>')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** Price types as files write them: "Key account", "key-account" and "KEY_ACCOUNT" are one. */
export const priceTypeKey = (text: string): string => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** ISO 4217 codes this runtime knows ("GBP", "HUF"): three letters alone let "ZZZ" through. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Why a currency column's value is not a currency code, or null when it is one (any case). */
export function currencyProblem(text: string): string | null {
  return CURRENCIES.has(text.toUpperCase()) ? null : `currency "${text}" is not a currency code like GBP or EUR`;
}
