import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { mavenScheme as scheme } from './maven.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/maven.txt', import.meta.url), 'utf8'));

describe('versions/maven', () => {
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
