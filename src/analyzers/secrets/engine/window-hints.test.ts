import { describe, expect, it } from 'vitest';
import { ruleTestCorpus as corpus } from './__fixtures__/rule-corpus.js';
import { SECRET_RULES } from '../rules/index.js';
import { compileCustomRule } from '../custom-rule.js';
import { charClassForTest, hasRunForTest, HINTED_RULE_IDS, windowHint } from './window-hints.js';


describe('analyzers/secrets/engine/window-hints', () => {
  const texts = corpus();

  it('names only rules that exist', () => {
    const ids = new Set(SECRET_RULES.map((rule) => rule.meta.id));
    for (const id of HINTED_RULE_IDS) expect(ids.has(id), id).toBe(true);
  });

  it.each(HINTED_RULE_IDS)('%s: every match of the rule contains its hint', (id) => {
    const rule = SECRET_RULES.find((candidate) => candidate.meta.id === id);
    const hint = rule && windowHint(rule);
    expect(hint).toBeDefined();
    const pattern = new RegExp(rule!.pattern.source, `${rule!.pattern.flags.replace(/[gyd]/g, '')}g`);
    let matches = 0;
    for (const text of texts) {
      for (const match of text.matchAll(pattern)) {
        matches++;
        expect(hint!(match[0]), `${id} on ${JSON.stringify(match[0])}`).toBe(true);
      }
    }
    // A hint checked against nothing proves nothing: each hinted rule fires somewhere in the fixtures.
    expect(matches).toBeGreaterThan(0);
  });

  it('generic-api-key: wants an API key name before the assignment, not a bare `key:`', () => {
    const hint = windowHint(SECRET_RULES.find((rule) => rule.meta.id === 'generic-api-key')!)!;
    expect(hint('{key:"a",value:1},{key:"b"}')).toBe(false);
    expect(hint('x={apiKey: "k3Y9"}')).toBe(true);
    expect(hint('SIGNING_KEY="k3Y9"')).toBe(true);
  });

  it('finds a run of class characters exactly when a plain scan does', () => {
    const table = charClassForTest('a-c_');
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 2000; trial++) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => 'abc_xĀ'[Math.floor(random() * 6)]).join('');
      const length = 1 + Math.floor(random() * 8);
      const expected = new RegExp(`[a-c_]{${length}}`).test(text);
      expect(hasRunForTest(text, table, length), `${length} in ${text}`).toBe(expected);
    }
  });

  it('leaves custom rules alone, even one that reuses a hinted id', () => {
    const custom = compileCustomRule({ id: 'generic-api-key', title: 't', keywords: ['key'], pattern: 'key=(?<secret>x+)' });
    expect(custom.ok).toBe(true);
    if (custom.ok) expect(windowHint(custom.value)).toBeUndefined();
  });
});
