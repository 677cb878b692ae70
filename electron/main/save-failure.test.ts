import { expect, it } from 'vitest';
import { saveFailure } from './save-failure';

const error = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });

it('says why a file could not be saved in the UI language, naming the folder', () => {
  expect(saveFailure('en', error('EACCES'), '/home/anna/Documents/offer.pdf')).toBe('no permission to write in the folder /home/anna/Documents');
  expect(saveFailure('ru', error('EROFS'), '/media/usb/offer.pdf')).toBe('нет прав на запись в папку /media/usb');
  expect(saveFailure('hu', error('ENOSPC'), '/x/offer.pdf')).toBe('a lemez megtelt');
});

it('gives the system code of any other failure, never the system\'s English sentence', () => {
  expect(saveFailure('id', error('EIO'), '/x/a.csv')).toBe('komputer tidak dapat menulis berkas ini (EIO)');
  expect(saveFailure('en', new Error('odd'), '/x/a.csv')).toBe('the computer could not write the file (odd)');
});
