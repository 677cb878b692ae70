import { useMemo } from 'react';
import { Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRICE_TYPES } from '../../../core/client-model';
import type { PriceListRecord } from '../../../core/pricing/catalog-model';
import { formatMoney, formatQuantity } from '../i18n/format';
import { unitWord } from '../i18n/units';
import { useCatalogState } from './catalog-state';
import classes from './ProductPage.module.css';

/**
 * A product's prices in one currency at a time (the person picks it; offers are priced in the
 * client's currency, never converted): a row per price type with its unit price and its
 * quantity breaks — from which quantity on a lower unit price applies.
 */
export function ProductPrices({ prices, unit }: { prices: readonly PriceListRecord[]; unit: string }) {
  const { t } = useTranslation();
  const chosen = useCatalogState((s) => s.currency);
  const setCurrency = useCatalogState((s) => s.setCurrency);
  const currencies = useMemo(() => [...new Set(prices.map((p) => p.currency))].sort(), [prices]);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];
  if (!currency) return <Text c="dimmed">{t('product.noPrices')}</Text>;

  const lists = prices.filter((p) => p.currency === currency);
  return (
    <>
      <SegmentedControl size="xs" mb="sm" data={currencies} value={currency} onChange={setCurrency} aria-label={t('product.currency')} data-testid="price-currency" />
      <Table verticalSpacing={8} data-testid="price-table" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('product.priceType')}</Table.Th>
            <Table.Th ta="right" w={140}>
              {t('product.unitPrice', { unit: unitWord(unit, 1, t) })}
            </Table.Th>
            <Table.Th>{t('product.breaks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRICE_TYPES.map((type) => {
            const list = lists.find((l) => l.priceType === type);
            const [first, ...more] = list?.breaks ?? [];
            return (
              <Table.Tr key={type} data-testid={`price-row-${type}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`priceType.${type}`)}
                  </Text>
                  {list && (
                    <Text size="xs" c={list.includesVat ? 'grape.7' : 'dimmed'}>
                      {list.includesVat ? t('product.gross') : t('product.net')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {first ? (
                    <Text size="md" fw={700} className={classes.figure}>
                      {first.minQty > 1 && `${t('product.fromQty', { qty: formatQuantity(first.minQty) })} `}
                      {formatMoney(first.unitPrice, currency)}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('product.noPriceType')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {more.map((b) => (
                      <span key={b.minQty} className={classes.break}>
                        <span className={classes.breakQty}>{t('product.fromQty', { qty: formatQuantity(b.minQty) })}</span>
                        <span className={classes.figure}>{formatMoney(b.unitPrice, currency)}</span>
                      </span>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
