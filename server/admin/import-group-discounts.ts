/**
 * `import-group-discounts`: discounts on product groups, for every client of a price type
 * (a `price_type` on the line) or for one client (its `client_id` or `tax_id`), the terms the
 * pricing engine applies (a client's own discount on a group replaces its price type's). Each
 * line sets one discount; 0 removes it. Discounts the file does not mention stay.
 */
import { PRICE_TYPES, type PriceType } from '../../core/client-model';
import { priceTypeGroupDiscountId } from '../../core/pricing/catalog-ids';
import type { ClientGroupDiscount } from '../../core/pricing/catalog-model';
import { DELETED_FIELD } from '../../core/sync/tables';
import type { SqlDb } from '../db/sql-db';
import { UUID_PATTERN } from './assign-client';
import { loadGroupTree } from './catalog-lookup';
import { resolveClients, type ClientKey } from './client-keys';
import { failOnProblems, parsePercent, priceTypeKey, requireColumns, requireLines, splitGroupPath, unusedColumns } from './csv-fields';
import { readCsv, type RowProblem } from './csv-table';
import { AdminInputError } from './input-error';
import { loadRecords, writeImported, type ImportedRecord } from './write-imported';

const REQUIRED = ['group', 'discount'] as const;
const isLive = (row: { data: Record<string, unknown> } | undefined) => row !== undefined && row.data[DELETED_FIELD] !== true;
const WHO = ['price_type', 'client_id', 'tax_id'] as const;
/** A client carries at most this many group discounts (the synced field's limit). */
const MAX_PER_CLIENT = 200;

export interface GroupDiscountLine {
  line: number;
  who: { priceType: PriceType } | { client: ClientKey };
  groupPath: string[];
  discountBp: number;
}

export interface GroupDiscountFile {
  lines: GroupDiscountLine[];
  problems: RowProblem[];
  ignoredColumns: string[];
}

export function parseGroupDiscountsCsv(text: string, what: string): GroupDiscountFile {
  const table = readCsv(text, what);
  requireColumns(table, what, REQUIRED, 'group, discount and price_type, client_id or tax_id');
  if (!WHO.some((c) => table.columns.includes(c))) {
    throw new AdminInputError([`${what}: the header lacks price_type, client_id or tax_id: each line says whose discount it is.`]);
  }
  requireLines(table, what, 'discount lines');
  const problems = [...table.problems];
  const lines: GroupDiscountLine[] = [];
  for (const { line, values } of table.rows) {
    const before = problems.length;
    const bad = (reason: string) => problems.push({ line, reason });
    const typeText = values.price_type ?? '';
    const clientId = values.client_id ?? '';
    const taxId = values.tax_id ?? '';
    let who: GroupDiscountLine['who'] | null = null;
    if (typeText !== '' && (clientId !== '' || taxId !== '')) bad('names both a price type and a client; a line sets one discount');
    else if (typeText !== '') {
      const priceType = priceTypeKey(typeText) as PriceType;
      if (PRICE_TYPES.includes(priceType)) who = { priceType };
      else bad(`price_type "${typeText}" is not one of ${PRICE_TYPES.join(', ')}`);
    } else if (clientId !== '') {
      if (UUID_PATTERN.test(clientId)) who = { client: { clientId: clientId.toLowerCase() } };
      else bad(`client_id "${clientId}" is not a Fieldbook client id`);
    } else if (taxId !== '') who = { client: { taxId } };
    else bad(`no ${WHO.filter((c) => table.columns.includes(c)).join(' or ')}`);
    const groupPath = splitGroupPath(values.group!);
    if (groupPath.length === 0) bad('group is empty');
    const discountBp = parsePercent(values.discount!);
    if (typeof discountBp === 'string') bad(`discount "${values.discount}" ${discountBp}`);
    if (problems.length === before && who) lines.push({ line, who, groupPath, discountBp: discountBp as number });
  }
  return { lines, problems, ignoredColumns: unusedColumns(table, [...REQUIRED, ...WHO]) };
}

export interface GroupDiscountImport {
  priceTypes: { set: number; removed: number; unchanged: number };
  clients: { updated: number; unchanged: number };
}

export async function importGroupDiscounts(db: SqlDb, file: GroupDiscountFile, now = Date.now()): Promise<GroupDiscountImport> {
  return db.transaction(async (tx) => {
    const problems = [...file.problems];
    const tree = await loadGroupTree(tx);
    const withGroup: (GroupDiscountLine & { groupId: string })[] = [];
    for (const l of file.lines) {
      const groupId = tree.find(l.groupPath);
      if (groupId) withGroup.push({ ...l, groupId });
      else problems.push({ line: l.line, reason: `no product group "${l.groupPath.join(' > ')}" (import the catalog first; a subgroup is written "Top > Sub")` });
    }

    // Price types' discounts: one record each, keyed by price type and group.
    const typeLines = withGroup.filter((l): l is typeof l & { who: { priceType: PriceType } } => 'priceType' in l.who);
    const typeRecords = new Map<string, { line: number; record: ImportedRecord }>();
    for (const l of typeLines) {
      const id = priceTypeGroupDiscountId(l.who.priceType, l.groupId);
      const same = typeRecords.get(id);
      if (same) {
        problems.push({ line: l.line, reason: `the ${l.who.priceType} discount on "${tree.pathOf(l.groupId)}" is also on line ${same.line}` });
        continue;
      }
      const fields = l.discountBp > 0 ? { priceType: l.who.priceType, groupId: l.groupId, discountBp: l.discountBp, [DELETED_FIELD]: false } : { [DELETED_FIELD]: true };
      typeRecords.set(id, { line: l.line, record: { id, fields } });
    }

    // Clients' own discounts: a list on the client record (a company field), edited in place.
    const clientLines = withGroup.filter((l): l is typeof l & { who: { client: ClientKey } } => 'client' in l.who);
    const resolved = await resolveClients(
      tx,
      clientLines.map((l) => ({ ...l, key: l.who.client })),
      problems,
    );
    const lists = new Map<string, { list: ClientGroupDiscount[]; lineOf: Map<string, number> }>();
    for (const { line: l, client } of resolved) {
      let entry = lists.get(client.id);
      if (!entry) {
        const current = Array.isArray(client.data.groupDiscounts) ? (client.data.groupDiscounts as ClientGroupDiscount[]) : [];
        lists.set(client.id, (entry = { list: current.map((d) => ({ ...d })), lineOf: new Map() }));
      }
      const seenAt = entry.lineOf.get(l.groupId);
      if (seenAt !== undefined) {
        problems.push({ line: l.line, reason: `this client's discount on "${tree.pathOf(l.groupId)}" is also on line ${seenAt}` });
        continue;
      }
      entry.lineOf.set(l.groupId, l.line);
      const at = entry.list.findIndex((d) => d.groupId === l.groupId);
      if (l.discountBp === 0) {
        if (at >= 0) entry.list.splice(at, 1);
      } else if (at >= 0) entry.list[at] = { groupId: l.groupId, discountBp: l.discountBp };
      else if (entry.list.length >= MAX_PER_CLIENT) problems.push({ line: l.line, reason: `the client has ${MAX_PER_CLIENT} group discounts already` });
      else entry.list.push({ groupId: l.groupId, discountBp: l.discountBp });
    }
    failOnProblems(problems);

    const storedTypes = await loadRecords(tx, 'groupDiscounts', [...typeRecords.keys()]);
    const removed = [...typeRecords.values()].filter(({ record }) => record.fields[DELETED_FIELD] === true && isLive(storedTypes.get(`groupDiscounts/${record.id}`))).length;
    const types = await writeImported(tx, 'groupDiscounts', [...typeRecords.values()].map((r) => r.record), now, storedTypes);
    const clients = await writeImported(
      tx,
      'clients',
      [...lists].map(([id, { list }]) => ({ id, fields: { groupDiscounts: list } })),
      now,
      new Map(resolved.map(({ client }) => [`clients/${client.id}`, client])),
    );
    return { priceTypes: { set: types.created + types.updated - removed, removed, unchanged: types.unchanged }, clients: { updated: clients.updated, unchanged: clients.unchanged } };
  });
}
