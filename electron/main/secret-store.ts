/**
 * Secrets (the device token) kept on disk encrypted by the operating system's keychain through
 * Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service (GNOME
 * keyring, KWallet) on Linux. A copied disk or a stolen profile folder holds only ciphertext
 * that this user's login on this computer can open.
 *
 * Free of electron imports (safeStorage is passed in) so it is tested without a runtime.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretName } from '../../core/ipc-contract';

/** The part of Electron's safeStorage this needs. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, and a fixed key anyone can read. */
  getSelectedStorageBackend?(): string;
}

export class SecretStore {
  constructor(
    private readonly folder: string,
    private readonly encryptor: Encryptor,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /**
   * Whether secrets can be kept here. Linux without a keyring falls back to a hard-coded key
   * ('basic_text'), which protects nothing: that counts as no keychain.
   */
  get available(): boolean {
    if (!this.encryptor.isEncryptionAvailable()) return false;
    return !(this.platform === 'linux' && this.encryptor.getSelectedStorageBackend?.() === 'basic_text');
  }

  private file(name: SecretName): string {
    return path.join(this.folder, `${name}.bin`);
  }

  /** Stores (or with null, forgets) a secret; false when there is no keychain to protect it. */
  async save(name: SecretName, value: string | null): Promise<boolean> {
    if (value === null) {
      await rm(this.file(name), { force: true });
      return true;
    }
    if (!this.available) return false;
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFile(this.file(name), this.encryptor.encryptString(value), { mode: 0o600 });
    return true;
  }

  /** The secret, or null when none is stored or it cannot be opened any more (another user, a new keychain). */
  async load(name: SecretName): Promise<string | null> {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file(name));
    } catch {
      return null;
    }
    if (!this.available) return null;
    try {
      return this.encryptor.decryptString(encrypted);
    } catch {
      return null;
    }
  }
}
