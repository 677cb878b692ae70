import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore, type Encryptor } from './secret-store';

/** A stand-in keychain: XOR with a key only this "computer" has. */
function keychain(options: { available?: boolean; backend?: string } = {}): Encryptor {
  const key = 0x5a;
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      return xor(encrypted.subarray(3)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const TOKEN = 'fb_6f1e0c9a5b7d4e2f8a3c1b0d9e8f7a6b';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SecretStore', () => {
  it('keeps the token encrypted on disk, readable only through the keychain', async () => {
    const store = new SecretStore(path.join(dir, 'secrets'), keychain(), 'linux');
    expect(await store.save('device-token', TOKEN)).toBe(true);
    const onDisk = await readFile(path.join(dir, 'secrets', 'device-token.bin'));
    expect(onDisk.toString('latin1')).not.toContain(TOKEN);
    expect((await stat(path.join(dir, 'secrets', 'device-token.bin'))).mode & 0o777).toBe(0o600);
    expect(await new SecretStore(path.join(dir, 'secrets'), keychain(), 'linux').load('device-token')).toBe(TOKEN);
  });

  it('forgets the token', async () => {
    const store = new SecretStore(dir, keychain());
    await store.save('device-token', TOKEN);
    expect(await store.save('device-token', null)).toBe(true);
    expect(await store.load('device-token')).toBeNull();
    expect(await store.save('device-token', null)).toBe(true); // forgetting twice is fine
  });

  it('stores nothing without a keychain, and treats Linux basic_text as none', async () => {
    expect(await new SecretStore(dir, keychain({ available: false })).save('device-token', TOKEN)).toBe(false);
    const basic = new SecretStore(dir, keychain({ backend: 'basic_text' }), 'linux');
    expect(basic.available).toBe(false);
    expect(await basic.save('device-token', TOKEN)).toBe(false);
    expect(await basic.load('device-token')).toBeNull();
    // The same backend name means nothing on other systems.
    expect(new SecretStore(dir, keychain({ backend: 'basic_text' }), 'darwin').available).toBe(true);
  });

  it('answers null for a file another keychain wrote, or garbage', async () => {
    const store = new SecretStore(dir, keychain());
    await store.save('device-token', TOKEN);
    const other: Encryptor = { ...keychain(), decryptString: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    expect(await new SecretStore(dir, other).load('device-token')).toBeNull();
  });
});
