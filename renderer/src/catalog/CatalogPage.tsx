import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { Box, Button, Center, Group, Loader, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { stockOf, useCatalogGroups, useCatalogSearch } from '../data/catalog/catalog';
import { CatalogList } from './CatalogList';
import { useCatalogState } from './catalog-state';

/** Group, stock and discontinued filters: memoised and subscribed to their own state, so a keystroke never re-renders them. */
const CatalogFilterBar = memo(function CatalogFilterBar() {
  const { t } = useTranslation();
  const { filters, setFilters } = useCatalogState(useShallow((s) => ({ filters: s.filters, setFilters: s.setFilters })));
  const groups = useCatalogGroups();
  const data = useMemo(() => groups.map((g) => ({ value: g.id, label: g.path.join(' › ') })), [groups]);
  const byId = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  return (
    <Group gap="md" wrap="nowrap">
      <Select
        w={300}
        aria-label={t('catalog.group')}
        placeholder={t('catalog.allGroups')}
        data={data}
        value={filters.groupId}
        onChange={(groupId) => setFilters({ groupId })}
        searchable
        clearable
        maxDropdownHeight={420}
        data-testid="catalog-group"
        renderOption={({ option }) => {
          const g = byId.get(option.value);
          return (
            <Group justify="space-between" wrap="nowrap" w="100%" pl={(g?.depth ?? 0) * 16}>
              <Text size="sm" fw={g?.depth === 0 ? 600 : 400}>
                {g?.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('catalog.groupCount', { count: g?.count ?? 0 })}
              </Text>
            </Group>
          );
        }}
      />
      <Switch label={t('catalog.inStockOnly')} checked={filters.inStockOnly} onChange={(e) => setFilters({ inStockOnly: e.currentTarget.checked })} data-testid="catalog-in-stock" />
      <Switch label={t('catalog.showDiscontinued')} checked={filters.includeDiscontinued} onChange={(e) => setFilters({ includeDiscontinued: e.currentTarget.checked })} />
    </Group>
  );
});

/** The catalog: search as you type over every product, filters, a keyboard-driven list; Enter opens a product. */
export function CatalogPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { text, filters, cursor, setText, setCursor, clearFilters } = useCatalogState();
  const { ready, size, result } = useCatalogSearch(text, filters);
  const groups = useCatalogGroups();
  const groupMap = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const count = result.positions.length;

  // Marks the moment results for a query are on screen (read by the benchmarks).
  useLayoutEffect(() => {
    if (ready) performance.mark('fieldbook:catalog-results', { detail: { query: result.query, count } });
  }, [ready, result, count]);

  // Stable, so the list's memoised rows re-render only when their own product or place changes.
  const openProduct = useCallback((id: string) => void navigate(`/catalog/${id}`), [navigate]);
  const open = (index: number) => {
    const position = result.positions[index];
    if (position !== undefined) openProduct(result.rows[position]!.id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys typed into the group select's own list are that list's.
    const target = e.target as Node;
    if (target !== inputRef.current && !listRef.current?.contains(target)) return;
    const move = (to: number) => {
      e.preventDefault();
      setCursor(Math.max(0, Math.min(to, count - 1)));
    };
    if (e.key === 'ArrowDown') move(cursor + 1);
    else if (e.key === 'ArrowUp') move(cursor - 1);
    else if (e.key === 'PageDown') move(cursor + 10);
    else if (e.key === 'PageUp') move(cursor - 10);
    else if (e.key === 'Enter') {
      e.preventDefault();
      open(cursor);
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  };

  const filtered = filters.groupId !== null || filters.inStockOnly || filters.includeDiscontinued;
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} onKeyDown={onKeyDown}>
      <Box px="lg" pt="md" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Group justify="space-between" align="center" mb="sm" wrap="nowrap">
          <Title order={3}>{t('catalog.title')}</Title>
          <CatalogFilterBar />
        </Group>
        <TextInput
          ref={inputRef}
          autoFocus
          size="md"
          aria-label={t('catalog.searchLabel')}
          placeholder={t('catalog.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          rightSection={text ? <IconX size={16} style={{ cursor: 'pointer' }} aria-label="clear" onClick={() => setText('')} /> : null}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="catalog-search"
        />
        <Group justify="space-between" mt={6}>
          <Text size="sm" c="dimmed" data-testid="catalog-count" data-query={ready ? result.query : undefined} data-count={count}>
            {t('catalog.count', { count })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('catalog.keyboardHint')}
          </Text>
        </Group>
      </Box>
      <Box ref={listRef} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {!ready ? (
          <Center h="100%">
            <Stack align="center">
              <Loader />
              <Text c="dimmed">{t('catalog.loading')}</Text>
            </Stack>
          </Center>
        ) : size === 0 ? (
          <Box p="xl" ta="center" data-testid="catalog-empty">
            <Text fw={500}>{t('catalog.emptyCatalog')}</Text>
            <Text c="dimmed" size="sm">
              {t('catalog.emptyCatalogHint')}
            </Text>
          </Box>
        ) : count === 0 ? (
          <Box p="xl" ta="center">
            <Text fw={500}>{t('catalog.empty')}</Text>
            <Text c="dimmed" size="sm">
              {t('catalog.emptyHint')}
            </Text>
            {filtered && (
              <Button variant="subtle" mt="sm" onClick={clearFilters}>
                {t('catalog.clearFilters')}
              </Button>
            )}
          </Box>
        ) : (
          <CatalogList result={result} cursor={cursor} groups={groupMap} stockOf={stockOf} onOpen={openProduct} onHover={setCursor} />
        )}
      </Box>
    </Box>
  );
}
