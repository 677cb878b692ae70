import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Lead, Question } from '../../../core/leads/lead-model';
import { LEAD_CSV_COLUMNS, csvFileName, leadsToCsv, localDateTime, neutralizeFormula, type LeadCsvText } from './lead-csv';
import { testLead } from './test-fixtures';

const lead = (fields: Partial<Lead>): Lead => testLead({ id: crypto.randomUUID(), ...fields });

const text: LeadCsvText = {
  columns: Object.fromEntries(LEAD_CSV_COLUMNS.map((c) => [c, `col:${c}`])) as LeadCsvText['columns'],
  rating: (r) => `rating:${r}`,
  status: (s) => `status:${s}`,
  nextStep: (s) => `step:${s}`,
  owner: (id) => (id === 'u1' ? 'Anna Kovács' : id),
  yes: 'Yes',
  no: 'No',
};

const questions: Question[] = [
  { id: 'budget-ab12', label: 'Budget', kind: 'choice', options: ['< 10k', '10k+'] },
  { id: 'groups-cd34', label: 'Product groups, of interest', kind: 'multi', options: ['Pumps', 'Valves', 'Pipes'] },
  { id: 'decides-ef56', label: 'Decision maker?', kind: 'yes_no', options: [] },
  { id: 'when-gh78', label: 'Timeline', kind: 'text', options: [] },
];

/** Parses the file back the way a spreadsheet would (csv-parse, RFC 4180). */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { relax_column_count: false }) as string[][];
}

describe('leadsToCsv', () => {
  it('has the fixed columns, then one column per question, labelled', () => {
    const rows = readBack(leadsToCsv([], { questions }, text, 'UTC'));
    expect(rows).toEqual([[...LEAD_CSV_COLUMNS.map((c) => `col:${c}`), 'Budget', 'Product groups, of interest', 'Decision maker?', 'Timeline']]);
  });

  it('writes each kind of answer in its question’s column, and nothing for an unanswered one', () => {
    const csv = leadsToCsv(
      [
        lead({ personName: 'A', answers: { 'budget-ab12': '10k+', 'groups-cd34': ['Pumps', 'Pipes'], 'decides-ef56': true, 'when-gh78': 'Q2, maybe' } }),
        lead({ personName: 'B', answers: { 'decides-ef56': false } }),
      ],
      { questions },
      text,
      'UTC',
    );
    const [, a, b] = readBack(csv);
    const answers = (row: string[]) => row.slice(LEAD_CSV_COLUMNS.length);
    expect(answers(a!)).toEqual(['10k+', 'Pumps; Pipes', 'Yes', 'Q2, maybe']);
    expect(answers(b!)).toEqual(['', '', 'No', '']);
  });

  it('quotes commas, quotes and line breaks so they round-trip, with CRLF between records', () => {
    const notes = 'Wants "the big one",\nsend catalogue\r\nby Friday';
    const csv = leadsToCsv([lead({ companyName: 'Smith, Jones & Co', notes })], { questions: [] }, text, 'UTC');
    expect(csv).toContain('"Smith, Jones & Co"');
    expect(csv).toContain('"Wants ""the big one"",');
    expect(csv.endsWith('\r\n')).toBe(true);
    const [, row] = readBack(csv);
    expect(row![LEAD_CSV_COLUMNS.indexOf('companyName')]).toBe('Smith, Jones & Co');
    expect(row![LEAD_CSV_COLUMNS.indexOf('notes')]).toBe(notes);
  });

  it('keeps Cyrillic, Devanagari and accented text as it is (UTF-8 with a byte order mark)', () => {
    const csv = leadsToCsv(
      [lead({ personName: 'Иван Петров', companyName: 'ООО «Альфа»', city: 'Győr', notes: 'नमस्ते', interests: ['Насосы', 'Клапаны'] })],
      { questions: [] },
      text,
      'UTC',
    );
    const [, row] = readBack(csv);
    expect(row![LEAD_CSV_COLUMNS.indexOf('personName')]).toBe('Иван Петров');
    expect(row![LEAD_CSV_COLUMNS.indexOf('companyName')]).toBe('ООО «Альфа»');
    expect(row![LEAD_CSV_COLUMNS.indexOf('city')]).toBe('Győr');
    expect(row![LEAD_CSV_COLUMNS.indexOf('notes')]).toBe('नमस्ते');
    expect(row![LEAD_CSV_COLUMNS.indexOf('interests')]).toBe('Насосы; Клапаны');
  });

  it('names ratings, statuses, steps and owners in words, and the capture time in the time zone', () => {
    const csv = leadsToCsv(
      [lead({ rating: 'hot', status: 'attached', nextStep: 'send_offer', nextStepOn: '2026-11-30', capturedAt: '2026-11-23T23:30:00.000Z' })],
      { questions: [] },
      text,
      'Europe/Budapest',
    );
    const [, row] = readBack(csv);
    const cell = (c: (typeof LEAD_CSV_COLUMNS)[number]) => row![LEAD_CSV_COLUMNS.indexOf(c)];
    expect(cell('rating')).toBe('rating:hot');
    expect(cell('status')).toBe('status:attached');
    expect(cell('nextStep')).toBe('step:send_offer');
    expect(cell('nextStepOn')).toBe('2026-11-30');
    expect(cell('owner')).toBe('Anna Kovács');
    expect(cell('capturedAt')).toBe('2026-11-24 00:30'); // after midnight in Budapest
  });

  it('defuses cells a spreadsheet would run as formulas, but leaves phone numbers alone', () => {
    const csv = leadsToCsv([lead({ companyName: '=HYPERLINK("http://x")', personName: '@SUM(A1)', phone: '+36301234567', notes: '-1+2' })], { questions: [] }, text, 'UTC');
    const [, row] = readBack(csv);
    expect(row![LEAD_CSV_COLUMNS.indexOf('companyName')]).toBe('\'=HYPERLINK("http://x")');
    expect(row![LEAD_CSV_COLUMNS.indexOf('personName')]).toBe("'@SUM(A1)");
    expect(row![LEAD_CSV_COLUMNS.indexOf('notes')]).toBe("'-1+2");
    expect(row![LEAD_CSV_COLUMNS.indexOf('phone')]).toBe('+36301234567');
  });
});

describe('neutralizeFormula', () => {
  it.each([
    ['Acme', 'Acme'],
    ['+36 30 123', "'+36 30 123"],
    ['+441234567890', '+441234567890'],
    ['+442079460958;ext=102', '+442079460958;ext=102'],
    ['+44 (0)20 7946 0958 =1', "'+44 (0)20 7946 0958 =1"],
    ['=1', "'=1"],
    ['', ''],
  ])('%j → %j', (cell, expected) => expect(neutralizeFormula(cell)).toBe(expected));
});

describe('localDateTime', () => {
  it('is the local day and 24-hour time', () => {
    expect(localDateTime('2026-11-23T09:05:00Z', 'UTC')).toBe('2026-11-23 09:05');
    expect(localDateTime('2026-11-23T09:05:00Z', 'Asia/Kolkata')).toBe('2026-11-23 14:35');
  });
});

describe('csvFileName', () => {
  it('drops characters a file system refuses', () => {
    expect(csvFileName('Agro: 2026/Kyiv "Spring"')).toBe('Agro 2026 Kyiv Spring - leads.csv');
    expect(csvFileName('Выставка «Металл»')).toBe('Выставка «Металл» - leads.csv');
    expect(csvFileName('///')).toBe('event - leads.csv');
  });
});
