import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { pep440Scheme as scheme } from './pep440.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/pep440.txt', import.meta.url), 'utf8'));

describe('versions/pep440', () => {
  it('reads its ordering table', () => {
    expect(table.errors).toEqual([]);
    expect(table.chains.length).toBeGreaterThan(10);
  });

  it.each(table.chains.map((chain) => [chain.line, chain] as const))('orders the chain on line %i', (_line, chain) => {
    expect(checkChain(scheme, chain)).toEqual([]);
  });

  it('sorts shuffled chains into the documented order', () => {
    expect(table.chains.flatMap((chain) => checkChainSorts(scheme, chain, [1, 2, 3, 42]))).toEqual([]);
  });

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
