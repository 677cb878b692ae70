import { useMemo } from 'react';
import { Box, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { FieldEvent, Lead } from '../../../core/leads/lead-model';
import { useOffersOfClients } from '../data/offers/offer-queries';
import { formatDate, formatMoney, userLocale } from '../i18n/format';
import { becameClients, eventClientIds, interestByGroup, leadsPerDay, offersForEvent, ratingCounts } from './event-stats';

const RATING_SERIES = [
  { name: 'hot', color: 'red.6' },
  { name: 'warm', color: 'orange.5' },
  { name: 'cold', color: 'blue.5' },
  { name: 'unrated', color: 'gray.4' },
] as const;

/** "Mon, 23 Nov" for a calendar day, in the person's locale. */
function shortDay(day: string): string {
  return new Intl.DateTimeFormat(userLocale(), { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00`));
}

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

/** What an event brought: leads per day and rating, interest by product group, clients and offers. */
export function EventSummary({ event, leads }: { event: FieldEvent; leads: readonly Lead[] }) {
  const { t } = useTranslation();
  const days = useMemo(() => leadsPerDay(leads, event).map((d) => ({ ...d, label: shortDay(d.day) })), [leads, event]);
  const interest = useMemo(() => interestByGroup(leads, event.productGroups), [leads, event.productGroups]);
  const ratings = ratingCounts(leads);
  const clients = becameClients(leads);
  const clientIds = useMemo(() => [...eventClientIds(leads)], [leads]);
  const clientOffers = useOffersOfClients(clientIds);
  const offers = useMemo(() => offersForEvent(leads, clientOffers ?? [], event), [leads, clientOffers, event]);
  const amounts = offers.totals.map((row) => formatMoney(row.net, row.currency)).join(' · ');
  const count = (n: number) => n.toLocaleString(userLocale());

  return (
    <Box data-testid="event-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Stat
          testId="summary-leads"
          label={t('eventSummary.leads')}
          value={count(leads.length)}
          note={t('eventSummary.byRating', { hot: ratings.hot, warm: ratings.warm, cold: ratings.cold })}
        />
        <Stat
          testId="summary-clients"
          label={t('eventSummary.becameClients')}
          value={count(clients.total)}
          note={t('eventSummary.clientsDetail', { converted: clients.converted, attached: clients.attached })}
        />
        <Stat testId="summary-discarded" label={t('eventSummary.discarded')} value={count(clients.discarded)} />
        {/* The ground for the event's results: offers to the clients its leads became, from its first day on (event-stats.ts). */}
        <Stat
          testId="summary-offers"
          label={t('eventSummary.offers')}
          value={count(offers.count)}
          note={offers.count > 0 ? t('eventSummary.offersNet', { amounts }) : t('eventSummary.offersNone', { date: formatDate(event.startsOn) })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('eventSummary.perDay')}
          </Title>
          {leads.length === 0 && days.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('eventSummary.noLeads')}
            </Text>
          ) : (
            <BarChart
              h={260}
              data={days}
              dataKey="label"
              type="stacked"
              series={RATING_SERIES.map((s) => ({ ...s, label: t(`rating.${s.name === 'unrated' ? 'none' : s.name}`) }))}
              withLegend
              // In series order (hot first), not recharts' alphabetical default.
              legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
              tickLine="y"
              yAxisProps={{ allowDecimals: false }}
              role="img"
              aria-label={t('eventSummary.perDayAria', { count: leads.length })}
              data-testid="chart-per-day"
            />
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('eventSummary.interest')}
          </Title>
          {interest.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('eventSummary.noInterest')}
            </Text>
          ) : (
            <BarChart
              h={Math.max(160, interest.length * 32 + 40)}
              data={interest}
              dataKey="group"
              orientation="vertical"
              series={[{ name: 'leads', color: 'teal.6', label: t('eventSummary.leadsSeries') }]}
              yAxisProps={{ width: 140 }}
              xAxisProps={{ allowDecimals: false }}
              tickLine="x"
              role="img"
              aria-label={t('eventSummary.interestAria')}
              data-testid="chart-interest"
            />
          )}
          <Group gap="xs" mt="xs">
            <Text size="xs" c="dimmed">
              {t('eventSummary.interestHint')}
            </Text>
          </Group>
        </Card>
      </SimpleGrid>
    </Box>
  );
}
