import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChain, checkChainSorts, parseComparisonTable } from '../../test/version-table.js';
import { nugetScheme as scheme } from './nuget.js';

const table = parseComparisonTable(readFileSync(new URL('./__fixtures__/nuget.txt', import.meta.url), 'utf8'));

describe('versions/nuget', () => {
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

  it('rejects what NuGet does not accept', () => {
    for (const version of ['', 'a.b', '1.0.0.0.0', '1.0.0-', '1.0.0-beta..1', '1.0.0-beta_1', '1.0.0+', '2147483648.0.0', '[1.0,2.0)', '1.0.*']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
