import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateSnippet } from './snippet.js';
import { initLanguages } from '../../parse/parser.js';
import { translateSource } from './index.js';
import { irOf, moduleOf, withoutSpans } from './test-support.js';
import type { Language, Stmt } from '../types.js';

function first(stmts: Stmt[]): Stmt {
  const stmt = stmts[0];
  if (!stmt) throw new Error('no statement');
  return stmt;
}

describe('analyzers/sast/ir/translate', () => {
  it('javascript: require and ES imports become imports, module.exports an export', async () => {
    const ir = await irOf('javascript', "const cp = require('child_process');\nimport { a as b } from './m';\nmodule.exports = { run };\nexports.f = function (x) { return x; };");
    expect(ir[0]).toEqual({ kind: 'import', module: 'child_process', bindings: [{ imported: '*', local: 'cp' }] });
    expect(ir[1]).toEqual({ kind: 'import', module: './m', bindings: [{ imported: 'a', local: 'b' }] });
    expect(ir[2]).toMatchObject({ kind: 'export', bindings: [{ local: 'run', exported: 'run' }] });
    expect(ir[3]).toMatchObject({ kind: 'export', declaration: { kind: 'function', fn: { name: 'f' } }, bindings: [{ local: 'f', exported: 'f' }] });
  });

  it('javascript: template literals, calls with spread, escapes resolved', async () => {
    const ir = await irOf('typescript', "exec(`ls ${dir}\\n`, ...rest, 'a\\x41');");
    expect(first(ir)).toEqual({
      kind: 'expr',
      expr: {
        kind: 'call',
        callee: { kind: 'name', name: 'exec' },
        args: [
          { value: { kind: 'template', parts: [{ kind: 'literal', type: 'string', value: 'ls ' }, { kind: 'name', name: 'dir' }, { kind: 'literal', type: 'string', value: '\n' }] } },
          { spread: true, value: { kind: 'name', name: 'rest' } },
          { value: { kind: 'literal', type: 'string', value: 'aA' } },
        ],
      },
    });
  });

  it('typescript: classes with decorated methods and typed parameters', async () => {
    const ir = await irOf('typescript', "@Controller() class A { @Get(':id') find(@Param('id') id: string): string { return id; } }");
    const cls = first(ir);
    expect(cls.kind).toBe('class');
    if (cls.kind !== 'class') return;
    const method = cls.body[0];
    expect(method).toMatchObject({ kind: 'function', fn: { name: 'find', className: 'A', params: [{ name: 'id', type: 'string', annotations: ["Param('id')"] }] } });
    expect(cls.decorators).toHaveLength(1);
  });

  it('python: f-strings, keyword arguments, from-imports, decorators', async () => {
    const ir = await irOf('python', "from os import path as p\n@app.route('/x')\ndef f(a, *rest, b=1):\n    subprocess.run(f'x{a}', shell=True)\n");
    expect(ir[0]).toEqual({ kind: 'import', module: 'os', bindings: [{ imported: 'path', local: 'p' }] });
    expect(ir[1]).toMatchObject({
      kind: 'function',
      fn: {
        name: 'f',
        params: [{ name: 'a' }, { name: 'rest', rest: true }, { name: 'b', defaultValue: { kind: 'literal', value: '1' } }],
        decorators: [{ kind: 'call', callee: { kind: 'member', property: 'route' } }],
        body: [{ kind: 'expr', expr: { kind: 'call', args: [{ value: { kind: 'template' } }, { name: 'shell', value: { kind: 'literal', type: 'boolean' } }] } }],
      },
    });
  });

  it('python: elif chains nest, with-statements bind, tuples assign', async () => {
    const ir = await irOf('python', 'if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\nwith open(p) as f:\n    d = f.read()\na, b = 1, 2\n');
    expect(ir[0]).toMatchObject({ kind: 'if', alternate: [{ kind: 'if', alternate: [{ kind: 'assign' }] }] });
    expect(ir[1]).toMatchObject({ kind: 'block', body: [{ kind: 'assign', target: { name: 'f' } }, { kind: 'assign', target: { name: 'd' } }] });
    expect(ir[2]).toMatchObject({ kind: 'assign', target: { kind: 'array' }, value: { kind: 'array' } });
  });

  it('java: method invocations, annotations, imports, instanceof', async () => {
    const ir = await irOf('java', 'import java.io.File;\n@RestController class A { @GetMapping("/x") String m(@RequestParam String q) { if (q instanceof String) { Runtime.getRuntime().exec("a" + q); } return q; } }');
    expect(ir[0]).toEqual({ kind: 'import', module: 'java.io.File', bindings: [{ imported: 'File', local: 'File' }] });
    expect(ir[1]).toMatchObject({
      kind: 'class',
      decorators: [{ kind: 'name', name: 'RestController' }],
      body: [{ kind: 'function', fn: { name: 'm', params: [{ name: 'q', type: 'String', annotations: ['RequestParam'] }], body: [{ kind: 'if', test: { kind: 'type-test' } }, { kind: 'return' }] } }],
    });
  });

  it('go: short declarations, selector calls, imports with aliases', async () => {
    const ir = await irOf('go', 'package main\nimport (\n\t"os/exec"\n\tf "fmt"\n)\nfunc H(q string) {\n\tcmd := exec.Command("sh", "-c", q)\n\t_ = f.Sprintf("%s", q)\n}\n');
    expect(ir[0]).toEqual({ kind: 'import', module: 'os/exec', bindings: [{ imported: '*', local: 'exec' }] });
    expect(ir[1]).toEqual({ kind: 'import', module: 'fmt', bindings: [{ imported: '*', local: 'f' }] });
    expect(ir[2]).toMatchObject({ kind: 'function', fn: { name: 'H', body: [{ kind: 'assign', declared: true, value: { kind: 'call', callee: { kind: 'member', property: 'Command' } } }, { kind: 'assign' }] } });
  });

  it('php: superglobals, interpolated strings, concatenation, use', async () => {
    const ir = await irOf('php', '<?php\nuse App\\Db as D;\n$q = $_GET["id"];\nmysqli_query($c, "SELECT $q" . $x);\n');
    expect(ir[0]).toEqual({ kind: 'import', module: 'App\\Db', bindings: [{ imported: 'Db', local: 'D' }] });
    expect(ir[1]).toMatchObject({ kind: 'expr', expr: { kind: 'assign', target: { name: '$q' }, value: { kind: 'index', object: { name: '$_GET' }, index: { value: 'id' } } } });
    expect(ir[2]).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{}, { value: { kind: 'binary', op: '.', left: { kind: 'template' } } }] } });
  });

  it('ruby: require, interpolation, blocks as function arguments, Foo.new', async () => {
    const ir = await irOf('ruby', 'require "open3"\nsystem("ls #{dir}")\nitems.each { |i| puts i }\nFoo.new(x)\n');
    expect(ir[0]).toEqual({ kind: 'import', module: 'open3', bindings: [] });
    expect(ir[1]).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{ value: { kind: 'template' } }] } });
    expect(ir[2]).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{ value: { kind: 'function', fn: { params: [{ name: 'i' }] } } }] } });
    expect(ir[3]).toMatchObject({ kind: 'expr', expr: { kind: 'call', isNew: true, callee: { name: 'Foo' } } });
  });

  it('csharp: using, attributes, interpolated strings, object creation', async () => {
    const ir = await irOf('csharp', 'using System.Diagnostics;\nnamespace N { class A { [HttpGet] public void M([FromQuery] string q) { var s = $"a {q}"; Process.Start("cmd", s); new SqlCommand("x" + q); } } }');
    expect(ir[0]).toEqual({ kind: 'import', module: 'System.Diagnostics', bindings: [{ imported: '*', local: 'System.Diagnostics' }] });
    expect(ir[1]).toMatchObject({
      kind: 'class',
      body: [{ kind: 'function', fn: { name: 'M', decorators: [{ name: 'HttpGet' }], params: [{ name: 'q', annotations: ['FromQuery'] }], body: [{ kind: 'assign', value: { kind: 'template' } }, { kind: 'expr' }, { kind: 'expr', expr: { isNew: true } }] } }],
    });
  });

  it('syntax errors leave the rest of the file and a notice', async () => {
    await initLanguages(['python']);
    const result = translateSource('python', 'bad.py', 'def f(:\n    pass\nos.system(x)\n');
    expect(result.module?.errorCount).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.code)).toContain('sast-syntax-error');
    expect(JSON.stringify(result.module?.body)).toContain('"property":"system"');
  });

  it('deep nesting is cut at the depth limit with a notice, not a stack overflow', async () => {
    await initLanguages(['javascript']);
    const deep = `x = ${'(\n'.repeat(3000)}1${')\n'.repeat(3000)};`;
    const result = translateSource('javascript', 'deep.js', deep);
    expect(result.problems.map((p) => p.code)).toContain('sast-nesting-too-deep');
  });

  it('minified and oversized files are skipped with notices', async () => {
    await initLanguages(['javascript']);
    expect(translateSource('javascript', 'm.js', `var a=1;${'b+=1;'.repeat(5000)}`).problems[0]?.code).toBe('sast-minified-file');
    expect(translateSource('javascript', 'l.js', 'x\n'.repeat(1_100_000)).problems[0]?.code).toBe('sast-file-too-large');
  });

  it('a 50,000-line file translates in bounded time', async () => {
    await initLanguages(['python']);
    const text = Array.from({ length: 50_000 }, (_, i) => `v${i} = f(${i}, "s") + g(v${i})`).join('\n');
    const started = process.cpuUsage();
    const result = translateSource('python', 'big.py', text);
    const used = process.cpuUsage(started);
    expect(result.module?.body).toHaveLength(50_000);
    expect((used.user + used.system) / 1e6).toBeLessThan(20);
  });

  it('smoke: a real JavaScript file from node_modules translates with no syntax error', async () => {
    const module = await moduleOf('javascript', readFileSync('node_modules/semver/classes/range.js', 'utf8'), 'range.js');
    expect(module.errorCount).toBe(0);
    expect(module.body.length).toBeGreaterThan(3);
  });

  const snippets: [Language, string, unknown][] = [
    ['python', 'os.system($CMD)', { kind: 'call', callee: { kind: 'member', property: 'system' }, args: [{ value: { kind: 'name', name: '$CMD' } }] }],
    ['javascript', 'eval(...)', { kind: 'call', args: [{ value: { kind: 'ellipsis' } }] }],
    ['java', 'Runtime.getRuntime().exec($...ARGS)', { kind: 'call', args: [{ value: { kind: 'name', name: '$...ARGS' } }] }],
    ['go', 'exec.Command($X, ...)', { kind: 'call', args: [{ value: { name: '$X' } }, { value: { kind: 'ellipsis' } }] }],
    ['php', 'mysqli_query($C, $_GET[...])', { kind: 'call', args: [{ value: { name: '$C' } }, { value: { kind: 'index', object: { name: '$_GET' } } }] }],
    ['ruby', 'system($X)', { kind: 'call', args: [{ value: { name: '$X' } }] }],
    ['csharp', 'Process.Start($X, ...)', { kind: 'call', args: [{ value: { name: '$X' } }, { value: { kind: 'ellipsis' } }] }],
  ];
  for (const [language, code, expected] of snippets) {
    it(`snippet (${language}): ${code}`, async () => {
      await initLanguages([language]);
      const result = translateSnippet(language, code);
      expect(result.ok).toBe(true);
      if (result.ok) expect(withoutSpans(result.value.expr)).toMatchObject(expected as object);
    });
  }
});
