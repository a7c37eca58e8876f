/**
 * The keyword automaton of the built-in rules, built once by `npm run build` and written beside
 * the bundle (dist/cli/secret-keywords.bin): building it cost each scan thread 30–45 ms of cold
 * start, on the path to its first file. A scan uses the file only while its header matches the
 * keyword spec of the rules it runs (built-in rules with a rule disabled, or custom rules, give
 * another spec and are built as before). The header holds the spec's canonical text itself, not
 * a hash of it: comparing a few kilobytes of text is exact, and a worker that computed a SHA-256
 * first paid 5–15 ms to start node's crypto module.
 *
 * Layout: a 4-byte little-endian header length, the JSON header (the spec and everything but the
 * table), zero padding to a multiple of 4, then the table as little-endian 32-bit integers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeywordTable } from './keyword-automaton.js';
import type { ByteSet, KeywordEntry, RuleKeywords } from './keyword-dfa.js';

export const PACKED_KEYWORDS_FILE = 'secret-keywords.bin';
const FORMAT = 2;

interface Header {
  readonly format: number;
  readonly spec: string;
  readonly quiet: number;
  readonly firstOutput: number;
  readonly start: number;
  readonly longest: number;
  readonly soleRule: number[];
  readonly stateOutputs: (readonly number[])[];
  readonly entries: { rule: number; exact: number[] | null; tail: number[][] | null }[];
  readonly tableLength: number;
}

function members(set: ByteSet): number[] {
  // A plain loop: this runs cold, in every scan thread, where a spread of keys() and a filter
  // over the 256 bytes of each set took milliseconds.
  const list: number[] = [];
  for (let byte = 0; byte < 256; byte++) if (set[byte] === 1) list.push(byte);
  return list;
}

function fromMembers(list: readonly number[]): ByteSet {
  const set = new Uint8Array(256);
  for (const byte of list) set[byte] = 1;
  return set;
}

/** What identifies an automaton, as text: the keywords, their case rule and anchors, rule by rule. */
export function keywordSpecKey(spec: readonly RuleKeywords[]): string {
  const canonical = spec.map((rule) => [rule.keywords, rule.caseSensitive === true, (rule.anchors ?? []).map((anchor) => anchor.map(members))]);
  return JSON.stringify([FORMAT, canonical]);
}

export function packKeywordTable(spec: readonly RuleKeywords[], compiled: KeywordTable): Buffer {
  const header: Header = {
    format: FORMAT,
    spec: keywordSpecKey(spec),
    quiet: compiled.quiet,
    firstOutput: compiled.firstOutput,
    start: compiled.start,
    longest: compiled.longest,
    soleRule: [...compiled.soleRule],
    stateOutputs: [...compiled.stateOutputs],
    entries: compiled.entries.map((e) => ({ rule: e.rule, exact: e.exact === null ? null : [...e.exact], tail: e.tail === null ? null : e.tail.map(members) })),
    tableLength: compiled.table.length,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const tableAt = Math.ceil((4 + json.length) / 4) * 4;
  const out = Buffer.alloc(tableAt + compiled.table.length * 4);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  for (let i = 0; i < compiled.table.length; i++) out.writeInt32LE(compiled.table[i] as number, tableAt + i * 4);
  return out;
}

/** The packed table when `bytes` hold one for exactly this spec; undefined otherwise (stale, foreign, damaged). */
export function unpackKeywordTable(bytes: Buffer, spec: readonly RuleKeywords[]): KeywordTable | undefined {
  if (bytes.length < 4) return undefined;
  const length = bytes.readUInt32LE(0);
  if (4 + length > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.spec !== keywordSpecKey(spec)) return undefined;
  const tableAt = Math.ceil((4 + length) / 4) * 4;
  if (tableAt + header.tableLength * 4 !== bytes.length) return undefined;
  // Little-endian, as every supported platform. A view of the file's bytes when they are aligned
  // (a file read whole has a buffer of its own), else a copy.
  const at = bytes.byteOffset + tableAt;
  let table: Int32Array;
  if (at % 4 === 0) table = new Int32Array(bytes.buffer, at, header.tableLength);
  else {
    table = new Int32Array(header.tableLength);
    new Uint8Array(table.buffer).set(bytes.subarray(tableAt));
  }
  const entries: KeywordEntry[] = header.entries.map((e) => ({
    rule: e.rule,
    exact: e.exact === null ? null : Uint8Array.from(e.exact),
    tail: e.tail === null ? null : e.tail.map(fromMembers),
  }));
  return {
    table,
    quiet: header.quiet,
    firstOutput: header.firstOutput,
    start: header.start,
    soleRule: Int32Array.from(header.soleRule),
    stateOutputs: header.stateOutputs,
    entries,
    longest: header.longest,
  };
}

/**
 * The packed automaton for `spec` from beside the running code: dist/cli when bundled, or
 * dist/cli seen from tsc's output in dist/analyzers/secrets/engine. Undefined when there is none
 * (running from src, as the tests do) or it is for other rules.
 */
export function loadPackedKeywords(spec: readonly RuleKeywords[]): KeywordTable | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', '..', '..', 'cli')]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, PACKED_KEYWORDS_FILE));
    } catch {
      continue;
    }
    return unpackKeywordTable(bytes, spec);
  }
  return undefined;
}
