import { afterEach, expect, it, vi } from 'vitest';
import { shareLanguageWithDesktop } from './desktop-language';
import { useLanguage } from './language';

const initial = useLanguage.getState();
afterEach(() => useLanguage.setState(initial, true));

it('tells the desktop the language at start and at every switch, and only then', () => {
  const setLanguage = vi.fn(async () => {});
  useLanguage.setState({ language: 'hi', locale: 'hi-IN' });
  const stop = shareLanguageWithDesktop({ setLanguage });
  expect(setLanguage.mock.calls).toEqual([['hi']]);

  useLanguage.setState({ language: 'ru', locale: 'ru-RU' });
  expect(setLanguage.mock.calls).toEqual([['hi'], ['ru']]);
  // A change of the number format alone is not a change of language.
  useLanguage.setState({ pickedFormat: 'hu-HU', locale: 'hu-HU' });
  expect(setLanguage).toHaveBeenCalledTimes(2);

  stop();
  useLanguage.setState({ language: 'id' });
  expect(setLanguage).toHaveBeenCalledTimes(2);
});

it('keeps the desktop in English under the pseudo-locale', () => {
  const setLanguage = vi.fn(async () => {});
  useLanguage.setState({ language: 'pseudo' });
  shareLanguageWithDesktop({ setLanguage })();
  expect(setLanguage).toHaveBeenCalledWith('en');
});
