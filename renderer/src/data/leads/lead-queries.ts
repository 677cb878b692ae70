/** Live queries of lead capture: events, leads, tasks (components read through these). */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db';
import type { Lead } from '../../../../core/leads/lead-model';
import { currentUserId } from './leads';

/** Every event, newest first, archived ones included (the page filters). */
export function useEvents() {
  return useLiveQuery(() => getDb().events.orderBy('startsOn').reverse().toArray(), []);
}

export function useEvent(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await getDb().events.get(id)) ?? null) : null), [id]);
}

/** The id of the event this laptop is capturing at, live. */
export function useActiveEventId() {
  return useLiveQuery(async () => {
    const value = (await getDb().meta.get('activeEventId'))?.value;
    return typeof value === 'string' ? value : null;
  }, []);
}

/**
 * Stands for "no event" where an event id is expected (the route `/events/none`): leads captured
 * while no event was active belong to none, and would otherwise be in no list at all.
 */
export const NO_EVENT = 'none';

/** The leads of an event, or with NO_EVENT those of none. */
export function useEventLeads(eventId: string | undefined) {
  return useLiveQuery(async () => {
    if (!eventId) return [];
    // A lead without an event has no key in the eventId index: those are found by reading them all.
    if (eventId === NO_EVENT) return getDb().leads.filter((l) => l.eventId === null).toArray();
    return getDb().leads.where('eventId').equals(eventId).toArray();
  }, [eventId]);
}

export function useLead(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await getDb().leads.get(id)) ?? null) : null), [id]);
}

/** A person's tasks by due date; those of a lead or client in the trash are hidden with it (trash.ts). */
export function useTasksOf(ownerId: string | undefined) {
  return useLiveQuery(async () => {
    if (!ownerId) return [];
    const db = getDb();
    const [tasks, trashed] = await Promise.all([db.tasks.where('ownerId').equals(ownerId).sortBy('dueOn'), db.trash.toCollection().primaryKeys()]);
    if (trashed.length === 0) return tasks;
    const gone = new Set(trashed);
    return tasks.filter((t) => !(t.leadId && gone.has(`leads/${t.leadId}`)) && !(t.clientId && gone.has(`clients/${t.clientId}`)));
  }, [ownerId]);
}

/** The person using this laptop (see currentUserId), live: it changes when they sign in. */
export function useCurrentUserId() {
  return useLiveQuery(() => currentUserId(), []);
}

/** How many leads each event has (by event id; those of none under NO_EVENT), for the events list. */
export function useLeadCountsByEvent() {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    // Keys only: counting needs no lead record read from disk. A lead without an event has no key.
    const [eventIds, all] = await Promise.all([getDb().leads.orderBy('eventId').keys(), getDb().leads.count()]);
    for (const id of eventIds) if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
    counts.set(NO_EVENT, all - eventIds.length);
    return counts;
  }, []);
}

/** Leads by id (the ones a task list refers to), as a map; missing ids are left out. */
export function useLeadsById(ids: readonly string[]) {
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(async () => {
    const list = key ? await getDb().leads.bulkGet(key.split(',')) : [];
    return new Map(list.filter((l) => l !== undefined).map((l) => [l.id, l]));
  }, [key]);
}

/**
 * Every lead on this laptop (hundreds to a few thousand): the duplicate check compares them all.
 * `paused` keeps the last list without reading or watching the table: while a .vcf import writes
 * thousands of leads the capture form is covered, and reading them all again after each batch
 * took a good part of the import's time.
 */
export function useAllLeads(paused = false) {
  // A paused query reads no table, so Dexie has nothing to re-run it for.
  const leads = useLiveQuery<Lead[] | null>(() => (paused ? null : getDb().leads.toArray()), [paused]);
  const [kept, keep] = useState<Lead[] | undefined>(undefined);
  if (leads && leads !== kept) keep(leads);
  return leads ?? kept;
}

/** Leads on this laptop at one event, live (the capture screen's counter). */
export function useEventLeadCount(eventId: string) {
  return useLiveQuery(() => getDb().leads.where('eventId').equals(eventId).count(), [eventId]);
}
