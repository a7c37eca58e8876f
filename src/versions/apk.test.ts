import { describe, expect, it } from 'vitest';
import { apkScheme as scheme } from './apk.js';
import { describeOrderingTable } from '../../test/version-table.js';

describe('versions/apk', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/apk.txt', import.meta.url), 8);

  it('accepts digits after the letter, as apk-tools does', () => {
    expect(scheme.isValid('6.6.2p1-r0')).toBe(true);
    expect(scheme.compare('6.6.2p1', '6.6.2p2')).toBeLessThan(0);
    expect(scheme.compare('6.6.2p1', '6.6.3')).toBeLessThan(0);
  });

  it('rejects what apk-tools rejects', () => {
    for (const version of ['', 'v1.2', '1.2_foo', '1.2-r', '1.2-1', '1.2A', '1..2', '1.2.', '1.2_rc1.3', '1.2-r1_p1', '1.2 ']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
