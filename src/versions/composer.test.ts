import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { composerScheme as scheme } from './composer.js';
import { normalizeComposerVersion } from './composer-normalize.js';

describe('versions/composer', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/composer.txt', import.meta.url), 10);

  it('normalises versions into the four-number form composer.lock and Packagist use', () => {
    expect(normalizeComposerVersion('v1.2')).toBe('1.2.0.0');
    expect(normalizeComposerVersion('1.0.0-b2')).toBe('1.0.0.0-beta2');
    expect(normalizeComposerVersion('1.0-RC1-dev')).toBe('1.0.0.0-RC1-dev');
    expect(normalizeComposerVersion('1.0.0-pl3')).toBe('1.0.0.0-patch3');
    expect(normalizeComposerVersion('2.x-dev')).toBe('2.9999999.9999999.9999999-dev');
    expect(normalizeComposerVersion('dev-main')).toBe('dev-main');
    expect(normalizeComposerVersion('master')).toBe('dev-master');
    expect(normalizeComposerVersion('1.0.0 as 1.0.1')).toBe('1.0.0.0');
    expect(normalizeComposerVersion('1.0.0@beta')).toBe('1.0.0.0');
  });

  it('rejects what Composer cannot normalise', () => {
    for (const version of ['', 'foo', '1.0-foo', '1.0.0.0.0', 'feature-dev', '^1.0', '1.0 beta', 'dev-']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });

  it('puts named branches before every numbered version, and orders them by name', () => {
    expect(scheme.isValid('dev-main')).toBe(true);
    expect(scheme.compare('dev-main', '0.0.1-dev')).toBeLessThan(0);
    expect(scheme.compare('dev-feature', 'dev-main')).toBeLessThan(0);
    expect(scheme.compare('dev-main', 'dev-main')).toBe(0);
  });
});
