import { useMemo } from 'react';
import { Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRICE_TYPES } from '../../../core/client-model';
import type { PriceListRecord } from '../../../core/pricing/catalog-model';
import { findBreak } from '../../../core/pricing/price';
import { qtyToMilli } from '../../../core/pricing/catalog-model';
import { formatMoney, formatQuantity } from '../i18n/format';
import { useCatalogState } from './catalog-state';

/**
 * A product's prices in one currency at a time (the person picks it; offers are priced in the
 * client's currency, never converted): a row per price type, a column per quantity break of any
 * of them, each cell the unit price from that quantity on — what the pricing engine would take
 * (core/pricing/price.ts findBreak). A price carried on from a smaller quantity is grey.
 */
export function ProductPrices({ prices, unit }: { prices: readonly PriceListRecord[]; unit: string }) {
  const { t } = useTranslation();
  const chosen = useCatalogState((s) => s.currency);
  const setCurrency = useCatalogState((s) => s.setCurrency);
  const currencies = useMemo(() => [...new Set(prices.map((p) => p.currency))].sort(), [prices]);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];
  if (!currency) return <Text c="dimmed">{t('product.noPrices')}</Text>;

  const lists = prices.filter((p) => p.currency === currency);
  const quantities = [...new Set(lists.flatMap((l) => l.breaks.map((b) => b.minQty)))].sort((a, b) => a - b);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl size="xs" data={currencies} value={currency} onChange={setCurrency} aria-label={t('product.currency')} data-testid="price-currency" />
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={8} data-testid="price-table" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('product.priceType')}</Table.Th>
              {quantities.map((q) => (
                <Table.Th key={q} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('product.fromQty', { qty: formatQuantity(q) })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PRICE_TYPES.map((type) => {
              const list = lists.find((l) => l.priceType === type);
              return (
                <Table.Tr key={type} data-testid={`price-row-${type}`}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {t(`priceType.${type}`)}
                    </Text>
                    {list && (
                      <Text size="xs" c={list.includesVat ? 'grape.7' : 'dimmed'}>
                        {list.includesVat ? t('product.gross') : t('product.net')}
                      </Text>
                    )}
                  </Table.Td>
                  {quantities.map((q) => {
                    const brk = list ? findBreak(list, qtyToMilli(q) ?? 0) : undefined;
                    return (
                      <Table.Td key={q} ta="right" c={brk && brk.minQty !== q ? 'dimmed' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {brk ? formatMoney(brk.unitPrice, currency) : list ? '—' : <Text span size="xs" c="dimmed">{t('product.noPriceType')}</Text>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={6}>
        {t('product.pricesHint', { unit })}
      </Text>
    </>
  );
}
