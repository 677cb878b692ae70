import { expect, it } from 'vitest';
import { QUIT_PROMPT, quitAnswer } from './quit-prompt';

it('quits only on the explicit button; Esc, closing the dialog or Enter keep the window and sync', () => {
  expect(QUIT_PROMPT.buttons?.[1]).toBe('Quit without syncing');
  expect(quitAnswer(1)).toBe('quit');
  expect(quitAnswer(QUIT_PROMPT.cancelId!)).toBe('sync'); // Esc / the dialog closed
  expect(quitAnswer(QUIT_PROMPT.defaultId!)).toBe('sync'); // Enter
});
