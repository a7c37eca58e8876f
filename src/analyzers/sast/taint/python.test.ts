import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { focus, runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python']);
});

const cmd = taintRule('python', {
  sources: ['request.args', 'request.form', 'input(...)'],
  sinks: ['os.system(...)', 'subprocess.call(...)'],
  sanitizers: ['shlex.quote(...)'],
});

const sql = taintRule('python', {
  sources: ['request.args', 'request.form'],
  sinks: [focus('$CUR.execute($Q, ...)', '$Q')],
});

const lines = (code: string): number[] => runOn(cmd, { 'app.py': code }).map((r) => r.line);

describe('analyzers/sast/taint: Python, one function', () => {
  it('reports a source passed straight to a sink, with the path', () => {
    const found = runOn(cmd, { 'app.py': 'import os\nfrom flask import request\n\ndef view():\n    os.system(request.args.get("c"))\n' });
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(5);
    expect(found[0]?.flow[0]).toMatch(/^source@app\.py:5 request\.args/);
    expect(found[0]?.flow.at(-1)).toMatch(/^sink@app\.py:5 os\.system/);
  });

  it('follows assignments, concatenation, f-strings and format calls', () => {
    const code = [
      'def a():\n    d = request.args["d"]\n    c = "ls " + d\n    os.system(c)\n',
      'def b():\n    d = request.args["d"]\n    os.system(f"ls {d}")\n',
      'def c():\n    d = request.form["d"]\n    os.system("ls {}".format(d))\n',
      'def e():\n    d = request.form["d"]\n    os.system("ls %s" % d)\n',
    ].join('\n');
    expect(lines(code)).toEqual([4, 8, 12, 16]);
  });

  it('does not report constants, sanitized or number-converted values', () => {
    const code = [
      'def a():\n    d = request.args["d"]\n    d = "fixed"\n    os.system(d)\n',
      'def b():\n    d = request.args["d"]\n    os.system("ls " + shlex.quote(d))\n',
      'def c():\n    n = int(request.args["n"])\n    os.system("sleep " + str(n))\n',
      'def e():\n    os.system("ls -l /tmp")\n',
    ].join('\n');
    expect(lines(code)).toEqual([]);
  });

  it('skips branches that can never run and merges the others', () => {
    const code = 'def a(c):\n    x = request.args["x"]\n    if False:\n        os.system(x)\n    if c:\n        y = x\n    else:\n        y = "a"\n    os.system(y)\n';
    expect(lines(code)).toEqual([9]);
  });

  it('follows collections, fields and loops', () => {
    const code = [
      'def a():\n    parts = ["ls"]\n    parts.append(request.args["p"])\n    os.system(" ".join(parts))\n',
      'def b(o):\n    o.cmd = request.args["p"]\n    o.safe = "ls"\n    os.system(o.safe)\n    os.system(o.cmd)\n',
      'def c():\n    out = ""\n    for w in request.args.getlist("w"):\n        out += w\n    os.system(out)\n',
      'def e():\n    d = {"k": request.args["p"]}\n    os.system(d["k"])\n',
      'def g():\n    a, b = "ls", request.args["p"]\n    os.system(b)\n',
    ].join('\n');
    expect(lines(code)).toEqual([4, 10, 16, 20, 24]);
  });

  it('tells a parameterised query from a concatenated one', () => {
    const code = [
      'def a(cur):\n    u = request.args["u"]\n    cur.execute("SELECT * FROM t WHERE u = %s", (u,))\n',
      'def b(cur):\n    u = request.args["u"]\n    cur.execute("SELECT * FROM t WHERE u = \'" + u + "\'")\n',
      'def c(cur):\n    u = request.args["u"]\n    q = "SELECT * FROM t WHERE u = \'%s\'" % u\n    cur.execute(q)\n',
    ].join('\n');
    expect(runOn(sql, { 'db.py': code }).map((r) => [r.line, r.text])).toEqual([
      [7, '"SELECT * FROM t WHERE u = \'" + u + "\'"'],
      [12, 'q'],
    ]);
  });
});

describe('analyzers/sast/taint: Python, across functions and files', () => {
  it('applies summaries: helpers that build, pass through, or drop the value', () => {
    const code = [
      'def build(x):\n    return "ls " + x\n',
      'def const(x):\n    return "ls"\n',
      'def run(c):\n    os.system(c)\n',
      'def view():\n    d = request.args["d"]\n    os.system(build(d))\n    os.system(const(d))\n    run(d)\n',
    ].join('\n');
    const found = runOn(cmd, { 'app.py': code });
    expect(found.map((r) => r.line)).toEqual([8, 12]);
    const viaRun = found.find((r) => r.line === 8);
    expect(viaRun?.flow.map((s) => s.split('@')[0])).toEqual(['source', 'assignment', 'call', 'sink']);
  });

  it('resolves self.method() to the class and handles recursion', () => {
    const code = [
      'class Svc:\n    def clean(self, v):\n        return v\n    def go(self):\n        os.system(self.clean(request.args["v"]))\n',
      'def loop(x, n):\n    if n:\n        return loop(x, n - 1)\n    return x\n',
      'def view():\n    os.system(loop(request.args["a"], 3))\n',
    ].join('\n');
    expect(lines(code)).toEqual([5, 13]);
  });

  it('follows an import of a function from another file', () => {
    const files = {
      'pkg/helpers.py': 'import os\n\ndef run(cmd):\n    os.system("sh -c " + cmd)\n\ndef ident(v):\n    return v\n',
      'pkg/views.py': 'from flask import request\nfrom .helpers import run\nfrom pkg import helpers as h\n\ndef view():\n    run(request.args["c"])\n\ndef other():\n    import os\n    os.system(h.ident(request.form["x"]))\n',
    };
    const found = runOn(cmd, files);
    expect(found.map((r) => `${r.path}:${r.line}`)).toEqual(['pkg/helpers.py:4', 'pkg/views.py:10']);
    expect(found[0]?.flow[0]).toMatch(/^source@pkg\/views\.py:6/);
  });
});
