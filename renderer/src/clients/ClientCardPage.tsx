import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowLeft, IconArrowBackUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageLoading, PageNotFound } from '../app/PageStates';
import { addressLine, clientCountry, clientLanguage, type Client } from '../../../core/client-model';
import { languageName } from '../../../core/languages';
import { useUiLanguage } from '../i18n/language';
import { TaxIdValue } from './TaxIdCheck';
import { archiveClient, deleteClient, restoreClient } from '../data/clients/commands';
import { useClient, useContacts } from '../data/clients/queries';
import { formatCountry, formatDate, formatMoney, formatPercent } from '../i18n/format';
import { ExternalLink } from './ExternalLink';
import { StatusBadge } from './StatusBadge';
import { ContactList } from './ContactList';
import { ClientHistory } from './ClientHistory';
import { ClientFiles } from './ClientFiles';
import { MetAtEvent } from '../leads/MetAtEvent';
import { useSaveFailedMessage } from './form-helpers';
import { useTeamNames } from './team';
import { ConflictList } from '../sync/ConflictList';
import { ConfirmDialog } from './ConfirmDialog';
import { ClientActivities, ClientOffers } from '../offers/ClientOffers';
import { DeleteConfirm, type DeleteTarget } from '../trash/DeleteConfirm';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || t('card.none')}
      </Text>
    </Box>
  );
}

function ReceivablesPanel({ client }: { client: Client }) {
  const { t } = useTranslation();
  const r = client.receivables;
  return (
    <Card withBorder padding="md" data-testid="receivables" bg={r && r.overdue > 0 ? 'red.0' : undefined}>
      <Group justify="space-between" align="flex-start">
        <Title order={5}>{t('card.receivables')}</Title>
        {r && (
          <Text size="xs" c="dimmed">
            {t('card.fromCompany', { date: formatDate(r.asOf) })}
          </Text>
        )}
      </Group>
      {r ? (
        <SimpleGrid cols={3} mt="sm">
          <Box>
            <Text size="xs" c="dimmed">
              {t('card.balance')}
            </Text>
            <Text fw={700} size="xl">
              {formatMoney(r.balance, r.currency)}
            </Text>
          </Box>
          <Box>
            <Text size="xs" c="dimmed">
              {t('card.overdue')}
            </Text>
            <Text fw={700} size="xl" c={r.overdue > 0 ? 'red.7' : undefined}>
              {formatMoney(r.overdue, r.currency)}
            </Text>
            {r.overdue > 0 && (
              <Badge color="red" size="sm" variant="filled">
                {t('card.overdueDays', { count: r.overdueDays })}
              </Badge>
            )}
          </Box>
          <Box>
            <Text size="xs" c="dimmed">
              {t('card.creditLimit')}
            </Text>
            <Text fw={700} size="xl">
              {formatMoney(client.creditLimit, r.currency)}
            </Text>
          </Box>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('card.noReceivables')}
        </Text>
      )}
    </Card>
  );
}

function websiteHref(website: string) {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

export function ClientCardPage() {
  const { t } = useTranslation();
  const saveFailed = useSaveFailedMessage();
  const { clientId } = useParams();
  const navigate = useNavigate();
  const client = useClient(clientId);
  const contacts = useContacts(clientId);
  const owners = useTeamNames();
  const ui = useUiLanguage();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);

  useHotkeys([
    ['Escape', () => !confirmArchive && !deleting && void navigate('/')],
    ['E', () => client && void navigate(`/clients/${client.id}/edit`)],
  ]);

  if (client === undefined) {
    return <PageLoading />;
  }
  if (client === null) {
    return <PageNotFound message={t('card.notFound')} backLabel={t('card.back')} onBack={() => void navigate('/')} />;
  }

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };

  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md" maw={1200}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Tooltip label={`${t('card.back')} (Esc)`}>
              <ActionIcon variant="subtle" onClick={() => void navigate('/')} aria-label={t('card.back')}>
                <IconArrowLeft size={20} />
              </ActionIcon>
            </Tooltip>
            <Box style={{ minWidth: 0 }}>
              <Group gap="sm">
                <Title order={2} data-testid="client-name">
                  {client.name}
                </Title>
                <StatusBadge status={client.status} size="lg" />
              </Group>
              <Text c="dimmed" size="sm">
                {[client.legalName, owners.get(client.ownerId)].filter(Boolean).join(' · ')}
              </Text>
            </Box>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconPencil size={16} />} onClick={() => void navigate(`/clients/${client.id}/edit`)}>
              {t('card.edit')}
            </Button>
            {client.archivedAt ? (
              <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => void run(() => restoreClient(client.id))}>
                {t('card.restore')}
              </Button>
            ) : (
              <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => setConfirmArchive(true)}>
                {t('card.archive')}
              </Button>
            )}
            <Tooltip label={t('trash.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('trash.deleteNamed', { name: client.name })}
                onClick={() => setDeleting({ kind: 'clients', name: client.name, remove: () => deleteClient(client.id), then: () => void navigate('/') })}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        {client.archivedAt && (
          <Alert color="gray" mb="md" icon={<IconArchive size={18} />}>
            {t('card.archivedBanner', { date: formatDate(client.archivedAt) })}
          </Alert>
        )}

        <Stack gap="md">
          <ConflictList clientId={client.id} />
          <ReceivablesPanel client={client} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md">
              <Title order={5} mb="sm">
                {t('card.company')}
              </Title>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('card.legalName')}>{client.legalName}</Field>
                <Field label={t('card.taxId')}>
                  <TaxIdValue taxId={client.taxId} country={clientCountry(client.addresses)} />
                </Field>
                <Field label={t('card.segment')}>{client.segment && t(`segment.${client.segment}`)}</Field>
                <Field label={t('card.industry')}>{client.industry}</Field>
                <Field label={t('card.owner')}>{owners.get(client.ownerId)}</Field>
                <Field label={t('card.website')}>
                  {client.website && <ExternalLink href={websiteHref(client.website)}>{client.website}</ExternalLink>}
                </Field>
                {client.eventId && (
                  <Field label={t('metAt.label')}>
                    <MetAtEvent eventId={client.eventId} />
                  </Field>
                )}
              </SimpleGrid>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md" mb={4}>
                {t('card.addresses')}
              </Text>
              {client.addresses.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('card.noAddresses')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {client.addresses.map((a, i) => (
                    <Text size="sm" key={i}>
                      <Text span c="dimmed" size="xs">
                        {t(`addressKind.${a.kind}`)}:{' '}
                      </Text>
                      {addressLine({ ...a, country: a.country && formatCountry(a.country) })}
                    </Text>
                  ))}
                </Stack>
              )}
            </Card>

            <Card withBorder padding="md">
              <Title order={5} mb="sm">
                {t('card.terms')}
              </Title>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('card.priceType')}>{t(`priceType.${client.priceType}`)}</Field>
                <Field label={t('card.discount')}>{formatPercent(client.discountPct)}</Field>
                <Field label={t('card.paymentTerms')}>{t('card.paymentTermsDays', { count: client.paymentTermsDays })}</Field>
                <Field label={t('card.creditLimit')}>{formatMoney(client.creditLimit, client.currency)}</Field>
                <Field label={t('card.contract')}>
                  {[client.contractNumber, client.contractDate && formatDate(client.contractDate)].filter(Boolean).join(' · ')}
                </Field>
                <Field label={t('card.language')}>
                  <span data-testid="client-language">{languageName(clientLanguage(client, ui))}</span>
                </Field>
              </SimpleGrid>
              <Box mt="sm">
                <Field label={t('card.contractTerms')}>
                  {client.contractTerms && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {client.contractTerms}
                    </Text>
                  )}
                </Field>
              </Box>
            </Card>
          </SimpleGrid>

          <ContactList client={client} contacts={contacts ?? []} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <ClientOffers client={client} />
            <ClientActivities clientId={client.id} />
          </SimpleGrid>

          <ClientFiles client={client} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md">
              <Title order={5} mb="sm">
                {t('card.notes')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={client.notes ? undefined : 'dimmed'}>
                {client.notes || t('card.noNotes')}
              </Text>
              <Group gap={6} mt="sm">
                {client.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray">
                    {tag}
                  </Badge>
                ))}
              </Group>
            </Card>
            <ClientHistory clientId={client.id} />
          </SimpleGrid>
        </Stack>
      </Box>

      <DeleteConfirm target={deleting} onClose={() => setDeleting(null)} />
      <ConfirmDialog
        opened={confirmArchive}
        title={t('card.archiveConfirmTitle', { name: client.name })}
        text={t('card.archiveConfirm')}
        confirmLabel={t('card.archive')}
        onCancel={() => setConfirmArchive(false)}
        onConfirm={() => {
          setConfirmArchive(false);
          void run(() => archiveClient(client.id));
        }}
      />
    </ScrollArea>
  );
}
