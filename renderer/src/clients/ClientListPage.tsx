import { useEffect, useLayoutEffect, useRef } from 'react';
import { Badge, Box, Button, Group, Kbd, Text, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../data/clients/client-base';
import { useClientListState } from './list-state';
import { ClientFilterBar } from './ClientFilterBar';
import { ClientList } from './ClientList';
import { clientSearch } from '../data/clients/client-base';
import { useConnection } from '../data/sync/sync-session';
import { useSyncState } from '../sync/sync-controller';

export function ClientListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { text, filters, sort, cursor, focusRequest, setText, setCursor, clearFilters } = useClientListState();
  const result = useClientSearch(text, filters, sort);
  const inputRef = useRef<HTMLInputElement>(null);
  const count = result.positions.length;

  useEffect(() => {
    inputRef.current?.focus();
  }, [focusRequest]);

  // Marks the moment results for a query are on screen (read by the benchmarks).
  useLayoutEffect(() => {
    performance.mark('fieldbook:results', { detail: { query: result.query, count } });
  }, [result, count]);

  const open = (index: number) => {
    const position = result.positions[index];
    if (position !== undefined) void navigate(`/clients/${result.rows[position]!.id}`);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setCursor(Math.min(cursor + 1, count - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor(Math.max(cursor - 1, 0));
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      setCursor(Math.min(cursor + 10, count - 1));
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      setCursor(Math.max(cursor - 10, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(cursor);
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  };

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} onKeyDown={onKeyDown}>
      <Box px="lg" pt="md" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <TextInput
          ref={inputRef}
          autoFocus
          size="md"
          aria-label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          rightSectionWidth={text ? 36 : 80}
          rightSection={
            text ? (
              <IconX size={16} style={{ cursor: 'pointer' }} aria-label="clear" onClick={() => setText('')} />
            ) : (
              <Group gap={2}>
                <Kbd size="xs">Ctrl</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            )
          }
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="client-search"
        />
        <ClientFilterBar />
        <Group justify="space-between" mt={6}>
          <Text size="sm" c="dimmed" data-testid="result-count" data-query={result.query} data-count={count}>
            {t('list.count', { count })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('list.keyboardHint')}
          </Text>
        </Group>
      </Box>
      {count === 0 && clientSearch.size === 0 ? (
        <EmptyBase />
      ) : count === 0 ? (
        <Box p="xl" ta="center">
          <Text fw={500}>{t('list.empty')}</Text>
          <Text c="dimmed" size="sm">
            {t('list.emptyHint')}
          </Text>
          <Button variant="subtle" mt="sm" onClick={clearFilters}>
            {t('list.clearFilters')}
          </Button>
        </Box>
      ) : (
        <ClientList result={result} cursor={cursor} onOpen={open} onHover={setCursor} />
      )}
      {filters.archived && (
        <Badge pos="absolute" right={16} bottom={16} color="gray">
          {t('list.archived')}
        </Badge>
      )}
    </Box>
  );
}

/** An empty laptop: sign in to get the client base, wait for the first sync, or add a client. */
function EmptyBase() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const connection = useConnection();
  const running = useSyncState((s) => s.running);
  return (
    <Box p="xl" ta="center" data-testid="empty-base">
      <Text fw={500}>{connection ? (running ? t('list.firstSync') : t('list.emptyBase')) : t('list.notSignedIn')}</Text>
      <Text c="dimmed" size="sm">
        {connection ? t('list.emptyBaseHint') : t('list.notSignedInHint')}
      </Text>
      <Group justify="center" mt="sm">
        {!connection && <Button onClick={() => void navigate('/settings')}>{t('sync.signIn')}</Button>}
        <Button variant="default" onClick={() => void navigate('/clients/new')}>
          {t('nav.newClient')}
        </Button>
      </Group>
    </Box>
  );
}
