/**
 * Which links may leave the app for the operating system (browser, mail client, dialler).
 * Shared by the Electron main process (window.open / link:open) and the browser build, so both
 * refuse the same things: script-bearing schemes (javascript:, data:, vbscript:), local files
 * (file:, smb:), custom protocol handlers that could launch other programs, and http(s) URLs with
 * embedded credentials, which are a phishing trick (https://bank.com@evil.example/).
 */

const MAX_URL_LENGTH = 2048;
// Control characters and whitespace anywhere in the raw string are refused outright: the URL
// parser silently strips some of them, which is how "java\tscript:" tricks get through filters.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const TEL = /^tel:\+?[0-9][0-9().-]{0,31}$/;

/** Returns the normalised URL to hand to the OS, or null when the link must not leave the app. */
export function normalizeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
      return url.href;
    case 'mailto:':
      // mailto:?subject=x would open a blank mail; require an address.
      return /^mailto:[^@?\s]+@[^@?\s]+/.test(url.href) ? url.href : null;
    case 'tel:':
      return TEL.test(url.href) ? url.href : null;
    default:
      return null;
  }
}

/** True when the link may be opened by the operating system (http, https, mailto, tel). */
export const isAllowedExternalUrl = (raw: unknown): boolean => normalizeExternalUrl(raw) !== null;
