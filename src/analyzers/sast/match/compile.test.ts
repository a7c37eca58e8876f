import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages, parseModule } from './test-support.js';
import { compilePattern, matchFormula } from './index.js';
import { compileSafeRegex, hasNestedQuantifier } from './safe-regex.js';

beforeAll(async () => {
  await loadLanguages(['python', 'javascript']);
});

describe('analyzers/sast/match/safe-regex', () => {
  it.each([
    ['(a+)+', true],
    ['(\\w*x)*', true],
    ['(a|b+){2,}', true],
    ['((ab)+c)+', true],
    ['(?i)md5|sha1', false],
    ['^(a+)$', false],
    ['(abc)+', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
    ['(a{1,3})?', false],
  ])('%s nests quantifiers: %s', (source, nested) => {
    expect(hasNestedQuantifier(source)).toBe(nested);
  });

  it('turns (?i) into the i flag and refuses bad or dangerous regexes with a problem', () => {
    const ok = compileSafeRegex('(?i)^md5$');
    expect(ok.ok && ok.value.flags).toBe('i');
    const bad = compileSafeRegex('(x+)+y');
    expect(!bad.ok && bad.error.code).toBe('sast-bad-regex');
    const broken = compileSafeRegex('([a-');
    expect(!broken.ok && broken.error.code).toBe('sast-bad-regex');
  });

  it('accepts (?i) after an anchor and scoped (?i:...) groups, as other engines do', () => {
    const anchored = compileSafeRegex('^(?i)md5$');
    expect(anchored.ok && anchored.value.test('MD5')).toBe(true);
    const scoped = compileSafeRegex('^"(?i:sha1|md5)"$');
    expect(scoped.ok && scoped.value.test('"Sha1"')).toBe(true);
    // Inside a character class the text is literal.
    const literal = compileSafeRegex('[(?i)]');
    expect(literal.ok && literal.value.flags).toBe('');
  });
});

describe('analyzers/sast/match/compile', () => {
  it('reports a pattern that does not parse, and a formula without a positive pattern', () => {
    const bad = compilePattern('python', { kind: 'pattern', source: 'def (:' });
    expect(bad.ok).toBe(false);
    const noPositive = compilePattern('python', { kind: 'all', items: [{ kind: 'not', item: { kind: 'pattern', source: 'f()' } }] });
    expect(!noPositive.ok && noPositive.error.code).toBe('sast-bad-pattern');
    const badRegex = compilePattern('python', { kind: 'all', items: [{ kind: 'pattern', source: 'f($X)' }, { kind: 'metavariable-regex', metavariable: '$X', regex: '(a*)*' }] });
    expect(!badRegex.ok && badRegex.error.code).toBe('sast-bad-regex');
  });

  it('compiles once per formula object and language', () => {
    const formula = { kind: 'pattern', source: 'eval($X)' } as const;
    const a = compilePattern('python', formula);
    const b = compilePattern('python', formula);
    expect(a).toBe(b);
  });

  it('reports the enclosing function and class of each hit', () => {
    const code = 'class Api:\n    def get(self):\n        eval(self.q)\n\ndef top():\n    eval(x)\n\neval(y)\n';
    const compiled = compilePattern('python', { kind: 'pattern', source: 'eval(...)' });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const hits = matchFormula(compiled.value, parseModule('python', 'a.py', code), code);
    expect(hits.map((h) => [h.span.startLine, h.scope])).toEqual([
      [3, { function: 'get', class: 'Api' }],
      [6, { function: 'top' }],
      [8, {}],
    ]);
  });
});

describe('analyzers/sast/match/index: checkRulePatterns', () => {
  it('names the rule, key and language of each pattern that does not compile', async () => {
    const { checkRulePatterns } = await import('./index.js');
    const problems = checkRulePatterns({
      id: 'bad-rule', languages: ['python'], message: 'm', severity: 'low', confidence: 'low', file: 'bad.yaml', mode: 'taint',
      metadata: { title: 't', category: 'security', cwe: [1], owasp: [], references: [] },
      taint: { sources: [{ formula: { kind: 'pattern', source: 'request.args' } }], sinks: [{ formula: { kind: 'pattern', source: 'def (' } }], sanitizers: [], propagators: [] },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^bad\.yaml: rule bad-rule, pattern-sinks\[0\]: .* \(python\)$/);
    expect(problems[0]?.file).toBe('bad.yaml');
  });
});
