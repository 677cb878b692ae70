/**
 * A .vcf file with several contacts: what is in it, then (on request) every contact captured as a
 * lead with a progress bar, and a report — contacts already here (skipped), new leads like
 * something we have (to look at), contacts that could not be captured, each with its reason, in
 * lists that scroll. The dialog cannot be closed, nor the import started again, while it runs.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScannedCard, SkippedCard } from '../../../core/leads/scan-payload';
import { prepareFile, type PreparedFile } from '../data/attachments';
import { clientSearch } from '../data/client-base';
import { importLeads, importName, type ImportReport } from '../data/lead-import';
import { formatCount } from '../i18n/format';
import { emptyCapture, fillFromCard } from './capture-values';
import { useExtraLabel } from './card-labels';

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
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = progress !== null && report === null && error === null;
  const count = vcf.cards.length;

  const run = async () => {
    if (running || report) return;
    setProgress({ done: 0, total: count });
    try {
      // Positions in the file count the skipped cards too, as the person sees the file.
      const skippedAt = new Set(vcf.skipped.map((s) => s.position));
      let position = 0;
      const items = [];
      for (const card of vcf.cards) {
        do position += 1;
        while (skippedAt.has(position));
        const values = fillFromCard(emptyCapture(), card, label);
        items.push({ position, values, pictures: card.pictures.length ? await cardPictures(card, importName(values)) : [] });
      }
      setReport(await importLeads(items, { search: clientSearch, onProgress: (done, total) => setProgress({ done, total }) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const title = t('capture.scan.vcfMany', { count, file: vcf.file });
  return (
    <Modal opened onClose={onClose} title={title} closeOnClickOutside={!running} closeOnEscape={!running} withCloseButton={!running} size="lg">
      <Stack data-testid="vcf-import">
        {!report && (
          <List size="sm" spacing={2}>
            {vcf.cards.slice(0, PREVIEW).map((c, i) => (
              <List.Item key={i}>{cardTitle(c) || t('capture.import.noName')}</List.Item>
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
        {report && <ImportReportView report={report} vcf={vcf} onOpenLead={onOpenLead} />}
        {!report && vcf.skipped.length > 0 && <Problems title={t('capture.import.failed', { count: vcf.skipped.length })} lines={vcf.skipped.map((s) => ({ key: `s${s.position}`, position: s.position, name: s.name, text: t(`capture.import.reason.${s.reason}`) }))} />}
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

function ImportReportView({ report, vcf, onOpenLead }: { report: ImportReport; vcf: VcfContents; onOpenLead: (leadId: string) => void }) {
  const { t } = useTranslation();
  const reasons = (list: readonly string[]) => list.map((r) => t(`capture.matches.reason.${r}`)).join(', ');
  const failed: ProblemLine[] = [
    ...vcf.skipped.map((s) => ({ key: `s${s.position}`, position: s.position, name: s.name, text: t(`capture.import.reason.${s.reason}`) })),
    ...report.failed.map((f) => ({
      key: `f${f.position}`,
      position: f.position,
      name: f.name,
      text: ['lead_empty', 'too_long', 'write_failed'].includes(f.message)
        ? t(`capture.import.reason.${f.message}`, { field: f.message === 'write_failed' ? f.field : t(`capture.${f.field}`, { defaultValue: f.field }) })
        : t('capture.import.reason.other', { field: t(`capture.${f.field}`, { defaultValue: f.field }), message: t(`errors.${f.message}`, { defaultValue: f.message }) }),
    })),
  ].sort((a, b) => a.position - b.position);
  const count = report.captured.length;
  return (
    <Stack gap="sm" data-testid="vcf-import-report">
      <Text size="sm" c={count ? 'green' : undefined} fw={600}>
        {count ? t('capture.import.captured', { count, file: vcf.file }) : t('capture.import.capturedNone', { file: vcf.file })}
      </Text>
      {report.duplicates.length > 0 && (
        <Problems
          testId="vcf-import-duplicates"
          title={t('capture.import.duplicates', { count: report.duplicates.length })}
          lines={report.duplicates.map((d) => ({
            key: `d${d.position}`,
            position: d.position,
            name: d.name,
            text: d.of.kind === 'contact' ? t('capture.import.alreadyContact', { client: short(d.of.title), name: short(d.of.person) }) : t('capture.import.alreadyLead', { name: short(d.of.title) }),
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
