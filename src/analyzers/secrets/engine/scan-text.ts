import type { SecretRule } from '../rule.js';
import { shannonEntropy } from './entropy.js';
import { keywordAnchors } from './keyword-anchors.js';
import { compileKeywordTable, keywordAutomaton, type KeywordAutomaton, type RuleKeywords } from './keyword-automaton.js';
import { loadPackedKeywords } from './packed-keywords.js';
import { isPlaceholderSecret } from './placeholder.js';
import { windowHint, type WindowHint } from './window-hints.js';

/** A rule match in one piece of text; offsets are character offsets into that text (latin1, so bytes). */
export interface SecretHit {
  readonly rule: SecretRule;
  readonly start: number;
  readonly end: number;
  readonly secretStart: number;
  readonly secretEnd: number;
  readonly secret: string;
  readonly entropy: number;
}

interface CompiledRule {
  readonly rule: SecretRule;
  readonly regex: RegExp;
  /** A necessary condition, tested on a window before the full pattern (window-hints.ts). */
  readonly hint: WindowHint | undefined;
}

/** Rules compiled once per scan: the keyword automaton plus a global regex per rule. */
export interface SecretMatcher {
  readonly rules: readonly SecretRule[];
  /** Longest `maxLength` of any rule: the overlap chunked reads must keep. */
  readonly maxMatchLength: number;
  /** `text` is asked for only when a keyword occurs, so callers can decode lazily. */
  find(bytes: Uint8Array, text: () => string): SecretHit[];
}

// Characters of context kept around a window so lookbehinds and `\b` see real neighbours.
const WINDOW_MARGIN = 64;

/** What the keyword automaton of these rules is built from. */
export function keywordSpec(rules: readonly SecretRule[]): RuleKeywords[] {
  return rules.map((rule) => {
    const anchors = keywordAnchors(rule);
    return { keywords: rule.keywords, caseSensitive: rule.caseSensitiveKeywords === true, ...(anchors === undefined ? {} : { anchors }) };
  });
}

export function compileSecretMatcher(rules: readonly SecretRule[]): SecretMatcher {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    regex: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}gd`),
    hint: windowHint(rule),
  }));
  const spec = keywordSpec(rules);
  // The build packs the built-in rules' automaton (packed-keywords.ts); other rule sets build theirs.
  const automaton: KeywordAutomaton = keywordAutomaton(loadPackedKeywords(spec) ?? compileKeywordTable(spec));
  const maxMatchLength = rules.reduce((max, rule) => Math.max(max, rule.maxLength), 0);
  const reach = Int32Array.from(rules, (rule) => rule.maxLength + WINDOW_MARGIN);
  // Per-rule window lists, reused from file to file; only rules with a keyword hit are touched.
  const windows: (number[] | undefined)[] = new Array<number[] | undefined>(rules.length);

  return {
    rules,
    maxMatchLength,
    find(bytes, getText) {
      const touched: number[] = [];
      const length = bytes.length;
      // Hits arrive in increasing offset order, so each rule's windows are merged as they come.
      automaton.scan(bytes, (rule, end) => {
        const r = reach[rule] as number;
        const from = end > r ? end - r : 0;
        const to = end + r < length ? end + r : length;
        let list = windows[rule];
        if (list === undefined) {
          list = [from, to];
          windows[rule] = list;
          touched.push(rule);
          return;
        }
        const last = list.length - 1;
        if (from <= (list[last] as number)) list[last] = to;
        else list.push(from, to);
      });
      const hits: SecretHit[] = [];
      if (touched.length === 0) return hits;
      touched.sort((a, b) => a - b);
      // Plain loops and push: an array from map() and a for-of over it took maps that the
      // optimised code had not seen, and each such deoptimisation meant compiling it again.
      const lists: number[][] = [];
      for (let t = 0; t < touched.length; t++) {
        const index = touched[t] as number;
        lists.push(windows[index] as number[]);
        windows[index] = undefined;
      }
      const source = windowSource(bytes, lists, getText);
      for (let t = 0; t < touched.length; t++) {
        const list = lists[t] as number[];
        const entry = compiled[touched[t] as number] as CompiledRule;
        for (let k = 0; k < list.length; k += 2) searchWindow(entry, source, list[k] as number, list[k + 1] as number, length, hits);
      }
      return resolveOverlaps(hits);
    },
  };
}

/** The text of any window, by its offsets in the chunk. */
type WindowSource = (from: number, to: number) => string;

// Decode the whole chunk once when the windows cover more than this share of it.
const WHOLE_TEXT_COVERAGE = 0.75;
// Offsets below this pack two to a float exactly (2^26 * 2^26 = 2^52).
const PACK = 2 ** 26;

/**
 * Windows are read from the chunk's text. Where they cover little of it (a keyword or two in a
 * large file), only their union is decoded: decoding and then collecting the whole text was a
 * tenth of the CPU time of a scan of minified code, most of it for bytes no rule looks at.
 */
function windowSource(bytes: Uint8Array, lists: readonly number[][], getText: () => string): WindowSource {
  if (bytes.length >= PACK) {
    const text = getText();
    return (from, to) => text.slice(from, to);
  }
  let count = 0;
  for (let l = 0; l < lists.length; l++) count += (lists[l] as number[]).length >> 1;
  // Windows packed as from * PACK + to, so one native numeric sort orders them by start.
  const packed = new Float64Array(count);
  let n = 0;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l] as number[];
    for (let k = 0; k < list.length; k += 2) packed[n++] = (list[k] as number) * PACK + (list[k + 1] as number);
  }
  if (lists.length > 1) packed.sort();
  // Union of every rule's windows, as sorted disjoint [from, to) pairs.
  const union: number[] = [];
  let covered = 0;
  for (let p = 0; p < packed.length; p++) {
    const value = packed[p] as number;
    const from = Math.floor(value / PACK);
    const to = value - from * PACK;
    const last = union.length - 1;
    if (union.length > 0 && from <= (union[last] as number)) {
      if (to > (union[last] as number)) {
        covered += to - (union[last] as number);
        union[last] = to;
      }
    } else {
      union.push(from, to);
      covered += to - from;
    }
  }
  if (covered >= bytes.length * WHOLE_TEXT_COVERAGE) {
    const text = getText();
    return (from, to) => text.slice(from, to);
  }
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = union.filter((_, k) => k % 2 === 0);
  const pieces = starts.map((from, k) => buffer.toString('latin1', from, union[2 * k + 1] as number));
  return (from, to) => {
    // The last union span that starts at or before `from` holds the whole window.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    const base = starts[lo] as number;
    return (pieces[lo] as string).slice(from - base, to - base);
  };
}

function searchWindow(entry: CompiledRule, source: WindowSource, from: number, to: number, length: number, hits: SecretHit[]): void {
  const { rule, regex, hint } = entry;
  const window = source(from, to);
  if (hint !== undefined && !hint(window)) return;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(window)) !== null) {
    const matchStart = match.index;
    const matchEnd = matchStart + match[0].length;
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    // A match cut by the window edge may be a fragment of a longer string: the full text decides.
    const touchesCutStart = matchStart === 0 && from > 0;
    const touchesCutEnd = matchEnd === window.length && to < length;
    if (touchesCutStart || touchesCutEnd) continue;
    const group = match.indices?.groups?.['secret'];
    const [secretStart, secretEnd] = group ?? [matchStart, matchEnd];
    const secret = window.slice(secretStart, secretEnd);
    if (!isAcceptedSecret(rule, secret)) continue;
    hits.push({
      rule,
      start: from + matchStart,
      end: from + matchEnd,
      secretStart: from + secretStart,
      secretEnd: from + secretEnd,
      secret,
      entropy: shannonEntropy(secret),
    });
  }
}

function isAcceptedSecret(rule: SecretRule, secret: string): boolean {
  if (secret.length === 0 || isPlaceholderSecret(secret)) return false;
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return false;
  if (rule.allowValues?.some((allowed) => allowed.test(secret))) return false;
  return rule.accept === undefined || rule.accept(secret);
}

/**
 * One secret, one finding: when spans overlap, a provider rule beats a generic one, then the
 * longer match wins, then the earlier rule. Keeps output independent of rule order within ties.
 */
function resolveOverlaps(hits: SecretHit[]): SecretHit[] {
  if (hits.length < 2) return hits;
  const ranked = [...hits].sort(
    (a, b) =>
      Number(a.rule.isGeneric === true) - Number(b.rule.isGeneric === true) ||
      b.secretEnd - b.secretStart - (a.secretEnd - a.secretStart) ||
      a.secretStart - b.secretStart ||
      (a.rule.meta.id < b.rule.meta.id ? -1 : a.rule.meta.id > b.rule.meta.id ? 1 : 0),
  );
  const kept: SecretHit[] = [];
  for (const hit of ranked) {
    const overlaps = kept.some((other) => hit.secretStart < other.secretEnd && other.secretStart < hit.secretEnd);
    if (!overlaps) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
