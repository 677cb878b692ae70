import { describe, expect, it } from 'vitest';
import type { FieldEvent, Lead, Task } from '../../../core/leads/lead-model';
import type { Offer } from '../../../core/offers/offer-model';
import {
  ANSWERED,
  NO_LEAD_FILTERS,
  answerFilterValues,
  becameClients,
  eventClientIds,
  dayOf,
  filterLeads,
  interestByGroup,
  newQuestionId,
  leadsPerDay,
  offersForEvent,
  ratingCounts,
  sortEvents,
  taskSections,
} from './event-stats';
import { testLead } from './test-fixtures';

let seq = 0;
/** Event-stats leads: a person's name, Anna's, at event `ev`, captured in the morning. */
const lead = (fields: Partial<Lead>): Lead =>
  testLead({ personName: `Person ${++seq}`, ownerId: 'anna', eventId: 'ev', capturedBy: 'anna', capturedAt: '2026-11-23T10:00:00.000Z', createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', ...fields });

function event(fields: Partial<FieldEvent>): FieldEvent {
  return {
    id: `ev-${++seq}`,
    name: 'Fair',
    kind: 'trade_fair',
    venue: '',
    city: '',
    startsOn: '2026-11-23',
    endsOn: '2026-11-25',
    booth: '',
    teamIds: [],
    productGroups: [],
    questions: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    archivedAt: null,
    ...fields,
  };
}

function task(fields: Partial<Task>): Task {
  return {
    id: `task-${++seq}`,
    title: `Task ${seq}`,
    kind: 'call',
    dueOn: '2026-11-23',
    ownerId: 'anna',
    leadId: null,
    clientId: null,
    doneAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...fields,
  };
}

describe('dayOf', () => {
  it('puts a late-evening capture on the local day', () => {
    expect(dayOf('2026-11-23T23:30:00Z', 'UTC')).toBe('2026-11-23');
    expect(dayOf('2026-11-23T23:30:00Z', 'Europe/Budapest')).toBe('2026-11-24');
    expect(dayOf('2026-11-23T02:00:00Z', 'America/New_York')).toBe('2026-11-22');
  });
});

describe('filterLeads', () => {
  const hot = lead({ rating: 'hot', ownerId: 'anna', answers: { budget: '10k+', groups: ['Pumps', 'Valves'], decides: true, note: 'Q2' } });
  const warm = lead({ rating: 'warm', ownerId: 'boris', status: 'attached', answers: { budget: '< 10k', groups: ['Pipes'], decides: false, note: '  ' } });
  const unrated = lead({ rating: null, ownerId: 'anna', status: 'discarded' });
  const all = [hot, warm, unrated];
  const ids = (leads: Lead[]) => leads.map((l) => l.id);

  it('keeps everything without filters', () => {
    expect(ids(filterLeads(all, NO_LEAD_FILTERS))).toEqual(ids(all));
  });

  it('filters by rating, including "no rating"', () => {
    expect(ids(filterLeads(all, { ...NO_LEAD_FILTERS, ratings: ['hot', 'warm'] }))).toEqual([hot.id, warm.id]);
    expect(ids(filterLeads(all, { ...NO_LEAD_FILTERS, ratings: ['none'] }))).toEqual([unrated.id]);
  });

  it('filters by status and owner together', () => {
    expect(ids(filterLeads(all, { ...NO_LEAD_FILTERS, statuses: ['new', 'discarded'], ownerId: 'anna' }))).toEqual([hot.id, unrated.id]);
    expect(ids(filterLeads(all, { ...NO_LEAD_FILTERS, statuses: ['new'], ownerId: 'boris' }))).toEqual([]);
  });

  it('filters by an answer of each question kind', () => {
    const by = (questionId: string, value: string) => ids(filterLeads(all, { ...NO_LEAD_FILTERS, answer: { questionId, value } }));
    expect(by('budget', '10k+')).toEqual([hot.id]);
    expect(by('groups', 'Valves')).toEqual([hot.id]);
    expect(by('groups', 'Pipes')).toEqual([warm.id]);
    expect(by('decides', 'yes')).toEqual([hot.id]);
    expect(by('decides', 'no')).toEqual([warm.id]);
    expect(by('note', ANSWERED)).toEqual([hot.id]); // blank text is no answer
  });

  it('offers the values a question can be filtered by', () => {
    expect(answerFilterValues({ id: 'q', label: 'Q', kind: 'multi', options: ['A', 'B'] })).toEqual(['A', 'B']);
    expect(answerFilterValues({ id: 'q', label: 'Q', kind: 'yes_no', options: [] })).toEqual(['yes', 'no']);
    expect(answerFilterValues({ id: 'q', label: 'Q', kind: 'text', options: [] })).toEqual([ANSWERED]);
  });
});

describe('leadsPerDay', () => {
  it('counts each day by rating, with the event’s quiet days and days outside it', () => {
    const leads = [
      lead({ rating: 'hot', capturedAt: '2026-11-23T09:00:00Z' }),
      lead({ rating: 'hot', capturedAt: '2026-11-23T15:00:00Z' }),
      lead({ rating: 'cold', capturedAt: '2026-11-23T16:00:00Z' }),
      lead({ rating: null, capturedAt: '2026-11-25T08:00:00Z' }),
      lead({ rating: 'warm', capturedAt: '2026-11-27T08:00:00Z' }), // after the event
    ];
    expect(leadsPerDay(leads, { startsOn: '2026-11-23', endsOn: '2026-11-25' }, 'UTC')).toEqual([
      { day: '2026-11-23', hot: 2, warm: 0, cold: 1, unrated: 0 },
      { day: '2026-11-24', hot: 0, warm: 0, cold: 0, unrated: 0 },
      { day: '2026-11-25', hot: 0, warm: 0, cold: 0, unrated: 1 },
      { day: '2026-11-27', hot: 0, warm: 1, cold: 0, unrated: 0 },
    ]);
  });

  it('counts a capture on the day of the person’s time zone', () => {
    const leads = [lead({ rating: 'warm', capturedAt: '2026-11-23T23:30:00Z' })];
    const days = leadsPerDay(leads, { startsOn: '2026-11-23', endsOn: '2026-11-24' }, 'Europe/Budapest');
    expect(days.find((d) => d.day === '2026-11-24')?.warm).toBe(1);
    expect(days.find((d) => d.day === '2026-11-23')?.warm).toBe(0);
  });

  it('shows only days with leads for a long event', () => {
    const leads = [lead({ capturedAt: '2026-03-10T10:00:00Z' })];
    expect(leadsPerDay(leads, { startsOn: '2026-01-01', endsOn: '2026-06-30' }, 'UTC').map((d) => d.day)).toEqual(['2026-03-10']);
  });
});

describe('ratingCounts and becameClients', () => {
  const leads = [
    lead({ rating: 'hot', status: 'converted' }),
    lead({ rating: 'hot', status: 'attached' }),
    lead({ rating: 'cold', status: 'attached' }),
    lead({ rating: null, status: 'discarded' }),
    lead({ rating: 'warm', status: 'new' }),
  ];

  it('counts ratings', () => {
    expect(ratingCounts(leads)).toEqual({ hot: 2, warm: 1, cold: 1, unrated: 1 });
  });

  it('counts converted and attached leads as clients', () => {
    expect(becameClients(leads)).toEqual({ converted: 1, attached: 2, total: 3, discarded: 1 });
  });

  it('counts each client once, however many of its people were met', () => {
    const people = [
      lead({ status: 'attached', clientId: 'c-existing' }),
      lead({ status: 'attached', clientId: 'c-existing' }),
      lead({ status: 'converted', clientId: 'c-new' }),
      // A colleague of the converted lead, attached to the client it became: still a new client.
      lead({ status: 'attached', clientId: 'c-new' }),
      lead({ status: 'new', clientId: null }),
    ];
    expect(becameClients(people)).toEqual({ converted: 1, attached: 1, total: 2, discarded: 0 });
    expect(becameClients(people).total).toBe(eventClientIds(people).size);
  });

  it('has no offers while its clients have none', () => {
    expect(offersForEvent(leads, [], { startsOn: '2026-11-23' })).toEqual({ count: 0, totals: [] });
  });
});

describe('interestByGroup', () => {
  it('lists the event’s groups first (even unasked), then typed ones, by count', () => {
    const leads = [
      lead({ interests: ['Valves', 'pumps'] }),
      lead({ interests: ['Valves', 'valves '] }), // counted once
      lead({ interests: ['Heaters'] }),
      lead({ interests: ['Boilers', 'Heaters'] }),
      lead({ interests: ['Насосы'] }),
    ];
    expect(interestByGroup(leads, ['Pumps', 'Valves', 'Pipes'])).toEqual([
      { group: 'Valves', leads: 2, listed: true },
      { group: 'Pumps', leads: 1, listed: true },
      { group: 'Pipes', leads: 0, listed: true },
      { group: 'Heaters', leads: 2, listed: false },
      { group: 'Boilers', leads: 1, listed: false },
      { group: 'Насосы', leads: 1, listed: false },
    ]);
  });
});

describe('sortEvents', () => {
  it('puts current and upcoming events first (soonest first), past ones below (latest first), and hides archived', () => {
    const past1 = event({ name: 'Old', startsOn: '2026-03-01', endsOn: '2026-03-03' });
    const past2 = event({ name: 'Older', startsOn: '2025-10-01', endsOn: '2025-10-02' });
    const running = event({ name: 'Running', startsOn: '2026-11-20', endsOn: '2026-11-23' });
    const next = event({ name: 'Next', startsOn: '2027-02-01', endsOn: '2027-02-03' });
    const soon = event({ name: 'Soon', startsOn: '2026-12-01', endsOn: '2026-12-02' });
    const archived = event({ name: 'Archived', startsOn: '2026-12-05', endsOn: '2026-12-06', archivedAt: '2026-11-01T00:00:00Z' });
    const { current, past } = sortEvents([past2, next, archived, running, past1, soon], '2026-11-23');
    expect(current.map((e) => e.name)).toEqual(['Running', 'Soon', 'Next']);
    expect(past.map((e) => e.name)).toEqual(['Old', 'Older']);
  });
});

describe('taskSections', () => {
  it('splits open tasks by due date around today, and done ones by when they were done', () => {
    const late = task({ title: 'Late', dueOn: '2026-11-20' });
    const lateToo = task({ title: 'Also late', dueOn: '2026-11-22' });
    const now = task({ title: 'Now', dueOn: '2026-11-23' });
    const later = task({ title: 'Later', dueOn: '2026-12-01' });
    const doneEarly = task({ title: 'Done early', dueOn: '2026-11-30', doneAt: '2026-11-21T10:00:00Z' });
    const doneLate = task({ title: 'Done late', dueOn: '2026-11-10', doneAt: '2026-11-22T10:00:00Z' });
    const s = taskSections([later, doneEarly, now, lateToo, doneLate, late], '2026-11-23');
    expect(s.overdue.map((t) => t.title)).toEqual(['Late', 'Also late']);
    expect(s.today.map((t) => t.title)).toEqual(['Now']);
    expect(s.upcoming.map((t) => t.title)).toEqual(['Later']);
    expect(s.done.map((t) => t.title)).toEqual(['Done late', 'Done early']);
  });
});

describe('newQuestionId', () => {
  const pattern = /^[a-z0-9-]{1,40}$/; // what core/leads/lead-model.ts accepts

  it('is the label as a slug plus a random part, in any script', () => {
    const id = newQuestionId('Budget for 2027?', []);
    expect(id).toMatch(/^budget-for-2027-[a-z0-9]{4}$/);
    expect(newQuestionId('Кто принимает решение', [])).toMatch(/^kto-prinimaet-reshenie-[a-z0-9]{4}$/);
    expect(newQuestionId('???', [])).toMatch(/^question-[a-z0-9]{4}$/);
    for (const label of ['A very long question label that goes on and on and on', 'Ügyfél típusa', 'x']) {
      expect(newQuestionId(label, [])).toMatch(pattern);
    }
  });

  it('never repeats an id already taken', () => {
    // A random source that first repeats a taken suffix, then moves on.
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5];
    const random = () => values.shift() ?? 0.9;
    expect(newQuestionId('Budget', ['budget-aaaa'], random)).toBe('budget-ssss');
  });
});

describe('offersForEvent', () => {
  const line = (qty: number, unitPrice: number) => ({
    id: `l${++seq}`,
    productId: 'p1',
    sku: 'SKU',
    name: 'Pump',
    qty,
    unit: 'pcs',
    manualDiscountBp: 0,
    pricing: { listUnitPrice: unitPrice, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2000, pricedAt: '2026-11-20T00:00:00.000Z' },
    stockNote: '',
  });
  const offer = (fields: Partial<Offer>): Offer => ({
    id: `o${++seq}`,
    clientId: 'c1',
    leadId: null,
    ownerId: 'anna',
    number: `N-${seq}`,
    version: 1,
    previousVersionId: null,
    status: 'sent',
    currency: 'EUR',
    pricesIncludeVat: false,
    lines: [line(2, 10_000)],
    terms: { validUntil: '', delivery: '', payment: '', specialConditions: '', notes: '' },
    history: [],
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    ...fields,
  });
  const leads = [
    lead({ status: 'converted', clientId: 'c1' }),
    lead({ status: 'attached', clientId: 'c2' }),
    lead({ status: 'new', clientId: null }),
    // A discarded lead's client (it had one before being discarded) brings nothing.
    lead({ status: 'discarded', clientId: 'c9' }),
  ];
  const fair = { startsOn: '2026-11-23' };

  it('counts the offers to the clients its leads became or joined, made from its first day, with their net amounts per currency', () => {
    const offers = [
      offer({ clientId: 'c1' }),
      offer({ clientId: 'c2', currency: 'HUF', lines: [line(1, 5_000_000)] }),
      offer({ clientId: 'c2', status: 'draft', lines: [line(3, 1_000)], createdAt: '2026-11-23T00:30:00.000Z' }),
      // Before the event: the attached client's earlier business is not the event's.
      offer({ clientId: 'c2', createdAt: '2026-11-01T09:00:00.000Z' }),
      // Not a client of this event.
      offer({ clientId: 'c9' }),
      offer({ clientId: 'c3' }),
    ];
    expect(offersForEvent(leads, offers, fair, 'UTC')).toEqual({
      count: 3,
      totals: [
        { currency: 'EUR', net: 23_000, count: 2 },
        { currency: 'HUF', net: 5_000_000, count: 1 },
      ],
    });
  });

  it('counts a revised offer once, at its current version, from when its first version was made', () => {
    const v1 = offer({ number: 'OF-1', status: 'superseded', lines: [line(1, 10_000)] });
    const v2 = offer({ number: 'OF-1', version: 2, previousVersionId: v1.id, status: 'sent', lines: [line(5, 10_000)], createdAt: '2026-12-01T09:00:00.000Z' });
    expect(offersForEvent(leads, [v2, v1], fair, 'UTC')).toEqual({ count: 1, totals: [{ currency: 'EUR', net: 50_000, count: 1 }] });
    const before = offer({ number: 'OF-2', status: 'superseded', createdAt: '2026-11-01T09:00:00.000Z' });
    const revised = offer({ number: 'OF-2', version: 2, previousVersionId: before.id });
    expect(offersForEvent(leads, [before, revised], fair, 'UTC').count).toBe(0);
  });
});
