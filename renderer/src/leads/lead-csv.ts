/**
 * An event's leads as a CSV file for a spreadsheet: one row per lead, one column per field and
 * one per qualification question. Quoting is csv-stringify's (RFC 4180: CRLF rows, fields with
 * a comma, quote or line break in double quotes, quotes doubled). The browser build of it, since
 * its Node build needs the Node `Buffer`.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Answer, FieldEvent, Lead } from '../../../core/leads/lead-model';
import { dayOf } from './event-stats';

/** The words the file uses: column titles and the names of ratings, statuses, steps, owners. */
export interface LeadCsvText {
  columns: Record<LeadCsvColumn, string>;
  rating: (rating: string) => string;
  status: (status: string) => string;
  nextStep: (step: string) => string;
  owner: (ownerId: string) => string;
  yes: string;
  no: string;
}

export const LEAD_CSV_COLUMNS = [
  'capturedAt',
  'personName',
  'position',
  'companyName',
  'email',
  'phone',
  'city',
  'country',
  'rating',
  'status',
  'owner',
  'interests',
  'nextStep',
  'nextStepOn',
  'notes',
  'discardReason',
] as const;
export type LeadCsvColumn = (typeof LEAD_CSV_COLUMNS)[number];

/** Separates several values in one cell (interests, a multi-choice answer). */
const LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ at the start) gets a leading
 * apostrophe: a visitor's typed "company name" must not become a command on the manager's
 * laptop. Phone numbers in E.164 (+36301234567, with an extension ";ext=12") are data and stay
 * as they are.
 */
export function neutralizeFormula(cell: string): string {
  if (/^\+\d{6,15}(;ext=\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function answerText(answer: Answer | undefined, text: LeadCsvText): string {
  if (answer === undefined) return '';
  if (typeof answer === 'boolean') return answer ? text.yes : text.no;
  if (Array.isArray(answer)) return answer.join(LIST_SEPARATOR);
  return answer;
}

/** "2026-11-23 14:05" in the time zone given (the person's by default). */
export function localDateTime(iso: string, timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${dayOf(iso, timeZone)} ${time}`;
}

/**
 * The CSV text of `leads` (in the given order) of `event`. Starts with a UTF-8 byte order mark,
 * which is what makes Excel read Cyrillic, Devanagari and accented names correctly.
 */
export function leadsToCsv(leads: readonly Lead[], event: Pick<FieldEvent, 'questions'>, text: LeadCsvText, timeZone?: string): string {
  const header = [...LEAD_CSV_COLUMNS.map((c) => text.columns[c]), ...event.questions.map((q) => q.label)];
  const rows = leads.map((lead) => {
    const cells: Record<LeadCsvColumn, string> = {
      capturedAt: localDateTime(lead.capturedAt, timeZone),
      personName: lead.personName,
      position: lead.position,
      companyName: lead.companyName,
      email: lead.email,
      phone: lead.phone,
      city: lead.city,
      country: lead.country,
      rating: lead.rating ? text.rating(lead.rating) : '',
      status: text.status(lead.status),
      owner: text.owner(lead.ownerId),
      interests: lead.interests.join(LIST_SEPARATOR),
      nextStep: lead.nextStep ? text.nextStep(lead.nextStep) : '',
      nextStepOn: lead.nextStepOn,
      notes: lead.notes,
      discardReason: lead.discardReason,
    };
    return [...LEAD_CSV_COLUMNS.map((c) => cells[c]), ...event.questions.map((q) => answerText(lead.answers[q.id], text))];
  });
  const body = stringify([header, ...rows].map((row) => row.map(neutralizeFormula)), { record_delimiter: 'windows' });
  return `\uFEFF${body}`;
}

/** A file name for the export: the event's name without characters a file system refuses. */
export function csvFileName(eventName: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const safe = eventName.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150);
  return `${safe || 'event'} - leads.csv`;
}
