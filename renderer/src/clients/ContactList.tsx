import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Collapse, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconCake, IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Client, Contact } from '../../../core/client-model';
import { archiveContact, deleteContact, restoreContact } from '../data/clients/commands';
import { DeleteConfirm, type DeleteTarget } from '../trash/DeleteConfirm';
import { formatDate } from '../i18n/format';
import { ExternalLink } from './ExternalLink';
import { PhoneValue } from './PhoneValue';
import { MetAtEvent } from '../leads/MetAtEvent';
import { useSaveFailedMessage } from './form-helpers';

function ContactCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const saveFailed = useSaveFailedMessage();
  const navigate = useNavigate();
  const archived = contact.archivedAt !== null;
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const toggle = async () => {
    try {
      await (archived ? restoreContact(contact) : archiveContact(contact));
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="contact-card" opacity={archived ? 0.6 : 1}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600}>{contact.name}</Text>
            <Badge size="xs" variant="light" color="gray">
              {t(`decisionRole.${contact.decisionRole}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {contact.position}
          </Text>
        </Stack>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('card.edit')}>
            <ActionIcon variant="subtle" aria-label={t('card.editContact', { name: contact.name })} onClick={() => void navigate(`/clients/${contact.clientId}/contacts/${contact.id}/edit`)}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={archived ? t('form.restoreContact') : t('form.archiveContact')}>
            <ActionIcon variant="subtle" color="gray" aria-label={t(archived ? 'form.restoreContactNamed' : 'form.archiveContactNamed', { name: contact.name })} onClick={() => void toggle()}>
              {archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('trash.delete')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('trash.deleteNamed', { name: contact.name })} onClick={() => setDeleting({ kind: 'contacts', name: contact.name, remove: () => deleteContact(contact) })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <DeleteConfirm target={deleting} onClose={() => setDeleting(null)} />
      </Group>
      <Stack gap={2} mt={6}>
        {contact.phones.map((p) => (
          <Text size="sm" key={p.number}>
            <Text span size="xs" c="dimmed">
              {t(`phoneKind.${p.kind}`)}:{' '}
            </Text>
            <PhoneValue phone={p.number} />
          </Text>
        ))}
        {contact.emails.map((e) => (
          <Text size="sm" key={e.address}>
            <ExternalLink href={`mailto:${e.address}`}>{e.address}</ExternalLink>
          </Text>
        ))}
        {contact.birthday && (
          <Group gap={4}>
            <IconCake size={14} color="var(--mantine-color-dimmed)" />
            <Text size="sm">{formatDate(contact.birthday)}</Text>
          </Group>
        )}
        {contact.eventId && <MetAtEvent eventId={contact.eventId} withLabel />}
        {contact.notes && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function ContactList({ client, contacts }: { client: Client; contacts: Contact[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const live = contacts.filter((c) => !c.archivedAt);
  const archived = contacts.filter((c) => c.archivedAt);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>
          {t('card.contacts')} <Text span c="dimmed">({live.length})</Text>
        </Title>
        <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => void navigate(`/clients/${client.id}/contacts/new`)}>
          {t('card.addContact')}
        </Button>
      </Group>
      {live.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('card.noContacts')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {live.map((c) => (
          <ContactCard key={c.id} contact={c} />
        ))}
      </SimpleGrid>
      {archived.length > 0 && (
        <>
          <Button variant="subtle" size="xs" mt="sm" color="gray" onClick={() => setShowArchived((v) => !v)}>
            {t('card.archivedContacts', { count: archived.length })}
          </Button>
          <Collapse expanded={showArchived}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
              {archived.map((c) => (
                <ContactCard key={c.id} contact={c} />
              ))}
            </SimpleGrid>
          </Collapse>
        </>
      )}
    </Card>
  );
}
