import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir } from './builtin.js';
import { loadCheckedRules } from './loader.js';

describe('analyzers/sast/rules/loader: patterns are compiled at load time', () => {
  it('every packaged rule compiles for each of its languages', async () => {
    const dir = builtinRulesDir();
    expect(dir).toBeDefined();
    const loaded = await loadCheckedRules(dir ?? '');
    expect(loaded.problems.map((p) => p.message)).toEqual([]);
    expect(loaded.rules.length).toBeGreaterThan(100);
  });

  it('accepts pattern-inside in pattern-either and as the only positive of patterns', async () => {
    const { parseRules } = await import('./loader.js');
    const text = [
      'rules:',
      '  - id: inside-either',
      '    languages: [python]',
      '    severity: low',
      '    message: m',
      '    metadata: {}',
      '    pattern-either:',
      '      - pattern-inside: "def $F(...): ..."',
      '      - patterns:',
      '          - pattern-inside: "class $C: ..."',
      '          - pattern-not-inside: "class Safe: ..."',
    ].join('\n');
    const loaded = parseRules(text, 'r.yaml');
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.map((r) => r.id)).toEqual(['inside-either']);
  });

  it('a user rule with a pattern that does not compile is left out and named with its key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-'));
    writeFileSync(
      join(dir, 'mine.yaml'),
      [
        'rules:',
        '  - id: good-eval',
        '    languages: [python]',
        '    severity: high',
        '    message: eval',
        '    metadata: {}',
        '    pattern: eval($X)',
        '  - id: broken-sink',
        '    languages: [python]',
        '    severity: high',
        '    mode: taint',
        '    message: broken',
        '    metadata: {}',
        '    pattern-sources:',
        '      - pattern: input()',
        '    pattern-sinks:',
        '      - pattern: "os.system(("',
      ].join('\n'),
    );
    const loaded = await loadCheckedRules(dir);
    expect(loaded.rules.map((r) => r.id)).toEqual(['good-eval']);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]?.code).toBe('sast-invalid-rule');
    expect(loaded.problems[0]?.message).toContain('broken-sink');
    expect(loaded.problems[0]?.message).toContain('pattern-sinks[0]');
  });
});
