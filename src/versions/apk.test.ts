import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apkScheme as scheme } from './apk.js';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/apk.txt', import.meta.url), 'utf8'));

describe('versions/apk', () => {
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

  it('accepts digits after the letter, as apk-tools does', () => {
    expect(scheme.isValid('6.6.2p1-r0')).toBe(true);
    expect(scheme.compare('6.6.2p1', '6.6.2p2')).toBeLessThan(0);
    expect(scheme.compare('6.6.2p1', '6.6.3')).toBeLessThan(0);
  });

  it('rejects what apk-tools rejects', () => {
    for (const version of ['', 'v1.2', '1.2_foo', '1.2-r', '1.2-1', '1.2A', '1..2', '1.2.', '1.2_rc1.3', '1.2-r1_p1', '1.2 ']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
