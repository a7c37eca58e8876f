import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python', 'javascript', 'ruby']);
});

const py = taintRule('python', { sources: ['request.args'], sinks: ['os.system(...)'] });

describe('analyzers/sast/taint: summaries', () => {
  it('applies a function that returns a source to its callers, through several levels', () => {
    const code = [
      'def get_cmd():\n    return request.args["c"]\n',
      'def wrapped():\n    return "sh -c " + get_cmd()\n',
      'def view():\n    os.system(wrapped())\n',
      'def other():\n    os.system(get_cmd().strip())\n',
    ].join('\n');
    const found = runOn(py, { 'app.py': code });
    expect(found.map((f) => f.line)).toEqual([8, 11]);
    expect(found[0]?.flow.map((s) => s.split('@')[0])).toEqual(['source', 'return', 'call', 'return', 'call', 'sink']);
  });

  it('maps keyword arguments and self to the right parameters', () => {
    const code = [
      'class Runner:',
      '    def run(self, prefix, cmd):',
      '        os.system(prefix + cmd)',
      '    def safe(self, prefix, cmd):',
      '        os.system(prefix)',
      '    def go(self):',
      '        v = request.args["v"]',
      '        self.safe(cmd=v, prefix="ls")',
      '        self.run(cmd=v, prefix="ls")',
      '',
    ].join('\n');
    expect(runOn(py, { 'app.py': code }).map((f) => f.line)).toEqual([3]);
  });

  it('follows absolute imports from the scan root and from a src/ layout', () => {
    const files = {
      'src/shop/util/shell.py': 'import os\n\ndef sh(cmd):\n    os.system(cmd)\n',
      'src/shop/views.py': 'from flask import request\nfrom shop.util.shell import sh\nimport shop.util.shell as shell\n\ndef a():\n    sh(request.args["a"])\n',
      'tools/run.py': 'from flask import request\nfrom src.shop.util import shell\n\ndef b():\n    shell.sh(request.args["b"])\n',
    };
    const found = runOn(py, files);
    expect(found.map((f) => `${f.path}:${f.line}`)).toEqual(['src/shop/util/shell.py:4']);
    // One finding per sink: the shortest path wins, whichever caller it came from.
    expect(found[0]?.flow[0]).toMatch(/^source@(src\/shop\/views|tools\/run)\.py/);
  });

  it('keeps going when a call chain is recursive or deeper than the summary limit', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `def f${i}(x):\n    return f${i + 1}(x)\n`).join('\n');
    const code = `${chain}\ndef f40(x):\n    return x\n\ndef view():\n    os.system(f0(request.args["x"]))\n\ndef ping(x):\n    return pong(x)\n\ndef pong(x):\n    return ping(x)\n\ndef loop():\n    os.system(ping(request.args["y"]))\n`;
    const found = runOn(py, { 'app.py': code });
    expect(found).toHaveLength(2);
  });

  it('exports through module.exports = function and exports.name (JavaScript)', () => {
    const rule = taintRule('javascript', { sources: ['req.query'], sinks: ['eval(...)'] });
    const files = {
      'a.js': 'module.exports = function run(code) {\n  return eval(code);\n};\n',
      'b.js': 'exports.twice = function (code) {\n  eval(code + code);\n};\nexports.noop = (code) => 1;\n',
      'app.js': "const run = require('./a');\nconst b = require('./b.js');\napp.get('/', (req, res) => {\n  run(req.query.x);\n  b.twice(req.query.y);\n  b.noop(req.query.z);\n});\n",
    };
    expect(runOn(rule, files).map((f) => `${f.path}:${f.line}`)).toEqual(['a.js:2', 'b.js:2']);
  });

  it('takes the last expression of a Ruby method as its value and resolves receiver-less calls', () => {
    const rule = taintRule('ruby', { sources: ['params'], sinks: ['$M.find_by_sql(...)'] });
    const code = [
      'class UsersController',
      '  def by_email',
      '    User.find_by_sql(email_query(params[:email]))',
      '  end',
      '  def by_id',
      '    User.find_by_sql(fixed_query(params[:id]))',
      '  end',
      '  def email_query(email)',
      '    "SELECT * FROM users WHERE email = \'#{email}\'"',
      '  end',
      '  def fixed_query(id)',
      '    "SELECT * FROM users WHERE id = 1"',
      '  end',
      'end',
      '',
    ].join('\n');
    expect(runOn(rule, { 'users.rb': code }).map((f) => f.line)).toEqual([3]);
  });
});
