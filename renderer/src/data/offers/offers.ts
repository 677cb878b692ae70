/**
 * Offer commands: create, edit (drafts), move through the lifecycle, revise, copy to another
 * client, request missing stock from logistics, and record the activity of sending. Like every
 * write in the app (see commands.ts), each is one transaction that validates, writes the records
 * and appends their changes to the sync outbox — so an offer built at a client's site with no
 * network is on disk and queued for the company.
 *
 * The rules are in core: pricing in core/pricing/price.ts, the lifecycle in
 * core/offers/lifecycle.ts; the company server checks each pushed offer with
 * core/offers/offer-write-rules.ts.
 */
import { clientTerms, priceOffer, type OfferTotals, type PricedLine } from '../../../../core/pricing/price';
import { applyTransition, copyToClient, isEditable, revise, transition, type OfferAction, type TransitionContext, type TransitionError } from '../../../../core/offers/lifecycle';
import { initialsOf, nextOfferNumber, offerNumberStem } from '../../../../core/offers/offer-number';
import { offerFieldsSchema, offerLineSchema, offerTermsSchema, stockRequestFieldsSchema, type Offer, type OfferLine, type OfferTerms, type StockRequest } from '../../../../core/offers/offer-model';
import { activityFieldsSchema, type Activity, type ActivityKind } from '../../../../core/activities/activity-model';
import type { Client, TeamMember } from '../../../../core/client-model';
import { sameValue } from '../../../../core/sync/merge';
import { DELETED_FIELD } from '../../../../core/sync/tables';
import { loadPricingCatalog } from '../catalog/catalog';
import { CommandError, safeText } from '../clients/commands';
import { getDb, type FieldbookDb } from '../db';
import { currentUserId } from '../leads/leads';
import { offerLinesOutsideRules } from './offer-rules';
import { outboxTables, recordChange } from '../sync/outbox';
import { readOfferMark } from '../sync/sync-session';

/** How long a new offer is valid, in days. */
export const DEFAULT_VALIDITY_DAYS = 30;

/** What a person edits on a draft: everything else is the offer's identity and history. */
export interface OfferDraft {
  lines: OfferLine[];
  terms: OfferTerms;
  currency: string;
  pricesIncludeVat: boolean;
}

/** Why a lifecycle action was refused, as the key of its message (`offers.errors.*`). */
export class OfferActionError extends CommandError {
  constructor(readonly reason: TransitionError | 'not_found' | 'not_editable') {
    super(`offers.errors.${reason}`);
  }
}

const nowIso = () => new Date().toISOString();

/** Today's date where the laptop is (offers are valid until the end of a local calendar day). */
export function localToday(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const offerTables = (db: FieldbookDb) =>
  [db.offers, db.clients, db.team, db.products, db.prices, db.groupDiscounts, db.productGroups, db.activities, db.stockRequests, ...outboxTables(db)] as const;

/** The person using this laptop with their role (a head of sales approves). */
async function actor(db: FieldbookDb): Promise<{ id: string; role: TeamMember['role'] }> {
  const id = await currentUserId(db);
  const me = await db.team.get(id);
  return { id, role: me?.role ?? 'manager' };
}

/** The approval threshold of an offer: its owner's discount limit as last synced. */
async function ownerLimitBp(db: FieldbookDb, ownerId: string): Promise<number> {
  return (await db.team.get(ownerId))?.discountLimitBp ?? 0;
}

/**
 * The next commercial number of the person using this laptop (core/offers/offer-number.ts): their
 * prefix from the company server (initials before the first sync) and this device's mark,
 * continued after this laptop's counter and after every number of the day it holds.
 */
async function nextOfferNumberOf(db: FieldbookDb, userId: string, today: string): Promise<string> {
  const me = await db.team.get(userId);
  const prefix = me?.offerPrefix ?? initialsOf(me?.name ?? '');
  const mark = (await readOfferMark(db)) ?? '';
  const stored = (await db.meta.get('offerCounter'))?.value as { day: string; prefix?: string; mark?: string; n: number } | undefined;
  const counted = stored?.day === today && (stored.prefix ?? prefix) === prefix && (stored.mark ?? '') === mark ? stored.n : 0;
  const known = (await db.offers.where('number').startsWith(offerNumberStem(prefix, today, mark)).keys()) as string[];
  const next = nextOfferNumber(prefix, today, counted, known, mark);
  await db.meta.put({ key: 'offerCounter', value: { day: today, prefix, mark, n: next.n } });
  return next.number;
}

async function mustGet(db: FieldbookDb, id: string): Promise<Offer> {
  const offer = await db.offers.get(id);
  if (!offer) throw new OfferActionError('not_found');
  return offer;
}

async function mustGetClient(db: FieldbookDb, id: string): Promise<Client> {
  const client = await db.clients.get(id);
  if (!client) throw new CommandError('errors.client_not_found');
  return client;
}

/** Writes a new offer and queues all its fields. */
async function insertOffer(db: FieldbookDb, offer: Offer): Promise<void> {
  // Validated as the server will: a record it would refuse must not be queued.
  const fields = offerFieldsSchema.parse(offer);
  await db.offers.add(offer);
  await recordChange(db, 'offers', offer.id, { ...fields, [DELETED_FIELD]: false });
}

/** Writes a changed offer and queues the fields that changed. */
async function replaceOffer(db: FieldbookDb, before: Offer, after: Offer): Promise<void> {
  const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => k !== 'updatedAt' && !sameValue(v, before[k as keyof Offer])));
  if (Object.keys(changed).length === 0) return;
  await db.offers.put(after);
  await recordChange(db, 'offers', after.id, changed);
}

/** The offer as stored now (after a save that a live query has not delivered yet). */
export const getOffer = (id: string, db = getDb()) => db.offers.get(id);

/** The client's payment terms as the offer's payment text ("14 days net"), in the client's language (OfferTexts.tsx). */
export type PaymentText = (days: number, client: Client) => string;

/** offer-create: a draft for a client (from its card, or from a lead attached to it). */
export async function createOffer(input: { clientId: string; leadId?: string | null; lines?: OfferLine[]; paymentText: PaymentText }, db = getDb()): Promise<Offer> {
  const lines = safeText(input.lines ?? []);
  return db.transaction('rw', offerTables(db), async () => {
    const client = await mustGetClient(db, input.clientId);
    const me = await currentUserId(db);
    const at = nowIso();
    const today = localToday();
    const offer: Offer = {
      id: crypto.randomUUID(),
      clientId: client.id,
      leadId: input.leadId ?? null,
      ownerId: me,
      number: await nextOfferNumberOf(db, me, today),
      version: 1,
      previousVersionId: null,
      status: 'draft',
      currency: client.currency,
      pricesIncludeVat: false,
      lines: [],
      terms: { validUntil: addDays(today, DEFAULT_VALIDITY_DAYS), delivery: '', payment: safeText(input.paymentText(client.paymentTermsDays, client)), specialConditions: '', notes: '' },
      history: [{ status: 'draft', at, by: me, comment: '' }],
      createdAt: at,
      updatedAt: at,
    };
    offer.lines = await priceLines(db, offer, client, lines);
    await insertOffer(db, offer);
    return offer;
  });
}

/**
 * The lines with the price snapshot each gets now from the catalog and the client's terms (null
 * where there is no price). A line whose price did not change keeps its snapshot, with its
 * `pricedAt`: saving a draft again must not look like a change of every line. A draft's lines
 * also follow the catalog's SKU, name and unit (a product renamed since it was added): what goes
 * out names the product as the company's catalog does, which the server checks.
 */
async function priceLines(db: FieldbookDb, offer: Pick<Offer, 'currency' | 'pricesIncludeVat' | 'ownerId'>, client: Client, lines: readonly OfferLine[]): Promise<OfferLine[]> {
  const totals = await priceDraft(db, { ...offer, lines: [...lines] }, client);
  const products = new Map((await db.products.bulkGet([...new Set(lines.map((l) => l.productId))])).filter((p) => p !== undefined).map((p) => [p.id, p]));
  return lines.map((line, i) => {
    const p = products.get(line.productId);
    const named = p && (p.sku !== line.sku || p.name !== line.name || p.unit !== line.unit) ? { ...line, sku: p.sku, name: p.name, unit: p.unit } : line;
    const result = totals.lines[i];
    const fresh = result?.status === 'priced' ? (result as PricedLine).pricing : null;
    if (fresh && named.pricing && samePrice(fresh, named.pricing)) return named;
    return { ...named, pricing: fresh };
  });
}

const samePrice = (a: NonNullable<OfferLine['pricing']>, b: NonNullable<OfferLine['pricing']>) =>
  sameValue({ ...a, pricedAt: '' }, { ...b, pricedAt: '' });

/** A draft priced afresh from the catalog (what the builder shows, and what saving stores). */
export async function priceDraft(db: FieldbookDb, offer: Pick<Offer, 'currency' | 'pricesIncludeVat' | 'ownerId' | 'lines'>, client: Client): Promise<OfferTotals> {
  const catalog = await loadPricingCatalog(
    offer.lines.map((l) => l.productId),
    client,
    db,
  );
  return priceOffer({
    from: 'catalog',
    catalog,
    client: clientTerms(client),
    currency: offer.currency,
    pricesIncludeVat: offer.pricesIncludeVat,
    lines: offer.lines,
    discountLimitBp: await ownerLimitBp(db, offer.ownerId),
    now: nowIso(),
  });
}

/** offer-edit: a draft's lines and terms, re-priced and saved. Only drafts change. */
export async function saveOfferDraft(id: string, typed: OfferDraft, db = getDb()): Promise<Offer> {
  const draft = safeText(typed);
  const lines = draft.lines.map((l) => offerLineSchema.parse(l));
  const terms = offerTermsSchema.parse(draft.terms);
  return db.transaction('rw', offerTables(db), async () => {
    const before = await mustGet(db, id);
    if (!isEditable(before)) throw new OfferActionError('not_editable');
    const client = await mustGetClient(db, before.clientId);
    const after: Offer = { ...before, terms, currency: draft.currency, pricesIncludeVat: draft.pricesIncludeVat, updatedAt: nowIso() };
    after.lines = await priceLines(db, after, client, lines);
    await replaceOffer(db, before, after);
    return after;
  });
}

/**
 * offer-submit, -approve, -return, -recall, -send, -accept, -decline, -expire: one lifecycle
 * step, with who and when (and the approver's comment) in the offer's history. A draft is priced
 * once more first, so what goes for approval or to the client carries today's prices.
 */
export async function offerAction(id: string, action: OfferAction, comment = '', db = getDb()): Promise<Offer> {
  // An async scope: Dexie follows native awaits inside a transaction only when the scope function
  // itself is async (a plain arrow returning step's promise commits early).
  return db.transaction('rw', offerTables(db), async () => await step(db, id, action, safeText(comment)));
}

/**
 * Why `action` would be refused now (a key under `offers.errors.`), or null: asked before a step
 * that needs more from the person first (sending opens a dialog; a refusal should come before it).
 */
export async function whyNot(id: string, action: OfferAction, db = getDb()): Promise<string | null> {
  return db.transaction('r', offerTables(db), async () => {
    const offer = await mustGet(db, id);
    const current = offer.status === 'draft' ? { ...offer, lines: await priceLines(db, offer, await mustGetClient(db, offer.clientId), offer.lines) } : offer;
    const result = transition(current, action, await transitionContext(db, current));
    return result.ok ? null : `offers.errors.${result.error}`;
  });
}

/** One lifecycle step inside the caller's transaction. */
async function step(db: FieldbookDb, id: string, action: OfferAction, comment = ''): Promise<Offer> {
  const before = await mustGet(db, id);
  let current = before;
  if (before.status === 'draft') current = { ...before, lines: await priceLines(db, before, await mustGetClient(db, before.clientId), before.lines) };
  const applied = applyTransition(current, action, await transitionContext(db, current), comment.trim());
  if (!applied.ok) throw new OfferActionError(applied.error);
  await replaceOffer(db, before, applied.value);
  return applied.value;
}

async function transitionContext(db: FieldbookDb, offer: Offer): Promise<TransitionContext> {
  // A draft about to go out is held to the company's price rules, as the server will hold it (offer-rules.ts).
  const outside = offer.status === 'draft' ? await offerLinesOutsideRules(db, offer, await mustGetClient(db, offer.clientId)) : [];
  return { actor: await actor(db), now: nowIso(), today: localToday(), discountLimitBp: await ownerLimitBp(db, offer.ownerId), linesOutsideRules: outside.length > 0 };
}

/** offer-revise: a sent, rejected or expired offer becomes read-only; a new version is the draft. */
export async function reviseOffer(id: string, db = getDb()): Promise<Offer> {
  return db.transaction('rw', offerTables(db), async () => {
    const before = await mustGet(db, id);
    const result = revise(before, { actor: await actor(db), now: nowIso() }, crypto.randomUUID());
    if (!result.ok) throw new OfferActionError(result.error);
    const { superseded, draft } = result.value;
    // The new version must be valid for a while: the old date has usually passed.
    const fresh: Offer = { ...draft, terms: { ...draft.terms, validUntil: laterOf(draft.terms.validUntil, addDays(localToday(), DEFAULT_VALIDITY_DAYS)) } };
    const client = await mustGetClient(db, fresh.clientId);
    fresh.lines = await priceLines(db, fresh, client, fresh.lines);
    await replaceOffer(db, before, superseded);
    await insertOffer(db, fresh);
    return fresh;
  });
}

const laterOf = (a: string, b: string) => (a > b ? a : b);

/** offer-copy: the same products and quantities for another client, priced with that client's terms. */
export async function copyOfferToClient(id: string, clientId: string, paymentText: PaymentText, db = getDb()): Promise<Offer> {
  return db.transaction('rw', offerTables(db), async () => {
    const source = await mustGet(db, id);
    const client = await mustGetClient(db, clientId);
    const me = await currentUserId(db);
    const today = localToday();
    const copy = copyToClient(source, {
      id: crypto.randomUUID(),
      number: await nextOfferNumberOf(db, me, today),
      clientId: client.id,
      ownerId: me,
      currency: client.currency,
      pricesIncludeVat: source.pricesIncludeVat,
      validUntil: addDays(today, DEFAULT_VALIDITY_DAYS),
      now: nowIso(),
    });
    copy.terms = { ...copy.terms, payment: safeText(paymentText(client.paymentTermsDays, client)) };
    copy.lines = await priceLines(db, copy, client, copy.lines);
    await insertOffer(db, copy);
    return copy;
  });
}

export interface StockRequestInput {
  clientId: string;
  productId: string;
  qty: number;
  neededBy: string;
  offerId: string | null;
  note: string;
}

/** stock-request: asks logistics for an item the warehouse lacks (synced to the company). */
export async function requestStock(input: StockRequestInput, db = getDb()): Promise<StockRequest> {
  return db.transaction('rw', [db.stockRequests, db.products, db.clients, db.team, ...outboxTables(db)], async () => {
    const product = await db.products.get(input.productId);
    if (!product) throw new CommandError('errors.product_not_found');
    await mustGetClient(db, input.clientId);
    const fields = stockRequestFieldsSchema.parse({
      ...safeText(input),
      sku: product.sku,
      productName: product.name,
      status: 'open',
      requestedBy: await currentUserId(db),
      createdAt: nowIso(),
    });
    const request: StockRequest = { ...fields, id: crypto.randomUUID(), updatedAt: fields.createdAt };
    await db.stockRequests.add(request);
    await recordChange(db, 'stockRequests', request.id, { ...fields, [DELETED_FIELD]: false });
    return request;
  });
}

export interface ActivityInput {
  clientId: string;
  contactId?: string | null;
  kind: ActivityKind;
  subject: string;
  notes?: string;
  offerId?: string | null;
  at?: string;
}

async function insertActivity(db: FieldbookDb, input: ActivityInput): Promise<Activity> {
  const at = nowIso();
  const fields = activityFieldsSchema.parse({ ...safeText(input), at: input.at ?? at, ownerId: await currentUserId(db) });
  const activity: Activity = { ...fields, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
  await db.activities.add(activity);
  await recordChange(db, 'activities', activity.id, { ...fields, createdAt: at, [DELETED_FIELD]: false });
  return activity;
}

/** activity-record: a call, meeting, visit, email or note with a client. */
export async function recordActivity(input: ActivityInput, db = getDb()): Promise<Activity> {
  return db.transaction('rw', [db.activities, db.team, ...outboxTables(db)], async () => await insertActivity(db, input));
}

/**
 * offer-send: the offer goes to the client (by the email draft the app opened, or handed over
 * in person) and the sending is recorded as an activity on the client — in one transaction.
 */
export async function sendOffer(id: string, how: { kind: Extract<ActivityKind, 'email' | 'visit' | 'note'>; subject: string; contactId: string | null }, db = getDb()): Promise<Offer> {
  return db.transaction('rw', offerTables(db), async () => {
    const sent = await step(db, id, 'send');
    await insertActivity(db, { clientId: sent.clientId, contactId: how.contactId, kind: how.kind, subject: how.subject, offerId: sent.id });
    return sent;
  });
}
