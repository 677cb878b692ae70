/**
 * Closing the window while changes are not synced. The page asks with `beforeunload` (see
 * renderer/src/sync/quit-warning.ts); Electron does not show the browser's "Leave site?"
 * dialog, it only cancels the close, silently, unless main answers `will-prevent-unload`.
 * Without this the window simply would not close. Here the person gets a native question, in
 * the UI's language: quit anyway (the changes are safe on the laptop and sync next time), or
 * stay and sync now.
 */
import type { MessageBoxSyncOptions } from 'electron';
import type { AppLanguage } from '../../core/ipc-contract';
import { say } from './main-text';

/** The question in `language`; button 0 syncs, button 1 quits (see quitAnswer). */
export function quitPrompt(language: AppLanguage): MessageBoxSyncOptions {
  return {
    type: 'question',
    title: 'Fieldbook',
    message: say(language, 'unsyncedMessage'),
    detail: say(language, 'unsyncedDetail'),
    buttons: [say(language, 'unsyncedSync'), say(language, 'unsyncedQuit')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** What the answer (a button index of quitPrompt's) means. */
export function quitAnswer(button: number): 'sync' | 'quit' {
  return button === 1 ? 'quit' : 'sync';
}
