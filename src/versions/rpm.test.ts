import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { rpmScheme as scheme } from './rpm.js';

describe('versions/rpm', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/rpm.txt', import.meta.url), 10);

  it('puts a version without a release before the same version with one', () => {
    expect(scheme.compare('1.0', '1.0-1')).toBeLessThan(0);
    expect(scheme.compare('1:1.0', '1:1.0-0')).toBeLessThan(0);
  });

  it('rejects what is not an rpm version', () => {
    for (const version of ['', '1.0-', ':1.0', 'a:1.0', '1 0', '-1', '...', '1:2:3']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
