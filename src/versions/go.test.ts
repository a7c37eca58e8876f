import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { goScheme as scheme } from './go.js';

describe('versions/go', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/go.txt', import.meta.url), 10);

  it('compares the versions of a go.mod with those of an OSV Go range', () => {
    // OSV `introduced: 1.2.0, fixed: 1.2.5` against go.mod's `v1.2.4` and `v1.2.5-0.2024…` (a commit after 1.2.4).
    expect(scheme.compare('v1.2.4', '1.2.5')).toBeLessThan(0);
    expect(scheme.compare('v1.2.5-0.20240101000000-abcdefabcdef', '1.2.5')).toBeLessThan(0);
    expect(scheme.compare('v1.2.5-0.20240101000000-abcdefabcdef', '1.2.4')).toBeGreaterThan(0);
  });

  it('rejects what Go does not accept as a version', () => {
    for (const version of ['', 'v', 'v01.2.3', 'v1.02.3', 'v1.2.3-', 'v1.2.3-01', 'v1.2.3-a..b', 'v1.2-pre', 'v1.2+meta', 'v1.2.3.4', ' v1.2.3', 'latest', 'V1.2.3']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });

  it('compares numbers of any length exactly', () => {
    expect(scheme.compare('v1.99999999999999999999.0', 'v1.99999999999999999998.0')).toBeGreaterThan(0);
  });
});
