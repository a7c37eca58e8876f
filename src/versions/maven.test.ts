import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { mavenScheme as scheme } from './maven.js';

describe('versions/maven', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/maven.txt', import.meta.url), 10);

  it('reads anything Maven would, but not ranges or white space', () => {
    expect(scheme.isValid('NotAVersion')).toBe(true);
    for (const version of ['', '[1.0,2.0)', '(,1.0]', '1.0 beta', ' 1.0']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });

  it('copes with deep nesting from many hyphens', () => {
    const deep = `1${'-1'.repeat(200)}`;
    expect(scheme.compare(deep, `${deep}-1`)).toBeLessThan(0);
    expect(scheme.compare(deep, deep)).toBe(0);
  });
});
