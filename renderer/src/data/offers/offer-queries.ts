/** Live queries of offers, activities and stock requests (components read through these). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { OfferStatus } from '../../../../core/offers/offer-model';
import { getDb } from '../db';

export function useOffer(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await getDb().offers.get(id)) ?? null) : null), [id]);
}

/** A client's offers, newest first. */
export function useClientOffers(clientId: string | undefined) {
  return useLiveQuery(async () => (clientId ? (await getDb().offers.where('clientId').equals(clientId).sortBy('updatedAt')).reverse() : []), [clientId]);
}

/** Offers in the given statuses (every status when none), newest first, with their clients' names. */
export function useOffersList(statuses: readonly OfferStatus[] | null, ownerId: string | null) {
  const key = statuses?.join(',') ?? '';
  return useLiveQuery(async () => {
    const db = getDb();
    let offers = statuses ? await db.offers.where('status').anyOf([...statuses]).toArray() : await db.offers.toArray();
    if (ownerId) offers = offers.filter((o) => o.ownerId === ownerId);
    offers.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    const clients = await db.clients.bulkGet([...new Set(offers.map((o) => o.clientId))]);
    const names = new Map(clients.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
    // The offers of a client in the trash are hidden with it (trash.ts): offers hang off a client
    // this laptop holds, so a client that is not here is one in the trash.
    return offers.filter((offer) => names.has(offer.clientId)).map((offer) => ({ offer, clientName: names.get(offer.clientId)! }));
  }, [key, ownerId]);
}

/** How many offers wait for approval (the head of sales' badge); not those of a client in the trash. */
export function useAwaitingApprovalCount() {
  return useLiveQuery(async () => {
    const db = getDb();
    const clientIds = (await db.offers.where('status').equals('awaiting_approval').toArray()).map((o) => o.clientId);
    const clients = await db.clients.bulkGet(clientIds);
    return clients.filter((c) => c !== undefined).length;
  }, []);
}

/** The other versions of an offer's number (to link a superseded version to the current one). */
export function useOfferVersions(number: string | undefined) {
  return useLiveQuery(async () => (number ? (await getDb().offers.where('number').equals(number).sortBy('version')) : []), [number]);
}

export function useClientActivities(clientId: string | undefined) {
  return useLiveQuery(async () => (clientId ? (await getDb().activities.where('clientId').equals(clientId).sortBy('at')).reverse() : []), [clientId]);
}

export function useOfferStockRequests(offerId: string | undefined) {
  return useLiveQuery(async () => (offerId ? getDb().stockRequests.where('offerId').equals(offerId).toArray() : []), [offerId]);
}

/** The offers (every version) of these clients, live: the event summary counts those of its clients. */
export function useOffersOfClients(clientIds: readonly string[]) {
  const key = [...clientIds].sort().join(',');
  return useLiveQuery(async () => (clientIds.length ? getDb().offers.where('clientId').anyOf([...clientIds]).toArray() : []), [key]);
}
