import { Alert, Badge, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client, TeamMember } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import { offerMargin } from '../../../core/offers/offer-margin';
import type { CatalogProduct } from '../../../core/pricing/catalog-model';
import { priceOffer } from '../../../core/pricing/price';
import { formatDate, formatMoney, formatPercent } from '../i18n/format';

/**
 * What a head of sales weighs before approving: the manager's reason (the submission's comment),
 * the client's receivables, overdue debt and credit limit, the discounts against the manager's
 * limit, and the offer's margin where the catalog has costs. Shown to approvers only, on an offer
 * awaiting approval; none of it is ever on the client's document.
 */
export function ApprovalPanel({ offer, client, team, products }: { offer: Offer; client: Client; team: readonly TeamMember[]; products: ReadonlyMap<string, CatalogProduct> }) {
  const { t } = useTranslation();
  const submitted = offer.history.findLast((h) => h.status === 'awaiting_approval');
  const author = team.find((m) => m.id === (submitted?.by ?? offer.ownerId));
  const owner = team.find((m) => m.id === offer.ownerId);
  const limitBp = owner?.discountLimitBp ?? 0;
  const totals = priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp: limitBp });
  const priced = totals.lines.filter((l) => l.status === 'priced');
  const topManual = Math.max(0, ...offer.lines.map((l) => l.manualDiscountBp));
  const overLimit = offer.lines.filter((l) => l.manualDiscountBp > limitBp).length;
  // Everything off the list prices, all lines together, in the offer's basis.
  const list = priced.reduce((sum, l) => sum + Math.round((l.listUnitPrice * (offer.lines.find((x) => x.id === l.id)?.qty ?? 0))), 0);
  const given = offer.pricesIncludeVat ? totals.gross : totals.net;
  const offDiscountBp = list > 0 ? Math.round(((list - given) / list) * 10_000) : 0;
  const margin = offerMargin(offer.lines, totals.lines, new Map([...products].map(([id, p]) => [id, p.cost])), offer.currency);
  const r = client.receivables;
  const money = (minor: number, currency = offer.currency) => formatMoney(minor, currency);
  // The debt the client would carry once this offer is invoiced, when both are in one currency.
  const after = r && r.currency === offer.currency ? r.balance + totals.gross : null;
  const aboveCredit = after !== null && client.creditLimit > 0 && after > client.creditLimit;

  return (
    <Card withBorder padding="md" data-testid="approval-panel">
      <Title order={5} mb="xs">
        {t('offers.approval.title')}
      </Title>
      <Stack gap="sm">
        <Box>
          <Text size="xs" c="dimmed">
            {t('offers.approval.reasonOf', { name: author?.name ?? '' })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="approval-reason">
            {submitted?.comment ? submitted.comment : t('offers.approval.noReason')}
          </Text>
        </Box>

        <Box data-testid="approval-client">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
            {t('offers.approval.client')}
          </Text>
          {r ? (
            <SimpleGrid cols={3} spacing="xs" mt={4}>
              <Figure label={t('card.balance')} value={money(r.balance, r.currency)} testId="approval-balance" />
              <Figure label={t('card.overdue')} value={money(r.overdue, r.currency)} testId="approval-overdue" color={r.overdue > 0 ? 'red.7' : undefined}>
                {r.overdue > 0 && (
                  <Badge color="red" size="xs" variant="light">
                    {t('card.overdueDays', { count: r.overdueDays })}
                  </Badge>
                )}
              </Figure>
              <Figure label={t('card.creditLimit')} value={money(client.creditLimit, client.currency)} testId="approval-credit-limit" />
            </SimpleGrid>
          ) : (
            <Group gap="md" mt={4}>
              <Text size="sm" c="dimmed">
                {t('card.noReceivables')}
              </Text>
              <Figure label={t('card.creditLimit')} value={money(client.creditLimit, client.currency)} testId="approval-credit-limit" />
            </Group>
          )}
          {r && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('card.fromCompany', { date: formatDate(r.asOf) })}
            </Text>
          )}
          {aboveCredit && (
            <Alert color="orange" mt="xs" p="xs" data-testid="approval-above-credit">
              <Text size="xs">{t('offers.approval.aboveCredit', { after: money(after), limit: money(client.creditLimit, client.currency) })}</Text>
            </Alert>
          )}
        </Box>

        <Box data-testid="approval-discount">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
            {t('offers.approval.discount')}
          </Text>
          <Text size="sm" mt={4}>
            {t('offers.approval.manual', { pct: formatPercent(topManual / 100), limit: formatPercent(limitBp / 100), name: owner?.name ?? '' })}
          </Text>
          {overLimit > 0 && (
            <Text size="sm" c="orange.8">
              {t('offers.approval.linesAbove', { count: overLimit })}
            </Text>
          )}
          <Text size="sm">{t('offers.approval.offList', { pct: formatPercent(offDiscountBp / 100) })}</Text>
        </Box>

        <Box data-testid="approval-margin">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
            {t('offers.approval.margin')}
          </Text>
          {margin ? (
            <>
              <Text size="lg" fw={700} c={margin.amount < 0 ? 'red.7' : undefined} data-testid="approval-margin-value">
                {money(margin.amount)}
                {margin.marginBp !== null && ` · ${formatPercent(margin.marginBp / 100)}`}
              </Text>
              {margin.costedLines < margin.lines && (
                <Text size="xs" c="dimmed">
                  {t('offers.approval.marginPartly', { count: margin.lines, costed: margin.costedLines })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('offers.approval.noCosts', { currency: offer.currency })}
            </Text>
          )}
        </Box>
      </Stack>
    </Card>
  );
}

function Figure({ label, value, color, testId, children }: { label: string; value: string; color?: string; testId: string; children?: React.ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="sm" c={color} data-testid={testId}>
        {value}
      </Text>
      {children}
    </Box>
  );
}
