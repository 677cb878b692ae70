/**
 * `import-prices`: price lists from the accounting system, one line per quantity break: SKU,
 * price type, currency, the quantity the price applies from, the price. The lines of one
 * product, price type and currency make that price list entry, which replaces the stored one
 * whole (its record id is derived from those three, so re-importing never adds a second entry).
 * Entries not in the file keep what they have. Prices are in the currency's units as written
 * ("12.50", or "12,50"), no conversion: a client is offered the list of its own currency.
 */
import { PRICE_TYPES, type PriceType } from '../../core/client-model';
import { priceListEntryId } from '../../core/pricing/catalog-ids';
import type { PriceBreak } from '../../core/pricing/catalog-model';
import { parseMoney } from '../../core/pricing/money';
import type { SqlDb } from '../db/sql-db';
import { loadProductsBySku, skuKey } from './catalog-lookup';
import { currencyProblem, decimalsReason, failOnProblems, parseQuantity, parseYesNo, priceTypeKey, requireColumns, requireLines, unusedColumns } from './csv-fields';
import { readCsv, type RowProblem } from './csv-table';
import { writeImported, type ImportedRecord } from './write-imported';

const REQUIRED = ['sku', 'price_type', 'currency', 'price'] as const;
const OPTIONAL = ['min_qty', 'includes_vat'] as const;
const MAX_BREAKS = 50;

export interface PriceLine {
  line: number;
  sku: string;
  priceType: PriceType;
  currency: string;
  minQty: number;
  /** Minor units of `currency`. */
  price: number;
  includesVat: boolean;
}

export interface PricesFile {
  lines: PriceLine[];
  problems: RowProblem[];
  ignoredColumns: string[];
}

function priceReason(text: string, currency: string): string {
  if (text === '') return 'is empty';
  if (/^-/.test(text)) return 'is negative';
  if (/^\d+[.,]\d+$/.test(text)) return decimalsReason(currency);
  return 'is not a price like 12.50 (no thousands separators)';
}

export function parsePricesCsv(text: string, what: string): PricesFile {
  const table = readCsv(text, what);
  requireColumns(table, what, REQUIRED);
  requireLines(table, what, 'price lines');
  const problems = [...table.problems];
  const lines: PriceLine[] = [];
  for (const { line, values } of table.rows) {
    const before = problems.length;
    const bad = (reason: string) => problems.push({ line, reason });
    const sku = values.sku!;
    if (sku === '') bad('sku is empty');
    const priceType = priceTypeKey(values.price_type!) as PriceType;
    if (!PRICE_TYPES.includes(priceType)) bad(`price_type "${values.price_type}" is not one of ${PRICE_TYPES.join(', ')}`);
    const currency = values.currency!.toUpperCase();
    const currencyBad = currencyProblem(values.currency!);
    if (currencyBad) bad(currencyBad);
    const price = currencyBad ? null : parseMoney(values.price!, currency);
    if (!currencyBad && (price === null || price < 0)) bad(`price "${values.price}" ${priceReason(values.price!, currency)}`);
    const minQtyText = values.min_qty ?? '';
    const minQty = minQtyText === '' ? 1 : parseQuantity(minQtyText);
    if (typeof minQty === 'string') bad(`min_qty "${minQtyText}" ${minQty}`);
    const includesVat = parseYesNo(values.includes_vat ?? '');
    if (typeof includesVat === 'string') bad(`includes_vat "${values.includes_vat}" ${includesVat}`);
    if (problems.length === before) lines.push({ line, sku, priceType, currency, minQty: minQty as number, price: price!, includesVat: includesVat as boolean });
  }
  return { lines, problems, ignoredColumns: unusedColumns(table, [...REQUIRED, ...OPTIONAL]) };
}

export interface PricesImport {
  created: number;
  updated: number;
  unchanged: number;
  products: number;
}

export async function importPrices(db: SqlDb, file: PricesFile, now = Date.now()): Promise<PricesImport> {
  return db.transaction(async (tx) => {
    const problems = [...file.problems];
    const products = await loadProductsBySku(tx, file.lines.map((l) => l.sku));
    const entries = new Map<string, { productId: string; first: PriceLine; breaks: Map<number, PriceLine> }>();
    for (const l of file.lines) {
      const bad = (reason: string) => problems.push({ line: l.line, reason });
      const product = products.get(skuKey(l.sku));
      if (!product) {
        bad(`no product with SKU "${l.sku}" (import it with import-catalog first)`);
        continue;
      }
      if (product.deleted) {
        bad(`product "${l.sku}" is deleted`);
        continue;
      }
      const key = `${product.id}|${l.priceType}|${l.currency}`;
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { productId: product.id, first: l, breaks: new Map() }));
      const same = entry.breaks.get(l.minQty);
      if (same) bad(`the ${l.priceType} ${l.currency} price of "${l.sku}" from ${l.minQty} is also on line ${same.line}`);
      else if (l.includesVat !== entry.first.includesVat) bad(`includes_vat differs from line ${entry.first.line}, which sets the same price list`);
      else if (entry.breaks.size >= MAX_BREAKS) bad(`"${l.sku}" has more than ${MAX_BREAKS} ${l.priceType} ${l.currency} quantity breaks`);
      else entry.breaks.set(l.minQty, l);
    }
    failOnProblems(problems);
    const records: ImportedRecord[] = [...entries.values()].map(({ productId, first, breaks }) => {
      const sorted: PriceBreak[] = [...breaks.values()].sort((a, b) => a.minQty - b.minQty).map((b) => ({ minQty: b.minQty, unitPrice: b.price }));
      return {
        id: priceListEntryId(productId, first.priceType, first.currency),
        fields: { productId, priceType: first.priceType, currency: first.currency, includesVat: first.includesVat, breaks: sorted, _deleted: false },
      };
    });
    const written = await writeImported(tx, 'prices', records, now);
    return { ...written, products: new Set(records.map((r) => r.fields.productId)).size };
  });
}
