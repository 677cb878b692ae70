/**
 * Lead capture commands: events, leads and their follow-up tasks. Like every write in the app
 * (see commands.ts), each is one transaction that validates with the core schema, writes the
 * records and appends their changes to the sync outbox — so a lead saved at a booth with no
 * network is on disk and queued for the company before the form clears.
 */
import {
  eventInputSchema,
  leadInputSchema,
  type EventInput,
  type FieldEvent,
  type Lead,
  type LeadFormValues,
  type NextStep,
  type Task,
} from '../../../../core/leads/lead-model';
import { blankClientInput, type Client, type ClientInput, type Contact } from '../../../../core/client-model';
import i18next from 'i18next';
import { ZodError } from 'zod';
import { ATTACHMENTS_FIELD, MAX_ATTACHMENTS_PER_RECORD, type AttachmentRef } from '../../../../core/sync/attachments';
import { sameValue } from '../../../../core/sync/merge';
import { DELETED_FIELD } from '../../../../core/sync/tables';
import { CommandError, carryLeadOrigin, createClient, createContact, cutText, safeText, updateClient, updateContact } from '../clients/commands';
import { carryLead, mergeClient, mergeContact, newClientInput, newContactValues, type CarryContext, type CarryWords } from './lead-carry';
import { userLocale } from '../../i18n/format';
import { getDb, type FieldbookDb } from '../db';
import { newClientCurrency } from '../clients/client-currency';
import { outboxTables, recordChange } from '../sync/outbox';
import { phoneRegionsFor } from '../phone-regions';
import { currentUserId } from '../current-user';
import type { PreparedFile } from '../attachments';
import type { Opened } from '../opened-record';

const now = () => new Date().toISOString();

/** The person using this laptop (current-user.ts; the client commands name who acted with it too). */
export { currentUserId };

const eventTables = (db: FieldbookDb) => [db.events, ...outboxTables(db)] as const;
const leadTables = (db: FieldbookDb) => [db.leads, db.tasks, db.attachments, db.events, db.team, ...outboxTables(db)] as const;

/** event-create */
export async function createEvent(input: EventInput, db = getDb()): Promise<FieldEvent> {
  const data = eventInputSchema.parse(safeText(input));
  const at = now();
  const event: FieldEvent = { ...data, id: crypto.randomUUID(), createdAt: at, updatedAt: at, archivedAt: null };
  await db.transaction('rw', eventTables(db), async () => {
    await db.events.add(event);
    await recordChange(db, 'events', event.id, { ...event, [DELETED_FIELD]: false });
  });
  return event;
}

/**
 * The fields of `typed` the person changed: from `seen` (what their form showed when it opened)
 * where given, so a colleague's change synced meanwhile is neither written back nor undone; and
 * differing from the record now, or there is nothing to write.
 */
function typedChanges<T extends object>(typed: T, now: T, seen: T | undefined): Partial<T> {
  const differs = (a: T, k: string) => !sameValue(typed[k as keyof T], a[k as keyof T]);
  return Object.fromEntries(Object.entries(typed).filter(([k]) => (!seen || differs(seen, k)) && differs(now, k))) as Partial<T>;
}

/**
 * event-update: only the fields that changed are queued, so two managers' edits merge per field.
 * `seen`: the event as the form opened it, with its stamps (opened-record.ts).
 */
export async function updateEvent(id: string, input: EventInput, db = getDb(), seen?: Opened<FieldEvent>): Promise<FieldEvent> {
  const data = eventInputSchema.parse(safeText(input));
  return db.transaction('rw', eventTables(db), async () => {
    const before = await db.events.get(id);
    if (!before) throw new CommandError('errors.event_not_found');
    const changed = typedChanges<EventInput>(data, before, seen?.record);
    if (Object.keys(changed).length === 0) return before;
    const after: FieldEvent = { ...before, ...changed, updatedAt: now() };
    await db.events.put(after);
    await recordChange(db, 'events', id, changed, undefined, seen?.stamps);
    return after;
  });
}

/** The event whose leads this laptop is capturing now (a setting of this laptop, not synced). */
export async function setActiveEvent(eventId: string | null, db = getDb()): Promise<void> {
  if (eventId === null) await db.meta.delete('activeEventId');
  else await db.meta.put({ key: 'activeEventId', value: eventId });
}

export async function activeEventId(db = getDb()): Promise<string | null> {
  const value = (await db.meta.get('activeEventId'))?.value;
  return typeof value === 'string' ? value : null;
}

/** A follow-up task's title from the next step ("Call Anna Kovács (Example Kft)"). */
export type TaskTitle = (step: NextStep, who: string) => string;

function followUpTask(lead: Lead, title: TaskTitle, at: string): Task | null {
  if (!lead.nextStep || !lead.nextStepOn) return null;
  const who = [lead.personName, lead.companyName && lead.personName ? `(${lead.companyName})` : lead.companyName].filter(Boolean).join(' ');
  return {
    id: crypto.randomUUID(),
    title: safeText(title(lead.nextStep, who)),
    kind: lead.nextStep,
    dueOn: lead.nextStepOn,
    ownerId: lead.ownerId,
    leadId: lead.id,
    clientId: lead.clientId,
    doneAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** A photo kept on this laptop (bytes by SHA-256, uploaded by the next sync), as a record's reference. */
export async function keepPhoto(db: FieldbookDb, photo: PreparedFile, at: string): Promise<AttachmentRef> {
  if (!(await db.attachments.get(photo.sha256))) {
    await db.attachments.add({ sha256: photo.sha256, blob: photo.blob, size: photo.blob.size, state: 'pending', storedAt: at });
  }
  return { sha256: photo.sha256, name: cutText(photo.name, 255), mime: safeText(photo.mime), size: photo.blob.size, addedAt: at };
}

export interface CaptureOptions {
  /** Tagged with the active event unless given. */
  eventId?: string | null;
  /** Attached to this client and contact at once (a visitor who is already a client). */
  attachTo?: { clientId: string; contactId: string | null } | null;
  photo?: PreparedFile | null;
  taskTitle: TaskTitle;
}

/**
 * lead-capture: the lead, its business-card photo and the follow-up task of its next step, in one
 * transaction; attached to a client at once, with what it carries to the client and contact
 * (see attachLead). Never waits for the network: the sync sends it later.
 */
export async function captureLead(values: LeadFormValues, options: CaptureOptions, db = getDb(), t: CarryWords = uiWords): Promise<Lead> {
  const data = leadInputSchema(await phoneRegionsFor([values.country ?? ''], db)).parse(safeText(values));
  const tables = options.attachTo ? [...leadTables(db), db.clients, db.clientRows, db.history] : leadTables(db);
  return db.transaction('rw', tables, async () => {
    const me = await currentUserId(db);
    const at = now();
    const eventId = options.eventId === undefined ? await activeEventId(db) : options.eventId;
    const lead: Lead = {
      ...data,
      id: crypto.randomUUID(),
      ownerId: me,
      eventId,
      status: options.attachTo ? 'attached' : 'new',
      clientId: options.attachTo?.clientId ?? null,
      contactId: options.attachTo?.contactId ?? null,
      discardReason: '',
      capturedBy: me,
      capturedAt: at,
      createdAt: at,
      updatedAt: at,
    };
    if (options.photo) lead.attachments = [await keepPhoto(db, options.photo, at)];
    // Attached at once: what the lead learnt goes to the client and contact (a new one for the person
    // when none was picked). A client this laptop cannot write to (its record no longer reads as the
    // form's, or it left this laptop meanwhile) does not cost the visitor's lead: it is saved
    // attached, holding everything itself.
    if (options.attachTo) {
      try {
        lead.contactId = await carryToClient(db, lead, options.attachTo.clientId, options.attachTo.contactId, t);
      } catch (e) {
        if (!(e instanceof ZodError) && !(e instanceof CommandError)) throw e;
      }
    }
    await db.leads.add(lead);
    await recordChange(db, 'leads', lead.id, { ...lead, [DELETED_FIELD]: false });
    const task = followUpTask(lead, options.taskTitle, at);
    if (task) {
      await db.tasks.add(task);
      await recordChange(db, 'tasks', task.id, { ...task, [DELETED_FIELD]: false });
    }
    return lead;
  });
}

/** One lead, or undefined when it is not on this laptop. */
export const getLead = (id: string, db = getDb()) => db.leads.get(id);

async function mustGetLead(db: FieldbookDb, id: string): Promise<Lead> {
  const lead = await db.leads.get(id);
  if (!lead) throw new CommandError('errors.lead_not_found');
  return lead;
}

/** Writes the changed fields of a lead (and queues exactly those; `seen`: the stamps a form opened with). */
async function patchLead(db: FieldbookDb, id: string, patch: Partial<Lead>, seen?: Opened<Lead>['stamps']): Promise<Lead> {
  const before = await mustGetLead(db, id);
  const after: Lead = { ...before, ...patch, updatedAt: now() };
  await db.leads.put(after);
  await recordChange(db, 'leads', id, patch, undefined, seen);
  return after;
}

/**
 * lead-update: what the person corrected after the conversation. `seen`: the lead as the form
 * opened it, with its stamps (opened-record.ts).
 */
export async function updateLead(id: string, values: LeadFormValues, db = getDb(), seen?: Opened<Lead>): Promise<Lead> {
  const data = leadInputSchema(await phoneRegionsFor([values.country ?? ''], db)).parse(safeText(values));
  return db.transaction('rw', leadTables(db), async () => {
    const before = await mustGetLead(db, id);
    const changed = typedChanges<Partial<Lead>>(data, before, seen?.record);
    return Object.keys(changed).length ? patchLead(db, id, changed, seen?.stamps) : before;
  });
}

/** lead-photo-add: a business-card photo (camera or dropped file) on a saved lead. */
export async function addLeadPhoto(id: string, photo: PreparedFile, db = getDb()): Promise<void> {
  await db.transaction('rw', leadTables(db), async () => {
    const lead = await mustGetLead(db, id);
    const list = lead.attachments ?? [];
    if (list.some((a) => a.sha256 === photo.sha256)) return;
    if (list.length >= MAX_ATTACHMENTS_PER_RECORD) throw new CommandError('errors.too_many_files');
    await patchLead(db, id, { [ATTACHMENTS_FIELD]: [...list, await keepPhoto(db, photo, now())] });
  });
}

/** Open tasks follow their lead: to its new owner, or to the client it became. */
async function moveOpenTasks(db: FieldbookDb, leadId: string, patch: Partial<Pick<Task, 'ownerId' | 'clientId'>>): Promise<void> {
  const tasks = await db.tasks.where('leadId').equals(leadId).filter((t) => t.doneAt === null).toArray();
  for (const task of tasks) {
    await db.tasks.put({ ...task, ...patch, updatedAt: now() });
    await recordChange(db, 'tasks', task.id, patch);
  }
}

/** lead-assign: hands leads to a colleague (bulk, from the event's lead list), with their open tasks. */
export async function assignLeads(ids: readonly string[], ownerId: string, db = getDb()): Promise<void> {
  await db.transaction('rw', leadTables(db), async () => {
    const colleague = await db.team.get(ownerId);
    if (!colleague) throw new CommandError('errors.unknown_colleague');
    // The company server refuses them too (server/sync/people.ts): the leads would come back.
    if (colleague.left) throw new CommandError('errors.colleague_left');
    for (const id of ids) {
      const lead = await mustGetLead(db, id);
      if (lead.ownerId === ownerId) continue;
      await patchLead(db, id, { ownerId });
      await moveOpenTasks(db, id, { ownerId });
    }
  });
}

/** lead-discard: not a prospect (a competitor, a student, a duplicate), with the reason. */
export async function discardLead(id: string, reason: string, db = getDb()): Promise<void> {
  const text = safeText(reason).trim();
  if (!text) throw new CommandError('errors.reason_required');
  await db.transaction('rw', leadTables(db), async () => {
    await patchLead(db, id, { status: 'discarded', discardReason: cutText(text, 500) });
  });
}

/** The words and context the notes of a converted or attached lead are written with (lead-carry.ts). */
async function carryContext(db: FieldbookDb, lead: Lead, t: CarryWords): Promise<CarryContext> {
  const event = lead.eventId ? ((await db.events.get(lead.eventId)) ?? null) : null;
  const capturedByName = (await db.team.get(lead.capturedBy))?.name ?? '';
  // The person's locale (a worker or test without `navigator` writes English dates).
  return { event, capturedByName, t, locale: typeof navigator === 'undefined' ? 'en' : userLocale(), today: now().slice(0, 10) };
}

/** The UI's words by default (i18next, as the screens have it). */
const uiWords: CarryWords = (key, values) => i18next.t(key, values ?? {});

/**
 * lead-attach: the visitor is an existing client (and contact): link instead of duplicating.
 * What the lead learnt goes with it (lead-carry.ts): the client gets the addresses, tags and
 * website it lacks and the lead's block in its notes; the picked contact the phones, emails,
 * position and birthday it lacks — or, when no contact is picked and the lead names a person,
 * the person becomes a new contact of the client. Both keep the event they were met at.
 */
export async function attachLead(id: string, clientId: string, contactId: string | null, db = getDb(), t: CarryWords = uiWords): Promise<void> {
  await db.transaction('rw', [...leadTables(db), db.clients, db.clientRows, db.history], async () => {
    const client = await db.clients.get(clientId);
    if (!client) throw new CommandError('errors.client_not_found');
    const lead = await mustGetLead(db, id);
    if (lead.status === 'converted' || lead.status === 'attached') throw new CommandError('errors.lead_already_linked');
    const linkedContact = await carryToClient(db, lead, clientId, contactId, t);
    await patchLead(db, id, { status: 'attached', clientId, contactId: linkedContact });
    await moveOpenTasks(db, id, { clientId });
  });
}

/**
 * What an attached lead brings to its client and contact (lead-carry.ts), in the caller's
 * transaction: the client gets the addresses, tags and website it lacks and the lead's block in
 * its notes; the contact the phones, emails, position and birthday it lacks — or, when none is
 * given and the lead names a person, the person becomes a new contact. Both keep the event.
 * Returns the contact the lead is linked to.
 */
async function carryToClient(db: FieldbookDb, lead: Lead, clientId: string, contactId: string | null, t: CarryWords): Promise<string | null> {
  const client = await db.clients.get(clientId);
  if (!client) throw new CommandError('errors.client_not_found');
  const existing = contactId ? client.contacts?.find((c) => c.id === contactId) : undefined;
  if (contactId && !existing) throw new CommandError('errors.contact_not_found');
  const carried = carryLead(lead, await carryContext(db, lead, t));
  await updateClient(clientId, mergeClient(pickClientInput(client), carried.client, t), db);
  let linked = contactId;
  if (existing && carried.contact) await updateContact(existing, mergeContact(existing, carried.contact, t), db);
  else if (!existing && carried.contact) linked = (await createContact(clientId, newContactValues(carried.contact), db)).id;
  await carryLeadOrigin({ clientId, contactId: linked }, lead.eventId, carried.client.attachments, db);
  return linked;
}

/** Only the fields a person edits on a client (what updateClient takes). */
function pickClientInput(record: Client): ClientInput {
  const blank = blankClientInput('');
  return Object.fromEntries(Object.keys(blank).map((k) => [k, record[k as keyof ClientInput] ?? blank[k as keyof ClientInput]])) as ClientInput;
}

/**
 * lead-convert: a new client (the lead's company, or the person when there is none) with the
 * person as its contact, in one transaction with the lead's new status. Everything the lead
 * holds goes with it (lead-carry.ts): fields where the client and contact have them, the rest
 * as labelled lines of their notes; both keep the event, the lead stays linked to them.
 */
export async function convertLead(id: string, db = getDb(), t: CarryWords = uiWords): Promise<{ client: Client; contact: Contact | null }> {
  return db.transaction('rw', [...leadTables(db), db.clients, db.clientRows, db.history, db.prices], async () => {
    const lead = await mustGetLead(db, id);
    if (lead.status === 'converted' || lead.status === 'attached') throw new CommandError('errors.lead_already_linked');
    const carried = carryLead(lead, await carryContext(db, lead, t));
    const base: ClientInput = {
      ...blankClientInput(lead.ownerId),
      // Billed in the lead's country's currency (else the market's) where the company prices in it: client-currency.ts.
      currency: (await newClientCurrency(lead.country, db)).currency,
      name: lead.companyName || lead.personName || lead.email || lead.phone,
    };
    const created = await createClient(newClientInput(base, carried.client), db);
    const contact = carried.contact ? await createContact(created.id, newContactValues(carried.contact), db) : null;
    await carryLeadOrigin({ clientId: created.id, contactId: contact?.id ?? null }, lead.eventId, carried.client.attachments, db);
    await patchLead(db, id, { status: 'converted', clientId: created.id, contactId: contact?.id ?? null });
    await moveOpenTasks(db, id, { clientId: created.id });
    const record = (await db.clients.get(created.id))!;
    const { contacts: _contacts, ...client } = record;
    return { client, contact: contact && (record.contacts?.find((c) => c.id === contact.id) ?? contact) };
  });
}

/** task-complete / task-reopen */
export async function setTaskDone(id: string, done: boolean, db = getDb()): Promise<void> {
  await db.transaction('rw', [db.tasks, ...outboxTables(db)], async () => {
    const task = await db.tasks.get(id);
    if (!task) throw new CommandError('errors.task_not_found');
    const doneAt = done ? now() : null;
    await db.tasks.put({ ...task, doneAt, updatedAt: now() });
    await recordChange(db, 'tasks', id, { doneAt });
  });
}
