/**
 * Multi-keyword search over raw bytes with a dense DFA (built in keyword-dfa.ts). One pass over a
 * file finds every occurrence of every rule keyword; only rules whose keywords occur are then
 * searched with their regular expressions.
 *
 * Plain keywords fold ASCII case; a case-sensitive one is matched folded and its exact bytes
 * checked on each hit; an anchor (keyword-anchors.ts) is exact bytes and classes such as
 * `[0-9a-f]` in the table itself, so a source map's half million `AC` never reach JavaScript for
 * `[Aa][Cc][0-9a-f]{3}`. An anchor's tail past its first wide class is checked on each hit.
 *
 * The hot loop is one table load per byte (keyword-scan-wasm.ts in WebAssembly, below in
 * JavaScript). (Byte classes, which shrink the table, measured slower: the extra load sits on the
 * loop's dependency chain.)
 */

import { buildDfa, flatten, type ByteSet, type Dfa, type KeywordEntry, type RuleKeywords } from './keyword-dfa.js';
import { createWasmKeywordScanner } from './keyword-scan-wasm.js';

export type { ByteSet, RuleKeywords } from './keyword-dfa.js';

export interface KeywordAutomaton {
  /** Calls `onHit(rule, end)` for every keyword occurrence; `end` is the offset just past it. */
  scan(bytes: Uint8Array, onHit: (rule: number, end: number) => void): void;
  readonly stateCount: number;
}

/** `js` forces the JavaScript loop (tests compare the two); `auto` uses WebAssembly where it runs. */
export type ScanEngine = 'auto' | 'js';

// Below this many bytes, copying into WebAssembly memory costs more than the loop saves.
const WASM_MIN_BYTES = 1024;

/** True when the bytes just before `end` are `exact`. */
function endsWith(bytes: Uint8Array, end: number, exact: Uint8Array): boolean {
  const start = end - exact.length;
  for (let k = 0; k < exact.length; k++) if (bytes[start + k] !== exact[k]) return false;
  return true;
}

/** True when the bytes from `end` on are in the tail's sets, one by one. */
function tailFollows(bytes: Uint8Array, end: number, tail: readonly ByteSet[]): boolean {
  if (end + tail.length > bytes.length) return false;
  for (let k = 0; k < tail.length; k++) if ((tail[k] as ByteSet)[bytes[end + k] as number] !== 1) return false;
  return true;
}

/**
 * Where each state's row lives, as a byte address: the quiet states (numbered first) at their
 * number times 1024, the reporting ones from `firstOutput`, a power of two above all of those and
 * above their own span, so that "reports" is one bit (keyword-scan-wasm.ts). The WebAssembly loop
 * steps with one add and one load through these addresses.
 */
interface Layout {
  readonly quiet: number;
  readonly firstOutput: number;
  address(state: number): number;
}

function layout(quiet: number, reporting: number): Layout {
  let firstOutput = 1024;
  while (firstOutput < Math.max(quiet, reporting) * 1024) firstOutput *= 2;
  return {
    quiet,
    firstOutput,
    address: (state) => (state < quiet ? state << 10 : firstOutput + ((state - quiet) << 10)),
  };
}

/** The full transition table, 256 entries a state in the final numbering, each the next state's address. */
function fillTable(dfa: Dfa, renumber: Int32Array, at: Layout): Int32Array {
  const { classOf, classBytes, fail, firstRow, overridesFrom, overrideClass, overrideTarget } = dfa;
  const table = new Int32Array(fail.length * 256);
  for (let s = 0; s < fail.length; s++) {
    const row = (renumber[s] as number) * 256;
    const from = fail[s] as number;
    if (from < 0) for (let byte = 0; byte < 256; byte++) table[row + byte] = at.address(renumber[firstRow[classOf[byte] as number] as number] as number);
    else table.copyWithin(row, (renumber[from] as number) * 256, (renumber[from] as number) * 256 + 256);
    for (let k = overridesFrom[s] as number; k < (overridesFrom[s + 1] as number); k++) {
      const target = at.address(renumber[overrideTarget[k] as number] as number);
      for (const byte of classBytes[overrideClass[k] as number] as number[]) table[row + byte] = target;
    }
  }
  return table;
}

/**
 * An automaton as plain data: the dense table (each entry the next state's row address), where
 * the reporting rows start, and what each reporting row stands for. What the build packs for the
 * built-in rules (packed-keywords.ts), so that a scan's threads load it instead of building it.
 */
export interface KeywordTable {
  readonly table: Int32Array;
  /** Rows without output, numbered first. */
  readonly quiet: number;
  /** Address of the first reporting row (`layout`). */
  readonly firstOutput: number;
  /** Address of the start state's row. */
  readonly start: number;
  /** Per reporting row: the one rule it reports with nothing left to check, else -1. */
  readonly soleRule: Int32Array;
  /** Per reporting row: the keyword entries it completes. */
  readonly stateOutputs: readonly (readonly number[])[];
  readonly entries: readonly KeywordEntry[];
  /** Longest part of a keyword the table matches, in bytes. */
  readonly longest: number;
}

export function compileKeywordTable(keywordsByRule: readonly RuleKeywords[]): KeywordTable {
  const positions = flatten(keywordsByRule);
  const dfa = buildDfa(positions);
  const { outputs } = dfa;
  const stateCount = outputs.length;

  // Renumber: states without output first; the reporting ones after them go at `layout`'s bit.
  const renumber = new Int32Array(stateCount);
  let quiet = 0;
  for (let s = 0; s < stateCount; s++) if (outputs[s] === undefined) renumber[s] = quiet++;
  const stateOutputs: (readonly number[])[] = [];
  outputs.forEach((list, s) => {
    if (list === undefined) return;
    renumber[s] = quiet + stateOutputs.length;
    stateOutputs.push(list);
  });
  const at = layout(quiet, stateCount - quiet);
  const { entries } = positions;
  // Most reporting states stand for one rule's keywords with nothing left to check: that rule,
  // else -1 (the entries are walked). Hits come by the hundred thousand on minified code.
  const soleRule = Int32Array.from(stateOutputs, (list) => {
    const first = entries[list[0] as number] as KeywordEntry;
    const plain = list.every((index) => {
      const { rule, exact, tail } = entries[index] as KeywordEntry;
      return exact === null && tail === null && rule === first.rule;
    });
    return plain ? first.rule : -1;
  });
  return {
    table: fillTable(dfa, renumber, at),
    quiet,
    firstOutput: at.firstOutput,
    start: at.address(renumber[0] as number),
    soleRule,
    stateOutputs,
    entries,
    longest: positions.longest,
  };
}

export function buildKeywordAutomaton(keywordsByRule: readonly RuleKeywords[], engine: ScanEngine = 'auto'): KeywordAutomaton {
  return keywordAutomaton(compileKeywordTable(keywordsByRule), engine);
}

/** The scanner over a table, built here or loaded as the build packed it. */
export function keywordAutomaton(compiled: KeywordTable, engine: ScanEngine = 'auto'): KeywordAutomaton {
  const { table, quiet, firstOutput: reporting, start, soleRule, stateOutputs, entries } = compiled;

  /** `state` as the table holds it, an address. */
  const reportState = (bytes: Uint8Array, end: number, state: number, onHit: (rule: number, end: number) => void): void => {
    const index = (state - reporting) >> 10;
    const sole = soleRule[index] as number;
    if (sole >= 0) {
      onHit(sole, end);
      return;
    }
    for (const entry of stateOutputs[index] as readonly number[]) {
      const { rule, exact, tail } = entries[entry] as KeywordEntry;
      if ((exact === null || endsWith(bytes, end, exact)) && (tail === null || tailFollows(bytes, end, tail))) onHit(rule, end);
    }
  };
  const wasmScanner = engine === 'auto' ? createWasmKeywordScanner(table, quiet, reporting, compiled.longest) : null;

  return {
    stateCount: quiet + stateOutputs.length,
    scan(bytes, onHit) {
      if (wasmScanner !== null && bytes.length >= WASM_MIN_BYTES) {
        wasmScanner.scan(bytes, start, (end, state) => reportState(bytes, end, state, onHit));
        return;
      }
      let state = start;
      const length = bytes.length;
      for (let i = 0; i < length; i++) {
        // The row of address `state` in the dense table: quiet rows, then reporting rows.
        const row = state < reporting ? state >> 10 : quiet + ((state - reporting) >> 10);
        state = table[(row << 8) | (bytes[i] as number)] as number;
        if (state >= reporting) reportState(bytes, i + 1, state, onHit);
      }
    },
  };
}
