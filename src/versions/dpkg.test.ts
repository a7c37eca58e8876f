import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { dpkgScheme as scheme } from './dpkg.js';

describe('versions/dpkg', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/dpkg.txt', import.meta.url), 10);

  it('ignores surrounding white space, as dpkg does', () => {
    expect(scheme.compare(' 1:2.0-1 ', '1:2.0-1')).toBe(0);
  });

  it('rejects what dpkg rejects', () => {
    for (const version of ['', 'a1.0', '1.0-', 'a:1.0', ':1.0', '1:', '1.0 1', '1.0-1_2', '1.0-a:b', '1.0!']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
