import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost N=2^15, r=8, p=1: 32 MiB and some tens of milliseconds per check. */
const COST = { N: 32768, r: 8, p: 1 } as const;
const MAX_MEMORY = 256 * 1024 * 1024;
const KEY_LENGTH = 64;
const MAX_PASSWORD_BYTES = 1024;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A stored hash with absurd parameters fails here (over maxmem) instead of exhausting memory.
    scrypt(password, salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** "scrypt$N$r$p$<salt>$<key>" with a fresh 16-byte salt per password. */
export async function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw new RangeError('password too long');
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A stored hash of a password nobody knows: unknown usernames cost as much as wrong passwords. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  return dummyHash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every(Number.isSafeInteger)) return false;
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length === 0) return false;
  try {
    const key = await scryptAsync(password, salt, expected.length, { N, r, p });
    return timingSafeEqual(key, expected);
  } catch {
    // Parameters scrypt refuses (a corrupt or hostile stored hash) verify nothing.
    return false;
  }
}

/** SHA-256 hex: how session secrets and access tokens are stored (they are random, so no salt is needed). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const TOKEN_PREFIX = 'bwk_';

/** A personal access token: `bwk_` + 43 characters of base64url (256 random bits). */
export function newAccessToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}
