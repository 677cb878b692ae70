import { Alert, Badge, Box, Button, Card, Group, Kbd, ScrollArea, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconInfoCircle, IconTruckDelivery } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StockLevel } from '../../../core/pricing/catalog-model';
import { PageLoading, PageNotFound } from '../app/PageStates';
import { useProductDetails, type ProductHit } from '../data/catalog/catalog';
import { formatDate, formatPercent } from '../i18n/format';
import { ProductPrices } from './ProductPrices';
import { quantityText, unitWord } from '../i18n/units';
import { localToday } from '../data/offers/offers';
import { isOverdue, stockStatus } from './stock-status';
import classes from './ProductPage.module.css';
import { StockAge } from '../offers/StockInfo';
import { useProductName } from './product-name';

function Section({ title, hint, children, testId }: { title: string; hint?: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={testId}>
      <Title order={5}>{title}</Title>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
      <Box mt="md">{children}</Box>
    </Card>
  );
}

/** "120 pcs" in teal, or "Out of stock" in orange: the same colours as the list. */
function StockFigure({ stock, unit, size = 'sm' }: { stock: StockLevel | null; unit: string; size?: 'sm' | 'xl' }) {
  const { t } = useTranslation();
  const status = stockStatus(stock, localToday());
  if (status.kind === 'unknown') return <Text size={size === 'xl' ? 'md' : 'sm'} c="dimmed">{t('catalog.noStockData')}</Text>;
  return (
    <Text size={size} fw={700} c={status.kind === 'in' ? 'teal.7' : 'orange.8'}>
      {status.kind === 'in' ? t('catalog.inStock', { qty: quantityText(status.available, unit, t) }) : t('catalog.outOfStock')}
    </Text>
  );
}

function StockCard({ stock, unit }: { stock: StockLevel | null; unit: string }) {
  const { t } = useTranslation();
  const today = localToday();
  return (
    <Section title={t('product.stock')} testId="product-stock">
      {stock ? (
        <Stack gap="md">
          <Box>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {t('product.available')}
            </Text>
            <StockFigure stock={stock} unit={unit} size="xl" />
            <Text size="xs" c="dimmed">
              {t('product.asOf', { date: formatDate(stock.asOf) })}
            </Text>
            <StockAge stock={stock} />
          </Box>
          <Box>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3} mb={6}>
              {t('product.incoming')}
            </Text>
            {stock.incoming.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('product.noIncoming')}
              </Text>
            ) : (
              <Stack gap={6} data-testid="product-arrivals">
                {stock.incoming.map((a) => {
                  // A delivery whose day has passed has not come: its date is no promise any more.
                  const late = isOverdue(a, today);
                  return (
                    <Box key={a.on} data-overdue={late || undefined}>
                      <Group gap="sm" wrap="nowrap">
                        <IconTruckDelivery size={18} color={late ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-indigo-6)'} />
                        <Text size="sm" fw={500} w={110} td={late ? 'line-through' : undefined} c={late ? 'dimmed' : undefined}>
                          {formatDate(a.on)}
                        </Text>
                        <Text size="sm">{t('product.arrival', { qty: quantityText(a.qty, unit, t) })}</Text>
                      </Group>
                      {late && (
                        <Text size="xs" c="orange.8" pl={30} data-testid="arrival-overdue">
                          {t('product.arrivalOverdue')}
                        </Text>
                      )}
                    </Box>
                  );
                })}
              </Stack>
            )}
          </Box>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('product.noStock')}
        </Text>
      )}
    </Section>
  );
}

function AnalogueList({ analogues }: { analogues: readonly ProductHit[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useProductName();
  if (analogues.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('product.noAnalogues')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {analogues.map(({ product, stock }) => (
        <UnstyledButton
          key={product.id}
          onClick={() => void navigate(`/catalog/${product.id}`)}
          data-testid="analogue"
          className={classes.analogue}
        >
          <Text size="sm" fw={600} lineClamp={2}>
            {nameOf(product)}
          </Text>
          <Group justify="space-between" mt={4} wrap="nowrap">
            <Text size="xs" c="dimmed" ff="monospace">
              {product.sku}
            </Text>
            <StockFigure stock={stock} unit={product.unit} />
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/** One product: what it is, its stock and deliveries, its analogues, its prices per price type. */
export function ProductPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { productId } = useParams();
  const details = useProductDetails(productId);
  const nameOf = useProductName();
  const back = () => void navigate('/catalog');
  // Esc goes back from anywhere on the page (also from the currency switch, a radio input).
  useHotkeys([['Escape', back]], []);

  if (details === undefined) return <PageLoading />;
  if (details === null) return <PageNotFound message={t('product.notFound')} backLabel={t('product.back')} onBack={back} />;
  const { product, stock, prices, groupPath, analogues } = details;
  return (
    <ScrollArea h="100%" data-testid="product-page">
      <Box px="xl" py="lg" maw={1280}>
        <Group gap={6} mb="sm">
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={back}>
            {t('product.back')}
          </Button>
          <Kbd size="xs">{t('product.backHint')}</Kbd>
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Title order={2} data-testid="product-name">
              {nameOf(product)}
            </Title>
            <Group gap="sm" mt={8}>
              <Badge variant="light" color="gray" radius="sm" ff="monospace" tt="none" data-testid="product-sku">
                {product.sku}
              </Badge>
              <Text size="sm" c="dimmed" data-testid="product-group">
                {[groupPath.length ? groupPath.join(' › ') : t('product.noGroup'), `${t('product.unit')}: ${unitWord(product.unit, 1)}`, t('product.vat', { rate: formatPercent(product.vatRateBp / 100) })].join(' · ')}
              </Text>
            </Group>
          </Box>
          {product.discontinued && (
            <Badge color="orange" variant="light" size="lg">
              {t('catalog.discontinued')}
            </Badge>
          )}
        </Group>
        {product.discontinued && (
          <Alert mt="md" color="orange" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('product.discontinuedNote')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mt="lg">
          <Stack gap="lg" style={{ gridColumn: 'span 2', minWidth: 0 }}>
            {/* Prices first: what a manager looks for; then what the product is. */}
            <Section title={t('product.prices')} testId="product-prices">
              <ProductPrices prices={prices} unit={product.unit} />
            </Section>
            <Section title={t('product.description')} testId="product-description">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {product.description || t('product.noDescription')}
              </Text>
            </Section>
            <Section title={t('product.characteristics')} testId="product-characteristics">
              {product.characteristics.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('product.noCharacteristics')}
                </Text>
              ) : (
                <Table verticalSpacing={6} striped>
                  <Table.Tbody>
                    {product.characteristics.map((c) => (
                      <Table.Tr key={`${c.name}:${c.value}`}>
                        <Table.Td w="40%" c="dimmed">
                          {c.name}
                        </Table.Td>
                        <Table.Td fw={500}>{c.value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Section>
          </Stack>
          <Stack gap="lg">
            <StockCard stock={stock} unit={product.unit} />
            <Section title={t('product.analogues')} hint={t('product.analoguesHint')} testId="product-analogues">
              <AnalogueList analogues={analogues} />
            </Section>
          </Stack>
        </SimpleGrid>
      </Box>
    </ScrollArea>
  );
}
