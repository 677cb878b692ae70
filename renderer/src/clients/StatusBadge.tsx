import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../../core/client-model';

/** Badge colours by status; ClientList.module.css repeats them for the list rows (plain spans there). */
const COLORS: Record<ClientStatus, string> = {
  lead: 'cyan',
  prospect: 'blue',
  active: 'green',
  key: 'violet',
  dormant: 'gray',
  lost: 'red',
};

export function StatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
