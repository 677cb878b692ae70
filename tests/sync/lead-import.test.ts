/**
 * Leads imported from a .vcf reach the company server whole, on both database backends: the
 * import writes each batch's leads and their outbox entries in bulk (lead-import.ts,
 * `recordCreations`), and a lead captured by hand right after is queued after them; one sync
 * takes them all, nothing is refused, and another laptop of the same person has every field.
 * Real laptop code, real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { ClientSearch } from '../../renderer/src/data/clients/client-search';
import { importLeads } from '../../renderer/src/data/leads/lead-import';
import { captureLead } from '../../renderer/src/data/leads/leads';
import { emptyCapture, type CaptureValues } from '../../renderer/src/leads/capture-values';
import { serverRecords, useSyncServer } from './harness';

const contact = (position: number, values: Partial<CaptureValues>) => ({ position, values: { ...emptyCapture(), ...values }, pictures: [] });

for (const backend of BACKENDS) {
  describeBackend(backend)(`an imported address book through a sync (${backend})`, () => {
    const test = useSyncServer(backend);

    it('every imported lead and one captured after it reach the server and the person’s other laptop, with all they carry', async () => {
      const anna = await test.laptop('anna');
      const search = new ClientSearch();
      const items = Array.from({ length: 7 }, (_, i) =>
        contact(i + 1, {
          personName: `Visitor ${i + 1}`,
          companyName: `Company ${i + 1} Kft.`,
          email: `visitor${i + 1}@company${i + 1}.example`,
          phone: `+36 30 123 45${String(i).padStart(2, '0')}`,
          phoneKind: 'mobile',
          websites: [`https://company${i + 1}.example`],
          departments: ['Purchasing'],
          country: 'HU',
        }),
      );
      const report = await importLeads(items, { search, batchSize: 3 }, anna.db);
      expect(report.captured).toHaveLength(7);
      const typed = await captureLead({ ...emptyCapture(), personName: 'Typed After', companyName: 'Typed Kft.', email: 'typed@typed.example', rating: 'hot' }, { taskTitle: (step, who) => `${step}: ${who}` }, anna.db);

      // One entry per lead, in order, each with its own stamp.
      const outbox = await anna.db.outbox.orderBy('seq').toArray();
      expect(outbox.map((e) => e.id)).toEqual([...report.captured, typed.id]);
      expect(outbox.map((e) => e.seq)).toEqual(outbox.map((_, i) => outbox[0]!.seq + i));
      const stamps = outbox.map((e) => e.fields.personName!.hlc);
      expect([...stamps].sort()).toEqual(stamps);
      expect(new Set(stamps).size).toBe(stamps.length);

      const run = await anna.sync();
      expect(run).toMatchObject({ ok: true, rejected: 0 });
      expect(await anna.db.outbox.count()).toBe(0);
      const stored = await serverRecords(test.db, 'leads');
      for (const id of [...report.captured, typed.id]) expect(stored.get(id)).toBeDefined();
      expect(stored.get(report.captured[2]!)).toMatchObject({ personName: 'Visitor 3', phone: '+36301234502', phoneKind: 'mobile', websites: ['https://company3.example'], departments: ['Purchasing'] });

      const second = await test.laptop('anna', 'Anna’s second laptop');
      await second.sync();
      expect(await second.db.leads.get(report.captured[6]!)).toMatchObject({ personName: 'Visitor 7', email: 'visitor7@company7.example', country: 'HU' });
      expect(await second.db.leads.get(typed.id)).toMatchObject({ personName: 'Typed After', rating: 'hot' });
    });
  });
}
