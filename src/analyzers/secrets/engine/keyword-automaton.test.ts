import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';

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

  it('finds a keyword that straddles a boundary where the WebAssembly loop splits a buffer into streams', () => {
    // `secretkey` is the longest keyword and has no suffix that is one: a stream that starts
    // inside it can only find it if the streams overlap by enough.
    const keywords = [{ keywords: ['github', 'hub'] }, { keywords: ['AKIA'], caseSensitive: true }, { keywords: ['secretkey'] }];
    const wasm = buildKeywordAutomaton(keywords, 'auto');
    const js = buildKeywordAutomaton(keywords, 'js');
    const collect = (automaton: KeywordAutomaton, bytes: Buffer): number[] => {
      const out: number[] = [];
      automaton.scan(bytes, (rule, end) => out.push(rule, end));
      return out;
    };
    for (const length of [2_100, 4_097, 10_000, 10_001, 10_003, 65_537]) {
      // Every offset around each point where a stream may start or hand over (quarters, halves).
      const splits = [1, 2, 3].map((k) => Math.floor((k * length) / 4));
      for (const split of splits) {
        for (let at = split - 30; at <= split + 8; at++) {
          const bytes = Buffer.alloc(length, 'x');
          bytes.write('secretkey', at, 'latin1');
          bytes.write('githubAKIA', at + 12, 'latin1');
          expect(collect(js, bytes)).toEqual([2, at + 9, 0, at + 18, 1, at + 22]);
          expect(collect(wasm, bytes), `${length} at ${at}`).toEqual(collect(js, bytes));
        }
      }
      // Keywords at the very start and end, and back to back across the whole buffer.
      const edges = Buffer.alloc(length, 'x');
      edges.write('AKIA', 0, 'latin1');
      edges.write('github', length - 6, 'latin1');
      expect(collect(wasm, edges)).toEqual(collect(js, edges));
      const dense = Buffer.from('githubAKIA'.repeat(Math.ceil(length / 10)).slice(0, length), 'latin1');
      expect(collect(wasm, dense)).toEqual(collect(js, dense));
    }
  });

  it('matches nothing when there are no keywords', () => {
    expect(hits([[]], 'anything')).toEqual([]);
  });
});
