import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { deviceLabel } from '../sync/device-label';
import { changeText, entryTimes } from './history-text';

const t = initI18n('en').getFixedT('en');
const names = new Map([['00000000-0000-4000-8000-000000000002', 'Ben Okafor']]);

describe('a change in the card’s history', () => {
  it('names only the phones added and removed, in their international form', () => {
    const kept = { kind: 'work', number: '+442082636167' };
    const text = changeText({ field: 'phones', from: [kept, { kind: 'work', number: 'call reception' }], to: [kept, { kind: 'mobile', number: '+447833445566' }] }, t, names);
    expect(text).toBe('Phones: added mobile +44 7833 445566; removed work call reception');
    expect(changeText({ field: 'phones', from: [kept], to: [kept] }, t, names)).toBe('Phones: the order changed');
  });

  it('shows a colleague by name, an empty value as empty, and a resolution by the value kept', () => {
    expect(changeText({ field: 'ownerId', from: '00000000-0000-4000-8000-000000000002', to: null }, t, names)).toBe('Owner: Ben Okafor → (empty)');
    expect(changeText({ field: 'notes', to: 'visit in June' }, t, names)).toBe('Notes: kept visit in June');
    expect(changeText({ field: 'phones', from: [], to: [{ kind: 'work', number: '+3612345678' }] }, t, names)).toBe('Phones: (empty) → work +36 1 234 5678');
  });

  it('names a language of offers in itself, one from a newer version by its code', () => {
    expect(changeText({ field: 'language', from: 'en', to: 'hu' }, t, names)).toBe('Language of offers: English → Magyar');
    expect(changeText({ field: 'language', from: '', to: 'pt-BR' }, t, names)).toBe('Language of offers: (empty) → pt-BR');
    expect(changeText({ field: 'language', to: 'ru' }, t, names)).toBe('Language of offers: kept Русский');
  });
});

describe('when the card’s history says a change happened', () => {
  const at = '2026-03-10T18:00:00.000Z';

  it('says when it was made first, and when it was synced only when that was more than 5 minutes later', () => {
    expect(entryTimes({ at, madeAt: '2026-03-10T10:00:00.000Z' })).toEqual({ made: '2026-03-10T10:00:00.000Z', synced: at });
    expect(entryTimes({ at, madeAt: '2026-03-10T17:56:00.000Z' })).toEqual({ made: '2026-03-10T17:56:00.000Z', synced: null });
    expect(entryTimes({ at, madeAt: '2026-03-10T17:55:00.000Z' })).toEqual({ made: '2026-03-10T17:55:00.000Z', synced: null });
    expect(entryTimes({ at, madeAt: '2026-03-10T17:54:59.999Z' }).synced).toBe(at);
  });

  it('has only the server time for the company’s changes and an older server’s, and for a time in the server’s future', () => {
    expect(entryTimes({ at })).toEqual({ made: at, synced: null });
    expect(entryTimes({ at, madeAt: '2026-03-10T18:03:00.000Z' })).toEqual({ made: at, synced: null });
  });
});

describe('a laptop’s name', () => {
  it('carries its number only when its person has others of the same name', () => {
    expect(deviceLabel('Chromium on Linux', undefined, t)).toBe('Chromium on Linux');
    expect(deviceLabel('Chromium on Linux', 2, t)).toBe('Chromium on Linux #2');
  });
});
