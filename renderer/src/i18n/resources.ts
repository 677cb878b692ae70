/**
 * The language resources: English is in the bundle (it is the fallback of every other), the
 * others are separate chunks loaded when the person picks them (the service worker caches them
 * with the app, so a language can be switched offline).
 */
import { en } from './locales/en';
import { PSEUDO, type UiLanguage } from './languages';
import { pseudoMessages } from './pseudo';

export type Messages = { [key: string]: string | Messages };

export const english: Messages = en;

const bundles = import.meta.glob<Messages>(['./locales/*/index.ts', '!./locales/en/index.ts'], { import: 'default' });

export async function loadMessages(language: UiLanguage): Promise<Messages> {
  if (language === 'en') return english;
  if (language === PSEUDO) return pseudoMessages(english);
  const load = bundles[`./locales/${language}/index.ts`];
  if (!load) throw new Error(`no messages for language ${language}`);
  return load();
}
