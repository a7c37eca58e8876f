import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python', 'javascript']);
});

describe('analyzers/sast/taint: checks, exits, propagators and sanitizers by side effect', () => {
  const py = taintRule('python', { sources: ['request.args'], sinks: ['redirect(...)', 'os.system(...)'] });
  const lines = (code: string): number[] => runOn(py, { 'app.py': code }).map((r) => r.line);

  it('treats a value checked against an allow-list or as digits as clean where the check holds', () => {
    const code = [
      'def a():\n    u = request.args["next"]\n    if u in ALLOWED:\n        return redirect(u)\n    return redirect("/")\n',
      'def b():\n    n = request.args["n"]\n    if not n.isdigit():\n        return "bad"\n    os.system("sleep " + n)\n',
      'def c():\n    u = request.args["next"]\n    if u not in ALLOWED:\n        redirect(u)\n',
      'def e():\n    n = request.args["n"]\n    if n.isdigit():\n        pass\n    os.system("sleep " + n)\n',
    ].join('\n');
    expect(lines(code)).toEqual([16, 22]);
  });

  it('does not carry taint out of a branch that always returns', () => {
    const code = 'def a(flag):\n    v = "ls"\n    if flag:\n        v = request.args["v"]\n        return v\n    os.system(v)\n';
    expect(lines(code)).toEqual([]);
  });

  it('recognises JavaScript includes() and typeof checks', () => {
    const js = taintRule('javascript', { sources: ['req.query'], sinks: ['res.redirect(...)', 'db.query(...)'] });
    const code = [
      "app.get('/a', (req, res) => {",
      '  const to = req.query.to;',
      "  if (!ALLOWED.includes(to)) return res.status(400).end();",
      '  res.redirect(to);',
      '});',
      "app.get('/b', (req, res) => {",
      '  const id = req.query.id;',
      "  if (typeof id !== 'number') { throw new Error('bad'); }",
      '  db.query("SELECT * FROM t WHERE id = " + id);',
      '  db.query("SELECT * FROM t WHERE n = " + req.query.n);',
      '});',
    ].join('\n');
    expect(runOn(js, { 'app.js': code }).map((r) => r.line)).toEqual([10]);
  });

  it('applies rule propagators and sanitizers by side effect', () => {
    const rule = taintRule('python', {
      sources: ['request.args'],
      sinks: ['os.system(...)'],
      propagators: [{ pattern: '$TO.feed($FROM)', from: '$FROM', to: '$TO' }],
      sideEffectSanitizers: ['validate_or_abort($X)'],
    });
    const code = [
      'def a(b):\n    b.feed(request.args["x"])\n    os.system(b)\n',
      'def c():\n    v = request.args["x"]\n    validate_or_abort(v)\n    os.system(v)\n',
    ].join('\n');
    expect(runOn(rule, { 'app.py': code }).map((r) => r.line)).toEqual([3]);
  });
});

describe('analyzers/sast/taint: exits and builders', () => {
  it('treats abort() and sys.exit() as the end of a branch', () => {
    const rule = taintRule('python', { sources: ['request.args'], sinks: ['os.system(...)'] });
    const code = 'def a():\n    n = request.args["n"]\n    if not n.isdigit():\n        abort(400)\n    os.system("sleep " + n)\n\ndef b():\n    n = request.args["n"]\n    if not n.isdigit():\n        log(n)\n    os.system("sleep " + n)\n';
    expect(runOn(rule, { 'app.py': code }).map((r) => r.line)).toEqual([11]);
  });

  it('follows chained builder calls into the builder', () => {
    const rule = taintRule('javascript', { sources: ['req.query'], sinks: ['db.query(...)'] });
    const code = "app.get('/', (req, res) => {\n  const parts = [];\n  parts.push('a').push(req.query.x);\n  db.query(parts.join(' '));\n});\n";
    expect(runOn(rule, { 'app.js': code }).map((r) => r.line)).toEqual([4]);
  });
});
