import { memo, useEffect, useMemo, useRef } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconDotsVertical, IconTruckDelivery, IconTrash } from '@tabler/icons-react';
import { useFormState, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CatalogProduct, StockLevel } from '../../../core/pricing/catalog-model';
import type { StockRequest } from '../../../core/offers/offer-model';
import { formatDate, formatMoney, formatPercent } from '../i18n/format';
import { useFieldError } from '../clients/form-helpers';
import { stockOf } from '../data/catalog';
import { FIELD_RULES, type OfferFormLine, type OfferFormValues } from './offer-form';
import { useLinePrice, useLineQty } from './offer-pricing';
import { StockBadge, useDefaultStockNote } from './StockInfo';
import classes from './OfferLines.module.css';

export interface LineActions {
  remove: (index: number) => void;
  swap: (index: number, analogue: CatalogProduct) => void;
  requestStock: (line: OfferFormLine) => void;
}

interface LinesProps {
  form: UseFormReturn<OfferFormValues>;
  /** The field array's items (`key` is React's key, the line's own `id` is kept). */
  fields: (OfferFormLine & { key: string })[];
  editable: boolean;
  currency: string;
  pricesIncludeVat: boolean;
  limitBp: number;
  products: Map<string, CatalogProduct>;
  stock: Map<string, StockLevel>;
  requests: StockRequest[];
  actions: LineActions;
}

/** An offer's lines: editable inputs on a draft, the figures as given on anything later. */
export function OfferLines(props: LinesProps) {
  const { t } = useTranslation();
  if (props.fields.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center" data-testid="offer-no-lines">
        {t('offers.lines.empty')}
      </Text>
    );
  }
  return (
    <div data-testid="offer-lines" role="table" aria-label={t('offers.lines.title')}>
      <div className={`${classes.row} ${classes.head}`} role="row">
        <div role="columnheader">#</div>
        <div role="columnheader">{t('offers.lines.product')}</div>
        <div role="columnheader" className={classes.num}>
          {t('offers.lines.qty')}
        </div>
        <div role="columnheader" className={classes.num}>
          {t('offers.lines.unitPrice')}
        </div>
        <div role="columnheader" className={classes.num}>
          {t('offers.lines.discount')}
        </div>
        <div role="columnheader" className={classes.num}>
          {t('offers.lines.amount')}
        </div>
        <div role="columnheader" />
      </div>
        {props.fields.map((field, index) => (
          <LineRow
            key={field.key}
            index={index}
            line={field}
            form={props.form}
            editable={props.editable}
            currency={props.currency}
            pricesIncludeVat={props.pricesIncludeVat}
            limitBp={props.limitBp}
            product={props.products.get(field.productId)}
            // The in-memory catalog answers at once; the map catches up a moment after a line is added.
            stock={props.stock.get(field.productId) ?? stockOf(field.productId) ?? undefined}
            products={props.products}
            stockById={props.stock}
            request={props.requests.find((r) => r.productId === field.productId && r.status !== 'cancelled')}
            actions={props.actions}
          />
        ))}
    </div>
  );
}

interface RowProps {
  index: number;
  line: OfferFormLine;
  form: UseFormReturn<OfferFormValues>;
  editable: boolean;
  currency: string;
  pricesIncludeVat: boolean;
  limitBp: number;
  product: CatalogProduct | undefined;
  stock: StockLevel | undefined;
  /** Every product and stock level the offer shows (the analogues of each line's product among them). */
  products: Map<string, CatalogProduct>;
  stockById: Map<string, StockLevel>;
  request: StockRequest | undefined;
  actions: LineActions;
}

/**
 * One line. Typing in its inputs re-renders nothing else: the inputs are uncontrolled
 * (`register`), and the price comes from the pricing store by line id. Its props stay the same
 * objects while the offer is edited (maps, the actions), so the memo holds: a 200-line offer
 * must not re-render 200 rows when the editor re-renders.
 */
const LineRow = memo(function LineRow({ index, line, form, editable, currency, pricesIncludeVat, limitBp, product, stock, products, stockById, request, actions }: RowProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const price = useLinePrice(line.id);
  const { errors } = useFormState({ control: form.control, name: `lines.${index}` });
  const lineErrors = errors.lines?.[index];
  const money = (minor: number) => formatMoney(minor, currency);
  // The row's own quantity, live (the stock it needs changes as it is typed).
  const typedQty = useLineQty(line.id);
  const qty = typedQty !== undefined && Number.isFinite(typedQty) ? typedQty : line.qty;
  const outOfStock = (stock?.available ?? 0) < qty;
  useStockNoteFollowsQty(form, index, qty, stock, editable);
  const analogues = useMemo(() => (product?.analogueIds ?? []).map((id) => products.get(id)).filter((p) => p !== undefined), [product, products]);

  return (
    <div className={`${classes.row} ${classes.line}`} role="row" data-testid="offer-line" data-sku={line.sku}>
      <div role="cell" className={classes.index}>
        {index + 1}
      </div>
      <div role="cell">
        <Stack gap={4}>
          <Text size="sm" fw={500} lineClamp={2} data-testid="line-name">
            {line.name}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {line.sku}
            </Text>
            {(product || stock) && <StockBadge stock={stock} qty={qty} unit={line.unit} />}
            {request && (
              <Badge size="sm" variant="outline" color="blue" leftSection={<IconTruckDelivery size={12} />}>
                {t('offers.stock.requested', { qty: request.qty, date: formatDate(request.neededBy) })}
              </Badge>
            )}
          </Group>
          {editable && outOfStock && (
            <Group gap={6}>
              {analogues.length > 0 && (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <Button size="compact-xs" variant="light" leftSection={<IconArrowsExchange size={12} />} data-testid="show-analogues">
                      {t('offers.stock.analoguesCount', { count: analogues.length })}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{t('offers.stock.swap')}</Menu.Label>
                    {analogues.map((a) => (
                      <Menu.Item key={a.id} onClick={() => actions.swap(index, a)} data-testid="swap-analogue">
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{a.name}</Text>
                          <StockBadge stock={stockById.get(a.id)} qty={qty} unit={a.unit} />
                        </Group>
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
              {!request && (
                <Button size="compact-xs" variant="subtle" leftSection={<IconTruckDelivery size={12} />} onClick={() => actions.requestStock(line)} data-testid="request-stock">
                  {t('offers.stock.request')}
                </Button>
              )}
            </Group>
          )}
          {editable ? (
            <TextInput size="xs" placeholder={t('offers.lines.stockNote')} aria-label={t('offers.lines.stockNote')} {...form.register(`lines.${index}.stockNote`, FIELD_RULES.stockNote)} error={fieldError(lineErrors?.stockNote)} />
          ) : (
            line.stockNote && (
              <Text size="xs" c="dimmed">
                {line.stockNote}
              </Text>
            )
          )}
        </Stack>
      </div>
      <div role="cell" className={classes.num}>
        {editable ? (
          <NumberCell label={t('offers.lines.qty')} suffix={line.unit} suffixWidth={44} field={form.register(`lines.${index}.qty`, { valueAsNumber: true, ...FIELD_RULES.qty })} error={fieldError(lineErrors?.qty)} />
        ) : (
          <Text size="sm" pt={6}>
            {line.qty.toLocaleString()} {line.unit}
          </Text>
        )}
      </div>
      <div role="cell" className={classes.num} style={{ paddingTop: 6 }}>
        {price?.status === 'priced' ? (
          <Stack gap={0} align="flex-end">
            <Text size="sm" data-testid="line-unit-price">
              {money(price.unitPrice)}
            </Text>
            {price.unitPrice !== price.listUnitPrice && (
              <Text size="xs" c="dimmed" td="line-through">
                {money(price.listUnitPrice)}
              </Text>
            )}
            {price.autoDiscountBp > 0 && (
              <Text size="xs" c="teal.7">
                {t('offers.lines.clientDiscount', { pct: formatPercent(price.autoDiscountBp / 100) })}
              </Text>
            )}
          </Stack>
        ) : price ? (
          <Text size="xs" c="red.7" data-testid="line-unpriced">
            {t(`offers.lines.unpriced.${price.reason}`, { currency })}
          </Text>
        ) : null}
      </div>
      <div role="cell" className={classes.num}>
        {editable ? (
          <NumberCell label={t('offers.lines.discount')} suffix="%" max={100} field={form.register(`lines.${index}.discountPct`, { valueAsNumber: true, ...FIELD_RULES.discountPct })} error={fieldError(lineErrors?.discountPct)} />
        ) : (
          <Text size="sm" pt={6}>
            {line.discountPct ? formatPercent(line.discountPct) : '—'}
          </Text>
        )}
        {price?.exceedsLimit && (
          <Tooltip label={t('offers.lines.overLimit', { limit: formatPercent(limitBp / 100) })}>
            <Badge color="orange" size="xs" mt={4} data-testid="over-limit">
              {t('offers.lines.aboveLimit')}
            </Badge>
          </Tooltip>
        )}
      </div>
      <div role="cell" className={classes.num} style={{ paddingTop: 6 }}>
        <Text size="sm" fw={600} data-testid="line-amount">
          {price?.status === 'priced' ? money(pricesIncludeVat ? price.gross : price.net) : '—'}
        </Text>
      </div>
      <div role="cell" style={{ paddingTop: 4 }}>
        {editable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('offers.actions.more')} data-testid="line-menu">
                <IconDotsVertical size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(index)}>
                {t('offers.lines.remove')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </div>
    </div>
  );
});

/** A right-aligned number input of a line (quantity, discount), with its unit after it. */
function NumberCell({ label, suffix, suffixWidth, max, field, error }: { label: string; suffix: string; suffixWidth?: number; max?: number; field: UseFormRegisterReturn; error: string | undefined }) {
  return (
    <TextInput
      size="sm"
      type="number"
      step="any"
      min={0}
      max={max}
      aria-label={label}
      rightSection={
        <Text size="xs" c="dimmed">
          {suffix}
        </Text>
      }
      rightSectionWidth={suffixWidth}
      styles={{ input: { textAlign: 'right' } }}
      {...field}
      error={error}
    />
  );
}

/**
 * A line's stock note ("In stock") was written for the quantity it had; while the person has not
 * changed that text, it follows the quantity ("12 in stock, the rest on request"), so the offer
 * never promises what the warehouse cannot give. A note the person wrote is left alone.
 */
function useStockNoteFollowsQty(form: UseFormReturn<OfferFormValues>, index: number, qty: number, stock: StockLevel | undefined, editable: boolean) {
  const noteFor = useDefaultStockNote();
  const previous = useRef(qty);
  useEffect(() => {
    if (!editable || previous.current === qty || !Number.isFinite(qty)) return;
    const before = noteFor(stock, previous.current);
    previous.current = qty;
    const name = `lines.${index}.stockNote` as const;
    const next = noteFor(stock, qty);
    if (form.getValues(name) === before && next !== before) form.setValue(name, next, { shouldDirty: true });
  }, [qty, stock, editable, index, form, noteFor]);
}
