import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../data/history';
import { useClientHistory } from '../data/queries';
import { formatDateTime } from '../i18n/format';

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    return value.map((v) => (typeof v === 'object' && v ? Object.values(v).filter(Boolean).join(' ') : String(v))).join('; ');
  }
  return String(value);
}

function ChangeLine({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const empty = t('history.empty');
  const field = t(`form.${change.field}`, { defaultValue: change.field });
  return (
    <Text size="xs" c="dimmed" lineClamp={2}>
      {t('history.fieldChange', { field, from: show(change.from, empty), to: show(change.to, empty) })}
    </Text>
  );
}

export function ClientHistory({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const entries = useClientHistory(clientId) ?? [];
  return (
    <Card withBorder padding="md" data-testid="client-history">
      <Title order={5} mb="sm">
        {t('card.history')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={10} lineWidth={2}>
          {entries.slice(0, 50).map((e) => (
            <Timeline.Item
              key={e.id}
              title={
                <Text size="sm">
                  {e.subject === 'client' ? t('history.client') : t('history.contact', { name: e.subjectName })} {t(`history.${e.action}`)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
              {e.changes.map((c) => (
                <ChangeLine key={c.field} change={c} />
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
