import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { semverScheme as scheme } from './semver.js';

describe('versions/semver', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/semver.txt', import.meta.url), 10);

  it('accepts surrounding spaces as npm does', () => {
    expect(scheme.isValid('  1.2.3 ')).toBe(true);
    expect(scheme.compare(' 1.2.3 ', '1.2.3')).toBe(0);
    expect(scheme.compare(' v1.2.3', '1.2.4')).toBeLessThan(0);
  });

  it('rejects what is not a SemVer version', () => {
    for (const version of ['', '1.2', '1.2.3.4', '1.2.x', 'latest', '0', '^1.2.3', '1.2.3+', '01.2']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });

  it('sorts strings that are not versions before every version, among themselves by text', () => {
    expect(scheme.compare('0', '0.0.0-0')).toBeLessThan(0);
    expect(scheme.compare('9.9', '0.0.1')).toBeLessThan(0);
    expect(scheme.compare('abc', 'abd')).toBeLessThan(0);
    expect(scheme.compare('abd', 'abc')).toBeGreaterThan(0);
    expect(scheme.compare('abc', 'abc')).toBe(0);
  });
});

describe('semverRangeScheme', () => {
  it('reads range bounds with missing numbers as zeros, as advisory databases mean them', async () => {
    const { semverRangeScheme } = await import('./semver.js');
    expect(semverRangeScheme.isValid('4.5')).toBe(true);
    expect(semverRangeScheme.compare('4.5', '4.5.0')).toBe(0);
    expect(semverRangeScheme.compare('4.4.9', '4.5')).toBeLessThan(0);
    expect(semverRangeScheme.compare('3', '3.0.1')).toBeLessThan(0);
    expect(semverRangeScheme.isValid('4.x')).toBe(false);
  });
});
