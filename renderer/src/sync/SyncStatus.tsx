import { Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSyncAttention, useSyncSummary } from '../data/sync/sync-session';
import { formatCount, formatDateTime } from '../i18n/format';
import { syncNow, useSyncState } from './sync-controller';

/**
 * Always visible in the sidebar: online or offline, how many changes wait, the last good sync,
 * and "Sync now" with the phase and progress of a running sync.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const summary = useSyncSummary();
  const { online, running, progress, lastError, lastRun } = useSyncState();
  const pending = summary?.pending ?? 0;
  const attention = useSyncAttention() ?? 0;
  // The run that has just gone through counts at once: the stored runs (a live query) catch up a
  // moment after it ends, which showed "Never synced" right after a first sync.
  const lastSyncAt = [summary?.lastSyncAt, lastRun?.ok ? lastRun.finishedAt : null].filter((at): at is string => Boolean(at)).sort().at(-1) ?? null;
  // Until a first sync has gone through, there is no "all synced" and no "never synced" while it runs.
  const synced = Boolean(summary?.connected && lastSyncAt);
  // "536 of 9,113" when the server said how many records come (a snapshot), else "536 so far";
  // the phase alone until there is something to count.
  const counted = progress?.total
    ? t('sync.progressOf', { done: formatCount(progress.done), total: formatCount(progress.total) })
    : progress?.done
      ? t('sync.progressCount', { count: progress.done })
      : null;
  return (
    <Stack gap={6} data-testid="sync-status" data-pending={pending} data-online={online} data-running={running}>
      <Group gap={6} wrap="nowrap">
        {online ? <IconCloudCheck size={16} color="var(--mantine-color-teal-7)" /> : <IconCloudOff size={16} color="var(--mantine-color-orange-7)" />}
        <Text size="xs" fw={600} c={online ? 'teal.8' : 'orange.8'}>
          {online ? t('sync.online') : t('sync.offline')}
        </Text>
      </Group>
      {/* "All changes synced" would be news of a sync that never happened: on a laptop not
          connected, and on one whose first sync has not gone through (it may be running). */}
      {(pending > 0 || synced) && (
        <Text size="xs" c={pending || attention ? 'orange.8' : 'dimmed'} data-testid="sync-pending">
          {/* Not "all synced" while a conflict or a refused change waits for the person. */}
          {pending ? t('sync.pending', { count: pending }) : attention ? t('sync.needsAttention', { count: attention }) : t('sync.allSynced')}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="sync-last" data-last={lastSyncAt ?? ''}>
        {!summary?.connected
          ? t('sync.notConnected')
          : lastSyncAt
            ? t('sync.lastSync', { when: formatDateTime(lastSyncAt) })
            : running
              ? t('sync.firstSyncRunning')
              : t('sync.neverSynced')}
      </Text>
      {running && (
        <Stack gap={2}>
          {/* Stripes move only while there is no count to show: they repaint every frame, which
              costs a laptop without graphics acceleration (a VM, a remote desktop) CPU the sync needs. */}
          <Progress value={progress?.total ? (100 * progress.done) / progress.total : 100} striped={!progress?.total} animated={!progress?.total} size="sm" aria-label={t('sync.syncing')} />
          <Text size="xs" c="dimmed" data-testid="sync-phase">
            {progress ? [t(`sync.phase.${progress.phase}`), counted].filter(Boolean).join(' · ') : t('sync.syncing')}
          </Text>
        </Stack>
      )}
      {lastError && !running && (
        <Text size="xs" c="red.8" data-testid="sync-error">
          {/* Online, yet no answer: the server is down or its address wrong, not the network. */}
          {t(`sync.error.${lastError === 'offline' && online ? 'unreachable' : lastError}`, { defaultValue: t('sync.error.server_error') })}
        </Text>
      )}
      <Tooltip label={t('sync.notConnected')} disabled={summary?.connected !== false}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={running}
          disabled={!summary?.connected}
          onClick={() => void syncNow()}
        >
          {t('sync.syncNow')}
        </Button>
      </Tooltip>
    </Stack>
  );
}
