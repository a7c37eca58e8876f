/** Engine gaps found by the rule packs (notes/sast-gaps.md), one behaviour each. */
import { beforeAll, describe, expect, it } from 'vitest';
import { translateSnippet } from '../ir/translate/snippet.js';
import type { Language } from '../ir/types.js';
import type { Formula, SearchRule } from '../rules/types.js';
import type { Expr, Stmt } from '../ir/types.js';
import { guardOf } from '../taint/guards.js';
import { focus, runOn, taintRule } from '../taint/test-support.js';
import { matchRuleWith } from './engine.js';
import { loadLanguages, parseModule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['javascript', 'php', 'ruby', 'go', 'csharp', 'java']);
});

const p = (source: string): Formula => ({ kind: 'pattern', source });
const EXT: Partial<Record<Language, string>> = { java: 'A.java', javascript: 'a.js', php: 'a.php', ruby: 'a.rb', go: 'a.go', csharp: 'a.cs' };

function rule(formula: Formula, language: Language): SearchRule {
  return {
    id: 'test', languages: [language], message: 'm', severity: 'high', confidence: 'high', file: 'test.yaml', mode: 'search', formula,
    metadata: { title: 't', category: 'security', cwe: [78], owasp: [], references: [] },
  };
}

function find(language: Language, formula: Formula, code: string): string[] {
  const module = parseModule(language, EXT[language] ?? 'a', code);
  return matchRuleWith(translateSnippet, rule(formula, language), module, code).map((m) => Buffer.from(code).subarray(m.span.startByte, m.span.endByte).toString());
}

describe('analyzers/sast/match: gaps found by the rule packs', () => {
  it('PHP superglobals in a pattern are the literal names, not metavariables', () => {
    const code = '<?php\necho $_GET["q"];\necho $_POST["q"];\necho $other["q"];\n';
    expect(find('php', p('$_GET[...]'), code)).toEqual(['$_GET["q"]']);
    expect(find('php', p('$_SERVER'), code)).toEqual([]);
    // An upper-case name that is not a superglobal is still a metavariable.
    expect(find('php', p('$ARR["q"]'), code)).toHaveLength(3);
  });

  it('PHP: <?= expr ?> is an echo; [..., k => v, ...] is an open array pattern', () => {
    expect(find('php', p('echo $X'), '<p><?= $name ?></p>\n<?php echo $y; ?>\n')).toEqual(['$name', 'echo $y;']);
    const code = "<?php\n$a = ['ssl' => ['verify_peer' => false], 'x' => 1];\n$b = ['verify_peer' => true];\n";
    expect(find('php', p("[..., 'verify_peer' => false, ...]"), code)).toEqual(["['verify_peer' => false]"]);
  });

  it('open object patterns: JavaScript {..., k: v, ...} and Ruby {..., k: v, ...}', () => {
    const js = 'const a = { secure: false, httpOnly: true };\nconst b = { secure: true };\n';
    expect(find('javascript', p('{..., secure: false, ...}'), js)).toEqual(['{ secure: false, httpOnly: true }']);
    const rb = 'a = { secure: false, httponly: true }\nb = { secure: true }\n';
    expect(find('ruby', p('{..., secure: false, ...}'), rb)).toEqual(['{ secure: false, httponly: true }']);
  });

  it('pattern-inside as an alternative of pattern-either matches the regions it names', () => {
    const code = 'function f(a) { return 1; }\neval(x);\n';
    const formula: Formula = { kind: 'any', items: [{ kind: 'inside', item: p('function $F(...) { ... }') }, p('eval(...)')] };
    expect(find('javascript', formula, code)).toEqual(['function f(a) { return 1; }', 'eval(x)']);
  });

  it('Java: ... in a parameter list of a method pattern', () => {
    const code = 'class A {\n  String a(@RequestParam String q) { return q; }\n  String b(Model m, @RequestParam String q, int n) { return q; }\n  String c(String q) { return q; }\n}\n';
    const formula: Formula = { kind: 'all', items: [p('$M(..., @RequestParam $T $P, ...) { ... }'), { kind: 'focus', metavariable: '$P' }] };
    expect(find('java', formula, code)).toEqual(['@RequestParam String q', '@RequestParam String q']);
    const cs = 'class A {\n  string Get([FromQuery] string q, int n) { return q; }\n  string Other(int n) { return ""; }\n}\n';
    expect(find('csharp', p('$RT $M(..., int $N, ...) { ... }'), cs)).toHaveLength(2);
  });

  it('two alternatives matching the same code are one finding', () => {
    const code = 'eval(x);\n';
    expect(find('javascript', { kind: 'any', items: [p('eval(...)'), p('eval($X)')] }, code)).toEqual(['eval(x)']);
  });

  it('a name metavariable reports the name itself, not the whole member or function', () => {
    const focusOn = (pattern: string, mv: string): Formula => ({ kind: 'all', items: [p(pattern), { kind: 'focus', metavariable: mv }] });
    const code = "function handler(a) {\n  return cfg.secretKey;\n}\n";
    expect(find('javascript', focusOn('cfg.$PROP', '$PROP'), code)).toEqual(['secretKey']);
    expect(find('javascript', focusOn('function $F(...) { ... }', '$F'), code)).toEqual(['handler']);
  });

  it('Ruby params[:id] keeps its key', () => {
    const code = 'a = params[:id]\nb = params[:name]\n';
    expect(find('ruby', p('params[:id]'), code)).toEqual(['params[:id]']);
  });
});

describe('analyzers/sast/match: Go composite literals and imports, C# generic calls', () => {
  const goCode = [
    'package a',
    'import (',
    '\t"crypto/tls"',
    '\t"net/http"',
    '\tl "github.com/go-ldap/ldap/v3"',
    '\t"gopkg.in/yaml.v3"',
    ')',
    'func f() {',
    '\ta := http.Cookie{Name: "s", Secure: true, HttpOnly: true}',
    '\tb := &http.Cookie{Name: "s", HttpOnly: true}',
    '\tc := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}',
    '\tl.DialURL(u)',
    '\tyaml.Unmarshal(d, &v)',
    '}',
  ].join('\n');

  it('matches T{...} and T{..., K: v, ...} against keyed literals of a package type', () => {
    expect(find('go', p('http.Cookie{...}'), goCode)).toHaveLength(2);
    expect(find('go', p('http.Cookie{..., HttpOnly: true, ..., Secure: true, ...}'), goCode)).toEqual(['http.Cookie{Name: "s", Secure: true, HttpOnly: true}']);
    expect(find('go', p('tls.Config{..., InsecureSkipVerify: true, ...}'), goCode)).toHaveLength(1);
    expect(find('go', p('tls.Config{InsecureSkipVerify: true}'), goCode)).toEqual([]);
  });

  it('binds versioned import paths to the package name', async () => {
    const { goPackageName } = await import('../ir/translate/go.js');
    expect(['github.com/go-ldap/ldap/v3', 'gopkg.in/yaml.v3', 'os/exec', 'github.com/mattn/go-sqlite3'].map(goPackageName)).toEqual(['ldap', 'yaml', 'exec', 'sqlite3']);
    expect(find('go', p('yaml.Unmarshal(...)'), goCode)).toEqual(['yaml.Unmarshal(d, &v)']);
  });

  it('a C# generic call is named without its type arguments', () => {
    const code = 'class A { void F(string q) { conn.Query<User>(q); conn.Query(q); conn?.Execute<int>(q); } }';
    expect(find('csharp', p('$C.Query(...)'), code)).toEqual(['conn.Query<User>(q)', 'conn.Query(q)']);
  });
});

describe('analyzers/sast/taint: gaps found by the rule packs', () => {
  it('JavaScript object and array destructuring from a request carries taint to each name', () => {
    const sqli = taintRule('javascript', { sources: ['$REQ.query'], sinks: [focus('$DB.query($Q, ...)', '$Q')] });
    const code = [
      "app.get('/a', (req, res) => {",
      '  const { id, q: text = "", ...rest } = req.query;',
      '  db.query("SELECT " + id);',
      '  db.query("SELECT " + text);',
      '  db.query("SELECT " + rest.x);',
      '  const [first] = req.query.list;',
      '  db.query("SELECT " + first);',
      '  const { fixed } = { fixed: "name" };',
      '  db.query("SELECT " + fixed);',
      '});',
    ].join('\n');
    expect(runOn(sqli, { 'app.js': code }).map((r) => r.line)).toEqual([3, 4, 5, 7]);
  });

  it('a sink focused inside an assignment target is checked (obj[k1][k2] = v)', () => {
    const pollution = taintRule('javascript', { sources: ['$REQ.body'], sinks: [focus('$OBJ[$KEY][$PROP] = $VAL', '$KEY')] });
    const code = [
      "app.post('/s', (req, res) => {",
      '  const { section, key, value } = req.body;',
      '  settings[section][key] = value;',
      "  settings['ui'][key] = value;",
      '});',
    ].join('\n');
    expect(runOn(pollution, { 'app.js': code }).map((r) => `${r.line} ${r.text}`)).toEqual(['3 section']);
  });

  it('PHP in_array($v, $list, true) and Go strings.HasPrefix(p, root) guard the checked value', () => {
    const testOf = (language: Language, code: string): Expr => {
      const module = parseModule(language, EXT[language] ?? 'a', code);
      const find = (body: readonly Stmt[]): Expr | undefined => {
        for (const s of body) {
          if (s.kind === 'if') return s.test;
          if (s.kind === 'function') return find(s.fn.body);
        }
        return undefined;
      };
      const test = find(module.body);
      if (!test) throw new Error('no if');
      return test;
    };
    expect(guardOf(testOf('php', '<?php\nif (in_array($next, $allowed, true)) { echo 1; }\n'))).toEqual({ path: '$next', safeWhenTrue: true });
    expect(guardOf(testOf('go', 'package a\nfunc f() {\n\tif !strings.HasPrefix(p, root+"/") {\n\t\treturn\n\t}\n}\n'))).toEqual({ path: 'p', safeWhenTrue: false });
    expect(guardOf(testOf('go', 'package a\nfunc f() {\n\tif strings.HasPrefix(p, "/") {\n\t\treturn\n\t}\n}\n'))).toBeUndefined();
    // realpath + strpos: `$real === false || strpos($real, $base) !== 0` fails unless the prefix holds.
    expect(guardOf(testOf('php', '<?php\nif ($real === false || strpos($real, $base) !== 0) { exit; }\n'))).toEqual({ path: '$real', safeWhenTrue: false });
    expect(guardOf(testOf('php', '<?php\nif (strpos($real, "/") !== 0) { exit; }\n'))).toBeUndefined();
  });

  it('an allow-list ternary cleans the branch where the check holds', () => {
    const sqli = taintRule('javascript', { sources: ['$REQ.query'], sinks: [focus('$DB.query($Q, ...)', '$Q')] });
    const code = [
      "app.get('/a', (req, res) => {",
      "  const col = COLUMNS.includes(req.query.sort) ? req.query.sort : 'name';",
      '  db.query("SELECT * ORDER BY " + col);',
      "  const bad = COLUMNS.includes(req.query.sort) ? 'name' : req.query.sort;",
      '  db.query("SELECT * ORDER BY " + bad);',
      '});',
    ].join('\n');
    expect(runOn(sqli, { 'app.js': code }).map((r) => r.line)).toEqual([5]);
  });
});
