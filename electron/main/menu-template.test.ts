import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../core/ipc-contract';
import { buildMenuTemplate } from './menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : [])]);
}

describe.each([
  ['macOS', true],
  ['Windows/Linux', false],
])('menu on %s', (_label, isMac) => {
  const onCommand = vi.fn();
  const items = flatten(buildMenuTemplate({ appName: 'Fieldbook', isMac, isDev: false, onCommand }));
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

  it('has the standard menus', () => {
    const roles = items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help', 'quit']));
  });

  it('has no DevTools or reload in production', () => {
    const roles = items.map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });
});

it('offers DevTools in development', () => {
  const items = flatten(buildMenuTemplate({ appName: 'Fieldbook', isMac: false, isDev: true, onCommand: () => {} }));
  expect(items.map((item) => item.role)).toContain('toggleDevTools');
});
