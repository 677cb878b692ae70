/**
 * The receivables file from the accounting system, row by row: which client (by Fieldbook
 * client id or by tax id) and what it owes. Pure parsing and validation; matching the clients
 * and writing is import-receivables.ts. Every bad row is reported, not just the first, so one
 * correction round is enough.
 */
import { UUID_PATTERN } from './assign-client';
import { currencyProblem, isIsoDate } from './csv-fields';
import { readCsv, type RowProblem } from './csv-table';
import { AdminInputError } from './input-error';

export interface ReceivablesLine {
  line: number;
  key: { clientId: string } | { taxId: string };
  /**
   * The amounts as the file writes them (plain decimals, "." or ","; negative balance when the
   * client paid ahead). Their minor units depend on the client's currency (JPY has none, KWD
   * three), which only the import knows: it converts them (import-receivables.ts).
   */
  balance: string;
  overdue: string;
  overdueDays: number;
  /** ISO 4217 code when the file has a currency column: must be the client's currency. */
  currency: string | null;
  /** YYYY-MM-DD when the file has an as_of column; otherwise the import's date. */
  asOf: string | null;
}

export const REQUIRED_COLUMNS = ['balance', 'overdue', 'overdue_days'] as const;
export const KEY_COLUMNS = ['client_id', 'tax_id'] as const;
export const OPTIONAL_COLUMNS = ['currency', 'as_of'] as const;

/** Up to 13 integer digits and 4 decimals (CLF has 4 minor digits): a safe integer in minor units. */
const AMOUNT = /^(-?)(\d{1,13})(?:[.,](\d{1,4}))?$/;

/**
 * Why `text` is not a plain decimal amount like "1234.50" or "1234,50", or null when it is.
 * No thousands separators: "1,234" is 1.234 (and refused by the import for a currency with two
 * decimals).
 */
export function amountProblem(text: string): string | null {
  if (AMOUNT.test(text)) return null;
  if (/^-?\d+[.,]\d{5,}$/.test(text)) return 'has more than 4 decimals';
  if (text === '') return 'is empty';
  return 'is not an amount like 1234.50';
}

export interface ReceivablesFile {
  lines: ReceivablesLine[];
  /** Columns the import does not use (a client name, say): named in the summary. */
  ignoredColumns: string[];
  delimiter: string;
  /** Bad rows (left out of `lines`); the import adds what the database finds and refuses all. */
  problems: RowProblem[];
}

/** Parses and checks the file: throws AdminInputError when the file as a whole is unusable. */
export function parseReceivablesCsv(text: string, what: string): ReceivablesFile {
  const table = readCsv(text, what);
  const keyColumns = KEY_COLUMNS.filter((c) => table.columns.includes(c));
  const missing: string[] = [...(keyColumns.length ? [] : ['client_id (or tax_id)']), ...REQUIRED_COLUMNS.filter((c) => !table.columns.includes(c))];
  if (missing.length) {
    throw new AdminInputError([
      `${what}: the header lacks ${missing.join(', ')}; it needs client_id or tax_id, balance, overdue, overdue_days (it has ${table.columns.map((c) => `"${c}"`).join(', ')}).`,
    ]);
  }
  if (table.rows.length === 0 && table.problems.length === 0) throw new AdminInputError([`${what} has a header but no client lines.`]);
  const known: readonly string[] = [...KEY_COLUMNS, ...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const problems = [...table.problems];
  const lines: ReceivablesLine[] = [];
  for (const { line, values } of table.rows) {
    const bad = (reason: string) => problems.push({ line, reason });
    const before = problems.length;
    // A row names its client by id; where the id cell is empty (or the file has none), by tax id.
    const clientId = values.client_id ?? '';
    const taxId = values.tax_id ?? '';
    let key: ReceivablesLine['key'] | null = null;
    if (clientId !== '') {
      if (UUID_PATTERN.test(clientId)) key = { clientId: clientId.toLowerCase() };
      else bad(`client_id "${clientId}" is not a Fieldbook client id`);
    } else if (taxId !== '') key = { taxId };
    else bad(`no ${keyColumns.join(' or ')}`);

    for (const column of ['balance', 'overdue'] as const) {
      const problem = amountProblem(values[column]!);
      if (problem) bad(`${column} "${values[column]}" ${problem}`);
    }
    if (/^-.*[1-9]/.test(values.overdue!)) bad(`overdue "${values.overdue}" is negative`);
    const amount = (text: string) => Number(text.replace(',', '.'));
    if (!amountProblem(values.balance!) && !amountProblem(values.overdue!) && amount(values.overdue!) > Math.max(amount(values.balance!), 0)) {
      bad(`overdue "${values.overdue}" is more than the balance "${values.balance}"`);
    }
    const days = values.overdue_days!;
    if (!/^\d{1,5}$/.test(days)) bad(`overdue_days "${days}" is not a whole number of days`);

    const currency = (values.currency ?? '').toUpperCase();
    const currencyBad = currency === '' ? null : currencyProblem(values.currency!);
    if (currencyBad) bad(currencyBad);
    const asOf = values.as_of ?? '';
    if (asOf !== '' && !isIsoDate(asOf)) bad(`as_of "${asOf}" is not a date like 2026-11-23`);

    if (problems.length === before && key) {
      lines.push({ line, key, balance: values.balance!, overdue: values.overdue!, overdueDays: Number(days), currency: currency || null, asOf: asOf || null });
    }
  }
  return { lines, problems, ignoredColumns: table.columns.filter((c) => !known.includes(c)), delimiter: table.delimiter };
}
