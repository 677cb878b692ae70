/**
 * Offer numbers are unique across the company even when one person makes offers on two laptops,
 * both offline, on the same day (core/offers/offer-number.ts): each device carries the mark the
 * company server gave it at sign-in, so the numbers printed on the clients' PDFs offline are
 * final. Real laptops (the offer commands and the sync engine on IndexedDB), real server, both
 * database backends.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient } from '../../renderer/src/data/clients/commands';
import { createOffer } from '../../renderer/src/data/offers/offers';
import { readOfferMark } from '../../renderer/src/data/sync/sync-session';
import { continueOutboxOnNewDevice } from '../../renderer/src/data/sync/outbox';
import { clientInput, serverRecords, useSyncServer } from './harness';

const paymentText = (days: number) => `${days} days net`;

for (const backend of BACKENDS) {
  describeBackend(backend)(`offer numbers of one person's laptops (${backend})`, () => {
    const test = useSyncServer(backend);

    it('two laptops of one person, both offline on the same day, never give two clients the same number', async () => {
      const office = await test.laptop('anna', 'anna-office');
      const client = await createClient(clientInput(test.team.anna, { name: 'Kovács és Társa Kft' }), office.db);
      await office.sync();
      const field = await test.laptop('anna', 'anna-field');
      await field.sync();
      // Each device learnt its own mark from the company server.
      const marks = [await readOfferMark(office.db), await readOfferMark(field.db)];
      expect(marks).toEqual(['A', 'B']);

      // The same day, both offline: three offers on one laptop, two on the other.
      const made = [];
      for (const laptop of [office, field, office, field, office]) made.push(await createOffer({ clientId: client.id, paymentText }, laptop.db));
      const numbers = made.map((o) => o.number);
      expect(new Set(numbers).size).toBe(5);
      const day = numbers[0]!.split('-')[1];
      expect(numbers).toEqual([`AB-${day}-A1`, `AB-${day}-B1`, `AB-${day}-A2`, `AB-${day}-B2`, `AB-${day}-A3`]);

      // Synced, every number stays as printed, and each laptop goes on after its own.
      expect((await office.sync()).rejected).toBe(0);
      expect((await field.sync()).rejected).toBe(0);
      await office.sync();
      const stored = [...(await serverRecords(test.db, 'offers')).values()].map((o) => o.number).sort();
      expect(stored).toEqual([...numbers].sort());
      expect((await office.db.offers.count())).toBe(5);
      expect((await createOffer({ clientId: client.id, paymentText }, field.db)).number).toBe(`AB-${day}-B3`);
      expect((await createOffer({ clientId: client.id, paymentText }, office.db)).number).toBe(`AB-${day}-A4`);
    });

    it('a laptop signed in before marks existed learns its mark at its next sync, and a new sign-in gets a new one', async () => {
      const laptop = await test.laptop('ben', 'ben-old');
      const client = await createClient(clientInput(test.team.ben, { name: 'Old Laptop Ltd' }), laptop.db);
      await laptop.sync();
      // As on a laptop synced before the company server gave marks.
      await laptop.db.meta.delete('offerMark');
      const before = await createOffer({ clientId: client.id, paymentText }, laptop.db);
      expect(before.number).toMatch(/^BO-\d{6}-1$/);
      await laptop.sync();
      expect(await readOfferMark(laptop.db)).toBe('A');
      expect((await createOffer({ clientId: client.id, paymentText }, laptop.db)).number).toMatch(/^BO-\d{6}-A1$/);
      await laptop.signInAgain('ben');
      await continueOutboxOnNewDevice(laptop.db); // as the app's sign-in does
      await laptop.sync();
      expect(await readOfferMark(laptop.db)).toBe('B');
      expect((await createOffer({ clientId: client.id, paymentText }, laptop.db)).number).toMatch(/^BO-\d{6}-B1$/);
    });
  });
}
