import { memo, useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProductGroup, StockLevel } from '../../../core/pricing/catalog-model';
import type { CatalogResult, CatalogRow } from '../data/catalog/catalog';
import { formatDate } from '../i18n/format';
import { quantityText } from '../i18n/units';
import { localToday } from '../data/offers/offers';
import { stockStatus } from './stock-status';
import classes from './CatalogList.module.css';

const ROW_HEIGHT = 60;

interface CatalogListProps {
  result: CatalogResult;
  cursor: number;
  groups: ReadonlyMap<string, ProductGroup>;
  stockOf: (productId: string) => StockLevel | null;
  onOpen: (productId: string) => void;
  onHover: (index: number) => void;
}

/** The virtualised product list: only the rows on screen exist in the DOM, whatever the count. */
export function CatalogList({ result, cursor, groups, stockOf, onOpen, onHover }: CatalogListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: result.positions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the screen keep wheel scrolling smooth; every extra row is rendered on each keystroke.
    overscan: 4,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  return (
    <Box className={classes.table}>
      <div className={classes.header} role="presentation">
        <span>{t('catalog.colProduct')}</span>
        <span>{t('catalog.colDetails')}</span>
        <span>{t('catalog.colStock')}</span>
      </div>
      <div ref={scrollRef} className={classes.scroller} data-testid="catalog-list" role="listbox" aria-label={t('catalog.searchLabel')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = result.rows[result.positions[item.index]!]!;
            return (
              <ProductRow
                // Keyed by place, not product: a keystroke that changes the results updates the
                // rows' text in place instead of removing and creating every row's elements.
                key={item.key}
                t={t}
                row={row}
                groupName={row.groupId ? (groups.get(row.groupId)?.name ?? '') : ''}
                stock={stockOf(row.id)}
                index={item.index}
                top={item.start}
                selected={item.index === cursor}
                onOpen={onOpen}
                onHover={onHover}
              />
            );
          })}
        </div>
      </div>
    </Box>
  );
}

interface ProductRowProps {
  /** The list's own: a `useTranslation` per row costs a good part of a row's render. */
  t: TFunction;
  row: CatalogRow;
  groupName: string;
  stock: StockLevel | null;
  index: number;
  top: number;
  selected: boolean;
  onOpen: (productId: string) => void;
  onHover: (index: number) => void;
}

/**
 * One row. Plain elements and CSS-module classes rather than Mantine components, as in the
 * client list: a keystroke re-renders every row on screen, and that render is most of the
 * keystroke's cost.
 */
const ProductRow = memo(function ProductRow({ t, row, groupName, stock, index, top, selected, onOpen, onHover }: ProductRowProps) {
  const status = stockStatus(stock, localToday());
  return (
    <div
      role="option"
      aria-selected={selected}
      className={classes.row}
      data-selected={selected || undefined}
      data-discontinued={row.discontinued || undefined}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(row.id)}
      onMouseMove={selected ? undefined : () => onHover(index)}
      data-testid="catalog-row"
    >
      <div className={classes.cell}>
        <div className={classes.line}>
          <span className={classes.name} data-testid="catalog-row-name">
            {row.name}
          </span>
          {row.discontinued && <span className={classes.tag}>{t('catalog.discontinued')}</span>}
        </div>
        <div className={classes.line}>
          <span className={classes.sku} data-testid="catalog-row-sku">
            {row.sku}
          </span>
          <span className={classes.sub}>{groupName}</span>
        </div>
      </div>
      <div className={classes.cell}>
        <span className={classes.text}>{row.summary}</span>
      </div>
      <div className={classes.cell} data-testid="catalog-row-stock">
        {status.kind === 'in' ? (
          <span className={classes.stock} data-kind="in">
            {t('catalog.inStock', { qty: quantityText(status.available, row.unit, t) })}
          </span>
        ) : status.kind === 'out' ? (
          <>
            <span className={classes.stock} data-kind="out">
              {t('catalog.outOfStock')}
            </span>
            {status.next ? (
              <span className={classes.sub}>{t('catalog.arrives', { date: formatDate(status.next.on) })}</span>
            ) : status.overdue ? (
              <span className={classes.sub} title={t('catalog.arrivalOverdueFull', { date: formatDate(status.overdue.on) })}>
                {t('catalog.arrivalOverdue')}
              </span>
            ) : (
              <span className={classes.sub}>{t('catalog.noArrival')}</span>
            )}
          </>
        ) : (
          <span className={classes.stock} data-kind="unknown">
            {t('catalog.noStockData')}
          </span>
        )}
      </div>
    </div>
  );
});
