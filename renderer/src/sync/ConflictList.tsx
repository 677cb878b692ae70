import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resolveConflict, useOpenConflicts, type OpenConflict } from '../data/sync/conflicts';
import { readConnection } from '../data/sync/sync-session';
import { formatDateTime, userLocale } from '../i18n/format';
import { formatNumberEntry, numberEntryMessage, parseNumberEntry } from '../i18n/number-entry';
import { hlcWall } from '../../../core/sync/hlc';
import { sameValue } from '../../../core/sync/merge';
import { showValue } from './show-value';

/** One value a conflicting field may keep: one of the concurrent ones, or its value here now. */
interface Choice {
  value: unknown;
  /** Who wrote it and when; none for the value here now (edited since the conflict). */
  by?: { name: string; at: string };
}

/**
 * On the sync screen (`withSubject`), each conflict says which record it is about, with a way to
 * it. The value marked "in effect now" is the field's value on this laptop: when the person has
 * edited the field since, that edit is shown as a choice of its own. A text or a number can also
 * be typed anew.
 */
function ConflictCard({ conflict, withSubject }: { conflict: OpenConflict; withSubject: boolean }) {
  const { t } = useTranslation();
  const [typing, setTyping] = useState<string | null>(null);
  const latest = conflict.values.reduce((a, b) => (b.hlc > a.hlc ? b : a));
  const choices: Choice[] = conflict.values.map((v) => ({ value: v.value, by: { name: v.userName, at: new Date(hlcWall(v.hlc)).toISOString() } }));
  const editedSince = conflict.here && !conflict.values.some((v) => sameValue(v.value, conflict.current));
  if (editedSince) choices.push({ value: conflict.current });
  const inEffect = conflict.here ? choices.find((c) => sameValue(c.value, conflict.current)) : choices[conflict.values.indexOf(latest)];
  const sample = conflict.here ? conflict.current : latest.value;
  const typable = typeof sample === 'string' || typeof sample === 'number';
  const choose = async (value: unknown) => {
    try {
      const connection = await readConnection();
      await resolveConflict(conflict.id, value, connection?.user.id ?? '');
      notifications.show({ message: t('sync.resolved'), color: 'teal' });
    } catch (e) {
      notifications.show({ message: t(e instanceof Error ? e.message : 'errors.invalid'), color: 'red' });
    }
  };
  const chooseTyped = () => {
    if (typing === null) return;
    if (typeof sample !== 'number') return void choose(typing);
    // A number typed as the person's format writes it ("1 234,5"); what is none or could be two is asked again.
    const entry = parseNumberEntry(typing);
    if (entry.kind !== 'number') {
      notifications.show({ message: numberEntryMessage(entry, t) ?? t('errors.invalid_value'), color: 'red' });
      return;
    }
    void choose(entry.value);
  };
  return (
    <Card withBorder data-testid="conflict" data-field={conflict.field}>
      {withSubject && (
        <Group gap="xs" mb={4} data-testid="conflict-subject">
          <Text size="sm" c="dimmed">
            {t(`sync.recordKind.${conflict.table}`)} · {conflict.label ?? '—'}
            {conflict.clientName ? ` · ${conflict.clientName}` : ''}
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
        {choices.map((c, i) => (
          <Group key={i} justify="space-between" wrap="nowrap" p="xs" bg={c === inEffect ? 'teal.0' : 'gray.0'} style={{ borderRadius: 6 }} data-testid="conflict-choice">
            {/* The value may be long (notes, addresses): it wraps, the button keeps its size. */}
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text data-testid="conflict-value" style={{ overflowWrap: 'anywhere' }}>
                {showValue(c.value, conflict.field)}
              </Text>
              <Text size="xs" c="dimmed">
                {c.by ? t('sync.by', { name: c.by.name, when: formatDateTime(c.by.at) }) : t('sync.editedSince')}
                {c === inEffect ? ` · ${t('sync.conflictWinner')}` : ''}
              </Text>
            </Stack>
            <Button size="xs" style={{ flexShrink: 0 }} variant={c === inEffect ? 'light' : 'filled'} onClick={() => void choose(c.value)}>
              {t('sync.keepThis')}
            </Button>
          </Group>
        ))}
        {typable && conflict.here && typing === null && (
          <Group>
            <Button size="xs" variant="subtle" onClick={() => setTyping(typeof sample === 'number' ? formatNumberEntry(sample, userLocale(), 20) : String(sample ?? ''))}>
              {t('sync.typeValue')}
            </Button>
          </Group>
        )}
        {typing !== null && (
          <Group align="flex-end" wrap="nowrap" data-testid="conflict-typed">
            <Textarea
              style={{ flex: 1 }}
              autosize
              minRows={1}
              label={t('sync.typedValue')}
              value={typing}
              onChange={(e) => setTyping(e.currentTarget.value)}
              inputMode={typeof sample === 'number' ? 'decimal' : undefined}
              data-autofocus
            />
            <Button size="xs" onClick={chooseTyped}>
              {t('sync.keepTyped')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setTyping(null)}>
              {t('card.cancel')}
            </Button>
          </Group>
        )}
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
