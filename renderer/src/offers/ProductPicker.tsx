import { useState } from 'react';
import { Badge, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogProduct } from '../../../core/pricing/catalog-model';
import { findProductBySku, searchProducts, useProductSearch } from '../data/catalog/catalog';
import { StockAge, StockBadge } from './StockInfo';
import { useProductName } from '../catalog/product-name';

/**
 * Adds products to an offer: search the catalog by name or SKU, or scan a barcode (a USB scanner
 * types the SKU and Enter into this box). Enter adds the highlighted match, or the product whose
 * SKU is exactly what was typed; the box empties and keeps the focus for the next product.
 */
export function ProductPicker({ onPick, autoFocus }: { onPick: (product: CatalogProduct) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const nameOf = useProductName();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 60);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const answer = useProductSearch(debounced, { limit: 8 });
  const shown = query.trim() && answer ? answer.hits : [];
  const fresh = answer?.query === query;

  const pick = (product: CatalogProduct) => {
    setQuery('');
    combobox.closeDropdown();
    onPick(product);
  };

  const onEnter = async () => {
    const typed = query.trim();
    if (!typed) return;
    // A scanned or typed SKU wins over the search's order; it also works before the search answers.
    const exact = await findProductBySku(typed);
    // The list on screen may still answer an earlier text (typed fast, or scanned): then the
    // first hit for what is in the box now is taken, never a stale one.
    const hits = fresh ? shown : await searchProducts(typed, { limit: 1 });
    const chosen = exact ?? (fresh && combobox.selectedOptionIndex >= 0 ? shown[combobox.selectedOptionIndex]?.product : hits[0]?.product);
    if (!chosen) {
      notifications.show({ color: 'orange', message: t('offers.lines.noMatch', { query: typed }) });
      return;
    }
    if (chosen.discontinued) {
      notifications.show({ color: 'orange', message: `${nameOf(chosen)}: ${t('offers.lines.discontinued')}` });
      return;
    }
    pick(chosen);
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(id) => {
      const hit = shown.find((h) => h.product.id === id);
      if (hit) pick(hit.product);
    }}>
      <Combobox.Target>
        <TextInput
          label={t('offers.lines.add')}
          placeholder={t('offers.lines.addPlaceholder')}
          description={t('offers.lines.addHint')}
          leftSection={<IconSearch size={16} />}
          value={query}
          autoFocus={autoFocus}
          data-testid="product-picker"
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void onEnter();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={shown.length === 0}>
        <Combobox.Options>
          {shown.map(({ product, stock }) => (
            <Combobox.Option value={product.id} key={product.id} disabled={product.discontinued}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" title={nameOf(product)} style={{ overflowWrap: 'anywhere' }}>
                    {nameOf(product)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {product.sku}
                  </Text>
                </div>
                {product.discontinued ? (
                  <Badge color="gray" size="xs">
                    {t('offers.lines.discontinued')}
                  </Badge>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <StockAge stock={stock ?? undefined} compact />
                    <StockBadge stock={stock ?? undefined} qty={1} unit={product.unit} />
                  </Group>
                )}
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
