import { defineSecretRule, type SecretRule } from '../rule.js';

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173 bech32 checksum: age identities are bech32 with the HRP `age-secret-key-`. */
function hasBech32Checksum(key: string): boolean {
  const lower = key.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1) return false;
  const hrp = lower.slice(0, separator);
  const values: number[] = [];
  for (const char of hrp) values.push(char.charCodeAt(0) >> 5);
  values.push(0);
  for (const char of hrp) values.push(char.charCodeAt(0) & 31);
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(char);
    if (value < 0) return false;
    values.push(value);
  }
  let check = 1;
  for (const value of values) {
    const top = check >>> 25;
    check = (((check & 0x1ffffff) << 5) ^ value) >>> 0;
    GENERATOR.forEach((generator, bit) => {
      if ((top >>> bit) & 1) check = (check ^ generator) >>> 0;
    });
  }
  return check === 1;
}

export const ageRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'age-secret-key',
    title: 'age secret key',
    description:
      'An age identity (AGE-SECRET-KEY-1…) decrypts every file, SOPS document or backup encrypted to its recipient. Generate a new identity, re-encrypt the data to it, and keep identities out of repositories.',
    keywords: ['age-secret-key-1'],
    pattern: /(?<![A-Za-z0-9-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/,
    maxLength: 74,
    minEntropy: 3,
    accept: hasBech32Checksum,
    references: ['https://age-encryption.org/v1', 'https://github.com/FiloSottile/age'],
  }),
];
