import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { dpkgScheme as scheme } from './dpkg.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/dpkg.txt', import.meta.url), 'utf8'));

describe('versions/dpkg', () => {
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

  it('ignores surrounding white space, as dpkg does', () => {
    expect(scheme.compare(' 1:2.0-1 ', '1:2.0-1')).toBe(0);
  });

  it('rejects what dpkg rejects', () => {
    for (const version of ['', 'a1.0', '1.0-', 'a:1.0', ':1.0', '1:', '1.0 1', '1.0-1_2', '1.0-a:b', '1.0!']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
