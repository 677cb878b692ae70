import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Alert, Anchor, Box, Card, Group, Loader, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconAlertCircle } from '@tabler/icons-react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { clientLanguage, type Client } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import type { CatalogProduct } from '../../../core/pricing/catalog-model';
import { PageLoading, PageNotFound } from '../app/PageStates';
import { useClient, useContacts, useTeam } from '../data/clients/queries';
import { useOffer, useOfferStockRequests, useOfferVersions } from '../data/offers/offer-queries';
import { findProductBySku, stockOf, usePricingCatalog, useProductsAndStock } from '../data/catalog/catalog';
import { listenForScans } from '../leads/scanner-input';
import { addDays, localToday, requestStock } from '../data/offers/offers';
import { UnsavedChangesGuard } from '../clients/unsaved-changes';
import classes from './OfferPage.module.css';
import { showOnce, useSaveFailedMessage } from '../clients/form-helpers';
import { formatDate, formatDateTime, formatMoney } from '../i18n/format';
import { useTeamNames } from '../clients/team';
import { newLine, toFormValues, type OfferFormLine, type OfferFormValues } from './offer-form';
import { PricingEngine, PricingProvider, useOfferTotals } from './offer-pricing';
import { OfferLines, type LineActions } from './OfferLines';
import { OfferTotals } from './OfferTotals';
import { OfferTerms } from './OfferTerms';
import { ProductPicker } from './ProductPicker';
import { OfferStatusBadge } from './OfferStatusBadge';
import { StockRequestDialog } from './OfferDialogs';
import { OfferActions } from './OfferActions';
import { RefusedSendAlert } from './RefusedSend';
import { ApprovalPanel } from './ApprovalPanel';
import { useCurrentUserId } from '../data/leads/lead-queries';
import { OfferDocumentLanguage, useDefaultStockNote } from './StockInfo';
import { documentLanguageOf, useDocumentLanguage } from '../i18n/document-language';
import { useUiLanguage } from '../i18n/language';
import { lineName, useProductName } from '../catalog/product-name';
import { useDraftAutosave, useSaveState, type Autosave } from './use-draft-autosave';

/** The offer builder (a draft) and the offer as given (every later status), at `/offers/:offerId`. */
export function OfferPage() {
  const { t } = useTranslation();
  const { offerId } = useParams();
  const navigate = useNavigate();
  const offer = useOffer(offerId);
  const client = useClient(offer?.clientId);
  if (offer === undefined || (offer && client === undefined)) return <PageLoading />;
  if (offer === null || client === null || client === undefined) {
    return <PageNotFound message={t('offers.notFound')} backLabel={t('offers.back')} onBack={() => void navigate('/offers')} />;
  }
  return (
    <PricingProvider key={offer.id}>
      <InClientLanguage client={client}>
        <OfferEditor offer={offer} client={client} />
      </InClientLanguage>
    </PricingProvider>
  );
}

/** The texts the app writes onto the offer for the client (its lines' stock notes) are in the client's language. */
function InClientLanguage({ client, children }: { client: Client; children: React.ReactNode }) {
  const ui = useUiLanguage();
  const text = useDocumentLanguage(documentLanguageOf(clientLanguage(client, ui)));
  return <OfferDocumentLanguage.Provider value={text}>{children}</OfferDocumentLanguage.Provider>;
}

function OfferEditor({ offer, client }: { offer: Offer; client: Client }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saveFailed = useSaveFailedMessage();
  const team = useTeam();
  const contacts = useContacts(client.id);
  const editable = offer.status === 'draft';
  const form = useForm<OfferFormValues>({ defaultValues: toFormValues(offer), mode: 'onChange' });
  const lines = useFieldArray({ control: form.control, name: 'lines', keyName: 'key' });
  // An offer past its draft shows its lines as stored: the field array keeps the values lines
  // were loaded or added with, not what was typed since (it showed a 2 500 typed over 1 as "1").
  const shownLines = useMemo(() => (editable ? lines.fields : toFormValues(offer).lines.map((l) => ({ ...l, key: l.id }))), [editable, lines.fields, offer]);
  const autosave = useDraftAutosave(form, offer);
  const [currency, pricesIncludeVat] = useWatch({ control: form.control, name: ['currency', 'pricesIncludeVat'] });
  const productIds = useMemo(() => lines.fields.map((f) => f.productId), [lines.fields]);
  const catalogData = useProductsAndStock(productIds);
  const pricingCatalog = usePricingCatalog(productIds, client);
  const requests = useOfferStockRequests(offer.id) ?? [];
  const limitBp = team?.find((m) => m.id === offer.ownerId)?.discountLimitBp ?? 0;
  const me = useCurrentUserId();
  const myRole = team?.find((m) => m.id === me)?.role;
  const approver = myRole === 'head_of_sales' || myRole === 'admin';
  const defaultNote = useDefaultStockNote();
  const nameOf = useProductName();
  const [requestFor, setRequestFor] = useState<OfferFormLine | null>(null);

  const back = useCallback(() => void navigate(`/clients/${client.id}`), [navigate, client.id]);
  useHotkeys([['mod+S', () => void autosave.flush()]], []);

  // The row actions stay one object for the page's life (a new one would re-render every row);
  // they call the current closures through a ref.
  const latest = useRef({ lines, form, catalogData, defaultNote, nameOf, t });
  useEffect(() => {
    latest.current = { lines, form, catalogData, defaultNote, nameOf, t };
  });
  const actions: LineActions = useMemo(
    () => ({
      remove: (index) => latest.current.lines.remove(index),
      swap: (index, analogue) => {
        const { lines, form, catalogData, defaultNote, nameOf, t } = latest.current;
        const old = form.getValues(`lines.${index}`);
        const stock = catalogData?.stock.get(analogue.id);
        lines.update(index, { ...newLine(analogue, old.qty, defaultNote(stock, old.qty, analogue.unit)), id: old.id, discountPct: old.discountPct });
        notifications.show({ message: t('offers.stock.swapped', { old: nameOf(lineName(old, catalogData?.products.get(old.productId))), new: nameOf(analogue) }) });
      },
      requestStock: (line) => setRequestFor(line),
    }),
    [],
  );

  const addProduct = (product: CatalogProduct) => {
    const existing = form.getValues('lines').findIndex((l) => l.productId === product.id);
    if (existing >= 0) {
      // The same product again (scanned twice): one more on its line, not a second line.
      form.setValue(`lines.${existing}.qty`, Number(form.getValues(`lines.${existing}.qty`)) + 1, { shouldDirty: true, shouldValidate: true });
      return;
    }
    const stock = stockOf(product.id) ?? undefined;
    lines.append(newLine(product, 1, defaultNote(stock, 1, product.unit)), { shouldFocus: false });
  };

  // A USB scanner anywhere on the builder adds the scanned product (the product box handles its
  // own keys, so a scan typed there is not taken twice).
  const addScanned = (code: string, field: Element | null) => {
    if (!editable || field?.getAttribute('data-testid') === 'product-picker') return;
    void findProductBySku(code).then((p) => {
      if (p && !p.discontinued) addProduct(p);
      else notifications.show({ color: 'orange', message: t('offers.lines.skuNotFound', { sku: code }) });
    });
  };
  const onScan = useRef(addScanned);
  useEffect(() => {
    onScan.current = addScanned;
  });
  useEffect(() => listenForScans(window, (code, info) => onScan.current(code.trim(), info.field)), []);

  const versions = useOfferVersions(offer.number);
  const current = versions?.filter((v) => v.status !== 'superseded').sort((a, b) => b.version - a.version)[0];
  const previous = versions?.find((v) => v.id === offer.previousVersionId);

  return (
    <ScrollArea h="100%">
      <AutosaveGuard autosave={autosave} />
      <Box px="lg" py="md" maw={1400}>
        {/* The number, status and total on one line, the client and the save state under them; the
            actions beside them while there is room (a wide screen), else on a line of their own,
            right-aligned: nothing is cut, covered or broken mid-group at 1280 or 1366 px. */}
        <Group justify="space-between" mb="md" wrap="wrap" align="flex-start" style={{ rowGap: 'var(--mantine-spacing-xs)' }} data-testid="offer-header">
          <Group gap="sm" wrap="nowrap" style={{ flex: '1 0 auto' }}>
            <Tooltip label={t('offers.back')}>
              <ActionIcon variant="subtle" onClick={back} aria-label={t('offers.back')}>
                <IconArrowLeft size={20} />
              </ActionIcon>
            </Tooltip>
            <Box>
              <Group gap="sm" wrap="nowrap">
                <Title order={2} data-testid="offer-title" style={{ whiteSpace: 'nowrap' }}>
                  {t('offers.numberVersion', { number: offer.number, version: offer.version })}
                </Title>
                <OfferStatusBadge status={offer.status} size="lg" />
                <HeaderTotal currency={currency} pricesIncludeVat={pricesIncludeVat} />
              </Group>
              <Group gap="md" wrap="nowrap">
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} size="sm" to={`/clients/${client.id}`} data-testid="offer-client">
                    {client.name}
                  </Anchor>
                  {' · '}
                  {t(`priceType.${client.priceType}`)}
                </Text>
                {editable && <SaveIndicator autosave={autosave} />}
              </Group>
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap" ml="auto" data-testid="offer-header-actions">
            <OfferActions offer={offer} client={client} contacts={contacts ?? []} flush={autosave.flush} onFailed={(e) => showOnce('offer-failed', { color: 'red', message: saveFailed(e) })} />
          </Group>
        </Group>

        <Stack gap="md">
          {offer.status === 'superseded' && current && current.id !== offer.id && (
            <Alert color="gray" data-testid="superseded-banner">
              {t('offers.olderVersion', { version: current.version })}{' '}
              <Anchor component={Link} to={`/offers/${current.id}`}>{t('offers.openCurrent')}</Anchor>
            </Alert>
          )}
          {previous && (
            <Text size="sm" c="dimmed">
              {t('offers.previousVersion', { version: previous.version })} · <Anchor component={Link} to={`/offers/${previous.id}`}>{t('offers.openPrevious', { version: previous.version })}</Anchor>
            </Text>
          )}
          {!editable && offer.status !== 'superseded' && offer.status !== 'draft' && (
            <Text size="sm" c="dimmed" data-testid="offer-read-only">
              {t(`offers.readOnly.${offer.status}`, { next: offer.version + 1 })}
            </Text>
          )}
          {(offer.status === 'sent' || offer.status === 'approved') && localToday() > offer.terms.validUntil && (
            <Alert color="orange">{t('offers.validityPassed', { date: formatDate(offer.terms.validUntil) })}</Alert>
          )}
          <RefusedSendAlert offer={offer} />
          <ReturnedAlert offer={offer} />

          <div className={classes.layout}>
            <div>
              <Card withBorder padding="md">
                <Group justify="space-between" mb="sm">
                  <Title order={5}>{t('offers.lines.title')}</Title>
                  <Text size="xs" c="dimmed">
                    {t('offers.lines.count', { count: lines.fields.length })}
                  </Text>
                </Group>
                {editable && (
                  <Box mb="md">
                    <ProductPicker onPick={addProduct} autoFocus={lines.fields.length === 0} />
                  </Box>
                )}
                {catalogData === undefined ? (
                  <Loader size="sm" />
                ) : (
                  <OfferLines
                    form={form}
                    fields={shownLines}
                    editable={editable}
                    currency={currency}
                    pricesIncludeVat={pricesIncludeVat}
                    limitBp={limitBp}
                    products={catalogData.products}
                    stock={catalogData.stock}
                    requests={requests}
                    actions={actions}
                  />
                )}
              </Card>
            </div>
            <div>
              <Stack gap="md">
                {offer.status === 'awaiting_approval' && approver && team && catalogData && <ApprovalPanel offer={offer} client={client} team={team} products={catalogData.products} />}
                <OfferTotals currency={currency} limitBp={limitBp} showApproval={editable} />
                <OfferTerms form={form} editable={editable} offer={offer} />
                <OfferHistory offer={offer} />
              </Stack>
            </div>
          </div>
        </Stack>
      </Box>

      <PricingEngine form={form} offer={offer} client={client} catalog={pricingCatalog} discountLimitBp={limitBp} />
      {requestFor && (
        <StockRequestDialog
          product={{ name: nameOf(lineName(requestFor, catalogData?.products.get(requestFor.productId))), unit: requestFor.unit }}
          defaultQty={Number(requestFor.qty) || 1}
          defaultDate={laterOf(form.getValues('terms.validUntil'), addDays(localToday(), 1))}
          onCancel={() => setRequestFor(null)}
          onConfirm={async (r) => {
            const line = requestFor;
            setRequestFor(null);
            try {
              await requestStock({ clientId: client.id, productId: line.productId, offerId: offer.id, ...r });
              notifications.show({ color: 'green', message: t('offers.request.sent') });
            } catch (e) {
              notifications.show({ color: 'red', message: saveFailed(e) });
            }
          }}
        />
      )}
    </ScrollArea>
  );
}

const laterOf = (a: string, b: string) => (a > b ? a : b);

/** The offer's total beside its title: in view however long the offer is. */
function HeaderTotal({ currency, pricesIncludeVat }: { currency: string; pricesIncludeVat: boolean }) {
  const totals = useOfferTotals();
  if (!totals) return null;
  return (
    <Text size="lg" fw={600} c="dimmed" data-testid="header-total" style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(pricesIncludeVat ? totals.gross : totals.net, currency)}
    </Text>
  );
}

/** Leaving with changes that could not be saved (invalid, or the save failed) asks first. */
function AutosaveGuard({ autosave }: { autosave: Autosave }) {
  const state = useSaveState(autosave);
  return <UnsavedChangesGuard when={state === 'invalid' || state === 'failed'} />;
}

/** Whether the draft is saved: a quiet tick, "Saving…", or what keeps it from being saved. */
function SaveIndicator({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const state = useSaveState(autosave);
  const [icon, text, color] =
    state === 'saving'
      ? [null, t('offers.saving'), 'dimmed']
      : state === 'saved'
        ? [<IconCheck key="ok" size={14} color="var(--mantine-color-teal-6)" />, t('offers.saved'), 'dimmed']
        : [<IconAlertCircle key="bad" size={14} color="var(--mantine-color-red-6)" />, t('offers.unsaved'), 'red.7'];
  return (
    <Group gap={4} wrap="nowrap" data-testid="save-state" data-state={state}>
      {icon}
      <Text size="xs" c={color} style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}

/**
 * What a step of the history did, where its status alone does not say it: a draft after an
 * approval is an approval dropped, after a request a request withdrawn (by the offer's manager)
 * or returned (by the head of sales); a superseded version was replaced by its revision.
 */
function historyStep(offer: Offer, index: number): 'approvalDropped' | 'withdrawn' | 'returned' | 'superseded' | null {
  const h = offer.history[index]!;
  const before = offer.history[index - 1]?.status;
  if (h.status === 'superseded') return 'superseded';
  if (h.status !== 'draft') return null;
  if (before === 'approved') return 'approvalDropped';
  if (before === 'awaiting_approval') return h.by === offer.ownerId ? 'withdrawn' : 'returned';
  return null;
}

/**
 * A draft the head of sales returned: who and why at the top, where the manager looks first —
 * the comment is what to change (it is in the history too, at the bottom).
 */
function ReturnedAlert({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const names = useTeamNames();
  const last = offer.history.length - 1;
  if (offer.status !== 'draft' || last < 1 || historyStep(offer, last) !== 'returned') return null;
  const step = offer.history[last]!;
  const who = names.get(step.by) ?? step.by;
  return (
    <Alert color="orange" title={t('offers.returned.title', { who, when: formatDateTime(step.at) })} data-testid="returned-banner">
      {step.comment ? t('offers.returned.comment', { comment: step.comment }) : t('offers.returned.noComment')}
    </Alert>
  );
}

function OfferHistory({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const names = useTeamNames();
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="xs">
        {t('offers.history.title')}
      </Title>
      <Stack gap={6}>
        {offer.history
          .map((h, i) => ({ h, step: historyStep(offer, i) }))
          .reverse()
          .map(({ h, step }, i) => (
          <Box key={i} data-testid="offer-history-entry">
            <Text size="sm">{t('offers.history.entry', { status: step ? t(`offers.history.${step}`, { next: offer.version + 1 }) : t(`offers.status.${h.status}`), who: names.get(h.by) ?? h.by, when: formatDateTime(h.at) })}</Text>
            {h.comment && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {t('offers.history.comment', { comment: h.comment })}
              </Text>
            )}
          </Box>
        ))}
      </Stack>
    </Card>
  );
}

