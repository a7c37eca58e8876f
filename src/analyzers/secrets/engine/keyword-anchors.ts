import type { SecretRule } from '../rule.js';
import { SECRET_RULES } from '../rules/index.js';
import type { ByteSet } from './keyword-dfa.js';

/** A name word followed by what generic.ts's SEP allows: the operator at once, or after a quote, bracket or blank. */
function assignedWord(word: string): string[] {
  return [`${word}[:=,]`, `${word}["'\`][\\] \\t:=,]`, `${word}[\\] \\t][ \\t:=,]`];
}

/**
 * Longer keywords for the prefilter, for the rules whose own keywords are common in minified code
 * and source maps (`AC`, `EAA`, runs of `A`, `pat`, `key`, `token`): the keyword with the
 * characters every match has right after it. The automaton then reports a few thousand places
 * instead of more than a million, and opens no search window at the others.
 *
 * An anchor is read off its rule's pattern and written as a small regular expression: literal
 * characters (exact case: write `[Aa]` for either), classes `[…]` and counts `{n}`, nothing
 * else. The automaton's table holds an anchor up to its first class of more than 16 characters;
 * the rest is checked where that part occurs. Every match the rule reports must contain one of
 * its anchors, which it then does within `maxLength` of every part of the match, so the search
 * windows still cover it. It only decides faster and never changes what a rule finds; keep it in
 * step with the pattern (`keyword-anchors.test.ts` checks every anchor against every match in the
 * rule fixtures and the evaluation cases). Anchors apply to the built-in rule objects only, never
 * to a custom rule that reuses an id.
 */
const ANCHORS: Readonly<Record<string, readonly string[]>> = {
  // AC[0-9a-f]{32}: source maps hold half a million `AC` (base64 VLQ), few followed by lower-case
  // hex. `AC` folded: an exact upper-case letter in the table costs it some 200 states (every state
  // reached through that letter differs from the one reached through the other case), and the few
  // hundred `ac` + hex that it lets through cost less than that.
  'twilio-account-credentials': ['[Aa][Cc][0-9a-f]{3}'],
  // A{20,24} after a non-word character, then [B-Za-z0-9%]: the token's run of A is whole, so the
  // character after its last twenty A is not A. Long runs of A (zero bytes in base64) now give
  // one hit each, or none. Folded, as above.
  'twitter-bearer-token': ['[Aa]{20}[B-Za-z0-9%]'],
  // EAA[A-Za-z0-9]{80,400} (the `i` flag keeps the class; `accept` wants upper-case EAA). Exact:
  // folded `eaa` is as common in source maps, and each of its hits would need its tail checked.
  'facebook-access-token': ['EAA[A-Za-z0-9]{5}'],
  // pat[A-Za-z0-9]{14}\.[0-9a-f]{64}: `pat` is in `path` and `pattern`, the dot 14 characters on is not.
  'airtable-personal-access-token': ['pat[A-Za-z0-9]{14}\\.'],
  // Assignment rules (generic.ts): the name ends at the word, then ["'`]?\]?[ \t]{0,4} and one of
  // `:`, `=`, `,`. So the word is followed by the operator, or by a quote, bracket or blank and
  // then one of those or the operator: two characters that rule out most `key` in code.
  'generic-api-key': assignedWord('[Kk][Ee][Yy]'),
  'generic-token': assignedWord('[Tt][Oo][Kk][Ee][Nn]'),
};

/** The byte after a backslash: `\t` is a tab, anything else stands for itself. */
function escaped(char: string): number {
  return char === 't' ? 0x09 : char.charCodeAt(0);
}

/** An anchor's byte sets, position by position. Throws on syntax it does not support (a bug in ANCHORS). */
export function parseAnchor(source: string): ByteSet[] {
  const out: ByteSet[] = [];
  let i = 0;
  const next = (): string => {
    const char = source[i++];
    if (char === undefined) throw new Error(`keyword anchor ${source}: unexpected end`);
    return char;
  };
  while (i < source.length) {
    const set = new Uint8Array(256);
    let char = next();
    if (char === '[') {
      // Members and ranges x-y; a dash first or last stands for itself.
      for (char = next(); char !== ']'; char = next()) {
        const from = char === '\\' ? escaped(next()) : char.charCodeAt(0);
        let to = from;
        if (source[i] === '-' && source[i + 1] !== ']') {
          i++;
          const end = next();
          to = end === '\\' ? escaped(next()) : end.charCodeAt(0);
        }
        for (let code = from; code <= to; code++) set[code] = 1;
      }
    } else if (char === '\\') {
      set[escaped(next())] = 1;
    } else if ('()|?*+.^$]{}'.includes(char)) {
      throw new Error(`keyword anchor ${source}: unsupported ${char}`);
    } else {
      set[char.charCodeAt(0)] = 1;
    }
    let count = 1;
    if (source[i] === '{') {
      const close = source.indexOf('}', i);
      count = Number(source.slice(i + 1, close));
      if (!Number.isInteger(count) || count < 1) throw new Error(`keyword anchor ${source}: bad count`);
      i = close + 1;
    }
    for (let k = 0; k < count; k++) out.push(set);
  }
  return out;
}

let byRule: Map<SecretRule, readonly (readonly ByteSet[])[]> | undefined;

/** The anchors for a built-in rule, if it has any, as byte sets for the automaton. */
export function keywordAnchors(rule: SecretRule): readonly (readonly ByteSet[])[] | undefined {
  byRule ??= new Map(
    SECRET_RULES.filter((r) => ANCHORS[r.meta.id] !== undefined).map((r) => [r, (ANCHORS[r.meta.id] as readonly string[]).map(parseAnchor)]),
  );
  return byRule.get(rule);
}

/** Anchor sources by rule id (for tests). */
export const KEYWORD_ANCHORS: Readonly<Record<string, readonly string[]>> = ANCHORS;
