/** Live reads for components: each re-renders its component when the data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';

export function useClient(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await getDb().clients.get(id)) ?? null) : null), [id]);
}

export function useContacts(clientId: string | undefined) {
  return useLiveQuery(
    async () => (clientId ? getDb().contacts.where('clientId').equals(clientId).sortBy('name') : []),
    [clientId],
  );
}

export function useContact(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await getDb().contacts.get(id)) ?? null) : null), [id]);
}

export function useClientHistory(clientId: string | undefined) {
  return useLiveQuery(
    async () =>
      clientId
        ? (await getDb().history.where('[clientId+at]').between([clientId, ''], [clientId, '\uffff']).toArray()).reverse()
        : [],
    [clientId],
  );
}

export function useTeam() {
  return useLiveQuery(() => getDb().team.toArray(), []);
}
