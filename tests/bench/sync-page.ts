/**
 * Injected into the app's page by the `sync` benchmark group (bundled by tests/bench/sync.mjs):
 * the app's own write command (`updateClient`, renderer/src/data/clients/commands.ts) on the app's
 * database, to make a day's edits without typing them. Each edit is what the client form's
 * save does: the client, its list row, the history and the sync outbox, in one transaction.
 */
import { clientInputSchema, type ClientInput } from '../../core/client-model';
import { updateClient } from '../../renderer/src/data/clients/commands';
import { getDb } from '../../renderer/src/data/db';

const INPUT_FIELDS = Object.keys(clientInputSchema.shape) as (keyof ClientInput)[];

/**
 * Edits `count` clients (spread over the base), one save each; returns the outbox size. The saves
 * run inside one outer transaction (each command's own transaction joins it), which makes the
 * day's edits in seconds instead of minutes; the outbox is the same as after separate saves.
 */
async function editClients(count: number, tag: string): Promise<{ edited: number; outbox: number; ms: number }> {
  const db = getDb();
  const started = performance.now();
  const ids = (await db.clients.toCollection().primaryKeys()) as string[];
  const step = Math.max(1, Math.floor(ids.length / count));
  let edited = 0;
  await db.transaction('rw', db.tables, async () => {
    for (let i = 0; edited < count && i * step < ids.length; i++) {
      const client = await db.clients.get(ids[i * step]!);
      if (!client) continue;
      const input = Object.fromEntries(INPUT_FIELDS.map((f) => [f, client[f]])) as unknown as ClientInput;
      await updateClient(client.id, { ...input, notes: `${tag} ${i}: visited, wants the spring price list.`, paymentTermsDays: client.paymentTermsDays === 45 ? 60 : 45 });
      edited++;
    }
  });
  return { edited, outbox: await db.outbox.count(), ms: performance.now() - started };
}

(window as unknown as { __fieldbookBench: unknown }).__fieldbookBench = { editClients };
