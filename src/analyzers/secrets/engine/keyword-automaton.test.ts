import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton } from './keyword-automaton.js';

function hits(keywords: string[][], text: string, caseSensitive = false): [number, number][] {
  const out: [number, number][] = [];
  buildKeywordAutomaton(keywords.map((k) => ({ keywords: k, caseSensitive }))).scan(Buffer.from(text, 'latin1'), (rule, end) => out.push([rule, end]));
  return out;
}

describe('analyzers/secrets/engine/keyword-automaton', () => {
  it('finds every keyword occurrence, case-insensitively, with its end offset', () => {
    expect(hits([['ghp_'], ['akia']], 'x GHP_ab AKIA ghp_')).toEqual([
      [0, 6],
      [1, 13],
      [0, 18],
    ]);
  });

  it('reports keywords that are suffixes of others (failure links)', () => {
    expect(hits([['secret'], ['cret'], ['xsecretx']], 'xsecretx')).toEqual([
      [0, 7],
      [1, 7],
      [2, 8],
    ]);
  });

  it('handles overlapping occurrences and shared prefixes', () => {
    expect(hits([['aa'], ['aab']], 'aaab')).toEqual([
      [0, 2],
      [0, 3],
      [1, 4],
    ]);
  });

  it('checks case-sensitive keywords byte for byte', () => {
    expect(hits([['SK']], 'task SK sk Sk', true)).toEqual([[0, 7]]);
    expect(hits([['sk_live_']], 'SK_LIVE_ sk_live_', true)).toEqual([[0, 8], [0, 17]]);
  });

  it('gives the same hits from the WebAssembly loop as from the JavaScript loop', () => {
    const keywords = [['ghp_', 'github'], ['AKIA'], ['key'], ['SK'], ['secret', 'cret'], ['-----begin ']].map((k, i) => ({ keywords: k, caseSensitive: i === 3 }));
    const pieces = ['ghp_', 'github', 'AKIA', 'akia', 'key', 'KEY', 'SK', 'sk', 'secret', 'cret', '-----BEGIN ', 'x', 'q', '\n', 'g'];
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Dense enough to fill the WebAssembly output buffer many times, so resumption is exercised.
    const text = Array.from({ length: 100_000 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const bytes = Buffer.from(text, 'latin1');
    const collect = (engine: 'auto' | 'js'): number[] => {
      const out: number[] = [];
      buildKeywordAutomaton(keywords, engine).scan(bytes, (rule, end) => out.push(rule, end));
      return out;
    };
    const viaJs = collect('js');
    expect(viaJs.length).toBeGreaterThan(2 * 8192 * 2);
    expect(collect('auto')).toEqual(viaJs);
  });

  it('finds a keyword that straddles the middle, where the WebAssembly loop splits a buffer in two', () => {
    const keywords = [{ keywords: ['github', 'hub'] }, { keywords: ['AKIA'], caseSensitive: true }];
    for (const length of [10_000, 10_001]) {
      const middle = length >> 1;
      for (let at = middle - 8; at <= middle + 2; at++) {
        const bytes = Buffer.alloc(length, 'x');
        bytes.write('githubAKIA', at, 'latin1');
        const collect = (engine: 'auto' | 'js'): number[] => {
          const out: number[] = [];
          buildKeywordAutomaton(keywords, engine).scan(bytes, (rule, end) => out.push(rule, end));
          return out;
        };
        expect(collect('auto'), `${length} at ${at}`).toEqual(collect('js'));
        expect(collect('js')).toEqual([0, at + 6, 1, at + 10]);
      }
    }
  });

  it('matches nothing when there are no keywords', () => {
    expect(hits([[]], 'anything')).toEqual([]);
  });
});
