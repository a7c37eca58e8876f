import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { focus, runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['javascript', 'typescript']);
});

const sources = ['$REQ.query', '$REQ.body', '$REQ.params'];
const sqli = taintRule('javascript', { sources, sinks: [focus('$DB.query($Q, ...)', '$Q')] });
const cmdi = taintRule('javascript', { sources, sinks: ['child_process.exec(...)', 'child_process.execSync(...)'] });
const redirect = taintRule('javascript', { sources, sinks: ['$RES.redirect(...)'] });

const lines = (rule: typeof sqli, code: string): number[] => runOn(rule, { 'app.js': code }).map((r) => r.line);

describe('analyzers/sast/taint: JavaScript, one function', () => {
  it('reports request data reaching a query inside an Express handler', () => {
    const code = [
      "app.get('/a', (req, res) => {",
      '  db.query("SELECT * FROM u WHERE id = " + req.query.id);',
      '});',
      "app.get('/b', function (req, res) {",
      '  const id = req.params.id;',
      '  db.query(`SELECT * FROM u WHERE id = ${id}`);',
      '});',
    ].join('\n');
    expect(lines(sqli, code)).toEqual([2, 6]);
  });

  it('does not report placeholders, numbers or constants', () => {
    const code = [
      "app.get('/a', (req, res) => {",
      '  db.query("SELECT * FROM u WHERE id = ?", [req.query.id]);',
      '  const n = parseInt(req.query.n, 10);',
      '  db.query("SELECT * FROM u LIMIT " + n);',
      '  let sort = req.query.sort;',
      "  sort = 'name';",
      '  db.query("SELECT * FROM u ORDER BY " + sort);',
      '  db.query("SELECT * FROM u WHERE a = " + Number(req.body.a));',
      '});',
    ].join('\n');
    expect(lines(sqli, code)).toEqual([]);
  });

  it('sees child_process through require aliases and destructuring', () => {
    const code = [
      "const cp = require('child_process');",
      "const { execSync } = require('child_process');",
      'function handler(req, res) {',
      '  const args = [];',
      '  args.push(req.body.file);',
      "  cp.exec('tar czf ' + args.join(' '));",
      "  execSync('ls');",
      '  const opts = {};',
      '  opts.dir = req.query.dir;',
      "  execSync('ls ' + opts.dir);",
      '}',
    ].join('\n');
    expect(lines(cmdi, code)).toEqual([6, 10]);
  });

  it('allows a redirect through an allow-list lookup, not a raw parameter', () => {
    const code = [
      "const TARGETS = { home: '/', docs: '/docs' };",
      "app.get('/go', (req, res) => {",
      '  res.redirect(TARGETS[req.query.to]);',
      '});',
      "app.get('/next', (req, res) => {",
      '  res.redirect(req.query.next);',
      '});',
    ].join('\n');
    expect(lines(redirect, code)).toEqual([6]);
  });

  it('follows this.method() calls and returns', () => {
    const code = [
      'class Repo {',
      '  where(v) { return "WHERE name = \'" + v + "\'"; }',
      '  find(req) { return db.query("SELECT * FROM t " + this.where(req.query.name)); }',
      '}',
    ].join('\n');
    expect(lines(sqli, code)).toEqual([3]);
  });
});

describe('analyzers/sast/taint: JavaScript, across files', () => {
  it('follows require() and import of a relative module', () => {
    const files = {
      'lib/db.js': 'function byName(name) {\n  return db.query("SELECT * FROM u WHERE n = \'" + name + "\'");\n}\nfunction safe(name) {\n  return db.query("SELECT * FROM u WHERE n = ?", [name]);\n}\nmodule.exports = { byName, safe };\n',
      'lib/fmt.ts': 'export function wrap(s: string): string {\n  return "(" + s + ")";\n}\n',
      'routes.js': "const repo = require('./lib/db');\nimport { wrap } from './lib/fmt';\napp.get('/u', (req, res) => {\n  repo.byName(req.query.n);\n  repo.safe(req.query.n);\n  db.query('SELECT ' + wrap(req.query.c));\n});\n",
    };
    const found = runOn(sqli, files);
    expect(found.map((r) => `${r.path}:${r.line}`)).toEqual(['lib/db.js:2', 'routes.js:6']);
    expect(found[0]?.flow.map((s) => s.split(' ')[0])).toEqual(['source@routes.js:4', 'call@routes.js:4', 'sink@lib/db.js:2']);
  });
});
