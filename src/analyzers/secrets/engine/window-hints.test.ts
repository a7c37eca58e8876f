import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from '../rules/index.js';
import { compileCustomRule } from '../custom-rule.js';
import { charClassForTest, hasRunForTest, HINTED_RULE_IDS, windowHint } from './window-hints.js';

const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
const CASES_DIR = fileURLToPath(new URL('../../../../test/secrets-eval/cases/', import.meta.url));

/** Every text the rules are tested on: the rule fixtures and the evaluation cases. */
function corpus(): string[] {
  const fixtures = readdirSync(RULES_DIR)
    .filter((name) => name.endsWith('.fixture.txt'))
    .map((name) => readFileSync(`${RULES_DIR}${name}`, 'latin1'));
  const cases = readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(`${CASES_DIR}${name}`, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
  return [...fixtures, ...cases];
}

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
