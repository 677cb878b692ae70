/**
 * `import-catalog`: product groups and products from the accounting system's product export,
 * keyed by SKU: a product whose SKU the catalog has is updated in place (same record, same id,
 * so offers that name it keep pointing at it), a new SKU becomes a new product. Groups are
 * named by their path ("Power tools > Drills and drivers") and created when missing. Columns the
 * file does not have leave those fields of existing products as they are. Products not in the
 * file stay (a product leaves the range by `discontinued`, which keeps it on old offers).
 *
 * The product's name in other languages comes in a column per language, `name_<language>`
 * (`name_hu`, `name_ru`, `name_pt_br` for pt-BR): a cell sets that language's name, an empty cell
 * removes it, and the languages the file has no column for keep theirs.
 */
import { randomUUID } from 'node:crypto';
import { languageTagSchema } from '../../core/languages';
import { characteristicSchema, MAX_PRODUCT_NAMES, type Characteristic, type ProductCost } from '../../core/pricing/catalog-model';
import { parseMoney } from '../../core/pricing/money';
import type { SqlDb } from '../db/sql-db';
import { loadGroupTree, loadProductsBySku, skuKey } from './catalog-lookup';
import { currencyProblem, decimalsReason, failOnProblems, parsePercent, parseYesNo, requireColumns, requireLines, splitGroupPath, splitList, unusedColumns } from './csv-fields';
import { readCsv, type RowProblem } from './csv-table';
import { AdminInputError } from './input-error';
import { writeImported, type ImportedRecord } from './write-imported';

const REQUIRED = ['sku', 'name', 'unit', 'vat_rate'] as const;
const OPTIONAL = ['group', 'description', 'characteristics', 'analogues', 'discontinued', 'cost', 'cost_currency'] as const;

export interface CatalogLine {
  line: number;
  sku: string;
  name: string;
  unit: string;
  vatRateBp: number;
  /** Absent: the file has no such column (existing products keep theirs); [] for no group. */
  groupPath?: string[];
  description?: string;
  characteristics?: Characteristic[];
  analogueSkus?: string[];
  discontinued?: boolean;
  /** Absent: the file has no `cost` column (existing products keep theirs); null for no cost. */
  cost?: ProductCost | null;
  /**
   * The name per language of the file's `name_<language>` columns ('' for an empty cell: that
   * language's name is removed); absent when the file has none (existing products keep theirs).
   */
  names?: Record<string, string>;
}

export interface CatalogFile {
  lines: CatalogLine[];
  problems: RowProblem[];
  ignoredColumns: string[];
}

const LIMITS = { sku: 60, name: 300, unit: 20, description: 4000, group: 200, characteristics: 40, analogues: 20 } as const;

/** "Voltage: 18 V | Weight: 1.2 kg" → characteristics, or the reason the cell is not that. */
function parseCharacteristics(text: string): Characteristic[] | string {
  const parts = splitList(text);
  if (parts.length > LIMITS.characteristics) return `has ${parts.length} characteristics; at most ${LIMITS.characteristics}`;
  const out: Characteristic[] = [];
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon <= 0) return `"${part}" is not "name: value" (characteristics are separated by |)`;
    const parsed = characteristicSchema.safeParse({ name: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() });
    if (!parsed.success) return `"${part}" is too long (a name up to 100 characters, a value up to 300)`;
    out.push(parsed.data);
  }
  return out;
}

/**
 * The unit cost (net, what the goods cost the company: for the margin a head of sales sees, never
 * for prices) from `cost` "12.50" and `cost_currency` "EUR"; an empty cost is none.
 */
function parseCost(amount: string, currency: string | undefined): ProductCost | null | string {
  if (amount === '') return null;
  if (currency === undefined) return `cost "${amount}" has no currency: add a cost_currency column`;
  const problem = currencyProblem(currency);
  if (problem) return `cost_currency: ${problem}`;
  const code = currency.toUpperCase();
  const minor = parseMoney(amount, code);
  if (minor === null) return `cost "${amount}" ${/^\d+[.,]\d+$/.test(amount) ? decimalsReason(code) : 'is not an amount like 12.50 (no thousands separators)'}`;
  if (minor < 0) return `cost "${amount}" is negative`;
  return { amount: minor, currency: code };
}

/**
 * The language of a `name_<language>` column ("name_hu" → "hu", "name_pt_br" → "pt-BR"), or null
 * when the column is not one.
 */
export function nameColumnLanguage(column: string): string | null {
  const m = /^name_([a-z]{2,3})(?:_([a-z]{2}|\d{3}))?$/.exec(column);
  if (!m) return null;
  const tag = m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1]!;
  return languageTagSchema.safeParse(tag).success ? tag : null;
}

/** Parses and checks the file: throws AdminInputError when the file as a whole is unusable. */
export function parseCatalogCsv(text: string, what: string): CatalogFile {
  const table = readCsv(text, what);
  requireColumns(table, what, REQUIRED);
  requireLines(table, what, 'product lines');
  const has = (c: (typeof OPTIONAL)[number]) => table.columns.includes(c);
  const nameColumns = table.columns.flatMap((column) => {
    const language = nameColumnLanguage(column);
    return language ? [{ column, language }] : [];
  });
  if (nameColumns.length > MAX_PRODUCT_NAMES) {
    throw new AdminInputError([`${what}: ${nameColumns.length} name_<language> columns; a product has names in at most ${MAX_PRODUCT_NAMES} languages.`]);
  }
  const problems = [...table.problems];
  const lines: CatalogLine[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const before = problems.length;
    const bad = (reason: string) => problems.push({ line, reason });
    const text = (column: keyof typeof LIMITS, required: boolean) => {
      const v = values[column] ?? '';
      if (required && v === '') bad(`${column} is empty`);
      else if (v.length > LIMITS[column]) bad(`${column} is ${v.length} characters long; at most ${LIMITS[column]}`);
      return v;
    };
    const sku = text('sku', true);
    const seen = firstLine.get(skuKey(sku));
    if (sku && seen !== undefined) bad(`SKU "${sku}" is also on line ${seen}`);
    else if (sku) firstLine.set(skuKey(sku), line);
    const parsed: CatalogLine = { line, sku, name: text('name', true), unit: text('unit', true), vatRateBp: 0 };
    const vat = parsePercent(values.vat_rate!);
    if (typeof vat === 'string') bad(`vat_rate "${values.vat_rate}" ${vat}`);
    else parsed.vatRateBp = vat;
    if (has('group')) {
      parsed.groupPath = splitGroupPath(values.group!);
      if (parsed.groupPath.some((name) => name.length > LIMITS.group)) bad(`group "${values.group}" has a name longer than ${LIMITS.group} characters`);
    }
    if (has('description')) parsed.description = text('description', false);
    if (has('characteristics')) {
      const chars = parseCharacteristics(values.characteristics!);
      if (typeof chars === 'string') bad(`characteristics: ${chars}`);
      else parsed.characteristics = chars;
    }
    if (has('analogues')) {
      parsed.analogueSkus = splitList(values.analogues!);
      if (parsed.analogueSkus.length > LIMITS.analogues) bad(`analogues lists ${parsed.analogueSkus.length} SKUs; at most ${LIMITS.analogues}`);
      if (parsed.analogueSkus.some((a) => skuKey(a) === skuKey(sku))) bad(`analogues names the product itself`);
    }
    if (has('discontinued')) {
      const d = parseYesNo(values.discontinued!);
      if (typeof d === 'string') bad(`discontinued "${values.discontinued}" ${d}`);
      else parsed.discontinued = d;
    }
    if (has('cost')) {
      const cost = parseCost(values.cost!, values.cost_currency);
      if (typeof cost === 'string') bad(cost);
      else parsed.cost = cost;
    }
    if (nameColumns.length) {
      parsed.names = {};
      for (const { column, language } of nameColumns) {
        const name = values[column] ?? '';
        if (name.length > LIMITS.name) bad(`${column} is ${name.length} characters long; at most ${LIMITS.name}`);
        parsed.names[language] = name;
      }
    }
    if (problems.length === before) lines.push(parsed);
  }
  return { lines, problems, ignoredColumns: unusedColumns(table, [...REQUIRED, ...OPTIONAL, ...nameColumns.map((c) => c.column)]) };
}

/** `stored` names with the file's: a name set per column, an empty cell removing its language. */
function withNames(stored: Readonly<Record<string, string>>, file: Readonly<Record<string, string>>): Record<string, string> {
  const names = { ...stored };
  for (const [language, name] of Object.entries(file)) {
    if (name) names[language] = name;
    else delete names[language];
  }
  return names;
}

export interface CatalogImport {
  groupsCreated: number;
  created: number;
  updated: number;
  unchanged: number;
}

export async function importCatalog(db: SqlDb, file: CatalogFile, now = Date.now()): Promise<CatalogImport> {
  return db.transaction(async (tx) => {
    const problems = [...file.problems];
    const tree = await loadGroupTree(tx);
    const newGroups: ImportedRecord[] = [];
    const groupIdOf = (path: readonly string[]): string | null => {
      let parentId: string | null = null;
      for (let depth = 1; depth <= path.length; depth++) {
        let id = tree.find(path.slice(0, depth));
        if (!id) {
          id = randomUUID();
          const name = path[depth - 1]!;
          tree.add(id, name, parentId);
          newGroups.push({ id, fields: { name, parentId } });
        }
        parentId = id;
      }
      return parentId;
    };

    const stored = await loadProductsBySku(tx, [...file.lines.map((l) => l.sku), ...file.lines.flatMap((l) => l.analogueSkus ?? [])], { withNames: true });
    const idOf = new Map([...stored].map(([key, p]) => [key, p.id]));
    for (const l of file.lines) if (!idOf.has(skuKey(l.sku))) idOf.set(skuKey(l.sku), randomUUID());

    const products: ImportedRecord[] = [];
    for (const l of file.lines) {
      const known = stored.has(skuKey(l.sku));
      const analogueIds: string[] = [];
      for (const sku of l.analogueSkus ?? []) {
        const id = idOf.get(skuKey(sku));
        if (id) analogueIds.push(id);
        else problems.push({ line: l.line, reason: `analogue "${sku}" is neither in the catalog nor in this file` });
      }
      const fields: Record<string, unknown> = { sku: l.sku, name: l.name, unit: l.unit, vatRateBp: l.vatRateBp, _deleted: false };
      // Absent columns: existing products keep their values, new ones get the defaults.
      if (l.groupPath) fields.groupId = l.groupPath.length ? groupIdOf(l.groupPath) : null;
      else if (!known) fields.groupId = null;
      if (l.description !== undefined) fields.description = l.description;
      if (l.characteristics) fields.characteristics = l.characteristics;
      if (l.analogueSkus) fields.analogueIds = [...new Set(analogueIds)];
      if (l.discontinued !== undefined) fields.discontinued = l.discontinued;
      if (l.cost !== undefined) fields.cost = l.cost;
      if (l.names) {
        const before = stored.get(skuKey(l.sku))?.names ?? {};
        const names = withNames(before, l.names);
        if (Object.keys(names).length > MAX_PRODUCT_NAMES) problems.push({ line: l.line, reason: `the product would have names in ${Object.keys(names).length} languages; at most ${MAX_PRODUCT_NAMES}` });
        // A product that had none and gets none is left without the field.
        if (Object.keys(names).length > 0 || Object.keys(before).length > 0) fields.names = names;
      }
      products.push({ id: idOf.get(skuKey(l.sku))!, fields });
    }
    // Thrown inside the transaction: it rolls back, nothing of the file is written.
    failOnProblems(problems);
    const groups = await writeImported(tx, 'productGroups', newGroups, now);
    const written = await writeImported(tx, 'products', products, now);
    return { groupsCreated: groups.created, ...written };
  });
}
