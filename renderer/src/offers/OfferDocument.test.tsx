import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../core/client-model';
import type { Offer } from '../../../core/offers/offer-model';
import { initI18n } from '../i18n';
import { documentLanguage, documentLanguageOf, paymentTextInClientLanguage } from '../i18n/document-language';
import { OfferDocument } from './OfferDocument';
import { defaultStockNote } from './stock-text';

const AT = '2026-12-07T10:00:00.000Z';
const snapshot = (listUnitPrice: number) => ({ listUnitPrice, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2700, pricedAt: AT });

const client = {
  id: 'c1', name: 'Példa Kft', legalName: 'Példa Kereskedelmi Kft.', taxId: '12345678-2-42', status: 'active', ownerId: 'u1', segment: '', industry: '', website: '',
  addresses: [{ kind: 'legal', street: 'Váci út 1', city: 'Budapest', postcode: '1051', region: '', country: 'HU' }],
  priceType: 'wholesale', discountPct: 0, paymentTermsDays: 30, currency: 'HUF', contractNumber: '', contractDate: '', contractTerms: '', notes: '', tags: [], language: 'hu',
  creditLimit: 0, receivables: null, createdAt: AT, updatedAt: AT, archivedAt: null,
} satisfies Client;

const offer: Offer = {
  id: 'o1', clientId: 'c1', leadId: null, ownerId: 'u1', number: 'AB-261207-A1', version: 1, previousVersionId: null, status: 'sent', currency: 'HUF', pricesIncludeVat: false,
  lines: [
    { id: 'l1', productId: 'p1', sku: 'DRL-1', name: 'Cordless drill driver BX-418', qty: 1200, unit: 'pcs', manualDiscountBp: 0, pricing: snapshot(1_234_500), stockNote: '' },
    { id: 'l2', productId: 'p2', sku: 'HAM-1', name: 'Hammer', qty: 2, unit: 'pcs', manualDiscountBp: 0, pricing: snapshot(500_000), stockNote: '' },
  ],
  terms: { validUntil: '2026-12-31', delivery: '', payment: '', specialConditions: '', notes: '' },
  history: [{ status: 'sent', at: AT, by: 'u1', comment: '' }],
  createdAt: AT, updatedAt: AT,
};

const products = new Map([['p1', { names: { hu: 'Akkus fúró-csavarozó BX-418', ru: 'Дрель-шуруповёрт BX-418' } }]]);
const manager = { name: 'Anna Berger', position: '', phone: '', email: '' };

async function rendered(language: Parameters<typeof documentLanguage>[0]) {
  const text = await documentLanguage(language);
  return renderToStaticMarkup(<OfferDocument offer={offer} client={client} contact={null} company={null} manager={manager} text={text} products={products} />);
}

describe('the offer document in the client’s language', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('is printed in the client’s language by default; a language this version does not speak, in English', () => {
    expect(documentLanguageOf('hu')).toBe('hu');
    expect(documentLanguageOf('pt-BR')).toBe('en');
  });

  it('writes dates, sums and quantities in the language’s locale and names products in it, whatever the UI’s language', async () => {
    const html = await rendered('hu');
    expect(html).toContain('lang="hu"');
    expect(html).toContain('>Árajánlat<');
    expect(html).not.toContain('Commercial offer');
    // "2026. 12. 07." dates, forints without decimals grouped by no-break spaces.
    expect(html).toContain('2026. 12. 07.');
    expect(html).toContain('2026. 12. 31.');
    expect(html).toMatch(/>12\u00a0345\u00a0Ft</);
    expect(html).toMatch(/>14\u00a0814\u00a0000\u00a0Ft</);
    expect(html).toMatch(/>Áfa 27%</);
    expect(html).toContain('Akkus fúró-csavarozó BX-418');
    expect(html).not.toContain('Cordless drill driver');
    // No name in Hungarian: the line's own.
    expect(html).toContain('Hammer');
    expect(html).toContain('Magyarország');
    // The UI stays in English, with its own formats.
    expect(i18next.language).toBe('en');
    expect(i18next.t('document.title')).toBe('Commercial offer');
  });

  it('gets the texts the app writes for the client in the client’s language: the payment terms, the lines’ stock notes', async () => {
    const payment = await paymentTextInClientLanguage();
    const hu = i18next.getFixedT('hu');
    expect(payment(14, client)).toBe(hu('offers.terms.paymentDays', { count: 14 }));
    expect(payment(14, client)).not.toBe('14 days net');
    expect(payment(14, { addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country: 'GB' }] })).toBe('14 days net');
    expect(payment(0, { ...client, language: 'pt-BR' })).toBe('Due on receipt');

    const text = await documentLanguage('hu');
    const stock = { id: 'p1', productId: 'p1', available: 1500, incoming: [], asOf: AT, updatedAt: AT };
    expect(defaultStockNote(stock, 2000, 'pcs', '2026-12-07', text.t, text.locale).text).toBe(hu('offers.stock.noteShort', { available: `1500 ${hu('units.pcs', { count: 1500 })}` }));
  });

  it('says its labels, numbers and dates in each language', async () => {
    const indonesian = await rendered('id');
    expect(indonesian).toContain('lang="id"');
    expect(indonesian).toContain('>Penawaran Harga<');
    expect(indonesian).toContain('07/12/2026');
    expect(indonesian).not.toContain('Commercial offer');
    const russian = await rendered('ru');
    expect(russian).toContain('>Коммерческое предложение<');
    expect(russian).toContain('Дрель-шуруповёрт BX-418');
    expect(russian).toContain('07.12.2026');
    expect(russian).toMatch(/>14\s814\s000\sHUF</);
    expect(russian).toContain('>НДС 27\u00a0%<');
    const english = await rendered('en');
    expect(english).toContain('Commercial offer');
    expect(english).toContain('Cordless drill driver BX-418');
    expect(english).toContain('7 Dec 2026');
    expect(english).toContain('Hungary');
  });
});
