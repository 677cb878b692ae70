/**
 * `import-receivables`: sets the company field `receivables` of the clients in the accounting
 * system's export. All or nothing, in one transaction: any bad row (unreadable, an unknown or
 * deleted client, another currency) and nothing is written. Each changed client is saved with a
 * server stamp and the next server sequence number, so the laptops that hold it pull it.
 * Clients not in the file keep what they have.
 */
import { receivablesSchema } from '../../core/client-model';
import { sameValue, stampOf } from '../../core/sync/merge';
import { DELETED_FIELD } from '../../core/sync/tables';
import type { SqlDb } from '../db/sql-db';
import { SEQUENCE_LOCK, loadForUpdate, saveRows, serverStampAfter, type StoredRow } from '../sync/records';
import { describeProblems, type RowProblem } from './csv-table';
import { AdminInputError } from './input-error';
import type { ReceivablesFile, ReceivablesLine } from './receivables-csv';

export interface ReceivablesImport {
  updated: number;
  unchanged: number;
  asOf: string;
}

/** Tax ids as accounting and people write them differ in spaces, dots and dashes only. */
const TAX_ID_SQL = `upper(regexp_replace(data->>'taxId', '[^0-9A-Za-z]', '', 'g'))`;
const normaliseTaxId = (taxId: string) => taxId.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

export async function importReceivables(db: SqlDb, file: ReceivablesFile, now = Date.now()): Promise<ReceivablesImport> {
  const today = new Date(now).toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const problems: RowProblem[] = [...file.problems];
    // Tax ids to client ids: only live clients, and only a tax id that names one of them.
    const taxIds = [...new Set(file.lines.flatMap((l) => ('taxId' in l.key ? [normaliseTaxId(l.key.taxId)] : [])))].filter((t) => t !== '');
    const byTaxId = new Map<string, string[]>();
    if (taxIds.length) {
      const found = await tx.query<{ id: string; tax: string }>(
        `SELECT id::text AS id, ${TAX_ID_SQL} AS tax FROM records
          WHERE tbl = 'clients' AND coalesce((data->>'${DELETED_FIELD}')::boolean, false) = false AND ${TAX_ID_SQL} = ANY($1::text[])`,
        [taxIds],
      );
      for (const r of found) byTaxId.set(r.tax, [...(byTaxId.get(r.tax) ?? []), r.id]);
    }
    const resolved: { line: ReceivablesLine; clientId: string }[] = [];
    for (const line of file.lines) {
      if ('clientId' in line.key) {
        resolved.push({ line, clientId: line.key.clientId });
        continue;
      }
      const ids = byTaxId.get(normaliseTaxId(line.key.taxId)) ?? [];
      if (ids.length === 1) resolved.push({ line, clientId: ids[0]! });
      else if (ids.length === 0) problems.push({ line: line.line, reason: `no client with tax id "${line.key.taxId}"` });
      else problems.push({ line: line.line, reason: `tax id "${line.key.taxId}" belongs to ${ids.length} clients; name the client by client_id` });
    }

    const clients = await loadForUpdate(tx, resolved.map((r) => ({ table: 'clients', id: r.clientId })));
    const firstLine = new Map<string, number>();
    const changed: Omit<StoredRow, 'seq'>[] = [];
    let unchanged = 0;
    for (const { line, clientId } of resolved) {
      const bad = (reason: string) => problems.push({ line: line.line, reason });
      const client = clients.get(`clients/${clientId}`);
      const name = client && typeof client.data.name === 'string' ? `"${client.data.name}"` : '';
      if (!client) {
        bad(`no client with id ${clientId}`);
        continue;
      }
      if (client.data[DELETED_FIELD] === true) {
        bad(`client ${name} (${clientId}) is deleted`);
        continue;
      }
      const seenAt = firstLine.get(clientId);
      if (seenAt !== undefined) {
        bad(`client ${name} is also on line ${seenAt}`);
        continue;
      }
      firstLine.set(clientId, line.line);
      const currency = typeof client.data.currency === 'string' ? client.data.currency : null;
      if (!currency || (line.currency && line.currency !== currency)) {
        bad(`the amounts are in ${line.currency ?? 'no currency'}, client ${name} is billed in ${currency ?? 'no currency'}`);
        continue;
      }
      // Parsed against the field's schema, as a pushed value would be: laptops rely on its shape.
      const receivables = receivablesSchema.parse({ balance: line.balance, overdue: line.overdue, overdueDays: line.overdueDays, currency, asOf: line.asOf ?? today });
      if (sameValue(client.data.receivables, receivables)) {
        unchanged++;
        continue;
      }
      const stamps = { ...client.stamps, receivables: serverStampAfter(stampOf(client.stamps, 'receivables'), now) };
      const authors = { ...client.authors };
      delete authors.receivables; // the company's, not a person's
      changed.push({ tbl: 'clients', id: client.id, owner_id: client.owner_id, client_id: client.client_id, data: { ...client.data, receivables }, stamps, authors });
    }
    // Thrown inside the transaction: it rolls back, nothing of the file is written.
    if (problems.length) {
      const bad = new Set(problems.map((p) => p.line)).size;
      throw new AdminInputError([...describeProblems(problems), `Nothing imported: ${bad} ${bad === 1 ? 'line needs' : 'lines need'} fixing.`]);
    }

    // Sequence numbers are assigned under the lock, which the commit releases (as in push).
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
    // A statement per 2 000 clients rather than per client: pushes wait for the lock meanwhile.
    for (let i = 0; i < changed.length; i += 2000) await saveRows(tx, changed.slice(i, i + 2000));
    return { updated: changed.length, unchanged, asOf: today };
  });
}
