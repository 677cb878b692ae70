/**
 * Device tokens: 32 random bytes, shown to the device once; the server keeps only their
 * SHA-256, so a leaked database does not let anyone sign in as a device. (A fast hash is
 * enough here, unlike passwords: the token has 256 bits of entropy and cannot be guessed.)
 */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A syntactically possible token (43 base64url characters); anything else is refused unseen. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
