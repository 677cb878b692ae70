/**
 * `import-receivables`: sets the company field `receivables` of the clients in the accounting
 * system's export. All or nothing, in one transaction: any bad row (unreadable, an unknown or
 * deleted client, another currency) and nothing is written. Each changed client is saved with a
 * server stamp and the next server sequence number, so the laptops that hold it pull it.
 * Clients not in the file keep what they have.
 */
import { receivablesSchema } from '../../core/client-model';
import type { SqlDb } from '../db/sql-db';
import { clientLabel, resolveClients } from './client-keys';
import { parseMoney } from '../../core/pricing/money';
import { decimalsReason, failOnProblems } from './csv-fields';
import type { RowProblem } from './csv-table';
import { writeImported, type ImportedRecord } from './write-imported';
import type { ReceivablesFile } from './receivables-csv';

export interface ReceivablesImport {
  updated: number;
  unchanged: number;
  asOf: string;
}

export async function importReceivables(db: SqlDb, file: ReceivablesFile, now = Date.now()): Promise<ReceivablesImport> {
  const today = new Date(now).toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const problems: RowProblem[] = [...file.problems];
    const resolved = await resolveClients(tx, file.lines, problems);
    const firstLine = new Map<string, number>();
    const changes: ImportedRecord[] = [];
    for (const { line, client } of resolved) {
      const bad = (reason: string) => problems.push({ line: line.line, reason });
      const name = clientLabel(client);
      const seenAt = firstLine.get(client.id);
      if (seenAt !== undefined) {
        bad(`client ${name} is also on line ${seenAt}`);
        continue;
      }
      firstLine.set(client.id, line.line);
      const currency = typeof client.data.currency === 'string' ? client.data.currency : null;
      if (!currency || (line.currency && line.currency !== currency)) {
        bad(`the amounts are in ${line.currency ?? 'no currency'}, client ${name} is billed in ${currency ?? 'no currency'}`);
        continue;
      }
      // In minor units of the client's currency: "1500" is 150000 for EUR, 1500 for JPY.
      const balance = parseMoney(line.balance, currency);
      const overdue = parseMoney(line.overdue, currency);
      if (balance === null) bad(`balance "${line.balance}" ${decimalsReason(currency)}`);
      if (overdue === null) bad(`overdue "${line.overdue}" ${decimalsReason(currency)}`);
      if (balance === null || overdue === null) continue;
      // Parsed against the field's schema, as a pushed value would be: laptops rely on its shape.
      const receivables = receivablesSchema.parse({ balance, overdue, overdueDays: line.overdueDays, currency, asOf: line.asOf ?? today });
      changes.push({ id: client.id, fields: { receivables } });
    }
    // Thrown inside the transaction: it rolls back, nothing of the file is written.
    failOnProblems(problems);
    const written = await writeImported(tx, 'clients', changes, now, new Map(resolved.map(({ client }) => [`clients/${client.id}`, client])));
    return { updated: written.updated, unchanged: written.unchanged, asOf: today };
  });
}
