// Deterministic generation of structurally valid private keys (RSA, EC, DSA,
// Ed25519) from the seeded PRNG, serialised as PEM (PKCS#1, SEC1, PKCS#8,
// encrypted PKCS#8, legacy encrypted PEM), OpenSSH, PuTTY PPK v3 and OpenPGP
// armor. Every key is freshly generated from the fixed seed: none is real.
import crypto from 'node:crypto';
import { b64url, crc24, wrap } from './lib.mjs';

// ---- BigInt helpers -------------------------------------------------------
const bi = (buf) => BigInt('0x' + (buf.length ? buf.toString('hex') : '0'));
function toBuf(n, len) {
  let h = n.toString(16);
  if (h.length % 2) h = '0' + h;
  let b = Buffer.from(h, 'hex');
  if (len && b.length < len) b = Buffer.concat([Buffer.alloc(len - b.length), b]);
  return b;
}
function modPow(b, e, m) {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    e >>= 1n;
    b = (b * b) % m;
  }
  return r;
}
function egcdInv(a, m) {
  let [or, r] = [a % m, m];
  let [os, s] = [1n, 0n];
  while (r !== 0n) {
    const q = or / r;
    [or, r] = [r, or - q * r];
    [os, s] = [s, os - q * s];
  }
  if (or !== 1n) throw new Error('not invertible');
  return ((os % m) + m) % m;
}
const SMALL_PRIMES = (() => {
  const out = [];
  for (let i = 3; out.length < 300; i += 2) if (out.every((p) => i % p !== 0)) out.push(i);
  return out.map(BigInt);
})();
function isProbablePrime(n, rng) {
  for (const p of SMALL_PRIMES) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  let d = n - 1n, s = 0;
  while ((d & 1n) === 0n) { d >>= 1n; s++; }
  const bytes = Math.ceil(n.toString(16).length / 2);
  for (let i = 0; i < 24; i++) {
    const a = (bi(rng.bytes(bytes)) % (n - 4n)) + 2n;
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let comp = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) { comp = false; break; }
    }
    if (comp) return false;
  }
  return true;
}
function randomPrime(bits, rng, extra = () => true) {
  for (;;) {
    const b = rng.bytes(bits / 8);
    b[0] |= 0xc0;
    b[b.length - 1] |= 1;
    const n = bi(b);
    if (extra(n) && isProbablePrime(n, rng)) return n;
  }
}

// ---- minimal DER encoder -----------------------------------------------------
function derLen(n) {
  if (n < 128) return Buffer.from([n]);
  const b = toBuf(BigInt(n));
  return Buffer.concat([Buffer.from([0x80 | b.length]), b]);
}
const tlv = (tag, body) => Buffer.concat([Buffer.from([tag]), derLen(body.length), body]);
const seq = (...items) => tlv(0x30, Buffer.concat(items));
const octet = (b) => tlv(0x04, b);
const nul = () => Buffer.from([0x05, 0x00]);
function int(n) {
  let b = typeof n === 'bigint' ? toBuf(n) : toBuf(BigInt(n));
  if (b.length === 0) b = Buffer.from([0]);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}
function oid(str) {
  const parts = str.split('.').map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const stack = [p & 0x7f];
    let v = p >>> 7;
    while (v > 0) { stack.unshift((v & 0x7f) | 0x80); v >>>= 7; }
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}
const pem = (label, der) => `-----BEGIN ${label}-----\n${wrap(der.toString('base64'))}\n-----END ${label}-----\n`;

// ---- RSA ------------------------------------------------------------------------
export function rsaKey(bits, rng) {
  const e = 65537n;
  for (;;) {
    const p = randomPrime(bits / 2, rng, (x) => (x - 1n) % e !== 0n);
    const q = randomPrime(bits / 2, rng, (x) => (x - 1n) % e !== 0n);
    if (p === q) continue;
    const n = p * q;
    const phi = (p - 1n) * (q - 1n);
    const d = egcdInv(e, phi);
    const jwk = {
      kty: 'RSA',
      n: b64url(toBuf(n)), e: b64url(toBuf(e)), d: b64url(toBuf(d)),
      p: b64url(toBuf(p)), q: b64url(toBuf(q)),
      dp: b64url(toBuf(d % (p - 1n))), dq: b64url(toBuf(d % (q - 1n))),
      qi: b64url(toBuf(egcdInv(q, p))),
    };
    const key = crypto.createPrivateKey({ key: jwk, format: 'jwk' });
    return { type: 'rsa', key, n, e, d, p, q, iqmp: egcdInv(q, p) };
  }
}

export function ecKey(curve, rng) {
  const nodeCurve = { 'P-256': 'prime256v1', 'P-384': 'secp384r1' }[curve];
  const size = curve === 'P-256' ? 32 : 48;
  const ecdh = crypto.createECDH(nodeCurve);
  const d = rng.bytes(size);
  d[0] &= 0x7f;
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const x = pub.subarray(1, 1 + size), y = pub.subarray(1 + size);
  const key = crypto.createPrivateKey({ key: { kty: 'EC', crv: curve, d: b64url(d), x: b64url(x), y: b64url(y) }, format: 'jwk' });
  return { type: 'ec', curve, key, d, pub };
}

export function ed25519Key(rng) {
  const seed = rng.bytes(32);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const pub = Buffer.from(crypto.createPublicKey(key).export({ format: 'jwk' }).x, 'base64url');
  return { type: 'ed25519', key, seed, pub };
}

export function dsaKey(rng) {
  const q = randomPrime(160, rng);
  let p;
  for (;;) {
    const kb = rng.bytes(108); // ~864-bit multiplier -> 1024-bit p
    kb[0] |= 0x80;
    const k = bi(kb);
    const cand = 2n * k * q + 1n;
    if (cand.toString(2).length !== 1024) continue;
    if (isProbablePrime(cand, rng)) { p = cand; break; }
  }
  let g = 1n;
  for (let h = 2n; g === 1n; h++) g = modPow(h, (p - 1n) / q, p);
  const x = (bi(rng.bytes(20)) % (q - 1n)) + 1n;
  const y = modPow(g, x, p);
  return { type: 'dsa', p, q, g, x, y };
}

// ---- serialisers --------------------------------------------------------------
export const pkcs1Pem = (k) => k.key.export({ type: 'pkcs1', format: 'pem' });
export const sec1Pem = (k) => k.key.export({ type: 'sec1', format: 'pem' });
export const pkcs8Pem = (k) => k.key.export({ type: 'pkcs8', format: 'pem' });
export const dsaPem = (k) => pem('DSA PRIVATE KEY', seq(int(0), int(k.p), int(k.q), int(k.g), int(k.y), int(k.x)));

// PKCS#8 EncryptedPrivateKeyInfo (PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC).
// Encrypted with a passphrase derived from the PRNG so the output is stable.
export function encryptedPkcs8Pem(k, rng) {
  const plain = k.key.export({ type: 'pkcs8', format: 'der' });
  const salt = rng.bytes(16), iv = rng.bytes(16), pass = rng.bytes(12).toString('hex');
  const iter = 2048;
  const dk = crypto.pbkdf2Sync(pass, salt, iter, 32, 'sha256');
  const c = crypto.createCipheriv('aes-256-cbc', dk, iv);
  const enc = Buffer.concat([c.update(plain), c.final()]);
  const alg = seq(
    oid('1.2.840.113549.1.5.13'),
    seq(
      seq(oid('1.2.840.113549.1.5.12'), seq(octet(salt), int(iter), seq(oid('1.2.840.113549.2.9'), nul()))),
      seq(oid('2.16.840.1.101.3.4.1.42'), octet(iv)),
    ),
  );
  return pem('ENCRYPTED PRIVATE KEY', seq(alg, octet(enc)));
}

// Legacy OpenSSL "Proc-Type: 4,ENCRYPTED" PEM (AES-128-CBC, EVP_BytesToKey MD5).
export function legacyEncryptedRsaPem(k, rng) {
  const der = k.key.export({ type: 'pkcs1', format: 'der' });
  const iv = rng.bytes(16), pass = Buffer.from(rng.bytes(10).toString('hex'));
  const key = crypto.createHash('md5').update(Buffer.concat([pass, iv.subarray(0, 8)])).digest();
  const c = crypto.createCipheriv('aes-128-cbc', key, iv);
  const enc = Buffer.concat([c.update(der), c.final()]);
  return `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${iv.toString('hex').toUpperCase()}\n\n${wrap(enc.toString('base64'))}\n-----END RSA PRIVATE KEY-----\n`;
}

// ---- SSH wire format --------------------------------------------------------------
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
const sshStr = (b) => { const buf = Buffer.isBuffer(b) ? b : Buffer.from(b); return Buffer.concat([u32(buf.length), buf]); };
function mpint(n) {
  let b = toBuf(n);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return sshStr(b);
}
function sshParts(k) {
  if (k.type === 'ed25519') {
    const pub = Buffer.concat([sshStr('ssh-ed25519'), sshStr(k.pub)]);
    const priv = Buffer.concat([sshStr('ssh-ed25519'), sshStr(k.pub), sshStr(Buffer.concat([k.seed, k.pub]))]);
    return { alg: 'ssh-ed25519', pub, priv, privOnly: sshStr(Buffer.concat([k.seed, k.pub])) };
  }
  if (k.type === 'rsa') {
    const pub = Buffer.concat([sshStr('ssh-rsa'), mpint(k.e), mpint(k.n)]);
    const priv = Buffer.concat([sshStr('ssh-rsa'), mpint(k.n), mpint(k.e), mpint(k.d), mpint(k.iqmp), mpint(k.p), mpint(k.q)]);
    return { alg: 'ssh-rsa', pub, priv, privOnly: Buffer.concat([mpint(k.d), mpint(k.p), mpint(k.q), mpint(k.iqmp)]) };
  }
  if (k.type === 'ec' && k.curve === 'P-256') {
    const alg = 'ecdsa-sha2-nistp256';
    const pub = Buffer.concat([sshStr(alg), sshStr('nistp256'), sshStr(k.pub)]);
    const priv = Buffer.concat([sshStr(alg), sshStr('nistp256'), sshStr(k.pub), mpint(bi(k.d))]);
    return { alg, pub, priv, privOnly: mpint(bi(k.d)) };
  }
  throw new Error('unsupported ssh key');
}
export function sshPublicLine(k, comment) {
  const { alg, pub } = sshParts(k);
  return `${alg} ${pub.toString('base64')} ${comment}`;
}
export function opensshPem(k, comment, rng) {
  const { pub, priv } = sshParts(k);
  const check = rng.bytes(4);
  let body = Buffer.concat([check, check, priv, sshStr(comment)]);
  const pad = [];
  for (let i = 1; (body.length + pad.length) % 8 !== 0; i++) pad.push(i);
  body = Buffer.concat([body, Buffer.from(pad)]);
  const blob = Buffer.concat([
    Buffer.from('openssh-key-v1\0'), sshStr('none'), sshStr('none'), sshStr(''), u32(1), sshStr(pub), sshStr(body),
  ]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(blob.toString('base64'), 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
}
export function puttyPpk(k, comment) {
  const { alg, pub, privOnly } = sshParts(k);
  const macData = Buffer.concat([sshStr(alg), sshStr('none'), sshStr(comment), sshStr(pub), sshStr(privOnly)]);
  const mac = crypto.createHmac('sha256', Buffer.alloc(0)).update(macData).digest('hex');
  const pubB64 = wrap(pub.toString('base64'), 64).split('\n');
  const privB64 = wrap(privOnly.toString('base64'), 64).split('\n');
  return [
    `PuTTY-User-Key-File-3: ${alg}`, 'Encryption: none', `Comment: ${comment}`,
    `Public-Lines: ${pubB64.length}`, ...pubB64, `Private-Lines: ${privB64.length}`, ...privB64,
    `Private-MAC: ${mac}`, '',
  ].join('\n');
}

// ---- OpenPGP (RFC 4880 / RFC 9580 legacy EdDSA v4 secret key) ------------------------
function pgpMpi(buf) {
  let i = 0;
  while (i < buf.length - 1 && buf[i] === 0) i++;
  const b = buf.subarray(i);
  const bits = b.length * 8 - Math.clz32(b[0]) + 24;
  const h = Buffer.alloc(2); h.writeUInt16BE(bits);
  return Buffer.concat([h, b]);
}
function pgpPacket(tag, body) {
  // new-format header, one- or two-octet length
  let len;
  if (body.length < 192) len = Buffer.from([body.length]);
  else { const l = body.length - 192; len = Buffer.from([(l >> 8) + 192, l & 0xff]); }
  return Buffer.concat([Buffer.from([0xc0 | tag]), len, body]);
}
export function pgpSecretKeyBlock(k, userId, created) {
  const curveOid = Buffer.from('092b06010401da470f01', 'hex');
  const t = Buffer.alloc(4); t.writeUInt32BE(created);
  const pubPart = Buffer.concat([Buffer.from([4]), t, Buffer.from([22]), curveOid, pgpMpi(Buffer.concat([Buffer.from([0x40]), k.pub]))]);
  const secMpi = pgpMpi(k.seed);
  let sum = 0; for (const b of secMpi) sum = (sum + b) & 0xffff;
  const ck = Buffer.alloc(2); ck.writeUInt16BE(sum);
  const secBody = Buffer.concat([pubPart, Buffer.from([0]), secMpi, ck]);
  const data = Buffer.concat([pgpPacket(5, secBody), pgpPacket(13, Buffer.from(userId))]);
  const crc = Buffer.alloc(3); const c = crc24(data); crc[0] = c >> 16; crc[1] = (c >> 8) & 0xff; crc[2] = c & 0xff;
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${wrap(data.toString('base64'), 64)}\n=${crc.toString('base64')}\n-----END PGP PRIVATE KEY BLOCK-----\n`;
}

export function publicPem(k) {
  return crypto.createPublicKey(k.key).export({ type: 'spki', format: 'pem' });
}
