/**
 * "Met at Build Fair (10 Mar 2026)": the event a client or contact was met at (a lead converted
 * or attached there, data/leads/lead-carry.ts), as a link to the event's page. An event this laptop
 * does not hold (another team's, or not synced yet) is said so, never shown as an id.
 */
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../data/leads/lead-queries';
import { formatDate } from '../i18n/format';

export function MetAtEvent({ eventId, withLabel = false }: { eventId: string; withLabel?: boolean }) {
  const { t } = useTranslation();
  const event = useEvent(eventId);
  if (event === undefined) return null;
  const link = event ? (
    <Anchor component={Link} to={`/events/${event.id}`} size="sm" data-testid="met-at-event">
      {t('metAt.event', { name: event.name, date: formatDate(event.startsOn) })}
    </Anchor>
  ) : (
    <Text span size="sm" c="dimmed" data-testid="met-at-event">
      {t('metAt.notHere')}
    </Text>
  );
  if (!withLabel) return link;
  return (
    <Text size="sm" component="div">
      <Text span size="xs" c="dimmed">
        {t('metAt.label')}:{' '}
      </Text>
      {link}
    </Text>
  );
}
