import { Alert, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../i18n/format';
import { useOfferTotals } from './offer-pricing';

/** Net, VAT per rate and the total, updated as the lines change; why the offer needs approval. */
export function OfferTotals({ currency, limitBp, showApproval }: { currency: string; limitBp: number; showApproval: boolean }) {
  const { t } = useTranslation();
  const totals = useOfferTotals();
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Card withBorder padding="md" data-testid="offer-totals">
      <Title order={5} mb="sm">
        {t('offers.totals.title')}
      </Title>
      {totals && (
        <Stack gap={6}>
          <Row label={t('offers.totals.net')} value={money(totals.net)} testId="total-net" />
          {totals.vatByRate.map((g) => (
            <Row key={g.vatRateBp} label={t('offers.totals.vat', { rate: formatPercent(g.vatRateBp / 100) })} value={money(g.vat)} />
          ))}
          <Divider />
          <Row label={t('offers.totals.gross')} value={money(totals.gross)} strong testId="total-gross" />
          {totals.unpricedLines > 0 && (
            <Text size="xs" c="red.7">
              {t('offers.totals.unpriced', { count: totals.unpricedLines })}
            </Text>
          )}
          {showApproval && totals.needsApproval && (
            <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="needs-approval">
              <Text size="xs">{t('offers.totals.needsApproval', { limit: formatPercent(limitBp / 100) })}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : undefined} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
