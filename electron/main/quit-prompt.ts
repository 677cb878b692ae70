/**
 * Closing the window while changes are not synced. The page asks with `beforeunload` (see
 * renderer/src/sync/quit-warning.ts); Electron does not show the browser's "Leave site?"
 * dialog, it only cancels the close, silently, unless main answers `will-prevent-unload`.
 * Without this the window simply would not close. Here the person gets a native question:
 * quit anyway (the changes are safe on the laptop and sync next time), or stay and sync now.
 */
import type { MessageBoxSyncOptions } from 'electron';

export const QUIT_PROMPT: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Fieldbook',
  message: 'Some changes are not synced with the company yet.',
  detail: 'They are safe on this computer and will be sent at the next sync. Sync now before quitting?',
  buttons: ['Sync now', 'Quit without syncing'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** What the answer (a button index of QUIT_PROMPT) means. */
export function quitAnswer(button: number): 'sync' | 'quit' {
  return button === 1 ? 'quit' : 'sync';
}
