import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberedLanguage, saveLanguage, systemLanguageOf } from './language-setting';

describe('systemLanguageOf', () => {
  it.each([
    [['ru-RU', 'en-US'], 'ru'],
    [['de-DE', 'hu-HU', 'en-GB'], 'hu'],
    [['in-ID'], 'id'],
    [['id'], 'id'],
    [['ms_MY'], 'ms'],
    [['hi-IN'], 'hi'],
    [['en-IN', 'hi-IN'], 'en'],
    [['de-DE', 'fr-FR'], 'en'],
    [['RU'], 'ru'],
    [[''], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(systemLanguageOf(preferred)).toBe(expected);
  });
});

describe('rememberedLanguage / saveLanguage', () => {
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'fieldbook-language-')), 'nested', 'settings.json');

  it('remembers the language told for the next start', () => {
    const settings = file();
    expect(rememberedLanguage(settings)).toBeUndefined();
    saveLanguage(settings, 'hi');
    expect(rememberedLanguage(settings)).toBe('hi');
    saveLanguage(settings, 'ru');
    expect(rememberedLanguage(settings)).toBe('ru');
  });

  it('keeps the other settings in the file', () => {
    const settings = file();
    saveLanguage(settings, 'en');
    writeFileSync(settings, JSON.stringify({ language: 'en', somethingElse: 3 }));
    saveLanguage(settings, 'ms');
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ language: 'ms', somethingElse: 3 });
  });

  it.each([
    ['invalid JSON', '{not json'],
    ['a language the UI does not speak', '{"language":"de"}'],
    ['the pseudo-locale', '{"language":"pseudo"}'],
    ['a JSON array', '["ru"]'],
  ])('forgets %s (the system language applies)', (_label, content) => {
    const settings = file();
    saveLanguage(settings, 'en');
    writeFileSync(settings, content);
    expect(rememberedLanguage(settings)).toBeUndefined();
  });
});
