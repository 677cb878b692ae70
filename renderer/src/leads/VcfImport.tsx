/**
 * A .vcf file with several contacts: what is in it, then (on request) every contact captured as a
 * lead with a progress bar, and a report — contacts already here (skipped), new leads like
 * something we have (to look at), contacts that could not be captured, each with its reason, in
 * lists that scroll. The dialog cannot be closed, nor the import started again, while it runs.
 * Every contact of the file is accounted for (vcf-tally.ts): the preview and the report each
 * say how many the file holds and add up to it; a card not read cleanly is marked "check this".
 */
import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ScannedCard, SkippedCard } from '../../../core/leads/scan-payload';
import { prepareFile, type PreparedFile } from '../data/attachments';
import { clientSearch } from '../data/clients/client-base';
import { importLeads, importName, type ImportReport } from '../data/leads/lead-import';
import { unclearCardFields } from '../../../core/leads/scan-payload';
import { formatCount } from '../i18n/format';
import { useExtraLabel } from './card-labels';
import { UnclearMark } from './UnclearMark';
import { capturedPositions, reportCounts, tallyVcf, type NotCaptured, type VcfTally } from './vcf-tally';

export interface VcfContents {
  file: string;
  cards: ScannedCard[];
  skipped: SkippedCard[];
}

/** A card's pictures as files for the lead (photo.jpg, logo.png): read and hashed before the write. */
export async function cardPictures(card: ScannedCard, name: string): Promise<PreparedFile[]> {
  const files: PreparedFile[] = [];
  for (const [i, p] of card.pictures.entries()) {
    const extension = p.mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
    const base = (name || 'card').replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 80);
    try {
      files.push(await prepareFile(new Blob([p.bytes as BlobPart], { type: p.mime }), `${base} ${p.kind}${i ? ` ${i + 1}` : ''}.${extension}`));
    } catch {
      // an empty or oversized picture: the lead is captured without it
    }
  }
  return files;
}

const PREVIEW = 12;
/** Lines a list of the report shows (the heading counts them all): a list of 5 000 would take seconds to draw. */
const MAX_LINES = 300;

/** A name as a list line shows it: at most 60 characters (a card's name can be hundreds). */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/** How a card is named in the preview: who, else where or what it says. */
const cardTitle = (c: ScannedCard) =>
  short([c.personName, c.companyName].filter(Boolean).join(' — ') || c.emails[0] || c.phones[0]?.number || c.websites[0] || [c.city, c.country].filter(Boolean).join(', ') || (c.notes ?? '').split('\n')[0] || '');

export function VcfImport({ vcf, onClose, onFillFirst, onOpenLead }: { vcf: VcfContents; onClose: () => void; onFillFirst: () => void; onOpenLead: (leadId: string) => void }) {
  const { t } = useTranslation();
  const label = useExtraLabel();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<{ report: ImportReport; positions: Map<string, number> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = progress !== null && report === null && error === null;
  const tally = useMemo(() => tallyVcf(vcf, label), [vcf, label]);
  const count = tally.toCapture.length;

  const run = async () => {
    if (running || report) return;
    setProgress({ done: 0, total: count });
    try {
      const items = [];
      for (const { position, card, values } of tally.toCapture) {
        items.push({ position, values, pictures: card.pictures.length ? await cardPictures(card, importName(values)) : [] });
      }
      const done = await importLeads(items, { search: clientSearch, onProgress: (d, total) => setProgress({ done: d, total }) });
      setReport({ report: done, positions: capturedPositions(items, done) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const title = t('capture.scan.vcfMany', { count: tally.total, file: vcf.file });
  return (
    <Modal opened onClose={onClose} title={title} closeOnClickOutside={!running} closeOnEscape={!running} withCloseButton={!running} size="lg">
      <Stack data-testid="vcf-import">
        {!report && (
          <Text size="sm" fw={600} data-testid="vcf-import-summary">
            {t('capture.import.inFile', { count: tally.total, parts: [t('capture.import.toCapture', { count }), t('capture.import.cannot', { count: tally.cannot.length })].join(', ') })}
          </Text>
        )}
        {!report && count > 0 && (
          <List size="sm" spacing={2} data-testid="vcf-import-preview">
            {tally.toCapture.slice(0, PREVIEW).map(({ position, card }) => (
              <List.Item key={position}>
                {cardTitle(card) || t('capture.import.noName')}
                {unclearCardFields(card).length > 0 && <UnclearMark />}
              </List.Item>
            ))}
            {count > PREVIEW && <List.Item>{t('capture.scan.vcfAndMore', { count: count - PREVIEW })}</List.Item>}
          </List>
        )}
        {progress && !report && (
          <Stack gap={4}>
            <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} animated={running} aria-label={t('capture.import.capturing', { done: progress.done, total: progress.total })} />
            <Text size="sm" c="dimmed" data-testid="vcf-import-progress">
              {t('capture.import.capturing', { done: formatCount(progress.done), total: formatCount(progress.total) })}
            </Text>
          </Stack>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {report && <ImportReportView report={report.report} positions={report.positions} tally={tally} onOpenLead={onOpenLead} />}
        {!report && tally.cannot.length > 0 && <Problems testId="vcf-import-cannot" title={t('capture.import.cannotTitle', { count: tally.cannot.length })} lines={tally.cannot.map((c) => ({ key: `s${c.position}`, position: c.position, name: c.name, text: reasonText(c, t) }))} />}
        <Group justify="flex-end">
          {report || error ? (
            <Button onClick={onClose}>{t('capture.import.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onFillFirst} disabled={running || count === 0}>
                {t('capture.scan.vcfFillFirst')}
              </Button>
              <Button onClick={() => void run()} loading={running} disabled={running || count === 0}>
                {t('capture.scan.vcfImportAll', { count })}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

interface ProblemLine {
  key: string;
  position: number;
  name: string;
  text: string;
  leadId?: string;
}

/** One list of the report: a heading with its count, the lines in a box that scrolls. */
function Problems({ title, lines, color, onOpenLead, testId }: { title: string; lines: ProblemLine[]; color?: string; onOpenLead?: (leadId: string) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600} c={color}>
        {title}
      </Text>
      <ScrollArea.Autosize mah={160} type="auto" offsetScrollbars>
        <List size="sm" spacing={2}>
          {lines.slice(0, MAX_LINES).map((l) => (
            <List.Item key={l.key}>
              <Text span size="sm" c="dimmed">
                {t('capture.import.position', { position: l.position })}
              </Text>{' '}
              <Text span size="sm" fw={500}>
                {short(l.name) || t('capture.import.noName')}
              </Text>
              {' — '}
              {l.text}
              {l.leadId && onOpenLead && (
                <>
                  {' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpenLead(l.leadId!)}>
                    {t('capture.import.open')}
                  </Anchor>
                </>
              )}
            </List.Item>
          ))}
          {lines.length > MAX_LINES && <List.Item>{t('capture.scan.vcfAndMore', { count: lines.length - MAX_LINES })}</List.Item>}
        </List>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** Why a contact gives no lead, in words. */
function reasonText(c: NotCaptured, t: TFunction): string {
  if (c.reason === 'group' || c.reason === 'empty' || c.reason === 'lead_empty') return t(`capture.import.reason.${c.reason}`);
  if (c.reason === 'write_failed') return t('capture.import.reason.write_failed', { field: c.field });
  const field = t(`capture.${c.field}`, { defaultValue: c.field });
  if (c.reason === 'too_long') return t('capture.import.reason.too_long', { field });
  return t('capture.import.reason.other', { field, message: t(`errors.${c.reason}`, { defaultValue: c.reason }) });
}

function ImportReportView({ report, positions, tally, onOpenLead }: { report: ImportReport; positions: ReadonlyMap<string, number>; tally: VcfTally; onOpenLead: (leadId: string) => void }) {
  const { t } = useTranslation();
  const reasons = (list: readonly string[]) => list.map((r) => t(`capture.matches.reason.${r}`)).join(', ');
  const failed: ProblemLine[] = [
    ...tally.cannot.map((c) => ({ key: `s${c.position}`, position: c.position, name: c.name, text: reasonText(c, t) })),
    ...report.failed.map((f) => ({ key: `f${f.position}`, position: f.position, name: f.name, text: reasonText({ position: f.position, name: f.name, reason: f.message, field: f.field }, t) })),
  ].sort((a, b) => a.position - b.position);
  const counts = reportCounts(tally, report);
  /** What a contact already here is the same as: a contact earlier in this file (captured now), a lead, a client's contact. */
  const sameAs = (d: ImportReport['duplicates'][number]) => {
    const earlier = d.of.leadId ? positions.get(d.of.leadId) : undefined;
    if (earlier !== undefined) return t('capture.import.sameAsEarlier', { position: earlier });
    return d.of.kind === 'contact' ? t('capture.import.alreadyContact', { client: short(d.of.title), name: short(d.of.person) }) : t('capture.import.alreadyLead', { name: short(d.of.title) });
  };
  return (
    <Stack gap="sm" data-testid="vcf-import-report">
      <Text size="sm" c={counts.captured ? 'green' : undefined} fw={600} data-testid="vcf-import-summary">
        {t('capture.import.inFile', {
          count: counts.total,
          parts: [t('capture.import.capturedCount', { count: counts.captured }), t('capture.import.alreadyCount', { count: counts.already }), t('capture.import.failedCount', { count: counts.failed })].join(', '),
        })}
      </Text>
      {report.duplicates.length > 0 && (
        <Problems
          testId="vcf-import-duplicates"
          title={t('capture.import.duplicates', { count: report.duplicates.length })}
          lines={report.duplicates.map((d) => ({
            key: `d${d.position}`,
            position: d.position,
            name: d.name,
            text: sameAs(d),
          }))}
        />
      )}
      {report.flagged.length > 0 && (
        <Problems
          testId="vcf-import-flagged"
          color="orange"
          title={t('capture.import.flagged', { count: report.flagged.length })}
          onOpenLead={onOpenLead}
          lines={report.flagged.map((f) => ({
            key: `l${f.position}`,
            position: f.position,
            name: f.name,
            leadId: f.leadId,
            text: f.matches.map((m) => t('capture.import.like', { kind: t(`capture.import.kind.${m.kind}`), name: short(m.title), reasons: reasons(m.reasons) })).join('; '),
          }))}
        />
      )}
      {failed.length > 0 && <Problems testId="vcf-import-failed" color="red" title={t('capture.import.failed', { count: failed.length })} lines={failed} />}
    </Stack>
  );
}
