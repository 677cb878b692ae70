import { Fragment } from 'react';
import { Alert, Badge, Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dismissRejected, reapplyRejected, useRejectedChanges } from '../data/sync/rejected';
import { useSyncRuns } from '../data/sync/sync-session';
import { formatCount, formatDateTime, formatDuration, formatFileSize, userLocale } from '../i18n/format';
import { ConflictList } from './ConflictList';
import { SyncStatus } from './SyncStatus';
import { followedText } from './followed-notice';
import { refusedValues } from './show-value';
import { useTeamNames } from '../clients/team';

const seconds = (ms: number) => new Intl.NumberFormat(userLocale(), { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);

function RunHistory() {
  const { t } = useTranslation();
  const runs = useSyncRuns();
  const names = useTeamNames();
  const clockOff = runs?.find((r) => r.clockOffsetMs !== undefined);
  return (
    <Card withBorder>
      <Title order={5} mb="sm">
        {t('sync.reportTitle')}
      </Title>
      {clockOff?.clockOffsetMs !== undefined && runs?.[0] === clockOff && (
        <Alert color="orange" mb="sm" data-testid="clock-warning">
          {/* The offset is the server's time minus this computer's: negative, the computer is ahead. */}
          {t(clockOff.clockOffsetMs < 0 ? 'sync.clockAhead' : 'sync.clockBehind', { amount: formatDuration(Math.abs(clockOff.clockOffsetMs)) })}
        </Alert>
      )}
      {!runs?.length ? (
        <Text c="dimmed">{t('sync.noRuns')}</Text>
      ) : (
        <Table data-testid="sync-runs" striped>
          <Table.Thead>
            <Table.Tr>
              {(['when', 'result', 'pushed', 'applied', 'rejected', 'conflicts', 'pulled', 'files', 'bytes', 'time'] as const).map((c) => (
                <Table.Th key={c}>{t(`sync.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => (
              <Fragment key={r.id}>
                <Table.Tr>
                  <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
                  <Table.Td>
                    {r.ok && (r.conflicts > 0 || r.rejected > 0) ? (
                      // Went through, but something needs the person: not an ordinary "OK".
                      <Badge color="orange" variant="light" data-testid="run-needs-look">
                        {t('sync.okButLook')}
                      </Badge>
                    ) : r.ok ? (
                      <Badge color="teal" variant="light">{t('sync.ok')}</Badge>
                    ) : (
                      <Badge color="red" variant="light">
                        {t('sync.failed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatCount(r.pushed)}</Table.Td>
                  <Table.Td>{formatCount(r.applied + r.merged)}</Table.Td>
                  <Table.Td c={r.rejected > 0 ? 'red.8' : undefined} fw={r.rejected > 0 ? 600 : undefined}>
                    {formatCount(r.rejected)}
                  </Table.Td>
                  <Table.Td c={r.conflicts > 0 ? 'orange.8' : undefined} fw={r.conflicts > 0 ? 600 : undefined}>
                    {formatCount(r.conflicts)}
                  </Table.Td>
                  <Table.Td>{formatCount(r.pulled)}</Table.Td>
                  <Table.Td>{formatCount(r.filesUploaded ?? 0)}</Table.Td>
                  <Table.Td>{formatFileSize(r.bytes)}</Table.Td>
                  <Table.Td>{seconds(r.ms)}</Table.Td>
                </Table.Tr>
                {/* What went to a client's new owner with the client, under the run that sent it. */}
                {r.followed?.map((f) => (
                  <Table.Tr key={`${f.table}/${f.id}`}>
                    <Table.Td colSpan={10} pt={0}>
                      <Text size="xs" c="blue.8" data-testid="run-followed">
                        {followedText(f, names.get(f.to) ?? t('sync.followed.colleague'))}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {/* Why a run failed, in words, under it (a tooltip alone is found by few). */}
                {!r.ok && (
                  <Table.Tr>
                    <Table.Td colSpan={10} pt={0}>
                      <Text size="xs" c="red.8" data-testid="run-error">
                        {t(`sync.error.${r.error}`, { defaultValue: r.error ?? t('sync.error.server_error') })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function RejectedChanges() {
  const { t } = useTranslation();
  const names = useTeamNames();
  const navigate = useNavigate();
  const rejected = useRejectedChanges();
  const fieldName = (field: string) => t(`form.${field}`, { defaultValue: field });
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      notifications.show({ color: 'red', message: t(e instanceof Error ? e.message : 'errors.invalid') });
    }
  };
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('sync.rejectedTitle')}
      </Title>
      {!rejected?.length ? (
        <Text c="dimmed">{t('sync.noRejected')}</Text>
      ) : (
        <Stack gap="sm" data-testid="rejected-list">
          <Text size="sm" c="dimmed">{t('sync.rejectedHint')}</Text>
          {rejected.map((r) => (
            <Card key={r.id} withBorder bg="red.0" data-testid="rejected-change">
              <Text fw={600} data-testid="rejected-label">
                {t(`sync.recordKind.${r.table}`, { defaultValue: t('sync.recordKind.other') })} · {r.label ?? String(r.fields.name ?? r.fields.number ?? r.recordId)}
              </Text>
              <Text size="sm">
                {r.reason === 'offer_rule' && r.detail
                  ? t(`offers.errors.${r.detail}`, { defaultValue: t('sync.reason.offer_rule') })
                  : t(`sync.reason.${r.reason}`, { defaultValue: t('sync.reason.rejected') })}
                {r.field ? ` (${fieldName(r.field)})` : ''}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }} data-testid="rejected-values">
                {refusedValues(r.fields, names).map(([f, v]) => `${fieldName(f)}: ${v}`).join(' · ')}
              </Text>
              <Group gap="xs" mt="xs">
                <Button size="xs" onClick={() => void act(() => reapplyRejected(r.id!))}>{t('sync.reapply')}</Button>
                {r.open && (
                  <Button size="xs" variant="default" onClick={() => void navigate(`/${r.open!.kind === 'offer' ? 'offers' : 'clients'}/${r.open!.id}`)}>
                    {t(r.open.kind === 'offer' ? 'sync.openOffer' : 'sync.openClient')}
                  </Button>
                )}
                <Button size="xs" variant="subtle" color="gray" onClick={() => void act(() => dismissRejected(r.id!))}>{t('sync.dismiss')}</Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** The sync screen: status and "Sync now", conflicts to resolve, refused changes, the reports. */
export function SyncPage() {
  const { t } = useTranslation();
  return (
    <Box px="lg" py="md" maw={1100} style={{ overflow: 'auto' }}>
      <Title order={2} mb="md">
        {t('sync.title')}
      </Title>
      <Stack gap="md">
        <Card withBorder maw={360}>
          <SyncStatus />
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">{t('sync.conflictsTitle')}</Title>
          <ConflictList showEmpty />
        </Card>
        <RejectedChanges />
        <RunHistory />
      </Stack>
    </Box>
  );
}
