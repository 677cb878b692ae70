import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { resolveConflict, useOpenConflicts, type Conflict } from '../data/conflicts';
import { readConnection } from '../data/sync-session';
import { formatDateTime } from '../i18n/format';
import { hlcWall } from '../../../core/sync/hlc';

function show(value: unknown): string {
  if (value === null || value === '' || value === undefined) return '—';
  // A list of files: their names (the references themselves are hashes).
  if (Array.isArray(value) && value.every((v) => typeof (v as { sha256?: unknown } | null)?.sha256 === 'string')) {
    return value.map((v) => String((v as { name?: unknown }).name)).join(', ') || '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ConflictCard({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const latest = conflict.values.reduce((a, b) => (b.hlc > a.hlc ? b : a));
  const choose = async (value: unknown) => {
    try {
      const connection = await readConnection();
      await resolveConflict(conflict.id, value, connection?.user.id ?? '');
      notifications.show({ message: t('sync.resolved'), color: 'teal' });
    } catch (e) {
      notifications.show({ message: t(e instanceof Error ? e.message : 'errors.invalid'), color: 'red' });
    }
  };
  return (
    <Card withBorder data-testid="conflict" data-field={conflict.field}>
      <Group gap="xs" mb="xs">
        <IconArrowsDiff size={18} color="var(--mantine-color-orange-7)" />
        <Text fw={600}>{t('sync.conflictHint', { field: t(`form.${conflict.field}`, { defaultValue: conflict.field }) })}</Text>
      </Group>
      <Stack gap="xs">
        {conflict.values.map((v) => (
          <Group key={v.hlc} justify="space-between" wrap="nowrap" p="xs" bg={v === latest ? 'teal.0' : 'gray.0'} style={{ borderRadius: 6 }}>
            <Stack gap={0}>
              <Text data-testid="conflict-value">{show(v.value)}</Text>
              <Text size="xs" c="dimmed">
                {t('sync.by', { name: v.userName, when: formatDateTime(new Date(hlcWall(v.hlc)).toISOString()) })}
                {v === latest ? ` · ${t('sync.conflictWinner')}` : ''}
              </Text>
            </Stack>
            <Button size="xs" variant={v === latest ? 'light' : 'filled'} onClick={() => void choose(v.value)}>
              {t('sync.keepThis')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Open conflicts, of one client (on its card) or of the whole laptop (on the sync screen). */
export function ConflictList({ clientId, showEmpty = false }: { clientId?: string; showEmpty?: boolean }) {
  const { t } = useTranslation();
  const conflicts = useOpenConflicts(clientId);
  if (!conflicts?.length) return showEmpty ? <Text c="dimmed">{t('sync.noConflicts')}</Text> : null;
  return (
    <Stack gap="sm" data-testid="conflict-list">
      {!clientId && <Alert color="orange">{t('sync.conflictsTitle')}</Alert>}
      {conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
    </Stack>
  );
}
