/**
 * The pure logic behind the event screens: which leads a filter keeps, the event summary's
 * counts (leads per day and rating, interest by product group, leads that became clients, the
 * offers made to them), the
 * order of the events list and the sections of the task list. No React, no database: the
 * screens pass in what their live queries read, so all of this is tested with plain data.
 */
import type { FieldEvent, Lead, LeadStatus, Question, Rating, Task } from '../../../core/leads/lead-model';
import { foldAscii } from '../../../core/search-text';
import type { Offer } from '../../../core/offers/offer-model';
import { priceOffer } from '../../../core/pricing/price';

/** A calendar day ("2026-11-23") of an instant, in a time zone (the person's by default). */
export function dayOf(iso: string, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD; the time zone decides which day a late capture belongs to.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Today as a calendar day, in the person's time zone. */
export const today = (timeZone?: string): string => dayOf(new Date().toISOString(), timeZone);

/** The answer filter's value for "answered" on a text question. */
export const ANSWERED = '__answered__';

/** What the lead list of an event is narrowed to; null or empty means "any". */
export interface LeadFilters {
  /** Ratings to keep; 'none' keeps leads without a rating. */
  ratings: (Rating | 'none')[];
  statuses: LeadStatus[];
  ownerId: string | null;
  /**
   * An answer to one question: an option (choice, multi), 'yes'/'no' (yes/no) or ANSWERED
   * (text: anything typed).
   */
  answer: { questionId: string; value: string } | null;
}

export const NO_LEAD_FILTERS: LeadFilters = { ratings: [], statuses: [], ownerId: null, answer: null };

function matchesAnswer(lead: Lead, questionId: string, value: string): boolean {
  const answer = lead.answers[questionId];
  if (answer === undefined) return false;
  if (typeof answer === 'boolean') return value === (answer ? 'yes' : 'no');
  if (Array.isArray(answer)) return answer.includes(value);
  if (value === ANSWERED) return answer.trim() !== '';
  return answer === value;
}

/** The leads a filter keeps, in their given order. */
export function filterLeads(leads: readonly Lead[], f: LeadFilters): Lead[] {
  return leads.filter(
    (lead) =>
      (f.ratings.length === 0 || f.ratings.includes(lead.rating ?? 'none')) &&
      (f.statuses.length === 0 || f.statuses.includes(lead.status)) &&
      (f.ownerId === null || lead.ownerId === f.ownerId) &&
      (f.answer === null || matchesAnswer(lead, f.answer.questionId, f.answer.value)),
  );
}

/** The values an answer filter offers for a question (see LeadFilters.answer). */
export function answerFilterValues(question: Question): string[] {
  switch (question.kind) {
    case 'choice':
    case 'multi':
      return question.options;
    case 'yes_no':
      return ['yes', 'no'];
    case 'text':
      return [ANSWERED];
  }
}

/** Newest capture first (the list's order). */
export const byCapturedDesc = (a: Lead, b: Lead) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0);

export type DayCounts = { day: string } & Record<Rating | 'unrated', number>;

/** Every day from `from` to `to` (calendar days, inclusive). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && days.length < 366) {
    days.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return days;
}

/** An event longer than this shows only the days that have leads (a chart of empty bars says nothing). */
const MAX_EMPTY_DAYS = 31;

/**
 * Leads per day and rating, for the stacked bars: every day of the event (even one without
 * leads, so a quiet day shows as such) plus any day outside it that has leads (captured before
 * the opening or followed up after), in date order.
 */
export function leadsPerDay(leads: readonly Lead[], event: Pick<FieldEvent, 'startsOn' | 'endsOn'>, timeZone?: string): DayCounts[] {
  const byDay = new Map<string, DayCounts>();
  const row = (day: string): DayCounts => {
    let counts = byDay.get(day);
    if (!counts) {
      counts = { day, hot: 0, warm: 0, cold: 0, unrated: 0 };
      byDay.set(day, counts);
    }
    return counts;
  };
  const eventDays = daysBetween(event.startsOn, event.endsOn);
  if (eventDays.length <= MAX_EMPTY_DAYS) eventDays.forEach(row);
  for (const lead of leads) row(dayOf(lead.capturedAt, timeZone))[lead.rating ?? 'unrated']++;
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** How many leads have each rating (and none). */
export function ratingCounts(leads: readonly Lead[]): Record<Rating | 'unrated', number> {
  const counts = { hot: 0, warm: 0, cold: 0, unrated: 0 };
  for (const lead of leads) counts[lead.rating ?? 'unrated']++;
  return counts;
}

/**
 * How many leads are interested in each product group: the event's own groups first (even with
 * no lead, so the stand learns what nobody asked about), then anything typed at the stand,
 * each group by count, most asked first. Groups match case-insensitively, under the event's
 * spelling.
 */
export function interestByGroup(leads: readonly Lead[], productGroups: readonly string[]): { group: string; leads: number; listed: boolean }[] {
  const rows = new Map<string, { group: string; leads: number; listed: boolean }>();
  for (const group of productGroups) rows.set(group.toLocaleLowerCase(), { group, leads: 0, listed: true });
  for (const lead of leads) {
    // A lead counts once per group, however it spelled the group twice.
    for (const key of new Set(lead.interests.map((i) => i.trim().toLocaleLowerCase()).filter(Boolean))) {
      const existing = rows.get(key);
      if (existing) existing.leads++;
      else rows.set(key, { group: lead.interests.find((i) => i.trim().toLocaleLowerCase() === key)!.trim(), leads: 1, listed: false });
    }
  }
  return [...rows.values()].sort((a, b) => Number(b.listed) - Number(a.listed) || b.leads - a.leads || a.group.localeCompare(b.group));
}

/**
 * The clients an event's leads became: new ones (a lead converted into it) and existing ones (a
 * lead attached to it), each client once however many of its people were met (two buyers of one
 * client attached are one client, and a colleague attached to a client made from a lead of the
 * same event leaves it a new one); and the leads discarded.
 */
export function becameClients(leads: readonly Lead[]): { converted: number; attached: number; total: number; discarded: number } {
  const made = new Set<string>();
  const joined = new Set<string>();
  let discarded = 0;
  for (const lead of leads) {
    // A lead without its client's id (never so when written by this app) counts as a client of its own.
    const client = lead.clientId ?? `lead:${lead.id}`;
    if (lead.status === 'converted') made.add(client);
    else if (lead.status === 'attached') joined.add(client);
    else if (lead.status === 'discarded') discarded++;
  }
  for (const client of made) joined.delete(client);
  return { converted: made.size, attached: joined.size, total: made.size + joined.size, discarded };
}

/** What the offers to an event's clients amount to: how many, and their net totals per currency. */
export interface EventOffers {
  count: number;
  /** Net totals (minor units) per currency, the largest count first. */
  totals: { currency: string; net: number; count: number }[];
}

/** The clients an event's leads became or were attached to. */
export function eventClientIds(leads: readonly Lead[]): Set<string> {
  return new Set(leads.filter((l) => (l.status === 'converted' || l.status === 'attached') && l.clientId).map((l) => l.clientId!));
}

/**
 * The offers made to the clients an event's leads became (converted) or joined (attached) from
 * the event's first day on: the ground for the event's results. An offer counts once however
 * often it was revised (its number), from when its first version was made (an offer of an
 * attached client made before the event is not the event's), at the amount of its current
 * version, net of VAT, in its own currency (never converted). Drafts count: an offer being
 * written is one the event brought; a deleted one is not here.
 */
export function offersForEvent(leads: readonly Lead[], offers: readonly Offer[], event: Pick<FieldEvent, 'startsOn'>, timeZone?: string): EventOffers {
  const clients = eventClientIds(leads);
  const byNumber = new Map<string, Offer[]>();
  for (const offer of offers) {
    if (!clients.has(offer.clientId)) continue;
    const key = `${offer.clientId}|${offer.number}`;
    byNumber.set(key, [...(byNumber.get(key) ?? []), offer]);
  }
  const totals = new Map<string, { currency: string; net: number; count: number }>();
  let count = 0;
  for (const versions of byNumber.values()) {
    versions.sort((a, b) => a.version - b.version);
    if (dayOf(versions[0]!.createdAt, timeZone) < event.startsOn) continue;
    const current = versions.find((v) => v.status !== 'superseded') ?? versions[versions.length - 1]!;
    const priced = priceOffer({ from: 'snapshot', currency: current.currency, pricesIncludeVat: current.pricesIncludeVat, lines: current.lines, discountLimitBp: 10_000 });
    const row = totals.get(current.currency) ?? { currency: current.currency, net: 0, count: 0 };
    row.net += priced.net;
    row.count++;
    totals.set(current.currency, row);
    count++;
  }
  return { count, totals: [...totals.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency)) };
}

/**
 * The events list's order: current and upcoming events first, soonest first; past events
 * below, most recent first. Archived events are left out.
 */
export function sortEvents(events: readonly FieldEvent[], day: string): { current: FieldEvent[]; past: FieldEvent[] } {
  const live = events.filter((e) => e.archivedAt === null);
  const current = live.filter((e) => e.endsOn >= day).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
  const past = live.filter((e) => e.endsOn < day).sort((a, b) => b.endsOn.localeCompare(a.endsOn) || a.name.localeCompare(b.name));
  return { current, past };
}

export interface TaskSections {
  overdue: Task[];
  today: Task[];
  upcoming: Task[];
  /** Done tasks, most recently done first. */
  done: Task[];
}

/** A person's tasks by when they are due, relative to `day` (today). */
export function taskSections(tasks: readonly Task[], day: string): TaskSections {
  const sections: TaskSections = { overdue: [], today: [], upcoming: [], done: [] };
  for (const task of tasks) {
    if (task.doneAt !== null) sections.done.push(task);
    else if (task.dueOn < day) sections.overdue.push(task);
    else if (task.dueOn === day) sections.today.push(task);
    else sections.upcoming.push(task);
  }
  const byDue = (a: Task, b: Task) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title);
  sections.overdue.sort(byDue);
  sections.today.sort(byDue);
  sections.upcoming.sort(byDue);
  sections.done.sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  return sections;
}

/**
 * A new question's id: its label as a slug plus a short random part ("budget-k3x9"). Answers
 * are keyed by it, so it is made once, when the question is first saved, and never changes
 * when the question is relabelled. Unique among `taken`.
 */
export function newQuestionId(label: string, taken: readonly string[], random: () => number = Math.random): string {
  const slug = foldAscii(label).replace(/ /g, '-').slice(0, 30).replace(/-+$/, '') || 'question';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    const suffix = Array.from({ length: 4 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const id = `${slug}-${suffix}`;
    if (!taken.includes(id)) return id;
  }
}
