import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const external = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('fitToDisplays', () => {
  it('keeps a window that fits on its display', () => {
    const state = { x: 100, y: 80, width: 1200, height: 800, isMaximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual(state);
  });

  it('keeps a window on a second display that is still connected', () => {
    const state = { x: 2200, y: 100, width: 1600, height: 1000, isMaximized: true };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('centres a window whose display was disconnected', () => {
    const state = { x: 2200, y: 100, width: 1600, height: 1000, isMaximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1600, height: 1000, isMaximized: false });
  });

  it('centres a window that is only a sliver on screen', () => {
    const state = { x: 1900, y: 1000, width: 1200, height: 800, isMaximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('moves a partly visible window fully onto the display', () => {
    expect(fitToDisplays({ x: 1500, y: -50, width: 1200, height: 800, isMaximized: false }, [laptop])).toEqual({
      x: 720,
      y: 0,
      width: 1200,
      height: 800,
      isMaximized: false,
    });
  });

  it('shrinks a window larger than the display, and grows one below the minimum', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 5000, height: 3000, isMaximized: false }, [laptop])).toMatchObject({ width: 1920, height: 1050 });
    expect(fitToDisplays({ width: 10, height: 10, isMaximized: false }, [laptop])).toMatchObject({ width: 900, height: 600 });
  });
});

describe('loadWindowState / saveWindowState', () => {
  const folder = () => mkdtempSync(path.join(tmpdir(), 'fieldbook-window-state-'));

  it('round-trips through the file', () => {
    const file = path.join(folder(), 'nested', 'window-state.json');
    const state = { x: 10, y: 20, width: 1000, height: 700, isMaximized: true };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(loadWindowState(file, [laptop])).toEqual(state);
  });

  it.each([
    ['a missing file', null],
    ['invalid JSON', '{not json'],
    ['a wrong shape', '{"width":"big","height":-1}'],
    ['a JSON array', '[1,2,3]'],
  ])('falls back to the default for %s', (_label, content) => {
    const file = path.join(folder(), 'window-state.json');
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
