/**
 * Finding the clients an accounting export names: by Fieldbook client id, or by tax id (as the
 * accounting system knows them), which must name exactly one client that is not deleted. Shared
 * by the imports that set company fields of clients (receivables, group discounts).
 */
import { DELETED_FIELD } from '../../core/sync/tables';
import { loadForUpdate, type StoredRow } from '../sync/records';
import type { Sql } from '../sync/sql';
import type { RowProblem } from './csv-table';

export type ClientKey = { clientId: string } | { taxId: string };

/** Tax ids as accounting and people write them differ in spaces, dots and dashes only. */
const TAX_ID_SQL = `upper(regexp_replace(data->>'taxId', '[^0-9A-Za-z]', '', 'g'))`;
const normaliseTaxId = (taxId: string) => taxId.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** The client's name for messages: `"Name"`, or nothing when it has none. */
export const clientLabel = (client: StoredRow): string => (typeof client.data.name === 'string' ? `"${client.data.name}"` : '');

/**
 * The live client each line names, row-locked for the import's transaction. Lines that name no
 * client, a deleted one, or (by tax id) several, get a problem instead and are left out.
 */
export async function resolveClients<L extends { line: number; key: ClientKey }>(tx: Sql, lines: readonly L[], problems: RowProblem[]): Promise<{ line: L; client: StoredRow }[]> {
  const taxIds = [...new Set(lines.flatMap((l) => ('taxId' in l.key ? [normaliseTaxId(l.key.taxId)] : [])))].filter((t) => t !== '');
  const byTaxId = new Map<string, string[]>();
  if (taxIds.length) {
    const found = await tx.query<{ id: string; tax: string }>(
      `SELECT id::text AS id, ${TAX_ID_SQL} AS tax FROM records
        WHERE tbl = 'clients' AND coalesce((data->>'${DELETED_FIELD}')::boolean, false) = false AND ${TAX_ID_SQL} = ANY($1::text[])`,
      [taxIds],
    );
    for (const r of found) byTaxId.set(r.tax, [...(byTaxId.get(r.tax) ?? []), r.id]);
  }
  const named: { line: L; clientId: string }[] = [];
  for (const line of lines) {
    if ('clientId' in line.key) {
      named.push({ line, clientId: line.key.clientId });
      continue;
    }
    const ids = byTaxId.get(normaliseTaxId(line.key.taxId)) ?? [];
    if (ids.length === 1) named.push({ line, clientId: ids[0]! });
    else if (ids.length === 0) problems.push({ line: line.line, reason: `no client with tax id "${line.key.taxId}"` });
    else problems.push({ line: line.line, reason: `tax id "${line.key.taxId}" belongs to ${ids.length} clients; name the client by client_id` });
  }
  const clients = await loadForUpdate(tx, named.map((n) => ({ table: 'clients', id: n.clientId })));
  const out: { line: L; client: StoredRow }[] = [];
  for (const { line, clientId } of named) {
    const client = clients.get(`clients/${clientId}`);
    if (!client) problems.push({ line: line.line, reason: `no client with id ${clientId}` });
    else if (client.data[DELETED_FIELD] === true) problems.push({ line: line.line, reason: `client ${clientLabel(client)} (${clientId}) is deleted` });
    else out.push({ line, client });
  }
  return out;
}
