import { describe, expect, it } from 'vitest';
import { matchRule } from '../match/index.js';
import { loadLanguages, parseModule } from '../match/test-support.js';
import { checkLoadedRules, parseRules } from './loader.js';

const rule = (either: string[]): string => [
  'rules:',
  '  - id: eval-in-a-or-b',
  '    languages: [python]',
  '    severity: low',
  '    message: m',
  '    metadata: {}',
  '    patterns:',
  '      - pattern-either:',
  ...either.map((e) => `          - ${e}`),
  '      - pattern: eval($X)',
].join('\n');

const code = 'def a():\n    eval(x)\n\ndef b():\n    eval(y)\n\ndef c():\n    eval(z)\n';

describe('analyzers/sast/rules/formula: pattern-either of pattern-inside within patterns', () => {
  it('is a filter: the pattern beside it matches inside any of the alternatives', async () => {
    await loadLanguages(['python']);
    const loaded = await checkLoadedRules(parseRules(rule(['pattern-inside: "def a(): ..."', 'pattern-inside: "def b(): ..."']), 'r.yaml'));
    expect(loaded.problems).toEqual([]);
    const [r] = loaded.rules;
    if (r?.mode !== 'search') throw new Error('expected a search rule');
    const lines = matchRule(r, parseModule('python', 'a.py', code), code).map((m) => m.span.startLine);
    expect(lines).toEqual([2, 5]);
  });

  it('mixed with other alternatives is rejected at load with a message saying how to write it', () => {
    const loaded = parseRules(rule(['pattern-inside: "def a(): ..."', 'pattern: eval(1)']), 'r.yaml');
    expect(loaded.rules).toEqual([]);
    expect(loaded.problems[0]?.message).toMatch(/mixes pattern-inside with other alternatives/);
  });
});
