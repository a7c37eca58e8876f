import { describe, expect, it } from 'vitest';
import { hashSecret, maskSecret } from './mask.js';

describe('analyzers/secrets/engine/mask', () => {
  it.each([
    ['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', 'ghp_8D************'],
    ['Xk9#mQ2$vL7!', 'Xk9*********'],
    ['short', 's****'],
    ['\nMIIEowIBAAKCAQEA7', 'MII************'],
    ['\\nMIIEowIBAAKCAQEA7', 'MII************'],
  ])('masks %j as %s', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });

  it('hashes a secret stably without revealing it', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
