import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir } from './builtin.js';
import { loadCheckedRules, loadPackagedRules, loadRules, packRules, PACKED_RULES_FILE } from './loader.js';

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

describe('analyzers/sast/rules/loader: packaged rules pre-parsed by the build', () => {
  const rule = (message: string): string => ['rules:', '  - id: py-eval', '    languages: [python]', '    severity: high', `    message: ${message}`, '    metadata: {}', '    pattern: eval($X)', ''].join('\n');

  function packedDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-packed-'));
    mkdirSync(join(dir, 'python'));
    writeFileSync(join(dir, 'python', 'py-eval.yaml'), rule('first'));
    const packed = packRules(dir);
    expect(packed.problems).toEqual([]);
    writeFileSync(join(dir, PACKED_RULES_FILE), packed.text ?? '');
    return dir;
  }

  it('reads the packed file while it matches the YAML, with the same rules the YAML gives', () => {
    const dir = packedDir();
    expect(loadPackagedRules(dir)).toEqual(loadRules(dir, dir));
    // Proof that the packed file is what was read: its rules, edited, come back as edited.
    const packed = JSON.parse(readFileSync(join(dir, PACKED_RULES_FILE), 'utf8')) as { rules: { message: string }[] };
    packed.rules[0]!.message = 'from the packed file';
    writeFileSync(join(dir, PACKED_RULES_FILE), JSON.stringify(packed));
    expect(loadPackagedRules(dir).rules.map((r) => [r.id, r.message, r.file])).toEqual([['py-eval', 'from the packed file', join('python', 'py-eval.yaml')]]);
  });

  it('falls back to the YAML when a rule file changed, was added, or the packed file is damaged', () => {
    const dir = packedDir();
    writeFileSync(join(dir, 'python', 'py-eval.yaml'), rule('second'));
    expect(loadPackagedRules(dir).rules.map((r) => r.message)).toEqual(['second']);
    writeFileSync(join(dir, 'python', 'other.yaml'), rule('third').replace('py-eval', 'py-other'));
    expect(loadPackagedRules(dir).rules.map((r) => r.id).sort()).toEqual(['py-eval', 'py-other']);
    writeFileSync(join(dir, PACKED_RULES_FILE), '{not json');
    expect(loadPackagedRules(dir).rules).toHaveLength(2);
  });
});
