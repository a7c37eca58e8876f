import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from '../rules/index.js';
import { keywordAnchors, parseAnchor } from './keyword-anchors.js';
import { buildKeywordAutomaton, type KeywordAutomaton, type RuleKeywords } from './keyword-automaton.js';
import { keywordScanModule } from './keyword-scan-wasm.js';

function hits(keywords: string[][], text: string, caseSensitive = false): [number, number][] {
  const out: [number, number][] = [];
  buildKeywordAutomaton(keywords.map((k) => ({ keywords: k, caseSensitive }))).scan(Buffer.from(text, 'latin1'), (rule, end) => out.push([rule, end]));
  return out;
}

/**
 * Checks both loops against a plain search: each rule's keywords as byte sets (folded unless the
 * rule is case-sensitive and the keyword has an upper-case letter), or its anchors, found at every
 * offset. An anchor is reported where its table part ends: after its first class of more than 16
 * bytes, if any (keyword-automaton.ts). Returns how many hits there were.
 */
function expectPlainSearch(rules: readonly RuleKeywords[], bytes: Buffer): number {
  const sequences = rules.map(
    (rule) =>
      rule.anchors ??
      rule.keywords.map((keyword) => {
        const exact = rule.caseSensitive === true && keyword !== keyword.toLowerCase();
        return [...(exact ? keyword : keyword.toLowerCase())].map((char) => {
          const set = new Uint8Array(256);
          set[char.charCodeAt(0)] = 1;
          if (!exact) set[char.toUpperCase().charCodeAt(0)] = 1;
          return set;
        });
      }),
  );
  const tableLength = (sets: readonly Uint8Array[]): number => {
    const wide = sets.findIndex((set) => set.reduce((sum, bit) => sum + bit, 0) > 16);
    return wide < 0 ? sets.length : wide + 1;
  };
  const expected = new Set<string>();
  sequences.forEach((list, rule) => {
    for (const sets of list) {
      for (let at = 0; at + sets.length <= bytes.length; at++) {
        if (sets.every((set, k) => set[bytes[at + k] as number] === 1)) expected.add(`${rule}@${at + tableLength(sets)}`);
      }
    }
  });
  for (const engine of ['js', 'auto'] as const) {
    const found = new Set<string>();
    buildKeywordAutomaton(rules, engine).scan(bytes, (rule, end) => found.add(`${rule}@${end}`));
    expect([...found].sort(), `${engine} on ${bytes.length} bytes`).toEqual([...expected].sort());
  }
  return expected.size;
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

  it('matches anchors: exact bytes, classes, and a tail past a wide class checked on the hit', () => {
    const rules: RuleKeywords[] = [
      { keywords: [], anchors: [parseAnchor('AC[0-9a-f]{2}')] },
      { keywords: [], anchors: [parseAnchor('EAA[A-Za-z0-9]{3}')] },
      { keywords: ['ac'] },
    ];
    const collect = (text: string): number[] => {
      const out: number[] = [];
      buildKeywordAutomaton(rules, 'js').scan(Buffer.from(text, 'latin1'), (rule, end) => out.push(rule, end));
      return out;
    };
    // `AC` needs two lower-case hex digits after it; the folded `ac` of rule 2 is everywhere.
    expect(collect('ACAA Ac12 AC1f ac0f')).toEqual([2, 2, 2, 7, 2, 12, 0, 14, 2, 17]);
    // The tail past [A-Za-z0-9] is checked in place: the hit ends after the wide class, and a
    // tail cut by the end of the buffer is no hit.
    expect(collect('EAAbcd. EAAb-cd EAAx12')).toEqual([1, 4, 1, 20]);
    expect(collect('xEAAabc')).toEqual([1, 5]);
    expect(collect('xEAAab')).toEqual([]);
  });

  it('finds exactly what a plain search finds, for folded, exact and anchored keywords, in both loops', () => {
    const sources: string[][] = [['ab', 'abc'], ['AB'], ['b[0-9]{2}'], ['A{4}[B-Z]'], ['ba[a-z]{3}'], ['c', 'xyz'], ['[a-c][A-C]', '--']];
    const rules: RuleKeywords[] = sources.map((list, index) =>
      index === 1 ? { keywords: list, caseSensitive: true } : index === 0 || index === 5 ? { keywords: list } : { keywords: [], anchors: list.map(parseAnchor) },
    );
    let seed = 3;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'aAbBcCxyzZ019-';
    for (const length of [50, 900, 5000]) {
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(expectPlainSearch(rules, Buffer.from(text, 'latin1'))).toBeGreaterThan(length / 20);
    }
  });

  it('finds exactly what a plain search finds with keywords over many distinct bytes (byte classes past 255 splits)', () => {
    let seed = 17;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const printable = Array.from({ length: 94 }, (_, k) => String.fromCharCode(33 + k)).join('');
    const word = (length: number): string => Array.from({ length }, () => printable[Math.floor(random() * printable.length)]).join('');
    const rules: RuleKeywords[] = Array.from({ length: 120 }, (_, index) => {
      const keywords = Array.from({ length: 1 + Math.floor(random() * 3) }, () => word(2 + Math.floor(random() * 3)));
      if (index % 3 === 0) return { keywords, caseSensitive: true };
      if (index % 3 === 1) return { keywords: keywords.map((keyword) => keyword.toLowerCase()) };
      const escape = (text: string): string => text.replace(/[\\[\]{}()|?*+.^$-]/g, (char) => `\\${char}`);
      return { keywords: [], anchors: keywords.map((keyword) => parseAnchor(`${escape(keyword)}[a-f0-9]`)) };
    });
    // Text made of pieces of the keywords, so that they occur, overlap and break off.
    const pieces = rules.flatMap((rule) => rule.keywords).concat(['a', '0', '%', 'Q', '~']);
    const text = Array.from({ length: 3000 }, () => {
      const piece = pieces[Math.floor(random() * pieces.length)] as string;
      return random() < 0.5 ? piece.toUpperCase() : piece;
    }).join('');
    expect(expectPlainSearch(rules, Buffer.from(text, 'latin1'))).toBeGreaterThan(500);
  });

  it('finds exactly what a plain search finds with the built-in rules, keywords and anchors', () => {
    const rules: RuleKeywords[] = SECRET_RULES.map((rule) => {
      const anchors = keywordAnchors(rule);
      return { keywords: rule.keywords, caseSensitive: rule.caseSensitiveKeywords === true, ...(anchors === undefined ? {} : { anchors }) };
    });
    let seed = 29;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Keywords in both cases, cut short, and base64-ish filler (source maps), so prefixes meet.
    const pieces = SECRET_RULES.flatMap((rule) => rule.keywords).concat(['AAAA', 'AC', 'EAA', ';', ',', 'key: ', 'token=', '0f', 'x']);
    const text = Array.from({ length: 20_000 }, () => {
      const piece = pieces[Math.floor(random() * pieces.length)] as string;
      const cased = random() < 0.3 ? piece.toUpperCase() : piece;
      return random() < 0.3 ? cased.slice(0, Math.max(1, cased.length - 1)) : cased;
    }).join('');
    expect(expectPlainSearch(rules, Buffer.from(text, 'latin1'))).toBeGreaterThan(5000);
  });

  it('scans a buffer larger than the reserved WebAssembly memory (which then grows), and smaller ones after it', () => {
    const automaton = buildKeywordAutomaton([{ keywords: ['ghp_'], caseSensitive: false }], 'auto');
    const ends = (bytes: Buffer): number[] => {
      const out: number[] = [];
      automaton.scan(bytes, (_rule, end) => out.push(end));
      return out;
    };
    // 6 MiB of filler with the keyword at the start, across the 4 MiB mark and at the very end.
    const big = Buffer.alloc(6 * 1024 * 1024, 'x');
    for (const at of [0, 4 * 1024 * 1024 - 2, big.length - 4]) big.write('ghp_', at, 'latin1');
    expect(ends(big)).toEqual([4, 4 * 1024 * 1024 + 2, big.length]);
    const small = Buffer.from(`${'y'.repeat(3000)}GHP_${'y'.repeat(3000)}`, 'latin1');
    expect(ends(small)).toEqual([3004]);
    expect(ends(big)).toHaveLength(3);
  });

  it('compiles its WebAssembly loop on this Node (else every comparison above is the JavaScript loop against itself)', () => {
    expect(keywordScanModule()).not.toBeNull();
  });

  it('matches nothing when there are no keywords', () => {
    expect(hits([[]], 'anything')).toEqual([]);
  });
});
