import { memo, useEffect, useMemo, useRef } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconDotsVertical, IconTruckDelivery, IconTrash } from '@tabler/icons-react';
import { useController, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CatalogProduct, StockLevel } from '../../../core/pricing/catalog-model';
import type { StockRequest } from '../../../core/offers/offer-model';
import { formatDate, formatMoney, formatPercent } from '../i18n/format';
import { useOwnFieldError } from '../clients/form-helpers';
import { NumberField } from '../clients/NumberField';
import { stockOf } from '../data/catalog/catalog';
import { localToday } from '../data/offers/offers';
import { FIELD_RULES, type OfferFormLine, type OfferFormValues } from './offer-form';
import { useLinePrice, useLineQty } from './offer-pricing';
import { StockAge, StockBadge, useDefaultStockNote } from './StockInfo';
import { quantityText, unitWord } from '../i18n/units';
import classes from './OfferLines.module.css';
import stockClasses from './StockInfo.module.css';
import { lineName, useProductName } from '../catalog/product-name';

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
 * One line. Typing in it re-renders neither the row nor any other: the inputs are uncontrolled
 * (`register`) and follow their own errors, and the figures that change with a quantity (price,
 * amount, stock) are small components reading the pricing store by line id. Its props stay the
 * same objects while the offer is edited (maps, the actions), so the memo holds: a 200-line
 * offer must not re-render 200 rows, nor its Mantine inputs, for one typed digit.
 */
const LineRow = memo(function LineRow({ index, line, form, editable, currency, pricesIncludeVat, limitBp, product, stock, products, stockById, request, actions }: RowProps) {
  const { t } = useTranslation();
  const nameOf = useProductName();
  const name = nameOf(lineName(line, product));
  return (
    <div className={`${classes.row} ${classes.line}`} role="row" data-testid="offer-line" data-sku={line.sku}>
      <div role="cell" className={classes.index}>
        {index + 1}
      </div>
      <div role="cell">
        <Stack gap={4}>
          {/* The whole name, wrapped (a long name was cut after two lines at 1280–1366 px), and in the title. */}
          <Text size="sm" fw={500} className={classes.wrapAnywhere} title={name} data-testid="line-name">
            {name}
          </Text>
          <LineStock index={index} line={line} form={form} editable={editable} product={product} stock={stock} products={products} stockById={stockById} request={request} actions={actions} />
          {editable ? (
            <LineTextInput form={form} index={index} label={t('offers.lines.stockNote')} />
          ) : (
            line.stockNote && <ReadOnlyStockNote note={line.stockNote} arrivalOn={line.arrivalOn} />
          )}
        </Stack>
      </div>
      <div role="cell" className={classes.num}>
        {editable ? (
          <NumberCell form={form} name={`lines.${index}.qty`} label={t('offers.lines.qty')} suffix={<QtyUnit lineId={line.id} qty={line.qty} unit={line.unit} />} suffixWidth={unitWidth(line.unit)} />
        ) : (
          <Text size="sm" pt={6}>
            {quantityText(line.qty, line.unit, t)}
          </Text>
        )}
      </div>
      <div role="cell" className={classes.num} style={{ paddingTop: 6 }}>
        <UnitPrice lineId={line.id} currency={currency} />
      </div>
      <div role="cell" className={classes.num}>
        {editable ? (
          <NumberCell form={form} name={`lines.${index}.discountPct`} label={t('offers.lines.discount')} suffix="%" />
        ) : (
          <Text size="sm" pt={6}>
            {line.discountPct ? formatPercent(line.discountPct) : '—'}
          </Text>
        )}
        <OverLimit lineId={line.id} limitBp={limitBp} />
      </div>
      <div role="cell" className={classes.num} style={{ paddingTop: 6 }}>
        <LineAmount lineId={line.id} currency={currency} pricesIncludeVat={pricesIncludeVat} />
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

type StockProps = Pick<RowProps, 'index' | 'line' | 'form' | 'editable' | 'product' | 'stock' | 'products' | 'stockById' | 'request' | 'actions'>;

/** The line's SKU and stock for the quantity as typed now, and what to do when it is short. */
function LineStock({ index, line, form, editable, product, stock, products, stockById, request, actions }: StockProps) {
  const { t } = useTranslation();
  const nameOf = useProductName();
  const typedQty = useLineQty(line.id);
  const qty = typedQty !== undefined && Number.isFinite(typedQty) ? typedQty : line.qty;
  const outOfStock = (stock?.available ?? 0) < qty;
  useStockNoteFollowsQty(form, index, qty, line.unit, stock, editable);
  const analogues = useMemo(() => (product?.analogueIds ?? []).map((id) => products.get(id)).filter((p) => p !== undefined), [product, products]);
  return (
    <>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {line.sku}
        </Text>
        {(product || stock) && <StockBadge stock={stock} qty={qty} unit={line.unit} />}
        <StockAge stock={stock} />
        {request && (
          <Badge size="sm" variant="outline" color="blue" tt="none" leftSection={<IconTruckDelivery size={12} />} className={stockClasses.wraps} data-testid="stock-requested">
            {t('offers.stock.requested', { qty: quantityText(request.qty, line.unit, t), date: formatDate(request.neededBy) })}
          </Badge>
        )}
      </Group>
      {editable && outOfStock && (
        <Group gap={6}>
          {analogues.length > 0 && (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="light" leftSection={<IconArrowsExchange size={12} />} data-testid="show-analogues" className={stockClasses.wraps}>
                  {t('offers.stock.analoguesCount', { count: analogues.length })}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('offers.stock.swap')}</Menu.Label>
                {analogues.map((a) => (
                  <Menu.Item key={a.id} onClick={() => actions.swap(index, a)} data-testid="swap-analogue">
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{nameOf(a)}</Text>
                      <StockBadge stock={stockById.get(a.id)} qty={qty} unit={a.unit} />
                      <StockAge stock={stockById.get(a.id)} compact />
                    </Group>
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {!request && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconTruckDelivery size={12} />} onClick={() => actions.requestStock(line)} data-testid="request-stock" className={stockClasses.wraps}>
              {t('offers.stock.request')}
            </Button>
          )}
        </Group>
      )}
    </>
  );
}

/** The line's unit price after discounts, the list price struck through, the client's discount. */
function UnitPrice({ lineId, currency }: { lineId: string; currency: string }) {
  const { t } = useTranslation();
  const price = useLinePrice(lineId);
  if (!price) return null;
  if (price.status !== 'priced') {
    return (
      <Text size="xs" c="red.7" data-testid="line-unpriced">
        {t(`offers.lines.unpriced.${price.reason}`, { currency })}
      </Text>
    );
  }
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" data-testid="line-unit-price">
        {formatMoney(price.unitPrice, currency)}
      </Text>
      {price.unitPrice !== price.listUnitPrice && (
        <Text size="xs" c="dimmed" td="line-through">
          {formatMoney(price.listUnitPrice, currency)}
        </Text>
      )}
      {price.autoDiscountBp > 0 && (
        <Text size="xs" c="teal.7">
          {t('offers.lines.clientDiscount', { pct: formatPercent(price.autoDiscountBp / 100) })}
        </Text>
      )}
    </Stack>
  );
}

/** "Above limit" under the discount when the manual discount needs approval. */
function OverLimit({ lineId, limitBp }: { lineId: string; limitBp: number }) {
  const { t } = useTranslation();
  const price = useLinePrice(lineId);
  if (!price?.exceedsLimit) return null;
  return (
    <Tooltip label={t('offers.lines.overLimit', { limit: formatPercent(limitBp / 100) })}>
      <Badge color="orange" size="xs" mt={4} data-testid="over-limit">
        {t('offers.lines.aboveLimit')}
      </Badge>
    </Tooltip>
  );
}

/** The line's amount in the offer's basis (gross when prices include VAT). */
function LineAmount({ lineId, currency, pricesIncludeVat }: { lineId: string; currency: string; pricesIncludeVat: boolean }) {
  const price = useLinePrice(lineId);
  return (
    <Text size="sm" fw={600} data-testid="line-amount">
      {price?.status === 'priced' ? formatMoney(pricesIncludeVat ? price.gross : price.net, currency) : '—'}
    </Text>
  );
}

/**
 * A line's stock note. A note the person edits is theirs: it no longer names the delivery it was
 * written from, so the document prints it as typed.
 */
function LineTextInput({ form, index, label }: { form: UseFormReturn<OfferFormValues>; index: number; label: string }) {
  const name = `lines.${index}.stockNote` as const;
  const error = useOwnFieldError(form.control, name);
  const onChange = () => form.setValue(`lines.${index}.arrivalOn`, '', { shouldDirty: true });
  return <TextInput size="xs" placeholder={label} aria-label={label} {...form.register(name, { ...FIELD_RULES.stockNote, onChange })} error={error} />;
}

/** A given offer's stock note; one naming a delivery whose day has passed says the document prints "to be confirmed". */
function ReadOnlyStockNote({ note, arrivalOn }: { note: string; arrivalOn: string }) {
  const { t } = useTranslation();
  const passed = arrivalOn !== '' && arrivalOn < localToday();
  return (
    <Group gap={6}>
      <Text size="xs" c="dimmed" td={passed ? 'line-through' : undefined}>
        {note}
      </Text>
      {passed && (
        <Text size="xs" c="orange.8" data-testid="note-arrival-passed">
          {t('offers.stock.notePassed')}
        </Text>
      )}
    </Group>
  );
}

/**
 * Room for a unit after the quantity: "шт" and "pcs" need little, "csomag" or "Packung" more, and
 * a long one is cut short rather than covering the number.
 */
const unitWidth = (unit: string) => Math.round(Math.min(72, Math.max(28, 12 + 6.5 * Math.max(...[1, 2].map((n) => [...unitWord(unit, n)].length)))));

/** The unit after a line's quantity input, in the form the quantity typed takes ("1 pc", "2 pcs"). */
function QtyUnit({ lineId, qty, unit }: { lineId: string; qty: number; unit: string }) {
  const { t } = useTranslation();
  const typed = useLineQty(lineId);
  const word = unitWord(unit, typed !== undefined && Number.isFinite(typed) ? typed : qty, t);
  return (
    <Text size="xs" c="dimmed" truncate title={word} maw="100%" data-testid="line-unit">
      {word}
    </Text>
  );
}

/**
 * A right-aligned number input of a line (quantity, discount), with its unit after it, typed and
 * shown as the person's format writes numbers ("1 234,5" in Russian: clients/NumberField.tsx).
 */
function NumberCell({ form, name, label, suffix, suffixWidth }: { form: UseFormReturn<OfferFormValues>; name: `lines.${number}.qty` | `lines.${number}.discountPct`; label: string; suffix: React.ReactNode; suffixWidth?: number }) {
  const error = useOwnFieldError(form.control, name);
  const qty = name.endsWith('.qty');
  const { field } = useController({ control: form.control, name, rules: qty ? FIELD_RULES.qty : FIELD_RULES.discountPct });
  const { value, onChange, onBlur, ref } = field;
  return (
    <NumberField
      size="sm"
      aria-label={label}
      name={name}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      maxFractionDigits={qty ? 3 : 2}
      rightSection={
        typeof suffix === 'string' ? (
          <Text size="xs" c="dimmed" truncate title={suffix} maw="100%">
            {suffix}
          </Text>
        ) : (
          suffix
        )
      }
      rightSectionWidth={suffixWidth}
      styles={{ input: { textAlign: 'right' } }}
      error={error}
      testId={qty ? 'line-qty' : 'line-discount'}
    />
  );
}

/**
 * A line's stock note ("In stock") was written for the quantity and stock it had; while the person
 * has not changed that text, it follows the quantity ("12 pcs in stock, the rest on request"), and a
 * note promising a delivery whose day has passed becomes "Delivery date to be confirmed" (or the
 * next delivery's date): the offer never promises what the warehouse cannot give.
 */
function useStockNoteFollowsQty(form: UseFormReturn<OfferFormValues>, index: number, qty: number, unit: string, stock: StockLevel | undefined, editable: boolean) {
  const noteFor = useDefaultStockNote();
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (!editable || !Number.isFinite(qty)) return;
    const name = `lines.${index}.stockNote` as const;
    const arrivalOn = form.getValues(`lines.${index}.arrivalOn`);
    const passed = arrivalOn !== '' && arrivalOn < localToday();
    const before = previous.current;
    previous.current = qty;
    // On opening, only a passed delivery's note changes; later, a new quantity's.
    if (!passed && (before === null || before === qty)) return;
    const written = noteFor(stock, before ?? qty, unit);
    const next = noteFor(stock, qty, unit);
    // The note the app wrote, unchanged: for a passed delivery, the note of that date's stock.
    const ours = passed || form.getValues(name) === written.text;
    if (ours && (next.text !== form.getValues(name) || next.arrivalOn !== arrivalOn)) {
      form.setValue(name, next.text, { shouldDirty: true });
      form.setValue(`lines.${index}.arrivalOn`, next.arrivalOn, { shouldDirty: true });
    }
  }, [qty, unit, stock, editable, index, form, noteFor]);
}
