/**
 * Remembers the main window's size, position and maximised state in userData/window-state.json,
 * and restores them clamped to a display that is still connected — a laptop that was docked to a
 * second screen must not reopen the window off-screen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
});
/** Without x/y the window is centred by Electron. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** How much of a window must be on a display for its saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Fits a saved state to the current displays (their work areas, primary first): the size is
 * capped to the display, and the window moved fully onto the display it overlaps most. If it is
 * not visibly on any display, the position is dropped so the window opens centred.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const size = (area: Rectangle) => ({
    width: clamp(state.width, MIN_WINDOW_SIZE.width, area.width),
    height: clamp(state.height, MIN_WINDOW_SIZE.height, area.height),
  });
  if (state.x === undefined || state.y === undefined) {
    return { isMaximized: state.isMaximized, ...size(primary) };
  }
  const bounds = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: { area: Rectangle; visible: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && (!best || o.width * o.height > best.visible)) {
      best = { area, visible: o.width * o.height };
    }
  }
  if (!best) return { isMaximized: state.isMaximized, ...size(primary) };
  const { area } = best;
  const fitted = size(area);
  return {
    x: clamp(state.x, area.x, area.x + area.width - fitted.width),
    y: clamp(state.y, area.y, area.y + area.height - fitted.height),
    ...fitted,
    isMaximized: state.isMaximized,
  };
}

/** Reads the saved state; a missing or corrupt file gives the default. */
export function loadWindowState(filePath: string, workAreas: readonly Rectangle[]): WindowState {
  let saved: WindowState = DEFAULT_WINDOW_STATE;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) saved = parsed.data;
  } catch {
    // First start, or an unreadable file: fall back to the default.
  }
  return fitToDisplays(saved, workAreas);
}

/** Writes atomically (temp file + rename) so a crash mid-write cannot leave a corrupt file. */
export function saveWindowState(filePath: string, state: WindowState): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, filePath);
}

/** Saves the window's state when it is moved or resized (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, filePath: string): void {
  let timer: NodeJS.Timeout | undefined;
  const capture = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    // Normal bounds, so un-maximising later restores the size the user chose.
    const bounds = window.getNormalBounds();
    try {
      saveWindowState(filePath, { ...bounds, isMaximized: window.isMaximized() });
    } catch (error) {
      console.warn('Could not save the window state:', error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(capture, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    capture();
  });
}
