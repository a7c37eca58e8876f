import { beforeAll, describe, expect, it } from 'vitest';
import { translateSnippet } from '../ir/translate/snippet.js';
import type { Language } from '../ir/types.js';
import type { SearchRule } from '../rules/types.js';
import { matchRuleWith } from './engine.js';
import { loadLanguages, parseModule } from './test-support.js';

// The matcher skips a pattern in a file whose text lacks one of the pattern's names
// (search.ts): these are the matches that skip must not lose.

beforeAll(async () => {
  await loadLanguages(['python', 'javascript', 'java', 'php']);
});

function find(language: Language, pattern: string, code: string): string[] {
  const rule: SearchRule = {
    id: 'test', languages: [language], message: 'm', severity: 'high', confidence: 'high', file: 'test.yaml', mode: 'search', formula: { kind: 'pattern', source: pattern },
    metadata: { title: 't', category: 'security', cwe: [78], owasp: [], references: [] },
  };
  const module = parseModule(language, `a.${language}`, code);
  return matchRuleWith(translateSnippet, rule, module, code).map((m) => code.slice(m.span.startByte, m.span.endByte));
}

describe('analyzers/sast/match: the text prefilter', () => {
  it('a dotted pattern still matches a call through an import alias (its parts are only in the import)', () => {
    expect(find('python', 'os.system($X)', 'from os import system as run\nrun(cmd)\n')).toEqual(['run(cmd)']);
    expect(find('javascript', 'child_process.exec($X)', "const cp = require('node:child_process');\ncp.exec(x);\n")).toEqual(['cp.exec(x)']);
  });

  it('keyword arguments and decorators count as names; a file without them has no match', () => {
    const code = '@app.route("/")\ndef f():\n    connect(host, password="hunter22")\n';
    expect(find('python', '$F(..., password=$V, ...)', code)).toEqual(['connect(host, password="hunter22")']);
    expect(find('python', '$F(..., passwd=$V, ...)', code)).toEqual([]);
    expect(find('python', '@$APP.route(...)\ndef $F(...):\n    ...\n', code)).toHaveLength(1);
    expect(find('python', '@$APP.get(...)\ndef $F(...):\n    ...\n', code)).toEqual([]);
  });

  it('names the translators make up are not required in the text', () => {
    // A Java field initialiser is read as `this.password = …`; the file never says `this`.
    expect(find('java', 'this.password = "..."', 'class A { String password = "hunter22"; }\n')).toHaveLength(1);
    // PHP keywords in any case, and `print` (a `print_intrinsic` node): PHP is not prefiltered.
    expect(find('php', 'echo $X', '<?php\nECHO $a;\n')).toEqual(['ECHO $a;']);
    expect(find('php', 'print $X', '<?php\nprint $a;\n')).toHaveLength(1);
  });
});
