import { createHmac } from 'node:crypto';
import { defineSecretRule, type SecretRule } from '../rule.js';

// JSON Web Tokens in compact serialization. The pattern only finds the shape (base64url segments
// whose header starts with `{"`, i.e. `eyJ`); accept() decodes the header and keeps the token only when
// it is a JSON object with an "alg" (and, for JWE, an "enc").
//
// Decisions:
// - `alg: "none"` (unsigned) tokens are skipped: they carry no signature, so a server that accepts them
//   is broken regardless of the token; in repositories they are test and documentation data.
// - The signature length must fit the algorithm (HS256 → 32 bytes, ES256 → 64, RS256 → the modulus),
//   which rejects hand-made tokens such as `….eyJzdWIiOiJ0ZXN0In0.fake-signature`.
// - The payload must decode to a JSON object; the jwt.io sample ("John Doe", sub 1234567890) is skipped.
// - HMAC tokens signed with a well-known placeholder key ("secret", jwt.io's "your-256-bit-secret", …)
//   are documentation or test tokens: anyone can mint them, so they reveal nothing.
// - Expired tokens are still reported: `exp` says nothing about the signing key, and refresh or
//   long-lived service tokens often have none.

const JWT_DOCS = 'https://www.rfc-editor.org/rfc/rfc7519';
const JWE_DOCS = 'https://www.rfc-editor.org/rfc/rfc7516#section-7.1';

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  if (segment.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Signature bytes per JWS algorithm (RFC 7518); RSA signatures are as long as the modulus. */
const SIGNATURE_BYTES: Readonly<Record<string, readonly number[]>> = {
  HS256: [32],
  HS384: [48],
  HS512: [64],
  ES256: [64],
  ES256K: [64],
  ES384: [96],
  ES512: [132],
  EdDSA: [64, 114],
  Ed25519: [64],
  Ed448: [114],
};

function signatureFits(alg: string, signature: string): boolean {
  if (signature.length % 4 === 1) return false;
  const bytes = Math.floor((signature.length * 3) / 4);
  const expected = SIGNATURE_BYTES[alg];
  if (expected !== undefined) return expected.includes(bytes);
  if (/^(?:RS|PS)\d{3}$/.test(alg)) return bytes >= 128 && bytes <= 1024;
  return bytes >= 16;
}

function isDocumentationSample(payload: Record<string, unknown>): boolean {
  return payload['sub'] === '1234567890' && payload['name'] === 'John Doe';
}

/** Keys used by documentation, tutorials and test suites to sign HMAC examples. */
const PLACEHOLDER_HMAC_KEYS = [
  'secret', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'a-string-secret-at-least-256-bits-long',
  'key', 'test', 'password', 'changeme', 'secretkey', 'secret_key', 'secret-key', 'mysecret', 'my-secret', 'my_secret',
  'supersecret', 'shhhhh', 'jwt_secret', 'jwtsecret', 'example', 'qwertyuiopasdfghjklzxcvbnm123456', '',
];

function signedWithPlaceholderKey(alg: string, signingInput: string, signature: string): boolean {
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  if (hash === undefined) return false;
  return PLACEHOLDER_HMAC_KEYS.some((key) => createHmac(hash, key).update(signingInput).digest('base64url') === signature);
}

function acceptJws(token: string): boolean {
  const [headerPart = '', payloadPart = '', signature = ''] = token.split('.');
  const header = decodeJsonSegment(headerPart);
  const alg = header?.['alg'];
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || 'enc' in (header ?? {})) return false;
  const payload = decodeJsonSegment(payloadPart);
  if (payload === undefined || isDocumentationSample(payload)) return false;
  return signatureFits(alg, signature) && !signedWithPlaceholderKey(alg, `${headerPart}.${payloadPart}`, signature);
}

function acceptJwe(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 5) return false;
  const header = decodeJsonSegment(parts[0] ?? '');
  if (typeof header?.['alg'] !== 'string' || typeof header['enc'] !== 'string') return false;
  // Initialization vector and tag: 12–16 bytes each for the registered "enc" algorithms.
  const iv = parts[2] ?? '';
  const tag = parts[4] ?? '';
  return iv.length >= 16 && iv.length <= 22 && tag.length >= 16 && tag.length <= 43;
}

export const jwtRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'jwt-token',
    title: 'JSON Web Token',
    description:
      'A signed JSON Web Token is a bearer credential: until it expires (some never do) anyone holding it acts with the identity and claims it carries. ' +
      'Invalidate it (revoke the session or rotate the signing key), do not commit real tokens, and mint short-lived test tokens at test time instead.',
    keywords: ['eyj'],
    pattern:
      /(?<secret>eyJ(?<![A-Za-z0-9_.-]eyJ)[A-Za-z0-9_-]{15,1000}\.ey[A-Za-z0-9_-]{6,6000}\.[A-Za-z0-9_-]{22,1400})(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/,
    maxLength: 8500,
    minEntropy: 3.5,
    accept: acceptJws,
    references: [JWT_DOCS, 'https://www.rfc-editor.org/rfc/rfc7518#section-3.1'],
  }),
  defineSecretRule({
    id: 'jwt-encrypted',
    title: 'Encrypted JSON Web Token (JWE)',
    description:
      'A JWE compact token (five segments, header with "alg" and "enc") is usually a session or access token: whoever holds it can replay it until it expires. ' +
      'Invalidate the session, rotate the key that encrypts such tokens if it may be exposed too, and keep tokens out of source and logs.',
    keywords: ['eyj'],
    pattern:
      /(?<secret>eyJ(?<![A-Za-z0-9_.-]eyJ)[A-Za-z0-9_-]{15,1000}\.[A-Za-z0-9_-]{0,1400}\.[A-Za-z0-9_-]{16,22}\.[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,43})(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/,
    maxLength: 10500,
    minEntropy: 3.5,
    accept: acceptJwe,
    references: [JWE_DOCS],
  }),
];
