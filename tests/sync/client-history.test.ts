/**
 * A client's history is everyone's, on both database backends: the company server logs every
 * accepted change of a client and its contacts (who, from which device, when, each field before
 * and after), a conflict's resolution, a reassignment and an import, in the transaction of the
 * change; every laptop that may see the client reads the same history, and one that may not
 * learns nothing. Real laptop code, real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it, vi } from 'vitest';
import type { DevicesResponse } from '../../core/devices';
import type { ChangeLogEntry } from '../../core/sync/protocol';
import { assignClient } from '../../server/admin/assign-client';
import { importReceivables } from '../../server/admin/import-receivables';
import { parseReceivablesCsv } from '../../server/admin/receivables-csv';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient, createContact, updateClient } from '../../renderer/src/data/clients/commands';
import { setDeviceClock } from '../../renderer/src/data/sync/outbox';
import { readConnection } from '../../renderer/src/data/sync/sync-session';
import { resolveConflict } from '../../renderer/src/data/sync/conflicts';
import { openClient } from '../../renderer/src/data/opened-record';
import { cachedServerHistory, fetchOlderHistory, fetchServerHistory, lastOkSyncStart, unsyncedSince } from '../../renderer/src/data/clients/server-history';
import { SyncFailure } from '../../renderer/src/sync/transport';
import { clientInput, inputOf, useSyncServer, type Laptop } from './harness';

const laterMillisecond = () => new Promise((done) => setTimeout(done, 3));

/** The entries as "who action table field:from→to", oldest first, for reading in a failure. */
const lines = (entries: readonly ChangeLogEntry[]) =>
  [...entries].reverse().map((e) => `${e.userName ?? 'company'} ${e.action} ${e.table}${e.changes.map((c) => ` ${c.field}:${JSON.stringify(c.from)}→${JSON.stringify(c.to)}`).join('')}`);

for (const backend of BACKENDS) {
  describeBackend(backend)(`a client's history (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('shows everyone’s synced edits and conflict resolutions with who, where and when, the same on every laptop; others learn nothing', async () => {
      const anna = await laptop('anna', 'Anna’s laptop');
      const head = await laptop('head', 'Head office PC');
      const ben = await laptop('ben');
      const c = await createClient(clientInput(test.team.anna, { name: 'History Kft', notes: 'first' }), anna.db);
      await createContact(c.id, { name: 'Tóth Péter', position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, anna.db);
      await anna.sync();
      await head.sync();

      // The head changes the notes and Anna, on a form opened before, too: a conflict.
      const seen = (await openClient(c.id, anna.db))!;
      await updateClient(c.id, inputOf({ ...(await head.db.clients.get(c.id))!, notes: 'head: call in May' }), head.db);
      await head.sync();
      await laterMillisecond();
      await anna.sync();
      await updateClient(c.id, inputOf({ ...seen.record, notes: 'anna: visit in June', website: 'www.history.example' }), anna.db, seen);
      await anna.sync();
      const conflict = (await anna.db.conflicts.filter((x) => x.recordId === c.id && x.status === 'open').toArray())[0];
      expect(conflict?.field).toBe('notes');
      await resolveConflict(conflict!.id, 'anna: visit in June', test.team.anna, anna.db);
      await anna.sync();

      const before = Date.now();
      const fromAnna = await fetchServerHistory(c.id, anna.transport, anna.db);
      const fromHead = await fetchServerHistory(c.id, head.transport, head.db);
      expect(fromHead.entries).toEqual(fromAnna.entries);
      const l = lines(fromAnna.entries);
      expect(l[0]).toBe('Anna Berger created clients');
      expect(l[1]).toBe('Anna Berger created contacts');
      expect(l).toContain('Helena Head updated clients notes:"first"→"head: call in May"');
      // Anna's later edit won the field; the head's value is the conflict's other side.
      expect(l[3]).toBe('Anna Berger updated clients website:"ugyfel.hu"→"www.history.example" notes:"head: call in May"→"anna: visit in June"');
      expect(l[l.length - 1]).toBe('Anna Berger resolved clients notes:undefined→"anna: visit in June"');
      const created = fromAnna.entries[fromAnna.entries.length - 1]!;
      expect(created.deviceName).toBe('Anna’s laptop');
      expect(fromAnna.entries[fromAnna.entries.length - 2]!.recordName).toBe('Tóth Péter');
      const headsEdit = fromAnna.entries.find((e) => e.userName === 'Helena Head')!;
      expect(headsEdit.deviceName).toBe('Head office PC');
      expect(Date.parse(headsEdit.at)).toBeLessThanOrEqual(before);
      // Kept on the laptop for offline reading.
      expect((await cachedServerHistory(c.id, anna.db))?.entries).toEqual(fromAnna.entries);

      // Ben may not see Anna's client: the answer is the one for a client that does not exist.
      const refused = await fetchServerHistory(c.id, ben.transport, ben.db).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SyncFailure);
      expect((refused as SyncFailure).code).toBe('bad_request');
      const none = await fetchServerHistory(crypto.randomUUID(), ben.transport, ben.db).catch((e: unknown) => e);
      expect((none as SyncFailure).body).toEqual((refused as SyncFailure).body);

      // A reassignment and an import are the company's changes, in the same history.
      await assignClient(test.db, c.id, 'ben');
      await importReceivables(test.db, parseReceivablesCsv(`client_id,balance,overdue,overdue_days\n${c.id},1200.50,200,14\n`, 'receivables.csv'));
      const fromBen = await fetchServerHistory(c.id, ben.transport, ben.db);
      const [imported, assigned] = fromBen.entries;
      expect(assigned).toMatchObject({ action: 'assigned', userId: null, deviceName: null, changes: [{ field: 'ownerId', from: test.team.anna, to: test.team.ben }] });
      expect(imported).toMatchObject({ action: 'imported', userId: null });
      expect(imported!.changes.map((x) => x.field)).toEqual(expect.arrayContaining(['receivables']));
      // Anna's laptop no longer may.
      expect(((await fetchServerHistory(c.id, anna.transport, anna.db).catch((e: unknown) => e)) as SyncFailure).code).toBe('bad_request');

      // A person's change says when it was made (its stamp's time, never after it arrived); the company's has only the server time.
      for (const e of fromBen.entries) {
        if (e.userId) expect(Date.parse(e.madeAt!), lines([e])[0]).toBeLessThanOrEqual(Date.parse(e.at));
        else expect(e.madeAt, lines([e])[0]).toBeUndefined();
      }
      expect(fromBen.entries.find((e) => e.action === 'resolved')?.madeAt).toBeDefined();
    });

    it('says when a change was made on the laptop, not only when the server received it; a clock ahead of the server’s is taken at the server’s time', async () => {
      const HOURS_8 = 8 * 3600_000;
      // The laptop's own clock, true all along; the server's Date.now is moved 8 hours on for the sync.
      const realNow = Date.now.bind(Date);
      const anna = await laptop('anna');
      setDeviceClock(anna.db, realNow);
      const c = await createClient(clientInput(test.team.anna, { name: 'Offline Day Ltd', notes: 'morning' }), anna.db);
      await anna.sync();

      // 10:00, offline: two edits, then the laptop reaches the server at 18:00.
      const editedFrom = realNow();
      await updateClient(c.id, inputOf({ ...(await anna.db.clients.get(c.id))!, notes: 'visited at 10' }), anna.db);
      await laterMillisecond();
      await updateClient(c.id, inputOf({ ...(await anna.db.clients.get(c.id))!, website: 'www.offline-day.example' }), anna.db);
      const editedUntil = realNow();
      const later = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + HOURS_8);
      try {
        await anna.sync();
      } finally {
        later.mockRestore();
      }
      const [edit, created] = (await fetchServerHistory(c.id, anna.transport, anna.db)).entries;
      expect(lines([edit!])).toEqual(['Anna Berger updated clients notes:"morning"→"visited at 10" website:"ugyfel.hu"→"www.offline-day.example"']);
      // Made when the last of its edits was (one change of the record), received 8 hours later.
      expect(Date.parse(edit!.madeAt!)).toBeGreaterThanOrEqual(editedFrom);
      expect(Date.parse(edit!.madeAt!)).toBeLessThanOrEqual(editedUntil);
      expect(Date.parse(edit!.at)).toBeGreaterThanOrEqual(editedUntil + HOURS_8);
      // A record made on the laptop: when it was created.
      expect(created!.action).toBe('created');
      expect(Date.parse(created!.madeAt!)).toBeLessThanOrEqual(editedFrom);

      // A laptop whose clock runs 3 minutes ahead (under the clamp) and has not synced yet: its
      // change cannot have been made after the server got it.
      const ahead = await laptop('anna', 'Fast clock');
      setDeviceClock(ahead.db, () => realNow() + 3 * 60_000);
      const d = await createClient(clientInput(test.team.anna, { name: 'Clock Ahead Ltd' }), ahead.db);
      await ahead.sync();
      const [aheadCreated] = (await fetchServerHistory(d.id, ahead.transport, ahead.db)).entries;
      expect(aheadCreated!.madeAt).toBe(aheadCreated!.at);
    });

    it('tells a person’s laptops of the same name apart by their number, the same in the history and the device list', async () => {
      const first = await laptop('anna', 'Chromium on Linux');
      const second = await laptop('anna', 'Chromium on Linux');
      const bens = await laptop('ben', 'Chromium on Linux');
      const c = await createClient(clientInput(test.team.anna, { name: 'Twin Laptops Ltd' }), first.db);
      await first.sync();
      await second.sync();
      await updateClient(c.id, inputOf({ ...(await second.db.clients.get(c.id))!, notes: 'from the second laptop' }), second.db);
      await second.sync();
      const [edit, created] = (await fetchServerHistory(c.id, second.transport, second.db)).entries;
      const devices = async (l: Laptop) => (await l.transport.get<DevicesResponse>('/api/devices')).value.devices;
      const annas = await devices(second);
      const idOf = async (l: Laptop) => (await readConnection(l.db))!.deviceId;
      const [firstId, secondId, bensId] = [await idOf(first), await idOf(second), await idOf(bens)];
      expect([firstId, secondId].map((id) => annas.find((d) => d.id === id)?.nameNumber)).toEqual([1, 2]);
      expect([created!.deviceName, created!.deviceNumber]).toEqual(['Chromium on Linux', 1]);
      expect([edit!.deviceName, edit!.deviceNumber]).toEqual(['Chromium on Linux', 2]);
      // A name that is the person's only one of its kind has no number: Ben's laptop of the same name is his only one.
      for (const d of annas) expect(d.nameNumber !== undefined, d.name).toBe(annas.filter((o) => o.name === d.name).length > 1);
      expect((await devices(bens)).find((d) => d.id === bensId)?.nameNumber).toBeUndefined();
      // Signing the first one out changes no number: the history of what it did still says #1.
      await second.transport.post(`/api/devices/${firstId}/revoke`, {});
      expect((await devices(second)).find((d) => d.id === secondId)?.nameNumber).toBe(2);
      expect((await fetchServerHistory(c.id, second.transport, second.db)).entries[1]!.deviceNumber).toBe(1);
    });

    it('pages older entries, and the laptop’s own edits since its last good sync are the ones not in the log', async () => {
      const anna: Laptop = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Many Edits Ltd' }), anna.db);
      await anna.sync();
      // Each edit synced on its own (edits of one record between two syncs go as one change).
      for (let i = 1; i <= 5; i++) {
        await updateClient(c.id, inputOf({ ...(await anna.db.clients.get(c.id))!, notes: `note ${i}` }), anna.db);
        await anna.sync();
      }
      const all = await fetchServerHistory(c.id, anna.transport, anna.db);
      expect(all.entries).toHaveLength(6);
      const { value: firstPage } = await anna.transport.get<{ entries: ChangeLogEntry[]; more: boolean }>(`/api/clients/${c.id}/history?limit=4`);
      expect(firstPage.more).toBe(true);
      const rest = await fetchOlderHistory(c.id, firstPage.entries[3]!.id, anna.transport);
      expect([...firstPage.entries, ...rest.entries]).toEqual(all.entries);
      expect(rest.more).toBe(false);

      const localOf = async () => (await anna.db.history.where('[clientId+at]').between([c.id, ''], [c.id, '\uffff']).toArray()).reverse();
      const local = await localOf();
      expect(unsyncedSince(local, await lastOkSyncStart(anna.db))).toEqual([]);
      await updateClient(c.id, inputOf({ ...(await anna.db.clients.get(c.id))!, notes: 'not sent yet' }), anna.db);
      const now = await localOf();
      expect(unsyncedSince(now, await lastOkSyncStart(anna.db)).map((e) => e.changes.map((x) => x.to))).toEqual([['not sent yet']]);
      expect(unsyncedSince(now, null)).toHaveLength(now.length);
    });
  });
}
