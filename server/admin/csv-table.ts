/**
 * Reads the CSV files the admin imports come as (exports from the company's accounting
 * system): comma-, semicolon- or tab-separated — detected from the header line, since a
 * spreadsheet saves with whatever its locale uses — with or without a byte-order mark.
 * Header names are matched loosely ("Client ID", "client-id" and "client_id" are one column).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { textProblem } from '../../core/text-safety';
import { AdminInputError } from './input-error';

/** What is wrong with one line of a file. */
export interface RowProblem {
  line: number;
  reason: string;
}

/** "line 7: balance "12.345" has more than 2 decimals", in line order. */
export const describeProblems = (problems: readonly RowProblem[]): string[] => [...problems].sort((a, b) => a.line - b.line).map((p) => `line ${p.line}: ${p.reason}`);

export interface CsvRow {
  /** Line number in the file (the last line, for a value that spans lines), for messages. */
  line: number;
  /** Trimmed values by normalised column name. */
  values: Record<string, string>;
}

export interface CsvTable {
  delimiter: string;
  columns: string[];
  rows: CsvRow[];
  /** Rows whose number of values differs from the header's. */
  problems: RowProblem[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most in the header line (outside quotes); a comma if none is. */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

export const columnName = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readCsv(text: string, what: string): CsvTable {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new AdminInputError([`${what} is empty: expected a header line and the lines below it.`]);
  const delimiter = detectDelimiter(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse gives { record, info } per row; its types do not say so.
    parsed = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof parsed;
  } catch (e) {
    // csv-parse's message names the line ("… at line 3").
    if (e instanceof CsvError) throw new AdminInputError([`${what} is not readable as CSV: ${e.message}`]);
    throw e;
  }
  const [head, ...body] = parsed;
  const columns = head!.record.map(columnName);
  const duplicate = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (duplicate) throw new AdminInputError([`${what}, line ${head!.info.lines}: the column "${duplicate}" appears twice in the header.`]);
  const rows: CsvRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of body) {
    if (record.length !== columns.length) {
      const separator = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      problems.push({ line: info.lines, reason: `${record.length} values, but the header has ${columns.length} columns (does a value with a ${separator} lack quotes?)` });
      continue;
    }
    // A NUL or half a character (a broken export) cannot be stored: said with its line and
    // column, not a database error at the end of the import.
    const bad = record.findIndex((v) => textProblem(v) !== null);
    if (bad >= 0) {
      const what = textProblem(record[bad]!) === 'control' ? 'an invisible control character (such as NUL)' : 'a broken character (half of a UTF-16 pair)';
      problems.push({ line: info.lines, reason: `${columns[bad] || `column ${bad + 1}`} contains ${what}` });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = record[i]!));
    rows.push({ line: info.lines, values });
  }
  return { delimiter, columns, rows, problems };
}
