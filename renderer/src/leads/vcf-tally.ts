/**
 * Every contact of a .vcf file accounted for, before and after its import (VcfImport.tsx): the
 * preview says "N contacts in the file: X to capture, Z cannot be captured", the report
 * "N contacts in the file: X captured, Y already here, Z could not be captured", and each adds
 * up to N, the vCards in the file.
 *
 * A contact that cannot give a lead is known before anything is written: a contact group or an
 * empty card (the parser's `skipped`), and a card the lead's rules refuse (one that says nothing
 * about who — only an address, a note, a web address — or a value too long): each is listed with
 * its reason in the preview already, and only the others are handed to the import. The import
 * then reports each contact it is given exactly once: captured, already here (skipped), or not
 * captured (a write the disk refused).
 */
import { leadInputSchema } from '../../../core/leads/lead-model';
import type { ScannedCard, SkippedCard } from '../../../core/leads/scan-payload';
import { cleanTextDeep } from '../../../core/text-safety';
import { importName, type ImportItem, type ImportReport } from '../data/leads/lead-import';
import { emptyCapture, fillFromCard, type CaptureValues, type ExtraLabel } from './capture-values';

/** A contact that gives no lead, and why: a parser's reason (`group`, `empty`) or the lead schema's message and field. */
export interface NotCaptured {
  /** 1-based position of the contact in the file. */
  position: number;
  name: string;
  reason: string;
  field: string;
}

/** A contact that gives a lead, as the capture form would hold it. */
export interface ToCapture {
  position: number;
  card: ScannedCard;
  values: CaptureValues;
}

export interface VcfTally {
  /** Every vCard in the file. */
  total: number;
  toCapture: ToCapture[];
  /** Known before the import, in file order. */
  cannot: NotCaptured[];
}

/** One schema for the check: phones are never refused (kept as typed), so no region changes the answer. */
let schema: ReturnType<typeof leadInputSchema> | null = null;

/** The file's contacts sorted into those that give a lead and those that cannot, each with its position in the file. */
export function tallyVcf(vcf: { cards: readonly ScannedCard[]; skipped: readonly SkippedCard[] }, label: ExtraLabel): VcfTally {
  schema ??= leadInputSchema([]);
  const cannot: NotCaptured[] = vcf.skipped.map((s) => ({ position: s.position, name: s.name, reason: s.reason, field: '' }));
  const skippedAt = new Set(vcf.skipped.map((s) => s.position));
  const toCapture: ToCapture[] = [];
  // Positions in the file count the skipped cards too, as the person sees the file.
  let position = 0;
  for (const card of vcf.cards) {
    do position += 1;
    while (skippedAt.has(position));
    const values = fillFromCard(emptyCapture(), card, label);
    const parsed = schema.safeParse(cleanTextDeep(values).value);
    if (parsed.success) toCapture.push({ position, card, values });
    else {
      const issue = parsed.error.issues[0];
      cannot.push({ position, name: importName(values), reason: issue?.message ?? 'invalid', field: String(issue?.path[0] ?? '') });
    }
  }
  cannot.sort((a, b) => a.position - b.position);
  return { total: vcf.cards.length + vcf.skipped.length, toCapture, cannot };
}

/** The report's three counts, which add up to the file's contacts. */
export function reportCounts(tally: VcfTally, report: ImportReport): { total: number; captured: number; already: number; failed: number } {
  return { total: tally.total, captured: report.captured.length, already: report.duplicates.length, failed: tally.cannot.length + report.failed.length };
}

/**
 * The position in the file of each lead the import captured: the contacts it was given, less
 * those it reported not captured or already here, in order (it captures in the order given).
 * Empty when the counts disagree (then no contact is named by its position).
 */
export function capturedPositions(items: readonly Pick<ImportItem, 'position'>[], report: ImportReport): Map<string, number> {
  const notCaptured = new Set([...report.failed.map((f) => f.position), ...report.duplicates.map((d) => d.position)]);
  const positions = items.map((i) => i.position).filter((p) => !notCaptured.has(p));
  if (positions.length !== report.captured.length) return new Map();
  return new Map(report.captured.map((id, i) => [id, positions[i]!]));
}
