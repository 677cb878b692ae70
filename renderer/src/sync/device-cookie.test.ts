/**
 * The laptop's side of device cookies: a sign-in sends the cookie this laptop holds for that
 * server and login, keeps the one the server answers with, and signing out (which deletes the
 * client base) keeps it for the next sign-in.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceCookieFor, keepDeviceCookie, type CookieStore } from './device-cookie';
import { initI18n } from '../i18n';

// The app starts i18n before anyone can sign in; the laptop's name is said through it.
initI18n('en');

class MemoryStorage implements CookieStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('the device cookie store', () => {
  it('keeps one cookie per server and login, as the server spells them', () => {
    const store = new MemoryStorage();
    expect(deviceCookieFor('https://crm.example.com', 'anna', store)).toBeUndefined();
    keepDeviceCookie('https://crm.example.com', ' Anna ', 'cookie-1', store);
    expect(deviceCookieFor('https://CRM.example.com/', 'ANNA', store)).toBe('cookie-1');
    expect(deviceCookieFor('https://crm.example.com:8443/', 'anna', store)).toBeUndefined();
    expect(deviceCookieFor('https://crm.example.com/', 'ben', store)).toBeUndefined();
    keepDeviceCookie('https://crm.example.com/', 'ben', 'cookie-b', store);
    keepDeviceCookie('https://crm.example.com/', 'anna', 'cookie-2', store);
    expect(deviceCookieFor('https://crm.example.com/', 'anna', store)).toBe('cookie-2');
    expect(deviceCookieFor('https://crm.example.com/', 'ben', store)).toBe('cookie-b');
  });

  it('keeps the most recent twenty, and reads a damaged entry as none', () => {
    const store = new MemoryStorage();
    for (let i = 0; i < 25; i++) keepDeviceCookie('https://crm.example.com/', `user${i}`, `c${i}`, store);
    expect(deviceCookieFor('https://crm.example.com/', 'user24', store)).toBe('c24');
    expect(deviceCookieFor('https://crm.example.com/', 'user5', store)).toBe('c5');
    expect(deviceCookieFor('https://crm.example.com/', 'user4', store)).toBeUndefined();
    for (const damaged of ['{', '"x"', '{"a":1}', '[null, 1, {"server": 2}]']) {
      store.setItem('fieldbook.deviceCookies', damaged);
      expect(deviceCookieFor('https://crm.example.com/', 'anna', store)).toBeUndefined();
      keepDeviceCookie('https://crm.example.com/', 'anna', 'fresh', store);
      expect(deviceCookieFor('https://crm.example.com/', 'anna', store)).toBe('fresh');
    }
  });
});

// signIn and signOut, with the database, the keychain and the desktop stubbed out.
const session = vi.hoisted(() => ({ connection: undefined as undefined | { serverUrl: string; user: { id: string; displayName: string; role: string } }, wiped: 0 }));
vi.mock('../data/db', () => ({ getDb: () => ({}) }));
vi.mock('../data/sync/outbox', () => ({ continueOutboxOnNewDevice: async () => undefined }));
vi.mock('./engine', () => ({ runSync: async () => undefined }));
vi.mock('./device-token', () => ({
  keepToken: async (connection: object, token: string) => ({ ...connection, token, tokenInKeychain: false }),
  tokenOf: async (connection: { token: string | null }) => connection.token,
  forgetToken: async () => undefined,
}));
vi.mock('../platform', () => ({ getPlatform: () => ({ appInfo: async () => ({ computerName: 'Test PC' }) }) }));
vi.mock('../data/sync/sync-session', () => ({
  readConnection: async () => session.connection,
  saveConnection: async (connection: typeof session.connection) => {
    session.connection = connection;
  },
  forgetConnection: async () => {
    session.connection = undefined;
  },
  wipeLocalData: async () => {
    session.wiped++;
  },
  keepOfferMark: async () => undefined,
}));

describe('signing in and out', () => {
  const storage = new MemoryStorage();
  const sent: Record<string, unknown>[] = [];
  let answers: Record<string, unknown>[] = [];
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('navigator', { platform: 'Linux', onLine: true });
  vi.stubGlobal('window', { location: { hash: '', reload: () => undefined } });
  vi.stubGlobal('BroadcastChannel', class {
    postMessage() {}
  });
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    const body = JSON.parse(String(init.body ?? '{}')) as Record<string, unknown>;
    if (url.pathname === '/api/login') {
      sent.push(body);
      return new Response(JSON.stringify(answers.shift()), { status: 200 });
    }
    return new Response('{}', { status: 200 });
  });
  afterAll(() => vi.unstubAllGlobals());
  beforeEach(() => {
    sent.length = 0;
  });

  const anna = { id: 'u-anna', displayName: 'Anna', role: 'manager' };
  const answer = (deviceCookie: string | undefined, user = anna) => ({ token: `token-${sent.length}`, deviceId: 'd', user, ...(deviceCookie ? { deviceCookie } : {}) });
  const SERVER = 'http://crm.example.com:8787';

  it('sends no cookie the first time, then the one the last sign-in brought, also after signing out', async () => {
    const { signIn, signOut } = await import('./sync-controller');
    answers = [answer('first-cookie')];
    await signIn(SERVER, 'Anna', 'pw');
    expect(sent[0]).toEqual({ login: 'Anna', password: 'pw', deviceName: expect.stringContaining('Test PC') });

    await signOut();
    expect(session.wiped).toBe(1);
    expect(session.connection).toBeUndefined();

    answers = [answer('second-cookie')];
    await signIn(`${SERVER}/`, ' anna', 'pw');
    expect(sent[1]).toMatchObject({ deviceCookie: 'first-cookie' });
    expect(deviceCookieFor(SERVER, 'anna', storage)).toBe('second-cookie');

    // An older server answers without one: the laptop keeps the one it has.
    await signOut();
    answers = [answer(undefined)];
    await signIn(SERVER, 'anna', 'pw');
    expect(sent[2]).toMatchObject({ deviceCookie: 'second-cookie' });
    expect(deviceCookieFor(SERVER, 'anna', storage)).toBe('second-cookie');
  });

  it('sends a login’s cookie only to its own server, and keeps the new one even when the sign-in is turned down here', async () => {
    const { OtherPersonsData, signIn } = await import('./sync-controller');
    session.connection = { serverUrl: `${SERVER}/`, user: anna };
    answers = [answer('ben-cookie', { id: 'u-ben', displayName: 'Ben', role: 'manager' })];
    // Anna's client base is on this laptop: Ben's sign-in is turned down by the laptop, but the
    // server has already replaced Ben's cookie, so the new one is kept.
    await expect(signIn(SERVER, 'ben', 'pw')).rejects.toBeInstanceOf(OtherPersonsData);
    expect(sent[0]).not.toHaveProperty('deviceCookie');
    expect(deviceCookieFor(SERVER, 'ben', storage)).toBe('ben-cookie');
    session.connection = undefined;
    answers = [answer('elsewhere')];
    await signIn('https://other.example.com', 'anna', 'pw');
    expect(sent[1]).not.toHaveProperty('deviceCookie');
  });
});
