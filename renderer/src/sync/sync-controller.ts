/**
 * The app's sync: signing in to the company server, "Sync now", syncing by itself when the
 * connection comes back, and what the status bar shows. One sync at a time per laptop, across
 * windows, through a Web Lock. zustand holds only the UI state of the run, never data.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { getDb } from '../data/db';
import { continueOutboxOnNewDevice } from '../data/sync/outbox';
import { learnMarketFromClients } from '../data/market';
import { forgetConnection, keepOfferMark, readConnection, saveConnection, wipeLocalData, type SyncConnection, type SyncRun } from '../data/sync/sync-session';
import { runSync, type SyncProgress } from './engine';
import { tellFollowed } from './followed-notice';
import { SyncFailure, httpTransport, type Transport } from './transport';
import { forgetToken, keepToken, tokenOf } from './device-token';
import { deviceCookieFor, keepDeviceCookie } from './device-cookie';
import { getPlatform } from '../platform';

export interface SyncUiState {
  online: boolean;
  running: boolean;
  progress: SyncProgress | null;
  /** Code of the last failure (see SyncFailureCode), or 'busy' / 'not_connected'. */
  lastError: string | null;
  lastRun: SyncRun | null;
  autoSync: boolean;
}

/** The "sync by itself" setting, one for all the laptop's windows (localStorage is shared). */
const AUTO_SYNC_KEY = 'fieldbook.autoSync';

export const useSyncState = create<SyncUiState>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  running: false,
  progress: null,
  lastError: null,
  lastRun: null,
  autoSync: localStorage.getItem(AUTO_SYNC_KEY) !== 'off',
}));

const LOCK = 'fieldbook-sync';

/**
 * Runs one sync unless another window of this laptop is already syncing. `auto`: started by the
 * app, not the person, so another window's sync is no news to tell.
 */
export async function syncNow(options: { pageSize?: number; auto?: boolean } = {}): Promise<SyncRun | null> {
  const { auto, ...runOptions } = options;
  const connection = await readConnection();
  if (!connection) {
    useSyncState.setState({ lastError: 'not_connected' });
    return null;
  }
  const run = async (): Promise<SyncRun | null> => {
    useSyncState.setState({ running: true, lastError: null, progress: null });
    try {
      const result = await runSync({
        transport: httpTransport(connection.serverUrl, await tokenOf(connection)),
        onProgress: (progress) => useSyncState.setState({ progress }),
        ...runOptions,
      });
      useSyncState.setState({ lastRun: result });
      await tellFollowed(result);
      // Until the person chooses a market, their clients' country is a better guess than the
      // language settings (once, after the first sync that brought them).
      void learnMarketFromClients(connection.user.id).catch(() => undefined);
      return result;
    } catch (e) {
      await handleFailure(e);
      return null;
    } finally {
      useSyncState.setState({ running: false, progress: null });
    }
  };
  if (!navigator.locks) return run();
  return navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) {
      if (auto) return null;
      useSyncState.setState({ lastError: 'busy' });
      // The message holds while the other window syncs, not after.
      void navigator.locks.request(LOCK, async () => {
        if (useSyncState.getState().lastError === 'busy') useSyncState.setState({ lastError: null });
      });
      return null;
    }
    return run();
  });
}

async function handleFailure(e: unknown): Promise<void> {
  const code = e instanceof SyncFailure ? e.code : 'server_error';
  useSyncState.setState({ lastError: code });
  if (code === 'device_revoked') {
    // The company revoked this laptop: nothing of the client base may stay on it.
    await forgetToken();
    await wipeAndRestart('device_revoked');
  } else if (code === 'unauthorized') {
    const connection = await readConnection();
    if (connection) await saveConnection(await keepToken(connection, null));
  }
}

/** The company server as this signed-in device, or null when signed out. */
export async function connectedTransport(): Promise<Transport | null> {
  const connection = await readConnection();
  const token = connection ? await tokenOf(connection) : null;
  return connection && token ? httpTransport(connection.serverUrl, token) : null;
}

export interface LoginAnswer {
  token: string;
  deviceId: string;
  user: SyncConnection['user'];
  /** The device cookie for this login's next sign-in (./device-cookie.ts); older servers send none. */
  deviceCookie?: string;
  /** What this device's offer numbers carry (core/offers/offer-number.ts); older servers send none. */
  offerMark?: string;
}

/** A sign-in refused because this laptop holds another person's client base (`holder`). */
export class OtherPersonsData extends Error {
  constructor(readonly holder: string) {
    super(`this laptop holds ${holder}'s client base`);
  }
}

/** Whether the saved connection still has a device token (not after the server stopped accepting it). */
export const hasToken = (connection: SyncConnection) => connection.token !== null || connection.tokenInKeychain === true;

/**
 * Signs this laptop in as a new device of the user. Throws SyncFailure with a code, or
 * OtherPersonsData when the laptop holds the client base of someone whose sign-in lapsed: it
 * is theirs to sync (or to remove by signing out), not the next person's to see.
 */
export async function signIn(serverUrl: string, login: string, password: string): Promise<SyncConnection> {
  const url = new URL(serverUrl).toString();
  const previous = await readConnection();
  const deviceCookie = deviceCookieFor(url, login);
  const { value } = await httpTransport(url, null).post<LoginAnswer>('/api/login', { login, password, deviceName: await deviceName(), ...(deviceCookie ? { deviceCookie } : {}) });
  // Kept before anything else: the server has already replaced the cookie this laptop sent.
  if (value.deviceCookie) keepDeviceCookie(url, login, value.deviceCookie);
  if (previous && previous.user.id !== value.user.id) {
    await httpTransport(url, value.token).post('/api/logout', {}).catch(() => undefined);
    throw new OtherPersonsData(previous.user.displayName);
  }
  // A new device's sequence starts at 1 on the server, whatever this laptop sent before.
  await continueOutboxOnNewDevice(getDb());
  const connection = await keepToken({ serverUrl: url, deviceId: value.deviceId, user: value.user }, value.token);
  await saveConnection(connection);
  // A new device: its numbers carry its own mark, never the last device's.
  await keepOfferMark(value.offerMark);
  return connection;
}

/**
 * Signs out and removes the client base from this laptop: a signed-out laptop can no longer be
 * wiped from afar, so nothing of the company's stays on it (the next sign-in brings it back).
 * The settings screen asks first, and offers to sync what is not synced.
 */
export async function signOut(): Promise<void> {
  const connection = await readConnection();
  const token = connection ? await tokenOf(connection) : null;
  if (connection && token) {
    await httpTransport(connection.serverUrl, token)
      .post('/api/logout', {})
      .catch(() => undefined); // offline: the token is forgotten here; an admin can revoke the device
  }
  await forgetToken();
  await forgetConnection();
  await wipeAndRestart('signed_out');
}

/** What the window tells the person after it restarts with an empty laptop. */
export type RestartNotice = 'signed_out' | 'device_revoked';
const NOTICE_KEY = 'fieldbook.notice';

/** Tells this laptop's other windows that the database is gone: they start again too. */
const RESTART_CHANNEL = 'fieldbook-restart';

async function wipeAndRestart(notice: RestartNotice): Promise<void> {
  // localStorage, not IndexedDB: the notice must outlive the database it is about.
  localStorage.setItem(NOTICE_KEY, notice);
  await wipeLocalData();
  new BroadcastChannel(RESTART_CHANNEL).postMessage(notice);
  restartOnEmptyList();
}

let restarting = false;

/** Whether the window is starting again on purpose (a sign-out, a wipe): nothing to warn about. */
export const isRestarting = () => restarting;

/**
 * To the (empty) client list: the page open now may show a record that is gone. Once: this
 * window hears its own restart message too (its listening channel is another object).
 */
function restartOnEmptyList(): void {
  if (restarting) return;
  restarting = true;
  window.location.hash = '#/';
  window.location.reload();
}

/**
 * Reloads the window on purpose, for a new version of the app: the unsynced changes stay on the
 * laptop, so the quit warning has nothing to ask. (The caller has checked nothing typed is lost.)
 */
export function reloadOnPurpose(): void {
  restarting = true;
  window.location.reload();
}

/** The notice left by the wipe before this start, once (then forgotten). */
export function takeRestartNotice(): RestartNotice | null {
  const notice = localStorage.getItem(NOTICE_KEY);
  localStorage.removeItem(NOTICE_KEY);
  return notice === 'signed_out' || notice === 'device_revoked' ? notice : null;
}

/** How the company's device list names this laptop: its computer name where the desktop app knows it. */
async function deviceName(): Promise<string> {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  const { computerName } = await getPlatform().appInfo();
  // In the language of the person signing in: the head of sales reads it in the device list.
  const said = computerName ? i18next.t('devices.nameDesktop', { computer: computerName }) : i18next.t('devices.nameBrowser');
  const name = platform ? `${said} (${platform})` : said;
  return name.slice(0, 100); // the server's limit
}

export function setAutoSync(on: boolean): void {
  localStorage.setItem(AUTO_SYNC_KEY, on ? 'on' : 'off');
  useSyncState.setState({ autoSync: on });
}

let watching = false;

/** How long after the window opens it syncs by itself: the window's own start comes first. */
const START_SYNC_DELAY_MS = 3000;

/**
 * Tracks the connection, and syncs by itself (if the setting is on) when it comes back and
 * when the app starts online: a laptop opened on a hotel's network syncs without being asked.
 */
export function watchConnectivity(): void {
  if (watching) return;
  watching = true;
  new BroadcastChannel(RESTART_CHANNEL).onmessage = restartOnEmptyList;
  // The setting changed in another window: this one follows (a storage event comes from others only).
  window.addEventListener('storage', (e) => {
    if (e.key === AUTO_SYNC_KEY) useSyncState.setState({ autoSync: e.newValue !== 'off' });
  });
  window.addEventListener('offline', () => useSyncState.setState({ online: false }));
  window.addEventListener('online', () => {
    useSyncState.setState({ online: true });
    if (useSyncState.getState().autoSync) void syncNow({ auto: true });
  });
  setTimeout(() => {
    void readConnection().then((connection) => {
      const { autoSync, online, running } = useSyncState.getState();
      if (connection && hasToken(connection) && autoSync && online && !running) void syncNow({ auto: true });
    });
  }, START_SYNC_DELAY_MS);
}
