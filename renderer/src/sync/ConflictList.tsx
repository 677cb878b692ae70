import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resolveConflict, useOpenConflicts, type OpenConflict } from '../data/conflicts';
import { readConnection } from '../data/sync-session';
import { formatDateTime } from '../i18n/format';
import { hlcWall } from '../../../core/sync/hlc';
import { showValue } from './show-value';

/** On the sync screen (`withSubject`), each conflict says which record it is about, with a way to it. */
function ConflictCard({ conflict, withSubject }: { conflict: OpenConflict; withSubject: boolean }) {
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
      {withSubject && (
        <Group gap="xs" mb={4} data-testid="conflict-subject">
          <Text size="sm" c="dimmed">
            {t(`sync.recordKind.${conflict.table}`)} · {conflict.label ?? '—'}
          </Text>
          {(conflict.table === 'clients' || conflict.table === 'contacts') && conflict.clientId && conflict.label && (
            <Anchor component={Link} to={`/clients/${conflict.clientId}`} size="sm">
              {t('sync.openClient')}
            </Anchor>
          )}
        </Group>
      )}
      <Group gap="xs" mb="xs">
        <IconArrowsDiff size={18} color="var(--mantine-color-orange-7)" />
        <Text fw={600}>{t('sync.conflictHint', { field: t(`form.${conflict.field}`, { defaultValue: conflict.field }) })}</Text>
      </Group>
      <Stack gap="xs">
        {conflict.values.map((v) => (
          <Group key={v.hlc} justify="space-between" wrap="nowrap" p="xs" bg={v === latest ? 'teal.0' : 'gray.0'} style={{ borderRadius: 6 }}>
            {/* The value may be long (notes, addresses): it wraps, the button keeps its size. */}
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text data-testid="conflict-value" style={{ overflowWrap: 'anywhere' }}>
                {showValue(v.value, conflict.field)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('sync.by', { name: v.userName, when: formatDateTime(new Date(hlcWall(v.hlc)).toISOString()) })}
                {v === latest ? ` · ${t('sync.conflictWinner')}` : ''}
              </Text>
            </Stack>
            <Button size="xs" style={{ flexShrink: 0 }} variant={v === latest ? 'light' : 'filled'} onClick={() => void choose(v.value)}>
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
      {conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} withSubject={!clientId} />
      ))}
    </Stack>
  );
}
