import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { rubygemsScheme as scheme } from './rubygems.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/rubygems.txt', import.meta.url), 'utf8'));

describe('versions/rubygems', () => {
  it('reads its ordering table', () => {
    expect(table.errors).toEqual([]);
    expect(table.chains.length).toBeGreaterThan(8);
  });

  it.each(table.chains.map((chain) => [chain.line, chain] as const))('orders the chain on line %i', (_line, chain) => {
    expect(checkChain(scheme, chain)).toEqual([]);
  });

  it('sorts shuffled chains into the documented order', () => {
    expect(table.chains.flatMap((chain) => checkChainSorts(scheme, chain, [1, 2, 3, 42]))).toEqual([]);
  });

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
