import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { numberFormatter } from './number-format';
import { useLanguage } from './language';

describe('numbers in messages', () => {
  it('are written with the separators of the person’s format; text and counts’ plural forms are untouched', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(numberFormatter).init({
      lng: 'en',
      resources: {
        en: { translation: { clients_one: '{{count}} client', clients_other: '{{count}} clients', of: '{{done}} of {{total}} ({{name}})' } },
        ru: { translation: { clients_one: '{{count}} клиент', clients_few: '{{count}} клиента', clients_many: '{{count}} клиентов', clients_other: '{{count}} клиента' } },
        hi: { translation: { clients_one: '{{count}} ग्राहक', clients_other: '{{count}} ग्राहक' } },
      },
      interpolation: { escapeValue: false, alwaysFormat: true },
    });
    useLanguage.setState({ locale: 'en-GB' });
    expect(i18n.t('clients', { count: 100000 })).toBe('100,000 clients');
    expect(i18n.t('clients', { count: 1 })).toBe('1 client');
    expect(i18n.t('of', { done: 2500, total: 1234567.5, name: 'Acme 2026' })).toBe('2,500 of 1,234,567.5 (Acme 2026)');
    useLanguage.setState({ locale: 'ru-RU' });
    expect(i18n.t('clients', { count: 100000, lng: 'ru' })).toBe('100\u00a0000 клиентов');
    useLanguage.setState({ locale: 'hi-IN' });
    expect(i18n.t('clients', { count: 1234567, lng: 'hi' })).toBe('12,34,567 ग्राहक');
    // An English UI with Hungarian formats.
    useLanguage.setState({ locale: 'hu-HU' });
    expect(i18n.t('clients', { count: 100000 })).toBe('100\u00a0000 clients');
  });
});
