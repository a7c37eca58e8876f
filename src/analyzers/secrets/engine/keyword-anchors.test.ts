import { describe, expect, it } from 'vitest';
import { ruleTestCorpus as corpus } from './__fixtures__/rule-corpus.js';
import { compileCustomRule } from '../custom-rule.js';
import { SECRET_RULES } from '../rules/index.js';
import { KEYWORD_ANCHORS, keywordAnchors, parseAnchor } from './keyword-anchors.js';


/** Does `text` hold the byte sets, in a row, at `at`? */
function setsAt(sets: readonly Uint8Array[], text: string, at: number): boolean {
  return sets.every((set, k) => set[text.charCodeAt(at + k)] === 1);
}

const ANCHORED = Object.keys(KEYWORD_ANCHORS);

describe('analyzers/secrets/engine/keyword-anchors', () => {
  const texts = corpus();

  it('names only rules that exist', () => {
    const ids = new Set(SECRET_RULES.map((rule) => rule.meta.id));
    for (const id of ANCHORED) expect(ids.has(id), id).toBe(true);
  });

  it.each(ANCHORED)('%s: every match the rule accepts contains one of its anchors', (id) => {
    const rule = SECRET_RULES.find((candidate) => candidate.meta.id === id)!;
    const anchors = (KEYWORD_ANCHORS[id] ?? []).map((source) => new RegExp(source));
    const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}gd`);
    let matches = 0;
    for (const text of texts) {
      for (const match of text.matchAll(pattern)) {
        const [from, to] = match.indices?.groups?.['secret'] ?? [match.index, match.index + match[0].length];
        // A match `accept` refuses is never reported, whatever the prefilter does.
        if (rule.accept !== undefined && !rule.accept(text.slice(from, to))) continue;
        matches++;
        expect(
          anchors.some((anchor) => anchor.test(match[0])),
          `${id} on ${JSON.stringify(match[0])}`,
        ).toBe(true);
      }
    }
    // An anchor checked against nothing proves nothing: each anchored rule fires somewhere in the fixtures.
    expect(matches).toBeGreaterThan(0);
  });

  it.each(ANCHORED)('%s: each anchor holds one of the rule keywords (ignoring case), so it is as rare or rarer', (id) => {
    const rule = SECRET_RULES.find((candidate) => candidate.meta.id === id)!;
    for (const source of KEYWORD_ANCHORS[id] ?? []) {
      const sets = parseAnchor(source);
      // Every string the anchor accepts has the keyword, in either case, at some fixed offset.
      const holds = rule.keywords.some((keyword) => {
        const allowed = (char: string): string[] => [char.toLowerCase(), char.toUpperCase()];
        for (let offset = 0; offset + keyword.length <= sets.length; offset++) {
          const fits = [...keyword].every((char, k) =>
            (sets[offset + k] as Uint8Array).every((bit, code) => bit === 0 || allowed(char).includes(String.fromCharCode(code))),
          );
          if (fits) return true;
        }
        return false;
      });
      expect(holds, `${id}: ${source}`).toBe(true);
    }
  });

  it('reads anchors as the regular expressions they are written as', () => {
    const sources = [...Object.values(KEYWORD_ANCHORS).flat(), 'a[-b]x', '[a-c-]{2}\\.', '[\\]\\t]z', 'x[0-9a-f]{3}'];
    const alphabet = 'aAbBcCdDeEfFkKyYtToOnNpPxz019%-.]\t "\'`:=,';
    let seed = 5;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const source of sources) {
      const sets = parseAnchor(source);
      const members = sets.map((set) => [...set.keys()].filter((code) => set[code] === 1));
      const whole = new RegExp(`^(?:${source})$`);
      for (let trial = 0; trial < 1000; trial++) {
        // Strings the anchor accepts, half of them changed at one place, so both answers come up.
        const chars = members.map((codes) => String.fromCharCode(codes[Math.floor(random() * codes.length)] as number));
        if (random() < 0.5) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)] as string;
        const text = chars.join('');
        expect(setsAt(sets, text, 0), `${source} on ${JSON.stringify(text)}`).toBe(whole.test(text));
      }
    }
  });

  it('refuses syntax it does not read', () => {
    for (const source of ['a|b', '(ab)', 'a?', 'a+', 'a.', '[ab', 'a{0}']) expect(() => parseAnchor(source), source).toThrow();
  });

  it('leaves custom rules alone, even one that reuses an anchored id', () => {
    const custom = compileCustomRule({ id: 'generic-api-key', title: 't', keywords: ['key'], pattern: 'key=(?<secret>x+)' });
    expect(custom.ok).toBe(true);
    if (custom.ok) expect(keywordAnchors(custom.value)).toBeUndefined();
  });
});
