import { memo } from 'react';
import { Group, MultiSelect, Select, Switch } from '@mantine/core';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, SEGMENTS, type ClientStatus } from '../../../core/client-model';
import { CLIENT_SORTS, type ClientSort } from '../data/clients/client-search';
import { useClientFacets } from '../data/clients/client-base';
import { useTeam } from '../data/clients/queries';
import { useClientListState } from './list-state';
import { personName } from './team';

/**
 * The filters and sort. Memoised and subscribed to its own part of the list state only: a
 * keystroke in the search box must not re-render six Mantine selects (that was a good part of
 * the keystroke's render time in the clients benchmark).
 */
export const ClientFilterBar = memo(function ClientFilterBar() {
  const { t } = useTranslation();
  const { filters, sort, setFilters, setSort } = useClientListState(
    useShallow((s) => ({ filters: s.filters, sort: s.sort, setFilters: s.setFilters, setSort: s.setSort })),
  );
  const facets = useClientFacets();
  const team = useTeam() ?? [];
  return (
    <Group gap="xs" mt="sm" wrap="wrap">
      <MultiSelect
        size="xs"
        w={200}
        aria-label={t('list.status')}
        placeholder={t('list.status')}
        data={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={filters.statuses}
        onChange={(v) => setFilters({ statuses: v as ClientStatus[] })}
        clearable
      />
      <Select
        size="xs"
        w={150}
        aria-label={t('list.segment')}
        placeholder={t('list.segment')}
        data={SEGMENTS.map((s) => ({ value: s, label: t(`segment.${s}`) }))}
        value={filters.segment}
        onChange={(v) => setFilters({ segment: v })}
        clearable
      />
      <Select
        size="xs"
        w={150}
        aria-label={t('list.city')}
        placeholder={t('list.city')}
        data={facets.cities}
        value={filters.city}
        onChange={(v) => setFilters({ city: v })}
        searchable
        clearable
        limit={200}
      />
      <Select
        size="xs"
        w={170}
        aria-label={t('list.owner')}
        placeholder={t('list.owner')}
        // A filter, not a pick: a colleague who left is listed (marked), their clients are still here.
        data={team.map((m) => ({ value: m.id, label: personName(m, t) }))}
        value={filters.ownerId}
        onChange={(v) => setFilters({ ownerId: v })}
        searchable
        clearable
      />
      <MultiSelect
        size="xs"
        w={180}
        aria-label={t('list.tags')}
        placeholder={t('list.tags')}
        data={facets.tags}
        value={filters.tags}
        onChange={(v) => setFilters({ tags: v })}
        searchable
        clearable
      />
      <Select
        size="xs"
        w={170}
        aria-label={t('list.sort')}
        data={CLIENT_SORTS.map((s) => ({ value: s, label: `${t('list.sort')}: ${t(`list.sortBy.${s}`)}` }))}
        value={sort}
        onChange={(v) => v && setSort(v as ClientSort)}
        allowDeselect={false}
      />
      <Switch
        size="xs"
        label={t('list.archived')}
        checked={filters.archived}
        onChange={(e) => setFilters({ archived: e.currentTarget.checked })}
      />
    </Group>
  );
});
