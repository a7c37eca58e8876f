// Shared, dependency-free helpers for the secrets evaluation set:
// a seeded PRNG, token alphabets, checksums and small encoders.
import crypto from 'node:crypto';

// ---- seeded PRNG (xmur3 seed hash + sfc32) -------------------------------
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export function makeRng(seed) {
  const s = xmur3(seed);
  let a = s(), b = s(), c = s(), d = s();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const rng = {
    float: next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    bytes: (n) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
    str: (alphabet, n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  // Random string that mixes character classes when the alphabet allows it,
  // so that no generated secret is accidentally low-entropy.
  rng.mixed = (alphabet, n) => {
    const hasU = /[A-Z]/.test(alphabet), hasL = /[a-z]/.test(alphabet), hasD = /[0-9]/.test(alphabet);
    for (;;) {
      const s = rng.str(alphabet, n);
      if (n >= 12) {
        if (hasU && !/[A-Z]/.test(s)) continue;
        if (hasL && !/[a-z]/.test(s)) continue;
        if (hasD && !/[0-9]/.test(s)) continue;
        if (/(.)\1\1\1/.test(s)) continue;
        if (/test|fake|xxxx|exampl|dummy|sample/i.test(s)) continue;
      }
      return s;
    }
  };
  rng.hex = (n) => rng.mixed(A.HEX, n);
  rng.b62 = (n) => rng.mixed(A.B62, n);
  rng.uuid = () => {
    const h = rng.str(A.HEX, 32).split('');
    h[12] = '4';
    h[16] = '89ab'[rng.int(4)];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  rng.b64bytes = (n) => rng.bytes(n).toString('base64');
  rng.b64urlbytes = (n) => b64url(rng.bytes(n));
  return rng;
}

export const A = {
  B62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  HEX: '0123456789abcdef',
  HEXU: '0123456789ABCDEF',
  B64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  B64URL: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  B32L: 'abcdefghijklmnopqrstuvwxyz234567',
  B32U: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  UPNUM: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  LOWNUM: 'abcdefghijklmnopqrstuvwxyz0123456789',
  LOWER: 'abcdefghijklmnopqrstuvwxyz',
  ALPHA: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  DIGITS: '0123456789',
  BECH32: 'qpzry9x8gf2tvdw0s3jn54khce6mua7l',
  B58: '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
};

// ---- checksums ------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(input) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function base62(num, width) {
  let s = '';
  let n = num;
  do {
    s = A.B62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(width, '0');
}

// GitHub / npm style: 30 random base62 chars followed by the base62 CRC32 of
// those 30 chars, left-padded to 6 characters.
export function crc62Token(prefix, random30) {
  return prefix + random30 + base62(crc32(random30), 6);
}

export function crc24(buf) {
  let crc = 0xb704ce;
  for (const b of buf) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

export function b64url(buf) {
  return Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function wrap(s, width = 64) {
  const out = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out.join('\n');
}

export function hmacJwt(header, payload, secret) {
  const h = b64url(Buffer.from(JSON.stringify(header)));
  const p = b64url(Buffer.from(JSON.stringify(payload)));
  const sig = crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest();
  return `${h}.${p}.${b64url(sig)}`;
}

// Bech32 (BIP 173), as used by age identities and recipients.
function bech32Polymod(values) {
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= G[i];
  }
  return chk >>> 0;
}
export function bech32(hrp, bytes) {
  const h = hrp.toLowerCase();
  const data = [];
  let acc = 0, bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) { bits -= 5; data.push((acc >>> bits) & 31); }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const hx = [...h].map((c) => c.charCodeAt(0) >> 5).concat([0], [...h].map((c) => c.charCodeAt(0) & 31));
  const pm = bech32Polymod([...hx, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const chk = [0, 1, 2, 3, 4, 5].map((i) => (pm >>> (5 * (5 - i))) & 31);
  return h + '1' + [...data, ...chk].map((d) => A.BECH32[d]).join('');
}
