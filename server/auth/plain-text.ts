/**
 * Text a sign-in may carry. PostgreSQL refuses a NUL in text, so a NUL in a login or a device
 * name used to reach the database and fail the request with a 500 — after the password was
 * checked, so a correct sign-in was counted as a failed attempt. Other control characters and
 * unpaired UTF-16 surrogates (which the drivers turn into U+FFFD on the way) have no place in a
 * login, a password or a name either: they are refused with a 400 before anything is looked up.
 */
import { z } from 'zod';
import { textProblem } from '../../core/text-safety';

/** A login, a password and a device name are one line: line breaks are refused as well. */
const LINE_BREAK = /[\n\r]/;

/** No C0 control character but tab, and no unpaired surrogate (core/text-safety.ts). */
export function isPlainText(text: string): boolean {
  return textProblem(text) === null && !LINE_BREAK.test(text);
}

/** A string schema that refuses control characters and broken Unicode, naming the field. */
export function plainText(field: string) {
  return z.string().refine(isPlainText, { message: `${field} contains a control character (such as NUL) or a broken Unicode character` });
}
