import { memo, useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../data/clients/client-list-row';
import type { SearchResult } from '../data/clients/client-search';
import { phoneDisplay } from '../../../core/phone';
import { formatMoney } from '../i18n/format';
import { useTeamNames } from './team';
import classes from './ClientList.module.css';

const ROW_HEIGHT = 60;

interface ClientListProps {
  result: SearchResult;
  cursor: number;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
}

/** The virtualised client list: only the rows on screen exist in the DOM, whatever the count. */
export function ClientList({ result, cursor, onOpen, onHover }: ClientListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const owners = useTeamNames();
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
        <span>{t('list.colClient')}</span>
        <span>{t('list.colContact')}</span>
        <span>{t('list.colOwner')}</span>
        <span style={{ textAlign: 'right' }}>{t('list.colReceivables')}</span>
      </div>
      <div ref={scrollRef} className={classes.scroller} data-testid="client-list" role="listbox" aria-label={t('list.searchLabel')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = result.rows[result.positions[item.index]!]!;
            return (
              <ClientRow
                key={row.id}
                row={row}
                index={item.index}
                top={item.start}
                selected={item.index === cursor}
                ownerName={owners.get(row.ownerId) ?? ''}
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

interface ClientRowProps {
  row: ClientListRow;
  index: number;
  top: number;
  selected: boolean;
  ownerName: string;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
}

/**
 * One row of the list. Plain elements and CSS-module classes rather than Mantine components:
 * a keystroke re-renders every row on screen, and Mantine's Text, Group and Badge cost most of
 * that render (measured with the clients benchmark); the look is the same.
 */
const ClientRow = memo(function ClientRow({ row, index, top, selected, ownerName, onOpen, onHover }: ClientRowProps) {
  const { t } = useTranslation();
  return (
    <div
      role="option"
      aria-selected={selected}
      className={classes.row}
      data-selected={selected || undefined}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(index)}
      onMouseMove={selected ? undefined : () => onHover(index)}
      data-testid="client-row"
    >
      <div className={classes.cell}>
        <div className={classes.line}>
          <span className={classes.name} data-testid="client-row-name">
            {row.name}
          </span>
          <span className={classes.tag} data-status={row.status}>
            {t(`status.${row.status}`)}
          </span>
        </div>
        <span className={classes.sub}>{[row.city, row.legalName].filter(Boolean).join(' · ')}</span>
      </div>
      <div className={classes.cell}>
        <span className={classes.text}>{row.primaryContact}</span>
        <span className={classes.sub}>
          <PrimaryPhone phone={row.primaryPhone} />
        </span>
      </div>
      <div className={classes.cell}>
        <span className={classes.text}>{ownerName}</span>
      </div>
      <div className={classes.cell} style={{ alignItems: 'flex-end' }}>
        <span className={classes.text}>{row.balance ? formatMoney(row.balance, row.currency) : ''}</span>
        {row.overdue > 0 && (
          <span className={classes.tag} data-overdue>
            {formatMoney(row.overdue, row.currency)} · {t('list.overdueDays', { count: row.overdueDays })}
          </span>
        )}
      </div>
    </div>
  );
});

/** A row's phone, marked when it is kept as typed (a plain element: the list renders many rows). */
function PrimaryPhone({ phone }: { phone: string }) {
  const { t } = useTranslation();
  if (!phone) return null;
  const { text, checked } = phoneDisplay(phone);
  return (
    <>
      {text}
      {!checked && (
        <span className={classes.check} title={t('phone.notChecked')} data-testid="phone-check">
          {' · '}
          {t('card.checkThis')}
        </span>
      )}
    </>
  );
}
