import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { pep440Scheme as scheme } from './pep440.js';

describe('versions/pep440', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/pep440.txt', import.meta.url), 10);

  it('ignores leading and trailing white space, as PEP 440 allows', () => {
    expect(scheme.isValid(' 1.0\n')).toBe(true);
    expect(scheme.compare('\t1.0rc1 ', '1.0rc1')).toBe(0);
  });

  it('rejects what PEP 440 does not accept', () => {
    for (const version of ['', 'french toast', '1.0-', '1.0+', '1.0+ab..c', '1.0.x', '^1.0', '1.0 rc1', '1!', '1.0.post1.post2']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
