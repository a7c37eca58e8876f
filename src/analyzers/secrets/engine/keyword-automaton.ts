/**
 * Aho–Corasick over raw bytes, compiled to a dense DFA, ASCII case-insensitive.
 * One pass over a file finds every occurrence of every rule keyword; only rules whose
 * keywords occur are then searched with their regular expressions.
 */
export interface KeywordHit {
  /** Index into the rule list given to `buildKeywordAutomaton`. */
  readonly rule: number;
  /** Byte offset where the keyword ends (exclusive). */
  readonly end: number;
}

/** A rule's keywords; case-sensitive ones are matched folded, then checked byte for byte on a hit. */
export interface RuleKeywords {
  readonly keywords: readonly string[];
  readonly caseSensitive?: boolean;
}

export interface KeywordAutomaton {
  /** Calls `onHit(rule, end)` for every keyword occurrence; cost is one table look-up per byte. */
  scan(bytes: Uint8Array, onHit: (rule: number, end: number) => void): void;
  readonly stateCount: number;
}

const ALPHABET = 256;

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

interface KeywordEntry {
  readonly rule: number;
  /** Exact bytes to compare on a hit, for case-sensitive keywords. */
  readonly exact: Uint8Array | null;
}

export function buildKeywordAutomaton(keywordsByRule: readonly RuleKeywords[]): KeywordAutomaton {
  // Trie with goto edges on folded bytes; outputs are keyword entries.
  const edges: Map<number, number>[] = [new Map()];
  const outputs: Set<number>[] = [new Set()];
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
          outputs.push(new Set());
          current.set(byte, next);
        }
        state = next;
      }
      (outputs[state] as Set<number>).add(entries.length);
      entries.push({ rule, exact: caseSensitive === true && keyword !== keyword.toLowerCase() ? Buffer.from(keyword, 'latin1') : null });
    }
  });

  const stateCount = edges.length;
  const delta = new Int32Array(stateCount * ALPHABET);
  const fail = new Int32Array(stateCount);
  // Breadth-first: each state's transitions are its own edges, else its failure state's.
  const queue: number[] = [];
  for (let byte = 0; byte < ALPHABET; byte++) {
    const next = (edges[0] as Map<number, number>).get(foldByte(byte));
    if (next !== undefined) {
      delta[byte] = next;
      fail[next] = 0;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const failState = fail[state] as number;
    for (const rule of outputs[failState] as Set<number>) (outputs[state] as Set<number>).add(rule);
    const stateEdges = edges[state] as Map<number, number>;
    for (let byte = 0; byte < ALPHABET; byte++) {
      const folded = foldByte(byte);
      const next = stateEdges.get(folded);
      if (next !== undefined) {
        delta[state * ALPHABET + byte] = next;
        if (byte === folded) {
          fail[next] = delta[failState * ALPHABET + byte] as number;
          queue.push(next);
        }
      } else {
        delta[state * ALPHABET + byte] = delta[failState * ALPHABET + byte] as number;
      }
    }
  }

  const stateOutputs: (Int32Array | null)[] = outputs.map((set) => (set.size === 0 ? null : Int32Array.from(set)));
  const hasOutput = new Uint8Array(stateCount);
  stateOutputs.forEach((out, state) => {
    if (out !== null) hasOutput[state] = 1;
  });

  return {
    stateCount,
    scan(bytes, onHit) {
      let state = 0;
      const length = bytes.length;
      for (let i = 0; i < length; i++) {
        state = delta[(state << 8) | (bytes[i] as number)] as number;
        if (hasOutput[state] === 1) {
          for (const index of stateOutputs[state] as Int32Array) {
            const entry = entries[index] as KeywordEntry;
            if (entry.exact === null || matchesAt(bytes, i + 1, entry.exact)) onHit(entry.rule, i + 1);
          }
        }
      }
    },
  };
}

function matchesAt(bytes: Uint8Array, end: number, exact: Uint8Array): boolean {
  const start = end - exact.length;
  for (let k = 0; k < exact.length; k++) if (bytes[start + k] !== exact[k]) return false;
  return true;
}
