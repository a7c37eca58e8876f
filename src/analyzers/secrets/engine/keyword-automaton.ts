/**
 * Aho–Corasick over raw bytes, compiled to a dense DFA, ASCII case-insensitive.
 * One pass over a file finds every occurrence of every rule keyword; only rules whose
 * keywords occur are then searched with their regular expressions.
 *
 * The hot loop is one table load per byte: states that report a keyword are numbered last, so a
 * hit is tested with one comparison instead of a second load. (Byte classes, which shrink the
 * table, measured slower: the extra load sits on the loop's dependency chain.)
 */

/** A rule's keywords; case-sensitive ones are matched folded, then checked byte for byte on a hit. */
export interface RuleKeywords {
  readonly keywords: readonly string[];
  readonly caseSensitive?: boolean;
}

export interface KeywordAutomaton {
  /** Calls `onHit(rule, end)` for every keyword occurrence; `end` is the offset just past it. */
  scan(bytes: Uint8Array, onHit: (rule: number, end: number) => void): void;
  readonly stateCount: number;
}

import { createWasmKeywordScanner } from './keyword-scan-wasm.js';

interface KeywordEntry {
  readonly rule: number;
  /** Exact bytes to compare on a hit, for case-sensitive keywords. */
  readonly exact: Uint8Array | null;
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

interface Trie {
  readonly edges: Map<number, number>[];
  readonly outputs: number[][];
  readonly entries: KeywordEntry[];
}

function buildTrie(keywordsByRule: readonly RuleKeywords[]): Trie {
  const edges: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  const entries: KeywordEntry[] = [];
  keywordsByRule.forEach(({ keywords, caseSensitive }, rule) => {
    for (const keyword of keywords) {
      const bytes = Buffer.from(keyword.toLowerCase(), 'latin1');
      if (bytes.length === 0) continue;
      let state = 0;
      for (const raw of bytes) {
        const byte = foldByte(raw);
        const current = edges[state] as Map<number, number>;
        let next = current.get(byte);
        if (next === undefined) {
          next = edges.length;
          edges.push(new Map());
          outputs.push([]);
          current.set(byte, next);
        }
        state = next;
      }
      (outputs[state] as number[]).push(entries.length);
      entries.push({ rule, exact: caseSensitive === true && keyword !== keyword.toLowerCase() ? Buffer.from(keyword, 'latin1') : null });
    }
  });
  return { edges, outputs, entries };
}

function matchesAt(bytes: Uint8Array, end: number, exact: Uint8Array): boolean {
  const start = end - exact.length;
  for (let k = 0; k < exact.length; k++) if (bytes[start + k] !== exact[k]) return false;
  return true;
}

/** `js` forces the JavaScript loop (tests compare the two); `auto` uses WebAssembly where it runs. */
export type ScanEngine = 'auto' | 'js';

// Below this many bytes, copying into WebAssembly memory costs more than the loop saves.
const WASM_MIN_BYTES = 1024;

export function buildKeywordAutomaton(keywordsByRule: readonly RuleKeywords[], engine: ScanEngine = 'auto'): KeywordAutomaton {
  const { edges, outputs, entries } = buildTrie(keywordsByRule);
  const stateCount = edges.length;

  // Breadth-first over the trie: failure links and inherited outputs.
  const order: number[] = [0];
  const fail = new Int32Array(stateCount);
  for (let head = 0; head < order.length; head++) {
    const state = order[head] as number;
    if (state !== 0) (outputs[state] as number[]).push(...(outputs[fail[state] as number] as number[]));
    for (const [byte, next] of edges[state] as Map<number, number>) {
      let link = 0;
      if (state !== 0) {
        let f = fail[state] as number;
        while (f !== 0 && !(edges[f] as Map<number, number>).has(byte)) f = fail[f] as number;
        link = (edges[f] as Map<number, number>).get(byte) ?? 0;
      }
      fail[next] = link;
      order.push(next);
    }
  }

  // Renumber: states without output first, so "has a hit" is `state >= firstOutput`.
  const quiet = order.filter((state) => (outputs[state] as number[]).length === 0);
  const loud = order.filter((state) => (outputs[state] as number[]).length > 0);
  const renumber = new Int32Array(stateCount);
  [...quiet, ...loud].forEach((state, index) => (renumber[state] = index));
  const firstOutput = quiet.length;

  // Full transitions, in breadth-first order: a state's row is its failure state's row (built
  // already, as that state is shallower) with its own edges written over it, in both cases.
  const delta = new Int32Array(stateCount * 256);
  for (const state of order) {
    const row = (renumber[state] as number) * 256;
    if (state === 0) delta.fill(renumber[0] as number, row, row + 256);
    else {
      const from = (renumber[fail[state] as number] as number) * 256;
      delta.copyWithin(row, from, from + 256);
    }
    for (const [byte, next] of edges[state] as Map<number, number>) {
      delta[row + byte] = renumber[next] as number;
      if (byte >= 0x61 && byte <= 0x7a) delta[row + byte - 0x20] = renumber[next] as number;
    }
  }
  const stateOutputs: Int32Array[] = loud.map((state) => Int32Array.from(new Set(outputs[state])));
  const start = renumber[0] as number;
  // Most reporting states stand for one rule's case-insensitive keyword: that rule, else -1 (the
  // full list, with byte-exact checks, is walked). Hits come by the million on minified code.
  const soleRule = Int32Array.from(stateOutputs, (list) => {
    const rules = new Set(Array.from(list, (index) => (entries[index] as KeywordEntry).rule));
    const plain = Array.from(list).every((index) => (entries[index] as KeywordEntry).exact === null);
    return plain && rules.size === 1 ? (rules.values().next().value as number) : -1;
  });

  const reportState = (bytes: Uint8Array, end: number, state: number, onHit: (rule: number, end: number) => void): void => {
    const sole = soleRule[state - firstOutput] as number;
    if (sole >= 0) {
      onHit(sole, end);
      return;
    }
    for (const index of stateOutputs[state - firstOutput] as Int32Array) {
      const entry = entries[index] as KeywordEntry;
      if (entry.exact === null || matchesAt(bytes, end, entry.exact)) onHit(entry.rule, end);
    }
  };
  const longest = keywordsByRule.reduce((max, { keywords }) => keywords.reduce((m, k) => Math.max(m, Buffer.byteLength(k, 'latin1')), max), 0);
  const wasmScanner = engine === 'auto' ? createWasmKeywordScanner(delta, firstOutput, longest) : null;

  return {
    stateCount,
    scan(bytes, onHit) {
      if (wasmScanner !== null && bytes.length >= WASM_MIN_BYTES) {
        wasmScanner.scan(bytes, start, (end, state) => reportState(bytes, end, state, onHit));
        return;
      }
      let state = start;
      const length = bytes.length;
      for (let i = 0; i < length; i++) {
        state = delta[(state << 8) | (bytes[i] as number)] as number;
        if (state >= firstOutput) reportState(bytes, i + 1, state, onHit);
      }
    },
  };
}
