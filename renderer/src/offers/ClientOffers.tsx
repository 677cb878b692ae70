import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../core/client-model';
import { useClientActivities, useClientOffers } from '../data/offers/offer-queries';
import { createOffer } from '../data/offers/offers';
import { useSaveFailedMessage } from '../clients/form-helpers';
import { useTeamNames } from '../clients/team';
import { formatDate, formatDateTime } from '../i18n/format';
import { paymentTextInClientLanguage } from '../i18n/document-language';
import { OfferStatusBadge } from './OfferStatusBadge';
import { offerTotal } from './OffersPage';

/** Starts an offer for a client (from its card or a lead) and opens the builder. */
export function useStartOffer() {
  const navigate = useNavigate();
  const saveFailed = useSaveFailedMessage();
  return async (clientId: string, leadId: string | null = null) => {
    try {
      const offer = await createOffer({ clientId, leadId, paymentText: await paymentTextInClientLanguage() });
      void navigate(`/offers/${offer.id}`);
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };
}

/** The offers card of the client card: every version, newest first, and "New offer". */
export function ClientOffers({ client }: { client: Client }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offers = useClientOffers(client.id);
  const start = useStartOffer();
  return (
    <Card withBorder padding="md" data-testid="client-offers">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('offers.title')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => void start(client.id)} data-testid="new-offer">
          {t('offers.new')}
        </Button>
      </Group>
      {!offers?.length ? (
        <Text size="sm" c="dimmed">
          {t('offers.emptyClient')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing={6}>
          <Table.Tbody>
            {offers.map((o) => (
              <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/offers/${o.id}`)} data-testid="client-offer">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t('offers.numberVersion', { number: o.number, version: o.version })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OfferStatusBadge status={o.status} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{offerTotal(o)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatDate(o.terms.validUntil)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** What was done with the client: calls, visits, emails (sending an offer records one). */
export function ClientActivities({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const activities = useClientActivities(clientId);
  const names = useTeamNames();
  return (
    <Card withBorder padding="md" data-testid="client-activities">
      <Title order={5} mb="sm">
        {t('activities.title')}
      </Title>
      {!activities?.length ? (
        <Text size="sm" c="dimmed">
          {t('activities.empty')}
        </Text>
      ) : (
        <Stack gap={8}>
          {activities.slice(0, 20).map((a) => (
            <div key={a.id} data-testid="activity">
              <Text size="sm">
                <Text span fw={600}>
                  {t(`activities.kind.${a.kind}`)}
                </Text>{' '}
                · {a.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {[formatDateTime(a.at), names.get(a.ownerId)].filter(Boolean).join(' · ')}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
