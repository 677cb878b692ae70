import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_LANGUAGES, MENU_COMMANDS, type AppLanguage } from '../../core/ipc-contract';
import { buildMenuTemplate, menuOsOf, type MenuOs } from './menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : [])]);
}

const OSES: readonly MenuOs[] = ['mac', 'windows', 'linux'];

const build = (os: MenuOs, language: AppLanguage = 'en', isDev = false, onCommand = vi.fn()) =>
  flatten(buildMenuTemplate({ appName: 'Fieldbook', os, language, isDev, onCommand }));

const labels = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);

describe.each(OSES)('menu on %s', (os) => {
  const onCommand = vi.fn();
  const items = build(os, 'en', false, onCommand);
  const byId = (id: string) => items.filter((item) => item.id === id);

  it.each(MENU_COMMANDS.map((command) => [command]))('has exactly one %s item that sends it', (command) => {
    const [item, ...others] = byId(`command:${command}`);
    expect(others).toHaveLength(0);
    // @ts-expect-error -- the click handler ignores its Electron arguments
    item?.click?.();
    expect(onCommand).toHaveBeenLastCalledWith(command);
  });

  it('uses the expected accelerators', () => {
    expect(byId('command:new-client')[0]?.accelerator).toBe('CmdOrCtrl+N');
    expect(byId('command:search')[0]?.accelerator).toBe('CmdOrCtrl+K');
    expect(byId('command:settings')[0]?.accelerator).toBe('CmdOrCtrl+,');
    expect(byId('command:sync-now')[0]?.accelerator).toBe('CmdOrCtrl+Shift+S');
  });

  it('has the standard items', () => {
    const roles = items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'minimize', 'close', 'zoomIn', 'zoomOut', 'resetZoom', 'quit', 'about']));
  });

  it('has no DevTools or reload in production', () => {
    const roles = items.map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  // Electron labels role items itself, in English whatever the UI's language: none is left to it.
  it.each(APP_LANGUAGES.map((language) => [language]))('labels every item itself in %s, development items too', (language) => {
    for (const item of build(os, language, true)) {
      if (item.type === 'separator') continue;
      expect(item.label?.trim(), `${item.role ?? item.id}`).toBeTruthy();
      expect(item.label).not.toMatch(/\{\{/);
    }
  });
});

it('offers DevTools in development', () => {
  expect(build('linux', 'en', true).map((item) => item.role)).toContain('toggleDevTools');
});

it('leaves the app as each system says it: Exit on Windows, Quit on Linux, Quit Fieldbook on macOS', () => {
  const quit = (os: MenuOs) => build(os).find((item) => item.role === 'quit')?.label;
  expect(quit('windows')).toBe('Exit');
  expect(quit('linux')).toBe('Quit');
  expect(quit('mac')).toBe('Quit Fieldbook');
  expect(build('windows', 'ru').find((item) => item.role === 'quit')?.label).toBe('Выход');
});

it('maps Node platforms to menu conventions', () => {
  expect([menuOsOf('darwin'), menuOsOf('win32'), menuOsOf('linux'), menuOsOf('freebsd')]).toEqual(['mac', 'windows', 'linux', 'linux']);
});

describe.each([
  ['ru', /^[^A-Za-z]*$/],
  ['hi', /^[^A-Za-z]*$/],
] as const)('the menu in %s', (language, noLatin) => {
  it.each(OSES)('has no English label on %s', (os) => {
    const english = new Set(labels(build(os, 'en', true)));
    // The macOS app menu is the app's name, in every language.
    for (const label of labels(build(os, language, true)).filter((l) => l !== 'Fieldbook')) {
      expect(english.has(label), label).toBe(false);
      // Only the app's name stays in Latin letters.
      expect(label!.replace('Fieldbook', ''), label).toMatch(noLatin);
    }
  });
});

it('names the menus as Russian and Hungarian systems do', () => {
  const top = (language: AppLanguage) => buildMenuTemplate({ appName: 'Fieldbook', os: 'windows', language, isDev: false, onCommand: () => {} }).map((item) => item.label);
  expect(top('ru')).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
  expect(top('hu')).toEqual(['Fájl', 'Szerkesztés', 'Nézet', 'Ablak', 'Súgó']);
});
