/**
 * Device cookies (server/auth/device-cookies.ts): at each sign-in the company server gives this
 * laptop a cookie for that login, and with it lets the laptop's right password through when
 * someone else has locked the login, or the office's address, out by guessing. The cookie is no
 * password and no token: on its own it signs nobody in.
 *
 * One per company server and login, in localStorage: signing out deletes the client base
 * (IndexedDB), but must not make the laptop a stranger to the server, or its next sign-in could
 * be locked out like anyone's.
 */
const KEY = 'fieldbook.deviceCookies';
/** The most recent sign-ins are kept; a laptop is shared by a few people at most. */
const MAX_KEPT = 20;

export type CookieStore = Pick<Storage, 'getItem' | 'setItem'>;

interface Kept {
  server: string;
  login: string;
  cookie: string;
}

/** The login as the server matches it (trimmed, lower-case), and the server's address in one spelling. */
const normalised = (serverUrl: string, login: string) => ({ server: new URL(serverUrl).toString(), login: login.trim().toLowerCase() });

function readAll(store: CookieStore): Kept[] {
  try {
    const value: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((k): k is Kept => typeof k?.server === 'string' && typeof k?.login === 'string' && typeof k?.cookie === 'string')
      : [];
  } catch {
    return []; // unreadable: signing in works without a cookie, and the next one is kept
  }
}

/** The cookie to send with a sign-in as `login` to `serverUrl`, if this laptop has one. */
export function deviceCookieFor(serverUrl: string, login: string, store: CookieStore = localStorage): string | undefined {
  const { server, login: name } = normalised(serverUrl, login);
  return readAll(store).find((k) => k.server === server && k.login === name)?.cookie;
}

/** Keeps the cookie a sign-in answered with (it replaces the one sent, which the server forgot). */
export function keepDeviceCookie(serverUrl: string, login: string, cookie: string, store: CookieStore = localStorage): void {
  const { server, login: name } = normalised(serverUrl, login);
  const others = readAll(store).filter((k) => !(k.server === server && k.login === name));
  store.setItem(KEY, JSON.stringify([{ server, login: name, cookie }, ...others].slice(0, MAX_KEPT)));
}
