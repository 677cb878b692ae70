import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfferStatus } from '../../../core/offers/offer-model';

const COLORS: Record<OfferStatus, string> = {
  draft: 'gray',
  awaiting_approval: 'orange',
  approved: 'teal',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'dark',
  superseded: 'gray',
};

export function OfferStatusBadge({ status, size = 'sm' }: { status: OfferStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'superseded' ? 'outline' : 'light'} size={size} style={{ flexShrink: 0 }} data-testid="offer-status">
      {t(`offers.status.${status}`)}
    </Badge>
  );
}
