/**
 * A .vcf import accounts for every contact of the file: the preview's and the report's counts add
 * up to the vCards in the file, whatever becomes of each (a group, an empty card, a card that says
 * nothing about who, one too long, a contact already here, the same contact twice in the file).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseVcfFile } from '../../../core/leads/scan-payload';
import { ClientSearch } from '../data/clients/client-search';
import { FieldbookDb } from '../data/db';
import { importLeads } from '../data/leads/lead-import';
import { capturedPositions, reportCounts, tallyVcf } from './vcf-tally';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const vcard = (...lines: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD');
const label = (e: { name: string }) => e.name;

/** Seven contacts: three leads, one of them twice; a group; an empty card; one with only an address; one whose notes are too long. */
const FILE = [
  vcard('FN:Lena Fischer', 'ORG:Fischer Armaturen GmbH', 'EMAIL:lena@fischer.example'),
  vcard('KIND:group', 'FN:Trade fair 2026'),
  vcard(),
  vcard('ADR;TYPE=WORK:;;Hafenstraße 4;Hamburg;;20457;Germany', 'NOTE:met at the stand'),
  vcard('FN:Raj Patel', 'TEL:+91 98765 43210'),
  vcard('FN:Tom Long', 'EMAIL:long@example.com', `NOTE:${'A very long note. '.repeat(300)}`),
  vcard('FN:Lena Fischer', 'ORG:Fischer Armaturen GmbH', 'EMAIL:lena@fischer.example'),
  vcard('FN:Chen Wei', 'ORG:Example Trading Ltd'),
].join('');

function tallyOf(text: string) {
  const parsed = parseVcfFile(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return tallyVcf(parsed.value, label);
}

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.add({ id: 'u1', name: 'Ben Okafor', role: 'manager' });
});
afterEach(async () => {
  await db.delete();
});

describe('the contacts of a .vcf file, accounted for', () => {
  it('before the import: every card is to capture or cannot be, with its reason and its place in the file', () => {
    const tally = tallyOf(FILE);
    expect(tally.total).toBe(8);
    expect(tally.toCapture.map((c) => [c.position, c.values.personName])).toEqual([
      [1, 'Lena Fischer'],
      [5, 'Raj Patel'],
      [7, 'Lena Fischer'],
      [8, 'Chen Wei'],
    ]);
    expect(tally.cannot.map((c) => [c.position, c.reason, c.field])).toEqual([
      [2, 'group', ''],
      [3, 'empty', ''],
      [4, 'lead_empty', 'personName'],
      [6, 'too_long', 'notes'],
    ]);
    expect(tally.toCapture.length + tally.cannot.length).toBe(tally.total);
  });

  it('after the import: captured, already here and not captured add up to the file, and a contact twice in the file names the first', async () => {
    const tally = tallyOf(FILE);
    const items = tally.toCapture.map(({ position, values }) => ({ position, values, pictures: [] }));
    const report = await importLeads(items, { search: new ClientSearch() }, db);
    const counts = reportCounts(tally, report);
    expect(counts).toEqual({ total: 8, captured: 3, already: 1, failed: 4 });
    expect(counts.captured + counts.already + counts.failed).toBe(counts.total);
    expect(report.duplicates.map((d) => d.position)).toEqual([7]);
    expect(capturedPositions(items, report).get(report.duplicates[0]!.of.leadId!)).toBe(1);

    // The same file again: everything to capture is already here; still eight.
    const again = await importLeads(items, { search: new ClientSearch() }, db);
    expect(reportCounts(tally, again)).toEqual({ total: 8, captured: 0, already: 4, failed: 4 });
    expect(capturedPositions(items, again).size).toBe(0);
  });
});
