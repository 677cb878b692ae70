/**
 * The company's price rules on this laptop: the same check the company server runs on an offer
 * that goes out unapproved (core/pricing/price-check.ts, server/sync/offer-pricing.ts), run
 * before sending, so that the person sees "needs approval" and submits the offer instead of
 * sending a PDF the server will refuse; and the way on when the server did refuse one
 * (`submitRefusedOffer`).
 *
 * A draft here is priced from this laptop's catalog, so its lines always carry the catalog's
 * prices; what the check catches on the laptop is the client's terms given without authority:
 * a standing discount above the person's limit, or a price type other than retail, set on the
 * client card on this laptop by a manager (`givenClientTerms`). Who set them elsewhere, and the
 * catalog the server holds now, only the server knows: it may still ask for an approval, and the
 * refused offer then goes for approval from here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Client, TeamMember } from '../../../../core/client-model';
import { submitRefused } from '../../../../core/offers/lifecycle';
import { offerFieldsSchema, type Offer } from '../../../../core/offers/offer-model';
import { givenClientTerms, linesOutsideRules, type LineOutsideRules, type TermSetter } from '../../../../core/pricing/price-check';
import { isHlc, parseHlc } from '../../../../core/sync/hlc';
import { stampOf } from '../../../../core/sync/merge';
import { DELETED_FIELD } from '../../../../core/sync/tables';
import { loadPricingCatalog } from '../catalog/catalog';
import { CommandError, safeText } from '../clients/commands';
import { getDb, type FieldbookDb } from '../db';
import { currentUserId } from '../leads/leads';
import { outboxTables, recordChange, recordKey, serverStampsOf } from '../sync/outbox';

/**
 * Who set the client's price type and standing discount, as far as this laptop can tell: the
 * person using it, when the value was written here (an unsent edit, or a server stamp made by
 * this laptop's clock); else the company (null), which the server judges by what it knows.
 */
async function termSetters(db: FieldbookDb, client: Client, me: { role: TeamMember['role']; discountLimitBp: number }): Promise<Record<'priceType' | 'discountPct', TermSetter>> {
  const key = recordKey('clients', client.id);
  const [node, pending, stamps] = await Promise.all([db.meta.get('hlcNode'), db.outbox.where('key').equals(key).toArray(), serverStampsOf(db, 'clients', client.id, client.id)]);
  const here = (field: string) => {
    if (pending.some((e) => field in e.fields)) return true;
    const stamp = stamps ? stampOf(stamps, field) : null;
    return stamp !== null && isHlc(stamp) && parseHlc(stamp).node === node?.value;
  };
  return { priceType: here('priceType') ? me : null, discountPct: here('discountPct') ? me : null };
}

/** The lines of `offer` the company's rules do not give, judged with this laptop's catalog (see the top of this file). */
export async function offerLinesOutsideRules(db: FieldbookDb, offer: Pick<Offer, 'lines' | 'currency'>, client: Client): Promise<LineOutsideRules[]> {
  const me = await db.team.get(await currentUserId(db));
  const terms = givenClientTerms(client, await termSetters(db, client, { role: me?.role ?? 'manager', discountLimitBp: me?.discountLimitBp ?? 0 }));
  const catalog = await loadPricingCatalog(
    offer.lines.map((l) => l.productId),
    { ...client, priceType: terms.priceType },
    db,
  );
  return linesOutsideRules(offer.lines, { currency: offer.currency, catalog, client: terms });
}

/** The refusals of the offer's sending the company server gave (it needs an approval), still to deal with. */
const refusedSends = (db: FieldbookDb, offerId: string) =>
  db.rejected
    .where('key')
    .equals(recordKey('offers', offerId))
    .filter((r) => r.reason === 'offer_rule' && r.detail === 'needs_approval');

/** Whether the company server refused to let this offer out without an approval (and it has not gone for one since). */
export function useRefusedSend(offerId: string | undefined): boolean {
  return useLiveQuery(async () => (offerId ? (await refusedSends(getDb(), offerId).count()) > 0 : false), [offerId]) ?? false;
}

/**
 * offer-submit-refused: an offer sent on this laptop that the company server refused to let out
 * without an approval goes for approval as it is (core/offers/lifecycle.ts `submitRefused`), and
 * the refusal is settled; the manager's `reason` goes with the step for the head of sales. Every
 * field is queued: when the offer was made and sent offline, the server has never stored it.
 */
export async function submitRefusedOffer(id: string, db = getDb(), reason = ''): Promise<Offer> {
  return db.transaction('rw', [db.offers, db.team, db.rejected, ...outboxTables(db)], async () => {
    const offer = await db.offers.get(id);
    if (!offer) throw new CommandError('offers.errors.not_found');
    const userId = await currentUserId(db);
    const result = submitRefused(offer, { actor: { id: userId, role: (await db.team.get(userId))?.role ?? 'manager' }, now: new Date().toISOString() }, safeText(reason).trim());
    if (!result.ok) throw new CommandError(`offers.errors.${result.error}`);
    const fields = offerFieldsSchema.parse(result.value);
    await db.offers.put(result.value);
    await recordChange(db, 'offers', id, { ...fields, [DELETED_FIELD]: false });
    await refusedSends(db, id).delete();
    return result.value;
  });
}
