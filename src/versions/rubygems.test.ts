import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { rubygemsScheme as scheme } from './rubygems.js';

describe('versions/rubygems', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/rubygems.txt', import.meta.url), 8);

  it('strips surrounding white space, as Gem::Version does', () => {
    expect(scheme.isValid(' 1.0 ')).toBe(true);
    expect(scheme.compare(' 1.0 ', '1')).toBe(0);
  });

  it('rejects what Gem::Version does not accept', () => {
    for (const version of ['', 'a.b', '1..0', '1.0-', '1.0.', '1a', '1.0 beta', '.1', '1.0_1', '>= 1.0']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
