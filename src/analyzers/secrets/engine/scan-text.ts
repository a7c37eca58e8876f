import type { SecretRule } from '../rule.js';
import { shannonEntropy } from './entropy.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
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

export function compileSecretMatcher(rules: readonly SecretRule[]): SecretMatcher {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    regex: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}gd`),
    hint: windowHint(rule),
  }));
  const automaton: KeywordAutomaton = buildKeywordAutomaton(
    rules.map((rule) => ({ keywords: rule.keywords, caseSensitive: rule.caseSensitiveKeywords === true })),
  );
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
      const text = getText();
      touched.sort((a, b) => a - b);
      for (const index of touched) {
        const list = windows[index] as number[];
        windows[index] = undefined;
        const entry = compiled[index] as CompiledRule;
        for (let k = 0; k < list.length; k += 2) searchWindow(entry, text, list[k] as number, list[k + 1] as number, hits);
      }
      return resolveOverlaps(hits);
    },
  };
}

function searchWindow(entry: CompiledRule, text: string, from: number, to: number, hits: SecretHit[]): void {
  const { rule, regex, hint } = entry;
  const window = text.slice(from, to);
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
    const touchesCutEnd = matchEnd === window.length && to < text.length;
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
