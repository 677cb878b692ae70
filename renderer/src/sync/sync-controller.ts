/**
 * The app's sync: signing in to the company server, "Sync now", syncing by itself when the
 * connection comes back, and what the status bar shows. One sync at a time per laptop, across
 * windows, through a Web Lock. zustand holds only the UI state of the run, never data.
 */
import { create } from 'zustand';
import { forgetConnection, readConnection, saveConnection, wipeLocalData, type SyncConnection, type SyncRun } from '../data/sync-session';
import { runSync, type SyncProgress } from './engine';
import { SyncFailure, httpTransport, type Transport } from './transport';
import { forgetToken, keepToken, tokenOf } from './device-token';

export interface SyncUiState {
  online: boolean;
  running: boolean;
  progress: SyncProgress | null;
  /** Code of the last failure (see SyncFailureCode), or 'busy' / 'not_connected'. */
  lastError: string | null;
  lastRun: SyncRun | null;
  autoSync: boolean;
}

export const useSyncState = create<SyncUiState>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  running: false,
  progress: null,
  lastError: null,
  lastRun: null,
  autoSync: localStorage.getItem('fieldbook.autoSync') !== 'off',
}));

const LOCK = 'fieldbook-sync';

/** Runs one sync unless another window of this laptop is already syncing. */
export async function syncNow(options: { pageSize?: number } = {}): Promise<SyncRun | null> {
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
        ...options,
      });
      useSyncState.setState({ lastRun: result });
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
      useSyncState.setState({ lastError: 'busy' });
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
    await wipeLocalData();
    window.location.reload();
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
}

/** Signs this laptop in as a new device of the user. Throws SyncFailure with a code. */
export async function signIn(serverUrl: string, login: string, password: string): Promise<SyncConnection> {
  const url = new URL(serverUrl).toString();
  const { value } = await httpTransport(url, null).post<LoginAnswer>('/api/login', { login, password, deviceName: deviceName() });
  const connection = await keepToken({ serverUrl: url, deviceId: value.deviceId, user: value.user }, value.token);
  await saveConnection(connection);
  return connection;
}

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
}

function deviceName(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return `Fieldbook on ${platform || 'a computer'}`;
}

export function setAutoSync(on: boolean): void {
  localStorage.setItem('fieldbook.autoSync', on ? 'on' : 'off');
  useSyncState.setState({ autoSync: on });
}

let watching = false;

/** Tracks the connection, and syncs by itself when it comes back (if the setting is on). */
export function watchConnectivity(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('offline', () => useSyncState.setState({ online: false }));
  window.addEventListener('online', () => {
    useSyncState.setState({ online: true });
    if (useSyncState.getState().autoSync) void syncNow();
  });
}
