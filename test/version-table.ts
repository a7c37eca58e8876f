import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { VersionScheme } from '../src/versions/types.js';

/**
 * The test-table format of the version schemes (`__fixtures__/<scheme>.txt`): one chain of
 * versions per line, joined by `<` or `=` and separated by spaces (`1.0a1 < 1.0b1 < 1.0 = 1.0.0`).
 * `#` starts a comment. A chain states the order of every pair in it, so a line of n versions is
 * n(n-1)/2 checks, and its versions are sorted from any shuffled start.
 */
export interface Chain {
  readonly line: number;
  readonly versions: readonly string[];
  /** Rank of each version: equal ranks are equal versions, a higher rank a greater version. */
  readonly ranks: readonly number[];
}

/** Reads a table; a malformed line comes back as a message rather than a chain. */
export function parseComparisonTable(text: string): { chains: Chain[]; errors: string[] } {
  const chains: Chain[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const content = (raw.split('#')[0] ?? '').trim();
    if (content.length === 0) return;
    const words = content.split(/\s+/);
    const versions: string[] = [];
    const ranks: number[] = [];
    let rank = 0;
    for (let i = 0; i < words.length; i += 2) {
      const operator = words[i - 1];
      if (i > 0 && operator !== '<' && operator !== '=') {
        errors.push(`line ${index + 1}: expected < or = between versions, found ${operator}`);
        return;
      }
      if (operator === '<') rank++;
      versions.push(words[i] ?? '');
      ranks.push(rank);
    }
    if (versions.length < 2 || words.length % 2 === 0) errors.push(`line ${index + 1}: a chain needs two or more versions`);
    else chains.push({ line: index + 1, versions, ranks });
  });
  return { chains, errors };
}

function symbol(order: number): string {
  return order < 0 ? '<' : order > 0 ? '>' : '=';
}

/** Every pair of a chain, both ways round, plus the validity of each version: one message per failure. */
export function checkChain(scheme: VersionScheme, chain: Chain): string[] {
  const failures: string[] = [];
  chain.versions.forEach((version) => {
    if (!scheme.isValid(version)) failures.push(`line ${chain.line}: ${version} should be a valid ${scheme.name} version`);
  });
  for (let i = 0; i < chain.versions.length; i++) {
    for (let j = i + 1; j < chain.versions.length; j++) {
      const a = chain.versions[i] ?? '';
      const b = chain.versions[j] ?? '';
      const expected = symbol((chain.ranks[i] ?? 0) - (chain.ranks[j] ?? 0));
      const forward = symbol(scheme.compare(a, b));
      const backward = symbol(scheme.compare(b, a));
      if (forward !== expected) failures.push(`line ${chain.line}: expected ${a} ${expected} ${b}, got ${forward}`);
      if (backward !== symbol(-((chain.ranks[i] ?? 0) - (chain.ranks[j] ?? 0)))) failures.push(`line ${chain.line}: compare(${b}, ${a}) disagrees with compare(${a}, ${b})`);
    }
  }
  return failures;
}

/** A deterministic shuffle (mulberry32), so a failing order can be reproduced from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Sorts shuffled copies of a chain with the scheme and reports any result out of the chain's order. */
export function checkChainSorts(scheme: VersionScheme, chain: Chain, seeds: readonly number[]): string[] {
  const rankOf = new Map(chain.versions.map((v, i) => [v, chain.ranks[i] ?? 0]));
  const failures: string[] = [];
  for (const seed of seeds) {
    const sorted = shuffled(chain.versions, seed).sort((a, b) => scheme.compare(a, b));
    const ranks = sorted.map((v) => rankOf.get(v) ?? 0);
    if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? 0))) {
      failures.push(`line ${chain.line} (seed ${seed}): sorted to ${sorted.join(' ')}`);
    }
  }
  return failures;
}

/** The seeds of the shuffled starts each chain is sorted from. */
const SORT_SEEDS: readonly number[] = [1, 2, 3, 42];

/**
 * Adds the table-driven tests of one scheme to the enclosing `describe`: the table reads cleanly and
 * holds more than `minimumChains` chains, every chain is ordered both ways round (one test a
 * chain), and shuffled chains sort back into the table's order.
 */
export function describeOrderingTable(scheme: VersionScheme, fixture: URL, minimumChains: number): void {
  const table = parseComparisonTable(readFileSync(fixture, 'utf8'));

  it('reads its ordering table', () => {
    expect(table.errors).toEqual([]);
    expect(table.chains.length).toBeGreaterThan(minimumChains);
  });

  it.each(table.chains.map((chain) => [chain.line, chain] as const))('orders the chain on line %i', (_line, chain) => {
    expect(checkChain(scheme, chain)).toEqual([]);
  });

  it('sorts shuffled chains into the documented order', () => {
    expect(table.chains.flatMap((chain) => checkChainSorts(scheme, chain, SORT_SEEDS))).toEqual([]);
  });
}
