import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { rpmScheme as scheme } from './rpm.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/rpm.txt', import.meta.url), 'utf8'));

describe('versions/rpm', () => {
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
