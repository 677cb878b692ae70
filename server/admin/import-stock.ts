/**
 * `import-stock`: what is available and what is on its way, per SKU, from the warehouse export.
 * A product's stock is one record with the product's id, replaced by the file's numbers. The
 * export lists a product once, or once per expected delivery (the same SKU again with another
 * arrival_on/arrival_qty and the same or an empty `available`). Products not in the file keep
 * what they have. Without an as_of date the stock is dated by the import, and a product whose
 * numbers did not change is left as it is (so the daily file writes only what moved).
 */
import type { IncomingStock } from '../../core/pricing/catalog-model';
import { sameValue } from '../../core/sync/merge';
import type { SqlDb } from '../db/sql-db';
import { loadProductsBySku, skuKey } from './catalog-lookup';
import { failOnProblems, isIsoDate, parseQuantity, requireColumns, requireLines, unusedColumns } from './csv-fields';
import { readCsv, type RowProblem } from './csv-table';
import { loadRecords, writeImported, type ImportedRecord } from './write-imported';

const REQUIRED = ['sku', 'available'] as const;
const OPTIONAL = ['arrival_on', 'arrival_qty', 'as_of'] as const;
const MAX_ARRIVALS = 20;

export interface StockLine {
  line: number;
  sku: string;
  /** Null on a further line of a SKU that leaves it empty. */
  available: number | null;
  arrival: IncomingStock | null;
  /** ISO-8601 UTC, when the file says when it counted. */
  asOf: string | null;
}

export interface StockFile {
  lines: StockLine[];
  problems: RowProblem[];
  ignoredColumns: string[];
}

/** "2026-11-20" (midnight UTC) or an ISO time with a zone → ISO-8601 UTC; null if neither. */
function asOfTime(text: string): string | null {
  if (isIsoDate(text)) return `${text}T00:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function parseStockCsv(text: string, what: string): StockFile {
  const table = readCsv(text, what);
  requireColumns(table, what, REQUIRED);
  requireLines(table, what, 'stock lines');
  const problems = [...table.problems];
  const lines: StockLine[] = [];
  for (const { line, values } of table.rows) {
    const before = problems.length;
    const bad = (reason: string) => problems.push({ line, reason });
    if (values.sku === '') bad('sku is empty');
    const availableText = values.available!;
    const available = availableText === '' ? null : parseQuantity(availableText);
    if (typeof available === 'string') bad(`available "${availableText}" ${available}`);
    const on = values.arrival_on ?? '';
    const qtyText = values.arrival_qty ?? '';
    let arrival: IncomingStock | null = null;
    if (on !== '' || qtyText !== '') {
      const qty = parseQuantity(qtyText);
      if (on === '' || qtyText === '') bad('arrival_on and arrival_qty go together: give both or neither');
      else if (!isIsoDate(on)) bad(`arrival_on "${on}" is not a date like 2026-11-23`);
      else if (typeof qty === 'string') bad(`arrival_qty "${qtyText}" ${qty}`);
      else if (qty === 0) bad('arrival_qty is 0');
      else arrival = { on, qty };
    }
    const asOfText = values.as_of ?? '';
    const asOf = asOfText === '' ? null : asOfTime(asOfText);
    if (asOfText !== '' && asOf === null) bad(`as_of "${asOfText}" is not a date like 2026-11-23 or a time like 2026-11-23T06:00:00Z`);
    if (problems.length === before) lines.push({ line, sku: values.sku!, available: available as number | null, arrival, asOf });
  }
  return { lines, problems, ignoredColumns: unusedColumns(table, [...REQUIRED, ...OPTIONAL]) };
}

export interface StockImport {
  updated: number;
  unchanged: number;
}

interface ProductStock {
  first: StockLine;
  available: number | null;
  incoming: (IncomingStock & { line: number })[];
  asOf: string | null;
}

export async function importStock(db: SqlDb, file: StockFile, now = Date.now()): Promise<StockImport> {
  return db.transaction(async (tx) => {
    const problems = [...file.problems];
    const products = await loadProductsBySku(tx, file.lines.map((l) => l.sku));
    const byProduct = new Map<string, ProductStock>();
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
      let stock = byProduct.get(product.id);
      if (!stock) {
        if (l.available === null) bad('available is empty');
        byProduct.set(product.id, (stock = { first: l, available: l.available, incoming: [], asOf: l.asOf }));
      } else {
        // A further line of the same product adds an expected delivery, nothing else.
        if (l.available !== null && l.available !== stock.available) bad(`available ${l.available} differs from line ${stock.first.line} for the same SKU`);
        if (l.asOf !== null && stock.asOf !== null && l.asOf !== stock.asOf) bad(`as_of differs from line ${stock.first.line} for the same SKU`);
        stock.asOf ??= l.asOf;
      }
      if (!l.arrival) continue;
      const sameDay = stock.incoming.find((a) => a.on === l.arrival!.on);
      if (sameDay) bad(`an arrival on ${l.arrival.on} for "${l.sku}" is also on line ${sameDay.line}`);
      else if (stock.incoming.length >= MAX_ARRIVALS) bad(`"${l.sku}" has more than ${MAX_ARRIVALS} expected arrivals`);
      else stock.incoming.push({ ...l.arrival, line: l.line });
    }
    failOnProblems(problems);

    const nowIso = new Date(now).toISOString();
    const stored = await loadRecords(tx, 'stock', [...byProduct.keys()]);
    const records: ImportedRecord[] = [];
    let same = 0;
    for (const [productId, stock] of byProduct) {
      const incoming = stock.incoming.sort((a, b) => (a.on < b.on ? -1 : 1)).map(({ on, qty }) => ({ on, qty }));
      const current = stored.get(`stock/${productId}`)?.data;
      // Undated figures that restate the stored ones leave the record (and its date) alone.
      if (stock.asOf === null && current && current._deleted !== true && sameValue(current.available, stock.available) && sameValue(current.incoming, incoming)) {
        same++;
        continue;
      }
      records.push({ id: productId, fields: { productId, available: stock.available, incoming, asOf: stock.asOf ?? nowIso, _deleted: false } });
    }
    const written = await writeImported(tx, 'stock', records, now, stored);
    return { updated: written.created + written.updated, unchanged: written.unchanged + same };
  });
}
