import { useMemo, useState } from 'react';
import { Box, Group, ScrollArea, SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Offer, OfferStatus } from '../../../core/offers/offer-model';
import { priceOffer } from '../../../core/pricing/price';
import { foldAscii } from '../../../core/search-text';
import { useOffersList } from '../data/offers/offer-queries';
import { useCurrentUserId } from '../data/leads/lead-queries';
import { useTeam } from '../data/clients/queries';
import { useTeamNames } from '../clients/team';
import { formatDate, formatMoney } from '../i18n/format';
import { OfferStatusBadge } from './OfferStatusBadge';

type View = 'mine' | 'awaiting' | 'all';

const CURRENT: readonly OfferStatus[] = ['draft', 'awaiting_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired'];

/**
 * Every offer on this laptop: the manager's own, and for a head of sales the team's offers
 * waiting for approval — the list they work through after a sync.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUserId();
  const team = useTeam();
  const names = useTeamNames();
  const approver = ['head_of_sales', 'admin'].includes(team?.find((m) => m.id === me)?.role ?? '');
  const [view, setView] = useState<View | null>(null);
  const shown: View = view ?? (approver ? 'awaiting' : 'mine');
  const [query, setQuery] = useState('');
  const rows = useOffersList(shown === 'awaiting' ? ['awaiting_approval'] : CURRENT, shown === 'mine' ? (me ?? null) : null);
  const filtered = useMemo(() => {
    const q = foldAscii(query);
    return (rows ?? []).filter((r) => !q || foldAscii(`${r.offer.number} ${r.clientName}`).includes(q));
  }, [rows, query]);

  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md" maw={1300}>
        <Group justify="space-between" mb="md">
          <Title order={2}>{t('offers.title')}</Title>
          <Group>
            <TextInput placeholder={t('offers.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} />
            <SegmentedControl
              value={shown}
              onChange={(v) => setView(v as View)}
              data={[
                { value: 'mine', label: t('offers.mine') },
                { value: 'awaiting', label: t('offers.awaiting') },
                { value: 'all', label: t('offers.all') },
              ]}
            />
          </Group>
        </Group>
        {filtered.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('offers.empty')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" data-testid="offers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('offers.column.number')}</Table.Th>
                <Table.Th>{t('offers.column.client')}</Table.Th>
                <Table.Th>{t('offers.column.owner')}</Table.Th>
                <Table.Th>{t('offers.column.status')}</Table.Th>
                <Table.Th ta="right">{t('offers.column.total')}</Table.Th>
                <Table.Th>{t('offers.column.validUntil')}</Table.Th>
                <Table.Th>{t('offers.column.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filtered.map(({ offer, clientName }) => (
                <Table.Tr key={offer.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/offers/${offer.id}`)} data-testid="offer-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {offer.number}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('offers.version', { version: offer.version })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{clientName}</Table.Td>
                  <Table.Td>{names.get(offer.ownerId) ?? ''}</Table.Td>
                  <Table.Td>
                    <OfferStatusBadge status={offer.status} />
                  </Table.Td>
                  <Table.Td ta="right">{offerTotal(offer)}</Table.Td>
                  <Table.Td>{formatDate(offer.terms.validUntil)}</Table.Td>
                  <Table.Td>{formatDate(offer.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Box>
    </ScrollArea>
  );
}

/**
 * The offer's total as last priced (the lines' snapshots), in its own currency: the figure the
 * offer itself calls Total (VAT included), so the list and the offer agree.
 */
export function offerTotal(offer: Offer): string {
  const totals = priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp: 10_000 });
  return formatMoney(totals.gross, offer.currency);
}
