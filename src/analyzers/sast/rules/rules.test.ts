import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testRulesIn } from './fixture-test.js';

const RULES_DIR = fileURLToPath(new URL('.', import.meta.url));

describe('analyzers/sast/rules: every packaged rule against its annotated fixture', async () => {
  const { results, problems } = await testRulesIn(RULES_DIR);

  it('load without problems', () => {
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  });

  for (const result of results) {
    it(`${result.ruleId} reports exactly the annotated lines`, () => {
      expect(result.mismatches).toEqual([]);
    });
  }

  it('totals over all fixtures', () => {
    const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives' | 'trueNegatives') => results.reduce((n, r) => n + r[key], 0);
    console.log(`SAST fixtures: TP ${sum('truePositives')} FP ${sum('falsePositives')} FN ${sum('falseNegatives')} TN ${sum('trueNegatives')}`);
    expect(sum('truePositives')).toBeGreaterThan(0);
  });
});
