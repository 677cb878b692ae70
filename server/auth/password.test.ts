import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword, type ScryptParams } from './password';
import { hashToken, newToken, TOKEN_PATTERN } from './tokens';

const FAST: ScryptParams = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('Grüße, Welt!', FAST);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('Grüße, Welt!', hash)).toBe(true);
    expect(await verifyPassword('grüße, welt!', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats the same text in either Unicode normal form as the same password', async () => {
    const hash = await hashPassword('Gr\u00fc\u00dfe', FAST);
    expect(await verifyPassword('Gru\u0308\u00dfe', hash)).toBe(true);
  });

  it('salts every hash and stores its parameters in it', async () => {
    const [a, b] = [await hashPassword('same', FAST), await hashPassword('same', { logN: 11, r: 4, p: 1 })];
    expect(a).not.toBe(b);
    expect(b.startsWith('scrypt$11$4$1$')).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('refuses malformed or hostile hash strings without throwing', async () => {
    const good = await hashPassword('pw', FAST);
    const parts = good.split('$');
    const variants = [
      '',
      'bcrypt$x',
      parts.slice(0, 5).join('$'),
      ['scrypt', '30', ...parts.slice(2)].join('$'), // 2^30: a gigabyte of memory
      ['scrypt', 'x', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
    ];
    for (const v of variants) expect(await verifyPassword('pw', v)).toBe(false);
  });

  it('generates random passwords and tokens; tokens are stored as SHA-256', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(generatePassword()).not.toBe(generatePassword());
    const token = newToken();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
