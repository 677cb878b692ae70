import { beforeAll, describe, expect, it, vi } from 'vitest';
import { UNITS } from '../../../core/demo-data/catalog-vocabulary';
import { initI18n } from './index';
import { quantityText, unitKey, unitWord } from './units';

beforeAll(() => {
  vi.stubGlobal('navigator', { language: 'en-GB' });
  initI18n('en');
});

describe('a quantity with its unit', () => {
  it('takes the plural form of its number: "1 pc", "2 pcs", never "1 pcs"', () => {
    expect(quantityText(1, 'pcs')).toBe('1 pc');
    expect(quantityText(2, 'pcs')).toBe('2 pcs');
    expect(quantityText(0, 'pcs')).toBe('0 pcs');
    expect(quantityText(1, 'box')).toBe('1 box');
    expect(quantityText(12, 'box')).toBe('12 boxes');
    expect(quantityText(1, 'pair')).toBe('1 pair');
    expect(quantityText(3, 'Pairs')).toBe('3 pairs');
    expect(quantityText(1, 'set')).toBe('1 set');
    expect(quantityText(1, 'roll')).toBe('1 roll');
    expect(quantityText(4, 'roll')).toBe('4 rolls');
    expect(quantityText(1, 'bag')).toBe('1 bag');
    expect(quantityText(1, 'pack')).toBe('1 pack');
    expect(quantityText(2.5, 'm')).toBe('2.5 m');
    expect(quantityText(1, 'l')).toBe('1 l');
  });

  it('writes the number with the separators of the person’s format', () => {
    expect(quantityText(1200, 'pcs')).toBe('1,200 pcs');
  });

  it('has words for every unit of the catalog’s texts, in every language the catalog writes them', () => {
    for (const texts of Object.values(UNITS)) {
      for (const [language, spelling] of Object.entries(texts)) {
        expect(unitKey(spelling), `${language} ${spelling}`).toBe(unitKey(texts.en));
        expect(unitWord(spelling, 1), spelling).toBe(unitWord(texts.en, 1));
      }
    }
  });

  it('says a unit written in another language in the reader’s: a Hungarian product’s "db" reads "pcs"', () => {
    expect(quantityText(5, 'db')).toBe('5 pcs');
    expect(quantityText(1, 'шт.')).toBe('1 pc');
    expect(quantityText(2, 'csomag')).toBe('2 packs');
    expect(quantityText(3, 'buah')).toBe('3 pcs');
  });

  it('shows a unit it has no words for as the catalog writes it', () => {
    expect(quantityText(1, 'tabung')).toBe('1 tabung');
    expect(quantityText(5, 'палета')).toBe('5 палета');
    expect(unitWord('hordó', 1)).toBe('hordó');
  });

  it('names the unit of one in "Price per …"', () => {
    expect(unitWord('pcs', 1)).toBe('pc');
    expect(unitWord('boxes', 1)).toBe('box');
  });
});
