import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../core/ipc-contract';
import { MAIN_TEXT, placeholdersOf, say, type MainTextKey } from './main-text';

const english = MAIN_TEXT.en;
const keys = Object.keys(english).sort() as MainTextKey[];

/** Words a language writes as English does: the Latin "Edit" menu of Indonesian and Malay Windows. */
const SAME_AS_ENGLISH: Partial<Record<string, readonly MainTextKey[]>> = { id: ['editMenu'], ms: ['editMenu'] };

describe.each(APP_LANGUAGES.filter((language) => language !== 'en'))('the desktop words in %s', (language) => {
  const table = MAIN_TEXT[language];

  it('has every English key and no other', () => {
    expect(Object.keys(table).sort()).toEqual(keys);
  });

  it.each(keys)('%s keeps the English placeholders', (key) => {
    expect(placeholdersOf(table[key])).toEqual(placeholdersOf(english[key]));
  });

  it('has no empty message and none left in English', () => {
    const allowed = SAME_AS_ENGLISH[language] ?? [];
    for (const key of keys) {
      expect(table[key].trim(), key).not.toBe('');
      if (!allowed.includes(key)) expect(table[key], key).not.toBe(english[key]);
    }
  });
});

it('fills placeholders and leaves an unknown one visible rather than empty', () => {
  expect(say('ru', 'about', { app: 'Fieldbook' })).toBe('О программе Fieldbook');
  expect(say('hi', 'saveNotAllowed', { folder: '/home/anna' })).toBe('/home/anna फ़ोल्डर में लिखने की अनुमति नहीं है');
  expect(say('en', 'about')).toBe('About {{app}}');
});
