/**
 * Phones on the company server, on both database backends: the server reads a pushed phone with
 * the laptops' own function (core/phone.ts), so it takes exactly what a laptop saved — a checked
 * number, one with its extension, a local number a laptop with no country could not check, words
 * typed in its place — and gives it to the other laptops unchanged. Before, a lead or contact
 * whose phone was not E.164 was refused at the sync (issue 19, "Phone numbers").
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { PHONE_MAX_LENGTH } from '../../core/phone';
import type { SnapshotResponse } from '../../core/sync/protocol';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { Device, createPeople, deviceFields, recordsAt, uuid, type Person, type Refs } from '../test/push-fixtures';

for (const backend of BACKENDS) {
  describeBackend(backend)(`phones as the laptops save them (${backend})`, () => {
    const test = useTestDatabase(backend);
    let app: FastifyInstance;
    let people: Record<string, Person>;
    let anna: Device;
    let refs: Refs;

    beforeAll(async () => {
      people = await createPeople(test.db);
      app = await buildApp({ db: test.db });
      anna = await Device.signIn(app, people.anna!);
      const a = people.anna!.id;
      refs = { ownerId: a, clientId: uuid(), contactId: uuid(), eventId: uuid(), leadId: uuid(), offerId: uuid(), teamIds: [a] };
      const results = await anna.pushOps([
        { table: 'clients', id: refs.clientId, fields: deviceFields('clients', refs) },
        { table: 'events', id: refs.eventId, fields: deviceFields('events', refs) },
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    });

    /** Pushes a new lead and a new contact with these phones; their stored values and results. */
    async function pushPhones(leadPhone: string, contactPhones: string[]) {
      const lead = uuid();
      const contact = uuid();
      const results = await anna.pushOps([
        { table: 'leads', id: lead, fields: { ...deviceFields('leads', refs), phone: leadPhone } },
        { table: 'contacts', id: contact, fields: { ...deviceFields('contacts', refs), phones: contactPhones.map((number) => ({ kind: 'work', number })) } },
      ]);
      const stored = await recordsAt(test.db, [
        { table: 'leads', id: lead },
        { table: 'contacts', id: contact },
      ]);
      return {
        results: results.map((r) => ({ status: r.status, ...(r.status === 'rejected' ? { reason: r.reason, field: r.field, detail: r.detail } : {}) })),
        leadPhone: stored.get(`leads/${lead}`)?.data.phone,
        contactPhones: (stored.get(`contacts/${contact}`)?.data.phones as { number: string }[] | undefined)?.map((p) => p.number),
      };
    }

    it('takes a number it cannot check and one with an extension, and stores them as sent', async () => {
      const pushed = await pushPhones('07833 445566', ['+442079460958;ext=102', 'call reception', '(212) 555-0134']);
      expect(pushed.results).toEqual([{ status: 'applied' }, { status: 'applied' }]);
      expect(pushed.leadPhone).toBe('07833 445566');
      expect(pushed.contactPhones).toEqual(['+442079460958;ext=102', 'call reception', '(212) 555-0134']);
    });

    it('gives another laptop the phones exactly as they were saved', async () => {
      const pushed = await pushPhones('call reception', ['8 (912) 345-67-89 доб. 5']);
      expect(pushed.results).toEqual([{ status: 'applied' }, { status: 'applied' }]);
      const other = await Device.signIn(app, people.anna!);
      const pulled = (await other.send({ schemaVersion: 3, owners: [people.anna!.id], after: null, limit: 1000 }, '/api/sync/snapshot')).json() as SnapshotResponse;
      const leadPhones = pulled.records.filter((r) => r.table === 'leads').map((r) => r.data.phone);
      const contactPhones = pulled.records.filter((r) => r.table === 'contacts').flatMap((r) => (r.data.phones as { number: string }[]).map((p) => p.number));
      expect(leadPhones).toContain('call reception');
      expect(leadPhones).toContain('07833 445566');
      expect(contactPhones).toContain('8 (912) 345-67-89 доб. 5');
      expect(contactPhones).toContain('+442079460958;ext=102');
    });

    it('reads a number written with its country code as the laptops do: in E.164, the extension kept', async () => {
      // An app that did not read it (an older one, an import) sent it as typed; the next pull
      // brings the stored form back to the laptop.
      const pushed = await pushPhones('+44 7833 445566', ['+44 20 7946 0958 ext. 102']);
      expect(pushed.results).toEqual([{ status: 'applied' }, { status: 'applied' }]);
      expect(pushed.leadPhone).toBe('+447833445566');
      expect(pushed.contactPhones).toEqual(['+442079460958;ext=102']);
    });

    it('refuses only what no laptop saves: an empty contact number, text too long for a phone', async () => {
      const pushed = await pushPhones('1'.repeat(PHONE_MAX_LENGTH + 1), ['  ']);
      expect(pushed.results).toEqual([
        { status: 'rejected', reason: 'invalid_value', field: 'phone', detail: 'too_long' },
        { status: 'rejected', reason: 'invalid_value', field: 'phones', detail: 'required' },
      ]);
      expect(pushed.leadPhone).toBeUndefined();
      expect(pushed.contactPhones).toBeUndefined();
    });
  });
}
