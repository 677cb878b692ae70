/**
 * The language of the desktop's own words. The renderer keeps the person's choice in its
 * localStorage, which main cannot read before the window exists; so main remembers the last
 * language the renderer told it in userData/settings.json, and the next start's first menu is
 * already in it. Until the renderer has ever told it, main follows the system's preferred
 * languages as the renderer does (renderer/src/i18n/languages.ts systemLanguage).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { APP_LANGUAGES, type AppLanguage } from '../../core/ipc-contract';

const isAppLanguage = (code: string): code is AppLanguage => (APP_LANGUAGES as readonly string[]).includes(code);

/** The first of the system's preferred languages (BCP 47 tags, best first) the UI speaks, else English. */
export function systemLanguageOf(preferred: readonly string[]): AppLanguage {
  for (const tag of preferred) {
    // The base subtag, lower-cased ("ru" of "ru-RU", "pt" of "pt_BR"); "in" is Indonesian's old code.
    const base = tag.split(/[-_]/)[0]!.toLowerCase();
    const code = base === 'in' ? 'id' : base;
    if (isAppLanguage(code)) return code;
  }
  return 'en';
}

const settingsSchema = z.looseObject({ language: z.enum(APP_LANGUAGES).optional() });
type Settings = z.infer<typeof settingsSchema>;

function readSettings(filePath: string): Settings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {}; // First start, or an unreadable file.
  }
}

/** The language last told by the renderer, if it ever told one. */
export const rememberedLanguage = (filePath: string): AppLanguage | undefined => readSettings(filePath).language;

/** Remembers `language`, keeping any other setting in the file; written atomically (temp file + rename). */
export function saveLanguage(filePath: string, language: AppLanguage): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...readSettings(filePath), language }));
  renameSync(temporary, filePath);
}
