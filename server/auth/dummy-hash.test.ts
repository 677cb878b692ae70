/**
 * An unknown login must cost what a known one costs, from the first attempt after a start on:
 * one scrypt run with the default parameters. (The dummy hash used to be computed on first use,
 * so that attempt ran scrypt twice and took twice as long: the login did not exist.)
 */
import { describe, expect, it, vi } from 'vitest';

const scryptRuns = vi.hoisted(() => [] as { N: number | undefined }[]);

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const scrypt = ((...args: Parameters<typeof crypto.scrypt>) => {
    const options = args.length === 5 ? (args[3] as { N?: number }) : {};
    scryptRuns.push({ N: options.N });
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof crypto.scrypt;
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const { DEFAULT_SCRYPT, hashPassword, verifyAgainstDummy, verifyPassword } = await import('./password');

describe('the dummy hash for unknown logins', () => {
  it('costs one scrypt run at the default cost, already on the first unknown login', async () => {
    expect(scryptRuns).toEqual([]);
    expect(await verifyAgainstDummy('a guess')).toBe(false);
    expect(scryptRuns).toEqual([{ N: 2 ** DEFAULT_SCRYPT.logN }]);
    expect(await verifyAgainstDummy('another guess')).toBe(false);
    expect(scryptRuns).toHaveLength(2);
  });

  it('costs what checking a real user’s password costs', async () => {
    const hash = await hashPassword('the real one');
    scryptRuns.length = 0;
    expect(await verifyPassword('a guess', hash)).toBe(false);
    const known = [...scryptRuns];
    scryptRuns.length = 0;
    await verifyAgainstDummy('a guess');
    expect(scryptRuns).toEqual(known);
  });
});
