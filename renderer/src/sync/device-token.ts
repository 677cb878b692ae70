/**
 * Where this laptop's device token lives: in the OS keychain on the desktop (encrypted by the
 * operating system, so a copied profile folder or a lost laptop's disk holds no usable token),
 * and in IndexedDB with the rest of the connection where there is no keychain (the browser
 * build, or a Linux desktop without a keyring).
 */
import { getPlatform } from '../platform';
import type { SyncConnection } from '../data/sync/sync-session';

type ConnectionWithoutToken = Omit<SyncConnection, 'token' | 'tokenInKeychain'>;

/** The connection to save, with `token` kept in the keychain when there is one. */
export async function keepToken(connection: ConnectionWithoutToken, token: string | null): Promise<SyncConnection> {
  const inKeychain = token !== null && (await getPlatform().saveSecret('device-token', token));
  if (!inKeychain) await forgetToken();
  return { ...connection, token: inKeychain ? null : token, tokenInKeychain: inKeychain };
}

/** The device token of a saved connection, wherever it is kept; null when signed out. */
export async function tokenOf(connection: SyncConnection): Promise<string | null> {
  return connection.tokenInKeychain ? getPlatform().loadSecret('device-token') : connection.token;
}

/** Forgets the token in the keychain (sign-out, a revoked device). */
export async function forgetToken(): Promise<void> {
  await getPlatform().saveSecret('device-token', null);
}
