import { Badge, Box, Button, Card, Group, ScrollArea, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSaveFailedMessage } from '../clients/form-helpers';
import { useTeamNames } from '../clients/team';
import { useCurrentUserId } from '../data/leads/lead-queries';
import { restoreFromTrash, useTrash, type TrashEntry, type TrashItem } from '../data/trash';
import { formatDateTime } from '../i18n/format';
import { leadWho } from '../leads/lead-display';

const KIND_COLORS: Record<TrashEntry['table'], string> = { clients: 'indigo', contacts: 'teal', leads: 'orange', offers: 'grape' };

/** What a record in the trash is called (as its own screen names it). */
function useEntryName() {
  const { t } = useTranslation();
  return (entry: TrashEntry): string => {
    switch (entry.table) {
      case 'clients':
      case 'contacts':
        return entry.record.name;
      case 'leads':
        return leadWho(entry.record) || t('trash.lead.noName');
      case 'offers':
        return t('trash.offerName', { number: entry.record.number, version: entry.record.version });
    }
  };
}

/**
 * The trash: every deleted client, contact, lead and offer on this laptop, the latest first,
 * with who deleted it (here or on another laptop) and when, and Restore.
 */
export function TrashPage() {
  const { t } = useTranslation();
  const items = useTrash();
  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md" maw={1100}>
        <Group justify="space-between" mb={4}>
          <Title order={2}>{t('trash.title')}</Title>
          {items && items.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="trash-count" data-count={items.length}>
              {t('trash.count', { count: items.length })}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('trash.intro')}
        </Text>
        {items === undefined ? null : items.length === 0 ? (
          <Card withBorder p="xl" data-testid="trash-empty">
            <Text fw={600}>{t('trash.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('trash.emptyHint')}
            </Text>
          </Card>
        ) : (
          <Table striped verticalSpacing="xs" data-testid="trash-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('trash.colWhat')}</Table.Th>
                <Table.Th>{t('trash.colName')}</Table.Th>
                <Table.Th>{t('trash.colDeletedBy')}</Table.Th>
                <Table.Th>{t('trash.colWhen')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <TrashRow key={item.entry.key} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Box>
    </ScrollArea>
  );
}

function TrashRow({ item }: { item: TrashItem }) {
  const { t } = useTranslation();
  const names = useTeamNames();
  const me = useCurrentUserId();
  const nameOf = useEntryName();
  const saveFailed = useSaveFailedMessage();
  const { entry } = item;
  const name = nameOf(entry);
  const by = entry.by === undefined ? t('trash.unknown') : entry.by === null ? t('trash.company') : entry.by === me ? t('trash.you') : (names.get(entry.by) ?? t('trash.unknown'));
  const restore = async () => {
    try {
      await restoreFromTrash(entry.key);
      notifications.show({ color: 'green', message: t('trash.restored', { name }) });
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };
  const waits = item.clientInTrash === true;
  return (
    <Table.Tr data-testid="trash-row" data-key={entry.key}>
      <Table.Td>
        <Badge variant="light" color={KIND_COLORS[entry.table]}>
          {t(`trash.kind.${entry.table}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} data-testid="trash-name">
          {name}
        </Text>
        {item.clientName && (
          <Text size="xs" c="dimmed">
            {t('trash.ofClient', { client: item.clientName })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="trash-by">
          {by}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('trash.clientInTrash')} disabled={!waits} multiline w={240}>
          {/* A disabled button gets no pointer events: the wrapper carries the tooltip. */}
          <span>
            <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} disabled={waits} aria-label={t('trash.restoreNamed', { name })} onClick={() => void restore()}>
              {t('trash.restore')}
            </Button>
          </span>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
