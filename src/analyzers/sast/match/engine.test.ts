import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../ir/types.js';
import type { Formula, SearchRule } from '../rules/types.js';
import { matchRuleWith } from './engine.js';
import { translateSnippet } from '../ir/translate/snippet.js';
import { loadLanguages, parseModule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['javascript', 'python']);
});

const p = (source: string): Formula => ({ kind: 'pattern', source });
const all = (...items: Formula[]): Formula => ({ kind: 'all', items });
const any = (...items: Formula[]): Formula => ({ kind: 'any', items });

function rule(formula: Formula, language: Language): SearchRule {
  return {
    id: 'test', languages: [language], message: 'm', severity: 'high', confidence: 'high', file: 'test.yaml', mode: 'search', formula,
    metadata: { title: 't', category: 'security', cwe: [78], owasp: [], references: [] },
  };
}

/** The source text of every match (and the line), so assertions read like the code. */
function find(language: Language, formula: Formula, code: string): string[] {
  const module = parseModule(language, language === 'python' ? 'a.py' : 'a.js', code);
  const matches = matchRuleWith(translateSnippet, rule(formula, language), module, code);
  return matches.map((m) => Buffer.from(code).subarray(m.span.startByte, m.span.endByte).toString());
}

function bindingsOf(language: Language, formula: Formula, code: string): Record<string, string | undefined>[] {
  const module = parseModule(language, 'a', code);
  return matchRuleWith(translateSnippet, rule(formula, language), module, code).map((m) =>
    Object.fromEntries(Object.entries(m.bindings).map(([k, b]) => [k, b.text])),
  );
}

describe('analyzers/sast/match: expressions', () => {
  it('finds a call anywhere, with the exact span', () => {
    const code = 'function f(a) {\n  const x = [1, () => eval(a)];\n  return g(eval("1"));\n}\n';
    expect(find('javascript', p('eval(...)'), code)).toEqual(['eval(a)', 'eval("1")']);
  });

  it('binds metavariables and requires equal bindings for the same name', () => {
    const code = 'if (a.b == a.b) {}\nif (a.b == a.c) {}\n';
    expect(find('javascript', p('$X == $X'), code)).toEqual(['a.b == a.b']);
  });

  it('matches a run of arguments with ... and $...ARGS', () => {
    const code = 'f(1);\nf(1, 2, 3);\nf(2, 1);\n';
    expect(find('javascript', p('f(1, ...)'), code)).toEqual(['f(1)', 'f(1, 2, 3)']);
    expect(find('javascript', p('f(..., 1)'), code)).toEqual(['f(1)', 'f(2, 1)']);
    expect(bindingsOf('javascript', p('f(1, $...REST)'), 'f(1, 2, 3);')).toEqual([{ '$...REST': '2, 3' }]);
  });

  it('matches "..." against any string literal only', () => {
    const code = 'db.query("SELECT 1");\ndb.query(q);\ndb.query("a" + q);\n';
    expect(find('javascript', p('db.query("...")'), code)).toEqual(['db.query("SELECT 1")']);
    expect(find('javascript', p('db.query("..." + $Y)'), code)).toEqual(['db.query("a" + q)']);
  });

  it('matches keyword arguments in any position (Python)', () => {
    const code = 'subprocess.run(cmd, shell=True)\nsubprocess.run(cmd, check=True, shell=True, text=True)\nsubprocess.run(cmd, shell=False)\nsubprocess.run(cmd)\n';
    expect(find('python', p('subprocess.run(..., shell=True, ...)'), code)).toEqual([
      'subprocess.run(cmd, shell=True)',
      'subprocess.run(cmd, check=True, shell=True, text=True)',
    ]);
  });

  it('sees through import aliases (Python)', () => {
    const code = 'import os as o\nfrom os import system\nfrom os import system as run\no.system(x)\nsystem(y)\nrun(z)\nother.system(w)\n';
    expect(find('python', p('os.system(...)'), code)).toEqual(['o.system(x)', 'system(y)', 'run(z)']);
  });

  it('sees through require and destructuring (JavaScript)', () => {
    const code = "const cp = require('child_process');\nconst { exec, spawn: sp } = require('child_process');\ncp.exec(a);\nexec(b);\nsp(c);\nfoo.exec(d);\n";
    expect(find('javascript', p('child_process.exec(...)'), code)).toEqual(['cp.exec(a)', 'exec(b)']);
    expect(find('javascript', p('child_process.spawn(...)'), code)).toEqual(['sp(c)']);
  });

  it('matches member metavariables and reports their text', () => {
    expect(bindingsOf('javascript', p('$OBJ.$METHOD($ARG)'), 'crypto.createHash("md5");')).toEqual([
      { $OBJ: 'crypto', $METHOD: 'createHash', $ARG: '"md5"' },
    ]);
  });
});

describe('analyzers/sast/match: statements and sequences', () => {
  it('matches an ordered sequence across a gap, into nested blocks', () => {
    const code = 'def f():\n    x = source()\n    y = 1\n    if y:\n        sink(x)\n    sink(y)\n';
    expect(find('python', p('$X = source()\n...\nsink($X)'), code)).toEqual(['x = source()\n    y = 1\n    if y:\n        sink(x)']);
  });

  it('requires adjacency when there is no ... between statements', () => {
    const code = 'a = open(p)\na.close()\nb = open(q)\nlog(b)\nb.close()\n';
    expect(find('python', p('$F = open(...)\n$F.close()'), code)).toEqual(['a = open(p)\na.close()']);
  });

  it('matches an assignment pattern as a statement', () => {
    const code = 'password = "hunter2"\nname = "bob"\n';
    expect(find('python', p('password = "..."'), code)).toEqual(['password = "hunter2"']);
  });

  it('matches function definitions with decorators', () => {
    const code = '@app.route("/a")\ndef a(x):\n    return x\n\ndef b(y):\n    return y\n';
    expect(bindingsOf('python', p('@app.route(...)\ndef $F(...):\n    ...'), code).map((b) => b['$F'])).toEqual(['a']);
  });
});

describe('analyzers/sast/match: combinators', () => {
  it('pattern-either is the union', () => {
    const code = 'eval(a); setTimeout(b, 1); run(c);';
    expect(find('javascript', any(p('eval($X)'), p('setTimeout($X, ...)')), code)).toEqual(['eval(a)', 'setTimeout(b, 1)']);
  });

  it('pattern-not drops the same span, pattern-inside keeps what lies within', () => {
    const code = 'def f():\n    exec(a)\n    exec("ok")\ndef g():\n    exec(b)\n';
    const f = all(p('exec(...)'), { kind: 'not', item: p('exec("...")') }, { kind: 'inside', item: p('def f(...):\n    ...') });
    expect(find('python', f, code)).toEqual(['exec(a)']);
  });

  it('pattern-not-inside drops what lies within', () => {
    const code = 'try {\n  JSON.parse(a);\n} catch (e) {}\nJSON.parse(b);\n';
    const f = all(p('JSON.parse($X)'), { kind: 'not-inside', item: p('try { ... } catch ($E) { ... }') });
    expect(find('javascript', f, code)).toEqual(['JSON.parse(b)']);
  });

  it('metavariable-regex filters on the bound text', () => {
    const code = 'crypto.createHash("md5"); crypto.createHash("sha256"); crypto.createHash("SHA1");';
    const f = all(p('crypto.createHash($ALG)'), { kind: 'metavariable-regex', metavariable: '$ALG', regex: '(?i)md5|sha1' });
    expect(find('javascript', f, code)).toEqual(['crypto.createHash("md5")', 'crypto.createHash("SHA1")']);
  });

  it('focus-metavariable reports the bound span', () => {
    const code = 'cursor.execute(q, (a,))\n';
    const f = all(p('cursor.execute($Q, ...)'), { kind: 'focus', metavariable: '$Q' });
    expect(find('python', f, code)).toEqual(['q']);
  });

  it('pattern-inside unifies metavariables with the pattern', () => {
    const code = 'x = request.args.get("a")\ny = 1\nos.system(y)\nos.system(x)\n';
    const f = all(p('os.system($V)'), { kind: 'inside', item: p('$V = request.args.get(...)\n...') });
    expect(find('python', f, code)).toEqual(['os.system(x)']);
  });
});

describe('analyzers/sast/match: object literals', () => {
  it('matches {..., key: value, ...} at any depth of the options', () => {
    const code = [
      "res.cookie('a', t, { secure: false });",
      "res.cookie('b', t, { httpOnly: true, secure: false, maxAge: 1 });",
      "res.cookie('c', t, { secure: true });",
      "app.use(session({ secret: s, cookie: { secure: false, maxAge: 3 } }));",
    ].join('\n');
    expect(find('javascript', p('$RES.cookie($N, $V, {..., secure: false, ...})'), code)).toEqual([
      "res.cookie('a', t, { secure: false })",
      "res.cookie('b', t, { httpOnly: true, secure: false, maxAge: 1 })",
    ]);
    expect(find('javascript', p('$S({..., cookie: {..., secure: false, ...}, ...})'), code)).toEqual(['session({ secret: s, cookie: { secure: false, maxAge: 3 } })']);
    // Without `...` the object must have exactly these keys.
    expect(find('javascript', p('$RES.cookie($N, $V, {secure: false})'), code)).toEqual(["res.cookie('a', t, { secure: false })"]);
  });
});

describe('analyzers/sast/match: string metavariables', () => {
  it('"$X" matches any string literal and binds its content for metavariable-regex', () => {
    const code = 'password = "hunter2"\ntoken = "abc"\npassword = get()\n';
    const f = all(p('$N = "$V"'), { kind: 'metavariable-regex', metavariable: '$V', regex: '^hunter' });
    expect(find('python', f, code)).toEqual(['password = "hunter2"']);
    expect(bindingsOf('python', p('$N = "$V"'), code).map((b) => b['$V'])).toEqual(['hunter2', 'abc']);
  });
});

describe('analyzers/sast/match: ES module imports', () => {
  it('resolves named, namespace and node: imports', () => {
    const code = "import * as cp from 'node:child_process';\nimport { exec as run } from 'child_process';\ncp.execSync(a);\nrun(b);\n";
    expect(find('javascript', any(p('child_process.execSync(...)'), p('child_process.exec(...)')), code)).toEqual(['cp.execSync(a)', 'run(b)']);
  });
});
