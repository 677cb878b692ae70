import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../core/ipc-contract';
import { quitAnswer, quitPrompt } from './quit-prompt';

it('quits only on the explicit button; Esc, closing the dialog or Enter keep the window and sync', () => {
  const prompt = quitPrompt('en');
  expect(prompt.buttons).toEqual(['Sync now', 'Quit without syncing']);
  expect(quitAnswer(1)).toBe('quit');
  expect(quitAnswer(prompt.cancelId!)).toBe('sync'); // Esc / the dialog closed
  expect(quitAnswer(prompt.defaultId!)).toBe('sync'); // Enter
});

describe.each(APP_LANGUAGES.filter((language) => language !== 'en'))('the quit prompt in %s', (language) => {
  const english = quitPrompt('en');
  const prompt = quitPrompt(language);

  it('asks in that language, every text of its own', () => {
    for (const field of ['message', 'detail'] as const) {
      expect(prompt[field]?.trim()).toBeTruthy();
      expect(prompt[field]).not.toBe(english[field]);
    }
    expect(prompt.buttons).toHaveLength(2);
    prompt.buttons!.forEach((button, index) => {
      expect(button.trim()).toBeTruthy();
      expect(button).not.toBe(english.buttons![index]);
    });
  });

  it('keeps the buttons in the same order and meaning', () => {
    expect(prompt.defaultId).toBe(english.defaultId);
    expect(prompt.cancelId).toBe(english.cancelId);
    expect(prompt.buttons![0]).not.toBe(prompt.buttons![1]);
  });
});

it('the Russian prompt offers to sync or to quit without syncing', () => {
  expect(quitPrompt('ru').buttons).toEqual(['Синхронизировать', 'Выйти без синхронизации']);
  expect(quitPrompt('hi').buttons).toEqual(['अभी सिंक करें', 'सिंक किए बिना बाहर निकलें']);
});
