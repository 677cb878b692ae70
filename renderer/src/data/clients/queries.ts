/** Live reads for components: each re-renders its component when the data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db';
import { clientOf, contactsOf, getContact } from './client-records';

export function useClient(id: string | undefined) {
  return useLiveQuery(async () => {
    const record = id ? await getDb().clients.get(id) : undefined;
    return record ? clientOf(record) : null;
  }, [id]);
}

/** A client's contacts, archived ones included, by name. */
export function useContacts(clientId: string | undefined) {
  return useLiveQuery(
    async () => (clientId ? contactsOf(await getDb().clients.get(clientId)).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [clientId],
  );
}

export function useContact(clientId: string | undefined, id: string | undefined) {
  return useLiveQuery(async () => (clientId && id ? ((await getContact(getDb(), clientId, id)) ?? null) : null), [clientId, id]);
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
