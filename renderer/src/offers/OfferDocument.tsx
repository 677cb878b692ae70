import type { Client, Contact } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import { issueDate } from '../../../core/offers/lifecycle';
import { productName, type CompanyProfile, type ProductFields } from '../../../core/pricing/catalog-model';
import { priceOffer } from '../../../core/pricing/price';
import { localToday } from '../data/offers/offers';
import type { DocumentLanguage } from '../i18n/document-language';
import { formatCountry, formatMoney, formatPercent } from '../i18n/format';
import { quantityText } from '../i18n/units';
import { lineName } from '../catalog/product-name';
import classes from './OfferDocument.module.css';

export interface DocumentManager {
  name: string;
  position: string;
  phone: string;
  email: string;
}

export interface OfferDocumentProps {
  offer: Offer;
  client: Client;
  contact: Contact | null;
  company: CompanyProfile | null;
  manager: DocumentManager;
  /** The language it is written in (the client's, unless the manager picked another). */
  text: DocumentLanguage;
  /** The catalog's products of its lines, for their names in that language (absent ones keep the line's name). */
  products: ReadonlyMap<string, Pick<ProductFields, 'names'>>;
}

/**
 * The offer as the client receives it: letterhead, client, lines, totals with VAT, terms,
 * validity and the manager's contacts. Priced from the lines' stored snapshots, so the document
 * shows exactly what was offered (a draft is saved — and so priced — before it is printed).
 * Written in `text`'s language — words, numbers, sums, dates, country names and the products'
 * names where the catalog has them — whatever language the manager's screens are in. Texts the
 * manager wrote (terms, notes, the lines' stock notes) are printed as written.
 */
export function OfferDocument({ offer, client, contact, company, manager, text, products }: OfferDocumentProps) {
  const { t, locale, language, date } = text;
  const totals = priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp: 10_000 });
  const money = (minor: number) => formatMoney(minor, offer.currency, locale);
  const percent = (value: number) => formatPercent(value, locale);
  const address = client.addresses.find((a) => a.kind === 'legal') ?? client.addresses[0];
  const addressText = address ? [address.street, [address.postcode, address.city].filter(Boolean).join(' '), address.region, formatCountry(address.country, locale)].filter(Boolean).join(', ') : '';
  const results = new Map(totals.lines.map((l) => [l.id, l]));
  const issued = issueDate(offer, new Date().toISOString());
  // A note promising a delivery whose day passed before the document's date promises nothing:
  // the client reads that the date is to be confirmed, never a date in the past.
  const issuedDay = localToday(new Date(issued));
  const noteOf = (line: Offer['lines'][number]) => (line.arrivalOn && line.arrivalOn < issuedDay ? t('document.deliveryToConfirm') : line.stockNote);

  return (
    <article className={classes.doc} lang={language} data-testid="offer-document">
      <header className={classes.letterhead}>
        <div>
          {company?.logo ? <img className={classes.logo} src={company.logo} alt={company.name} /> : null}
          <div className={classes.companyName}>{company?.name ?? ''}</div>
          {company?.legalName && company.legalName !== company.name && <div>{company.legalName}</div>}
        </div>
        {company && (
          <div className={classes.companyDetails}>
            {[company.address, [company.phone, company.email].filter(Boolean).join(' · '), company.website, company.taxId && `${t('document.taxId')} ${company.taxId}`].filter(Boolean).join('\n')}
          </div>
        )}
      </header>

      <div className={classes.titleRow}>
        <div>
          <h1 className={classes.title}>{t('document.title')}</h1>
          <div className={classes.number}>
            {t('document.number', { number: offer.number })}
            {offer.version > 1 && ` · ${t('document.version', { version: offer.version })}`}
          </div>
        </div>
        <dl className={classes.facts}>
          <div>
            <dt>{t('document.date')}</dt>
            <dd>{date(issued)}</dd>
          </div>
          <div>
            <dt>{t('document.validUntil')}</dt>
            <dd>{date(offer.terms.validUntil)}</dd>
          </div>
        </dl>
      </div>

      <section className={classes.parties}>
        <div>
          <div className={classes.label}>{t('document.to')}</div>
          <div className={classes.partyName}>{client.legalName || client.name}</div>
          <div className={classes.party}>{[addressText, client.taxId && `${t('document.taxId')} ${client.taxId}`].filter(Boolean).join('\n')}</div>
        </div>
        {contact && (
          <div>
            <div className={classes.label}>{t('document.contact')}</div>
            <div className={classes.party}>{[contact.name, contact.position, contact.emails[0]?.address].filter(Boolean).join('\n')}</div>
          </div>
        )}
      </section>

      <table className={classes.lines}>
        <thead>
          <tr>
            <th className={classes.num}>{t('document.line.no')}</th>
            <th>{t('document.line.sku')}</th>
            <th>{t('document.line.product')}</th>
            <th className={classes.num}>{t('document.line.qty')}</th>
            <th className={classes.num}>{t('document.line.unitPrice')}</th>
            <th className={classes.num}>{t('document.line.discount')}</th>
            <th className={classes.num}>{t('document.line.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {offer.lines.map((line, i) => {
            const r = results.get(line.id);
            const priced = r?.status === 'priced' ? r : null;
            return (
              <tr key={line.id}>
                <td className={classes.num}>{i + 1}</td>
                <td>{line.sku}</td>
                <td>
                  {productName(lineName(line, products.get(line.productId)), language)}
                  {line.stockNote && <div className={classes.note}>{noteOf(line)}</div>}
                </td>
                <td className={classes.num}>
                  {quantityText(line.qty, line.unit, t, locale)}
                </td>
                <td className={classes.num}>{priced ? money(priced.listUnitPrice) : '—'}</td>
                <td className={classes.num}>{priced && priced.effectiveDiscountBp > 0 ? percent(priced.effectiveDiscountBp / 100) : ''}</td>
                <td className={classes.num}>{priced ? money(offer.pricesIncludeVat ? priced.gross : priced.net) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={classes.basis}>{offer.pricesIncludeVat ? t('document.pricesGross', { currency: offer.currency }) : t('document.pricesNet', { currency: offer.currency })}</div>

      <table className={classes.totals}>
        <tbody>
          <tr>
            <td>{t('document.net')}</td>
            <td className={classes.num}>{money(totals.net)}</td>
          </tr>
          {totals.vatByRate.map((g) => (
            <tr key={g.vatRateBp}>
              <td>{t('document.vat', { rate: percent(g.vatRateBp / 100) })}</td>
              <td className={classes.num}>{money(g.vat)}</td>
            </tr>
          ))}
          <tr className={classes.grand}>
            <td>{t('document.gross')}</td>
            <td className={classes.num}>{money(totals.gross)}</td>
          </tr>
        </tbody>
      </table>

      <dl className={classes.terms}>
        {(['delivery', 'payment', 'specialConditions', 'notes'] as const)
          .filter((k) => offer.terms[k])
          .map((k) => (
            <Term key={k} label={t(`document.${k}`)} text={offer.terms[k]} />
          ))}
      </dl>

      <section className={classes.manager}>
        <div className={classes.label}>{t('document.yourManager')}</div>
        {[manager.name, manager.position, manager.phone, manager.email].filter(Boolean).join('\n')}
      </section>

      {company?.offerFooter && <footer className={classes.footer}>{company.offerFooter}</footer>}
    </article>
  );
}

function Term({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}
