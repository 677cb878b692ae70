import { useMemo } from 'react';
import { Badge, Box, Button, Card, Center, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlayerStop, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldEvent } from '../../../core/leads/lead-model';
import { setActiveEvent } from '../data/leads/leads';
import { NO_EVENT, useActiveEventId, useEvents, useLeadCountsByEvent } from '../data/leads/lead-queries';
import { formatDateRange } from '../i18n/format';
import { useSaveFailedMessage } from '../clients/form-helpers';
import { sortEvents, today } from './event-stats';

/** "23 Nov 2026", or "23–25 Nov 2026" as the locale writes a span of days ("23–25 нояб. 2026 г."). */
export function formatEventDates(event: Pick<FieldEvent, 'startsOn' | 'endsOn'>): string {
  return formatDateRange(event.startsOn, event.endsOn);
}

/** Events of this laptop: current and upcoming first, past below; one of them may be the active one. */
export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const events = useEvents();
  const activeId = useActiveEventId();
  const counts = useLeadCountsByEvent();
  const day = today();
  const sorted = useMemo(() => sortEvents(events ?? [], day), [events, day]);

  if (events === undefined || activeId === undefined) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }

  const withoutEvent = counts?.get(NO_EVENT) ?? 0;
  const list = (items: FieldEvent[]) =>
    items.map((event) => <EventCard key={event.id} event={event} active={event.id === activeId} leads={counts?.get(event.id) ?? 0} />);

  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md" maw={1000}>
        <Group justify="space-between" mb="md">
          <Title order={2}>{t('events.title')}</Title>
          <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate('/events/new')}>
            {t('events.new')}
          </Button>
        </Group>
        {withoutEvent > 0 && <NoEventCard leads={withoutEvent} />}
        {sorted.current.length === 0 && sorted.past.length === 0 ? (
          <Card withBorder p="xl">
            <Text fw={600}>{t('events.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('events.emptyHint')}
            </Text>
          </Card>
        ) : (
          <Stack gap="sm">
            <Title order={4} c="dimmed">
              {t('events.upcoming')}
            </Title>
            {sorted.current.length ? (
              list(sorted.current)
            ) : (
              <Text size="sm" c="dimmed">
                {t('events.noUpcoming')}
              </Text>
            )}
            {sorted.past.length > 0 && (
              <>
                <Title order={4} c="dimmed" mt="md">
                  {t('events.past')}
                </Title>
                {list(sorted.past)}
              </>
            )}
          </Stack>
        )}
      </Box>
    </ScrollArea>
  );
}

/** Leads captured while no event was active: listed like an event's, so none is out of sight. */
function NoEventCard({ leads }: { leads: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card withBorder padding="md" mb="sm" data-testid="no-event-card" component="article" aria-label={t('events.withoutEvent')}>
      <Group justify="space-between" wrap="nowrap">
        <Box>
          <Text fw={700} size="lg">
            {t('events.withoutEvent')}
          </Text>
          <Text size="sm" c="dimmed" data-testid="lead-count">
            {t('events.withoutEventLeads', { count: leads })}
          </Text>
        </Box>
        <Button onClick={() => void navigate(`/events/${NO_EVENT}`)}>{t('events.openLeads')}</Button>
      </Group>
    </Card>
  );
}

function EventCard({ event, active, leads }: { event: FieldEvent; active: boolean; leads: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saveFailed = useSaveFailedMessage();
  const place = [event.venue, event.city].filter(Boolean).join(', ');

  const activate = async (id: string | null) => {
    try {
      await setActiveEvent(id);
      notifications.show({ color: id ? 'green' : 'gray', message: id ? t('events.activated', { name: event.name }) : t('events.deactivated') });
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };

  return (
    <Card withBorder padding="md" data-testid="event-card" data-event-id={event.id} bg={active ? 'teal.0' : undefined} aria-label={event.name} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text component={Link} to={`/events/${event.id}`} fw={700} size="lg" c="inherit" data-testid="event-name">
              {event.name}
            </Text>
            <Badge variant="light" color="gray" size="sm">
              {t(`eventKind.${event.kind}`)}
            </Badge>
            {active && (
              <Badge color="teal" variant="filled" size="md" data-testid="active-badge">
                {t('events.active')}
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={4}>
            {formatEventDates(event)}
            {place && ` · ${place}`}
            {event.booth && ` · ${t('events.booth', { booth: event.booth })}`}
          </Text>
          <Text size="sm" c="dimmed" data-testid="lead-count">
            {t('events.leads', { count: leads })}
          </Text>
        </Box>
        <Group gap="xs" wrap="nowrap">
          {active ? (
            <Button variant="default" leftSection={<IconPlayerStop size={16} />} onClick={() => void activate(null)}>
              {t('events.stopCapturing')}
            </Button>
          ) : (
            <Button variant="light" color="teal" leftSection={<IconTargetArrow size={16} />} onClick={() => void activate(event.id)}>
              {t('events.markActive')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => void navigate(`/events/${event.id}/edit`)}>
            {t('events.edit')}
          </Button>
          <Button onClick={() => void navigate(`/events/${event.id}`)}>
            {t('events.openLeads')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
