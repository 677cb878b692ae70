import { describe, expect, it } from 'vitest';
import { blankClientInput, clientInputSchema, clientLanguage } from './client-model';
import { defaultClientLanguage, isLanguageCode, languageLocale, languageName, languageTagSchema } from './languages';
import { productFieldsSchema, productName } from './pricing/catalog-model';

describe('a client’s language', () => {
  it('defaults from its country: each market’s own, English elsewhere, the manager’s while it has none', () => {
    const expected: [string, string][] = [
      ['RU', 'ru'],
      ['ID', 'id'],
      ['MY', 'ms'],
      ['IN', 'hi'],
      ['HU', 'hu'],
      ['GB', 'en'],
      ['US', 'en'],
      ['DE', 'en'],
      ['SG', 'en'],
    ];
    for (const [country, language] of expected) expect(defaultClientLanguage(country, 'hu'), country).toBe(language);
    expect(defaultClientLanguage('', 'ru')).toBe('ru');
    expect(defaultClientLanguage('', 'en')).toBe('en');
  });

  it('is the client’s own when it has one, else its country’s: a client stored before the field reads as the default', () => {
    const hungarian = { addresses: [{ kind: 'office' as const, country: 'HU' }] };
    expect(clientLanguage({ ...hungarian, language: 'ru' }, 'en')).toBe('ru');
    expect(clientLanguage(hungarian, 'en')).toBe('hu');
    expect(clientLanguage({ ...hungarian, language: '' }, 'en')).toBe('hu');
    // The legal address's country decides, as for the currency and phone numbers.
    expect(clientLanguage({ addresses: [{ kind: 'office', country: 'HU' }, { kind: 'legal', country: 'MY' }] }, 'en')).toBe('ms');
    expect(clientLanguage({ addresses: [] }, 'hi')).toBe('hi');
    expect(clientLanguage({}, 'id')).toBe('id');
    // A language this version does not speak (from a newer laptop) is the client's all the same.
    expect(clientLanguage({ ...hungarian, language: 'pt-BR' }, 'en')).toBe('pt-BR');
  });

  it('is validated as a language tag: any well-formed one is kept, malformed text refused', () => {
    const base = { ...blankClientInput('00000000-0000-4000-8000-000000000003'), name: 'Kft' };
    for (const language of ['', 'en', 'hu', 'pt-BR', 'zh-Hant-TW', 'de', 'fil']) {
      expect(clientInputSchema.safeParse({ ...base, language }).success, language).toBe(true);
    }
    for (const language of ['HU', 'hu_HU', 'english', 'h', 'hu-', '-hu', 'hu\u0000', ' hu', 'x'.repeat(36)]) {
      expect(clientInputSchema.safeParse({ ...base, language }).success, language).toBe(false);
    }
    const { language: _, ...old } = base;
    expect(clientInputSchema.parse(old).language).toBe('');
    expect(languageTagSchema.safeParse('hu-HU').success).toBe(true);
  });

  it('is named in itself, with its locale; an unknown tag by its code and English formats', () => {
    expect(languageName('hu')).toBe('Magyar');
    expect(languageName('ru')).toBe('Русский');
    expect(languageName('pt-BR')).toBe('pt-BR');
    expect(languageLocale('hi')).toBe('hi-IN');
    expect(languageLocale('pt-BR')).toBe('en-GB');
    expect(isLanguageCode('ms')).toBe(true);
    expect(isLanguageCode('pt-BR')).toBe(false);
    expect(isLanguageCode('pseudo')).toBe(false);
  });
});

describe('a product’s name in a language', () => {
  const drill = { name: 'Cordless drill driver BX-418', names: { hu: 'Akkus fúró-csavarozó BX-418', ru: 'Дрель-шуруповёрт BX-418' } };

  it('is the catalog’s name in the language where it has one, else the product’s own', () => {
    expect(productName(drill, 'hu')).toBe('Akkus fúró-csavarozó BX-418');
    expect(productName(drill, 'ru')).toBe('Дрель-шуруповёрт BX-418');
    expect(productName(drill, 'en')).toBe('Cordless drill driver BX-418');
    expect(productName(drill, 'ms')).toBe('Cordless drill driver BX-418');
    expect(productName({ name: 'Hammer' }, 'hu')).toBe('Hammer');
    expect(productName({ name: 'Hammer', names: {} }, 'hu')).toBe('Hammer');
  });

  it('is checked when it syncs: language tags as keys, names like the product’s own, at most 20', () => {
    const product = { sku: 'DRL-1', name: drill.name, groupId: null, unit: 'pcs', vatRateBp: 2000 };
    expect(productFieldsSchema.safeParse(product).success).toBe(true);
    expect(productFieldsSchema.safeParse({ ...product, names: drill.names }).success).toBe(true);
    expect(productFieldsSchema.safeParse({ ...product, names: { 'pt-BR': 'Furadeira' } }).success).toBe(true);
    for (const names of [{ HU: 'x' }, { hu: '' }, { hu: 'x'.repeat(301) }, { hu: 1 }, ['hu'], Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${String.fromCharCode(97 + i)}`, 'x']))]) {
      expect(productFieldsSchema.safeParse({ ...product, names }).success, JSON.stringify(names).slice(0, 40)).toBe(false);
    }
  });
});
