/**
 * What a manager makes offline for a client that the head of sales reassigns meanwhile follows
 * the client (server/sync/push.ts `scopeOf`, docs/security.md): a new offer, contact, activity or
 * request to logistics is stored under the client's new owner and its author is told at the
 * sync — it is not refused away. Only new records, only of a client the pusher owned until a move
 * their laptop had not pulled, at most 14 days old; everything else stays `not_permitted`. Real
 * laptops (the app's commands and sync engine on IndexedDB), real server, both database backends.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { SCREWS } from '../../core/offers/test-catalog';
import type { OfferLine } from '../../core/offers/offer-model';
import type { SyncedTableName } from '../../core/sync/tables';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { seedCatalog } from '../../server/test/push-fixtures';
import { assignClient } from '../../server/admin/assign-client';
import { createClient, createContact } from '../../renderer/src/data/clients/commands';
import { createOffer, offerAction, recordActivity, requestStock, saveOfferDraft, sendOffer } from '../../renderer/src/data/offers/offers';
import { nextStamp, outboxTables, recordKey, type OutboxEntry } from '../../renderer/src/data/sync/outbox';
import { clientInput, useSyncServer, type Laptop } from './harness';

const paymentText = (days: number) => `${days} days net`;

const screws = (qty: number, manualDiscountBp = 0): OfferLine => ({ id: crypto.randomUUID(), productId: SCREWS, sku: '', name: 'from the catalog', qty, unit: 'box', manualDiscountBp, pricing: null, stockNote: '' });

/** What a tampered (or replayed) laptop sends: an outbox entry appended as the outbox appends. */
async function forgeChange(l: Laptop, table: SyncedTableName, id: string, values: Record<string, unknown>): Promise<void> {
  await l.db.transaction('rw', outboxTables(l.db), async () => {
    const seq = (((await l.db.meta.get('outboxSeq'))?.value as number | undefined) ?? 0) + 1;
    const hlc = await nextStamp(l.db);
    const fields = Object.fromEntries(Object.entries(values).map(([f, value]) => [f, { value, hlc, base: null }]));
    await l.db.meta.put({ key: 'outboxSeq', value: seq });
    await l.db.outbox.add({ seq, table, id, key: recordKey(table, id), fields: fields as OutboxEntry['fields'], at: new Date().toISOString() });
  });
}

/** A complete new offer for `clientId`, as a laptop would push it. */
const newOfferFields = (clientId: string, ownerId: string) => {
  const at = new Date().toISOString();
  return {
    clientId,
    leadId: null,
    ownerId,
    number: `AB-FORGED-${Math.floor(Math.random() * 1e6)}`,
    version: 1,
    previousVersionId: null,
    status: 'draft',
    currency: 'EUR',
    pricesIncludeVat: false,
    lines: [],
    terms: { validUntil: '2099-12-31', delivery: '', payment: '', specialConditions: '', notes: '' },
    history: [{ status: 'draft', at, by: ownerId, comment: '' }],
    createdAt: at,
    _deleted: false,
  };
};

for (const backend of BACKENDS) {
  describeBackend(backend)(`records made offline follow a reassigned client (${backend})`, () => {
    const test = useSyncServer(backend);
    const owner = async (table: string, id: string) =>
      (await test.db.query<{ owner_id: string; data: Record<string, unknown> }>(`SELECT owner_id::text AS owner_id, data FROM records WHERE tbl = $1 AND id = $2::uuid`, [table, id]))[0];

    it('an offer made offline for a client reassigned meanwhile goes to the new owner, its author is told, and the head sees it', async () => {
      await seedCatalog(test.db);
      const anna = await test.laptop('anna');
      const client = await createClient(clientInput(test.team.anna, { name: 'Harbour Fixings Ltd', currency: 'EUR', priceType: 'retail', discountPct: 0 }), anna.db);
      await anna.sync();

      // At the client's, offline: an offer, a contact met there, the visit, a request to logistics.
      const offer = await createOffer({ clientId: client.id, lines: [screws(12)], paymentText }, anna.db);
      await offerAction(offer.id, 'submit_for_approval', '', anna.db).catch(() => undefined);
      const contact = await createContact(client.id, { name: 'Sam Lee', position: 'Buyer', phones: [], emails: [], birthday: '', decisionRole: 'decision_maker', notes: '' }, anna.db);
      const visit = await recordActivity({ clientId: client.id, kind: 'visit', subject: 'Visit at the warehouse' }, anna.db);
      const request = await requestStock({ clientId: client.id, productId: SCREWS, qty: 500, neededBy: '2099-01-31', offerId: offer.id, note: '' }, anna.db);

      // Meanwhile the head of sales gives the client to Ben.
      await assignClient(test.db, client.id, 'ben');

      const run = await anna.sync();
      expect(run.rejected).toBe(0);
      expect(run.followed).toEqual(
        expect.arrayContaining([
          { table: 'offers', id: offer.id, label: offer.number, to: test.team.ben },
          { table: 'contacts', id: contact.id, label: 'Sam Lee', to: test.team.ben },
          { table: 'activities', id: visit.id, label: 'Visit at the warehouse', to: test.team.ben },
          { table: 'stockRequests', id: request.id, label: 'Wood screws 4×40, box of 200', to: test.team.ben },
        ]),
      );
      expect(run.followed).toHaveLength(4);
      // Stored under the client's owner, still by its author; gone from Anna's laptop with the client.
      expect(await owner('offers', offer.id)).toMatchObject({ owner_id: test.team.ben, data: expect.objectContaining({ ownerId: test.team.anna, number: offer.number, clientId: client.id }) });
      for (const [table, id] of [['contacts', contact.id], ['activities', visit.id], ['stockRequests', request.id]] as const) expect((await owner(table, id))?.owner_id).toBe(test.team.ben);
      expect(await anna.db.clients.get(client.id)).toBeUndefined();
      expect(await anna.db.offers.get(offer.id)).toBeUndefined();
      expect(await anna.db.rejected.count()).toBe(0);
      // The report keeps what went where.
      expect((await anna.db.syncRuns.toArray()).at(-1)?.followed).toHaveLength(4);

      const ben = await test.laptop('ben');
      await ben.sync();
      expect(await ben.db.offers.get(offer.id)).toMatchObject({ number: offer.number, ownerId: test.team.anna, clientId: client.id });
      expect(await ben.db.activities.get(visit.id)).toBeTruthy();
      expect(await ben.db.stockRequests.get(request.id)).toBeTruthy();
      const head = await test.laptop('head');
      await head.sync();
      expect(await head.db.offers.get(offer.id)).toBeTruthy();
    });

    it('an offer that followed its client is held to its author’s own discount limit, not the new owner’s', async () => {
      await test.db.query(`UPDATE users SET discount_limit_pct = CASE login WHEN 'anna' THEN 10 WHEN 'ben' THEN 30 ELSE 25 END`);
      const anna = await test.laptop('anna', 'anna-limit');
      const client = await createClient(clientInput(test.team.anna, { name: 'Limit Kft', currency: 'EUR', priceType: 'retail', discountPct: 0 }), anna.db);
      await anna.sync();
      // A laptop that believes Anna may give 30 % (its team list is stale) sends 15 % unapproved.
      await anna.db.team.update(test.team.anna, { discountLimitBp: 3000 });
      const offer = await createOffer({ clientId: client.id, lines: [screws(5, 1500)], paymentText }, anna.db);
      await sendOffer(offer.id, { kind: 'visit', subject: 'Handed over', contactId: null }, anna.db);
      await assignClient(test.db, client.id, 'ben');
      const run = await anna.sync();
      const refused = (await anna.db.rejected.toArray()).filter((r) => r.table === 'offers');
      expect(refused.map((r) => [r.reason, r.detail])).toEqual([['offer_rule', 'needs_approval']]);
      expect(run.followed?.map((f) => f.table)).toEqual(['activities']);
    });

    it('refuses what does not follow: an edit of an offer the server has, a move the laptop had pulled, a move over 14 days old, a client never the pusher’s', async () => {
      const anna = await test.laptop('anna', 'anna-refusals');
      const ben = await test.laptop('ben', 'ben-refusals');
      const edited = await createClient(clientInput(test.team.anna, { name: 'Edited Ltd' }), anna.db);
      const pulled = await createClient(clientInput(test.team.anna, { name: 'Pulled Ltd' }), anna.db);
      const old = await createClient(clientInput(test.team.anna, { name: 'Long Ago Ltd' }), anna.db);
      const bens = await createClient(clientInput(test.team.ben, { name: 'Ben’s Own Ltd' }), ben.db);
      const synced = await createOffer({ clientId: edited.id, paymentText }, anna.db);
      await anna.sync();
      await ben.sync();
      await anna.sync();

      // An edit of an offer the server has: refused as before the client moved.
      await saveOfferDraft(synced.id, { lines: [], terms: { ...synced.terms, notes: 'typed offline' }, currency: synced.currency, pricesIncludeVat: false }, anna.db);
      await assignClient(test.db, edited.id, 'ben');
      // A move this laptop has pulled: the person knew the client was no longer theirs.
      await assignClient(test.db, pulled.id, 'ben');
      // A move over two weeks old.
      const late = await createOffer({ clientId: old.id, paymentText }, anna.db);
      await assignClient(test.db, old.id, 'ben');
      await test.db.query(`UPDATE record_moves SET moved_at = now() - interval '15 days' WHERE client_id = $1::uuid`, [old.id]);
      const first = await anna.sync();
      expect(first.followed ?? []).toEqual([]);
      // Ben's client moves to the head: Anna's laptop never had it.
      await assignClient(test.db, bens.id, 'head');
      const forgedPulled = crypto.randomUUID();
      const forgedBens = crypto.randomUUID();
      await forgeChange(anna, 'offers', forgedPulled, newOfferFields(pulled.id, test.team.anna));
      await forgeChange(anna, 'offers', forgedBens, newOfferFields(bens.id, test.team.anna));
      const second = await anna.sync();
      expect(second.followed ?? []).toEqual([]);

      const refused = new Map((await anna.db.rejected.toArray()).map((r) => [r.recordId, r.reason]));
      expect(Object.fromEntries([synced.id, late.id, forgedPulled, forgedBens].map((id) => [id, refused.get(id)]))).toEqual({
        [synced.id]: 'not_permitted',
        [late.id]: 'not_permitted',
        [forgedPulled]: 'not_permitted',
        [forgedBens]: 'not_permitted',
      });
      // Nothing of it reached the server; the edit stays as the server had it.
      for (const id of [late.id, forgedPulled, forgedBens]) expect(await owner('offers', id)).toBeUndefined();
      expect((await owner('offers', synced.id))?.data.terms).toMatchObject({ notes: '' });
    });
  });
}
