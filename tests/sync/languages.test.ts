/**
 * The languages of the data through the sync, on both database backends: a client's language
 * (the one its offers are printed in) created with its country's, changed on one laptop and read
 * on another; a language this version does not speak, written by a newer laptop, kept through an
 * older one's edits; a client from a laptop before the field read as its country's; and the
 * catalog's product names per language, set by the company's import, reaching every laptop and
 * naming its products in the manager's language.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { clientLanguage } from '../../core/client-model';
import { productName } from '../../core/pricing/catalog-model';
import { SYNC_SCHEMA_VERSION } from '../../core/sync/protocol';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { runCli } from '../../server/cli';
import { csvFile, io } from '../../server/test/admin-helpers';
import { createClient, updateClient } from '../../renderer/src/data/clients/commands';
import { catalogIndex } from '../../renderer/src/data/catalog/catalog-index';
import { useLanguage } from '../../renderer/src/i18n/language';
import { clientInput, inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

/** Pushes `fields` of a client as a laptop of another version would write them (a wire push of its own). */
async function pushRaw(l: Laptop, id: string, fields: Record<string, unknown>, seq: number) {
  const hlc = `${String(Date.now()).padStart(15, '0')}-00000-${'0'.repeat(16)}`;
  const wire = Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, hlc, base: null }]));
  const answer = await l.transport.post<{ results: { status: string; reason?: string; field?: string }[] }>('/api/sync/push', {
    schemaVersion: SYNC_SCHEMA_VERSION,
    fromSeq: seq,
    toSeq: seq,
    ops: [{ table: 'clients', id, fields: wire }],
  });
  return answer.value.results[0]!;
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`languages of clients and products through the sync (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('a client’s language: its country’s when created, changed on one laptop, the same on the server and another laptop', async () => {
      const a = await laptop('anna');
      const b = await laptop('anna');
      const kl = { kind: 'legal' as const, street: 'Jalan Ampang 1', city: 'Kuala Lumpur', postcode: '50450', region: '', country: 'MY' };
      const c = await createClient(clientInput(test.team.anna, { name: 'Syarikat Maju Sdn Bhd', currency: 'MYR', addresses: [kl], language: '' }), a.db);
      expect(c.language).toBe('ms');
      await a.sync();
      await b.sync();
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ language: 'ms' });
      expect(await b.db.clients.get(c.id)).toMatchObject({ language: 'ms' });

      await updateClient(c.id, inputOf({ ...(await b.db.clients.get(c.id))!, language: 'en' }), b.db);
      await b.sync();
      await a.sync();
      expect(await a.db.clients.get(c.id)).toMatchObject({ language: 'en' });
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ language: 'en' });
    });

    it('a language this version does not speak (a newer laptop’s) is kept, through an older laptop’s edits; a malformed one is refused', async () => {
      const newer = await laptop('anna', 'newer');
      const older = await laptop('anna', 'older');
      const c = await createClient(clientInput(test.team.anna, { name: 'Brasil Ferramentas Ltda' }), newer.db);
      await newer.sync();
      // Written over the language the client was created with: taken (merged, the later write wins).
      expect(['applied', 'merged']).toContain((await pushRaw(newer, c.id, { language: 'pt-BR' }, 2)).status);
      await older.sync();
      expect(await older.db.clients.get(c.id)).toMatchObject({ language: 'pt-BR' });
      // The older laptop edits the client as its form does: the language goes back as it came.
      await updateClient(c.id, inputOf({ ...(await older.db.clients.get(c.id))!, notes: 'Wants Portuguese offers' }), older.db);
      expect(await older.sync()).toMatchObject({ ok: true, rejected: 0 });
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ language: 'pt-BR', notes: 'Wants Portuguese offers' });

      for (const [seq, language] of [[3, 'PT_br'], [4, 'hu\u0000'], [5, 42]] as const) {
        expect(await pushRaw(newer, c.id, { language }, seq), String(language)).toMatchObject({ status: 'rejected', reason: 'invalid_value', field: 'language' });
      }
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ language: 'pt-BR' });
    });

    it('a client pushed without a language (a laptop from before it) reads as its country’s, and an unchanged save writes none', async () => {
      const old = await laptop('anna');
      await old.sync();
      const id = crypto.randomUUID();
      const { language: _, ...fields } = clientInput(test.team.anna, { name: 'Régi Laptop Kft' });
      expect(await pushRaw(old, id, { ...fields, createdAt: new Date().toISOString(), archivedAt: null, _deleted: false }, 1)).toMatchObject({ status: 'applied' });
      expect('language' in (await serverRecords(test.db, 'clients')).get(id)!).toBe(false);

      const h = await laptop('anna');
      await h.sync();
      const there = (await h.db.clients.get(id))!;
      expect(there.language ?? '').toBe('');
      expect(clientLanguage(there, 'en')).toBe('hu');
      await updateClient(id, { ...inputOf(there), language: '', notes: 'still Hungarian' }, h.db);
      expect(Object.keys((await h.db.outbox.toArray())[0]!.fields)).toEqual(['notes']);
      await h.sync();
      expect('language' in (await serverRecords(test.db, 'clients')).get(id)!).toBe(false);
    });

    it('products’ names per language from the catalog import reach the laptops and name the products in the manager’s language', async () => {
      const importCatalog = async (csv: string) => {
        const r = io();
        const code = await runCli(['import-catalog', '--file', csvFile('catalog.csv', csv)], {}, r.io, test.db);
        expect(code, r.err.join('\n')).toBe(0);
      };
      await importCatalog(['sku,name,unit,vat_rate,name_hu,name_ru', 'DRL-9,Cordless drill,pcs,20,Akkus fúró,Дрель аккумуляторная', 'HAM-9,Hammer,pcs,20,,'].join('\n'));
      const a = await laptop('anna');
      await a.sync();
      const drill = (await a.db.products.where('sku').equals('DRL-9').first())!;
      const hammer = (await a.db.products.where('sku').equals('HAM-9').first())!;
      expect(drill.names).toEqual({ hu: 'Akkus fúró', ru: 'Дрель аккумуляторная' });
      expect(hammer.names).toBeUndefined();
      expect(productName(hammer, 'hu')).toBe('Hammer');

      const index = catalogIndex(a.db);
      await index.ready();
      useLanguage.setState({ language: 'hu' });
      try {
        await index.settled();
        expect(index.search.getRow(drill.id)!.name).toBe('Akkus fúró');
        expect(index.search.getRow(hammer.id)!.name).toBe('Hammer');

        // The next import drops the Hungarian name (an empty cell) and keeps the Russian one (no column).
        await importCatalog(['sku,name,unit,vat_rate,name_hu', 'DRL-9,Cordless drill,pcs,20,'].join('\n'));
        await a.sync();
        expect((await a.db.products.get(drill.id))!.names).toEqual({ ru: 'Дрель аккумуляторная' });
        await index.settled();
        expect(index.search.getRow(drill.id)!.name).toBe('Cordless drill');
      } finally {
        useLanguage.setState({ language: 'en' });
        index.close();
      }
    });
  });
}
