import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from './analyze-file.js';
import type { Language } from './ir/types.js';
import { loadLanguages } from './match/test-support.js';
import { parseRules } from './rules/loader.js';

// Spans are in UTF-16 code units (web-tree-sitter's indices), so text before a match that takes
// more than one UTF-8 byte per character must not shift what a metavariable is bound to.

beforeAll(async () => {
  await loadLanguages(['python', 'javascript']);
});

function scan(language: Language, path: string, yaml: string, text: string): { line: number; column?: number; description: string }[] {
  const loaded = parseRules(yaml, 'r.yaml');
  expect(loaded.problems).toEqual([]);
  const outcome = analyzeFile({ path, language, text }, loaded.rules);
  return outcome.findings.map((f) => ({
    line: f.location.kind === 'source' ? f.location.startLine : 0,
    ...(f.location.kind === 'source' && f.location.startColumn !== undefined && f.location.endColumn !== undefined ? { column: f.location.startColumn } : {}),
    description: f.description,
  }));
}

describe('analyzers/sast: metavariable text after non-ASCII characters', () => {
  it('metavariable-regex and the message see the bound text in a Python file with accents before the match', () => {
    const yaml = [
      'rules:',
      '  - id: shell-from-setting',
      '    languages: [python]',
      '    severity: high',
      '    message: "runs $CMD"',
      '    metadata: {}',
      '    patterns:',
      '      - pattern: subprocess.call($CMD)',
      '      - metavariable-regex:',
      '          metavariable: $CMD',
      "          regex: '^user_command$'",
    ].join('\n');
    const text = ['# Réglages: café, naïve, Größe', 'import subprocess', 'subprocess.call(user_command)', 'subprocess.call(fixed_command)', ''].join('\n');
    expect(scan('python', 'run.py', yaml, text)).toEqual([{ line: 3, column: 1, description: 'runs user_command' }]);
  });

  it('the message quotes the bound text in a JavaScript file with an emoji (two UTF-16 units) before the match', () => {
    const yaml = [
      'rules:',
      '  - id: eval-of',
      '    languages: [javascript]',
      '    severity: high',
      '    message: "eval of $X"',
      '    metadata: {}',
      '    pattern: eval($X)',
    ].join('\n');
    const text = ["const greeting = '👋 héllo';", 'eval(request.body.code);', ''].join('\n');
    expect(scan('javascript', 'app.js', yaml, text)).toEqual([{ line: 2, column: 1, description: 'eval of request.body.code' }]);
  });

  it('a function name focused after non-ASCII text in the function is reported at the name', () => {
    const yaml = [
      'rules:',
      '  - id: handler-name',
      '    languages: [javascript]',
      '    severity: low',
      '    message: "handler $F"',
      '    metadata: {}',
      '    patterns:',
      '      - pattern: function $F(req) { ... }',
      '      - focus-metavariable: $F',
    ].join('\n');
    // The name is found in the function's text: `function /* é */ ` is 17 code units (18 UTF-8 bytes).
    const text = ['function /* é */ handle(req) { return req; }', ''].join('\n');
    expect(scan('javascript', 'h.js', yaml, text)).toEqual([{ line: 1, column: 18, description: 'handler handle' }]);
  });
});
