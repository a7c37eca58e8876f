import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function toBase62(value: number, width: number): string {
  let out = '';
  let n = value >>> 0;
  while (n > 0) {
    out = BASE62.charAt(n % 62) + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/** GitHub- and npm-style tokens end in the CRC32 of their random part, base62, six characters. */
export function hasCrc32Base62Suffix(body: string): boolean {
  if (body.length <= 6) return false;
  const random = body.slice(0, -6);
  return toBase62(crc32(random), 6) === body.slice(-6);
}
