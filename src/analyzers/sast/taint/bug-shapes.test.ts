import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { focus, runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python', 'javascript', 'typescript']);
});

/** Lines of the findings in a file given as an array of lines (1-based). */
const linesOf = (rule: ReturnType<typeof taintRule>, path: string, code: string[]): number[] => runOn(rule, { [path]: code.join('\n') }).map((f) => f.line);

describe('analyzers/sast/taint: real shapes of bugs and their safe look-alikes', () => {
  it('Python path traversal: joined paths, helpers, basename and prefix checks', () => {
    const rule = taintRule('python', {
      sources: ['request.args', 'request.form'],
      sinks: [focus('open($P, ...)', '$P'), 'send_file(...)'],
      sanitizers: ['os.path.basename(...)', 'secure_filename(...)'],
    });
    const code = [
      'UPLOADS = "/srv/uploads"',
      'def path_for(name):',
      '    return os.path.join(UPLOADS, name)',
      '@app.route("/a")',
      'def a():',
      '    return open(path_for(request.args["f"])).read()',
      '@app.route("/b")',
      'def b():',
      '    return open(os.path.join(UPLOADS, os.path.basename(request.args["f"]))).read()',
      '@app.route("/c")',
      'def c():',
      '    full = os.path.realpath(os.path.join(UPLOADS, request.args["f"]))',
      '    if not full.startswith(UPLOADS + os.sep):',
      '        abort(404)',
      '    return send_file(full)',
      '@app.route("/d")',
      'def d():',
      '    name = secure_filename(request.form["name"])',
      '    open(os.path.join(UPLOADS, name), "wb").write(b"")',
      '    return send_file(request.form["name"])',
      '',
    ];
    expect(linesOf(rule, 'files.py', code)).toEqual([6, 20]);
  });

  it('Python SSRF: URL built from input, a fixed host with an input path, an allow-list map', () => {
    const rule = taintRule('python', {
      sources: ['request.args'],
      sinks: [focus('requests.get($U, ...)', '$U'), focus('urllib.request.urlopen($U, ...)', '$U')],
      sanitizers: [{ kind: 'all', items: [{ kind: 'pattern', source: '"$BASE" + $X' }, { kind: 'metavariable-regex', metavariable: '$BASE', regex: '^https://[^/]+/' }] }],
    });
    const code = [
      'import requests',
      'from urllib.request import urlopen',
      'SERVICES = {"news": "https://news.internal/"}',
      'def a():',
      '    url = request.args["url"]',
      '    return requests.get(url, timeout=3).text',
      'def b():',
      '    return urlopen("http://" + request.args["host"] + "/status").read()',
      'def c():',
      '    return requests.get("https://api.example.com/" + request.args["id"]).text',
      'def e():',
      '    return requests.get(SERVICES.get(request.args["svc"], SERVICES["news"])).text',
      '',
    ];
    expect(linesOf(rule, 'fetch.py', code)).toEqual([6, 8]);
  });

  it('JavaScript XSS: res.send of request data, templates, escaping, JSON', () => {
    const rule = taintRule('javascript', {
      sources: ['$REQ.query', '$REQ.params', '$REQ.body'],
      sinks: [focus('$RES.send($X)', '$X'), focus('$RES.write($X)', '$X'), focus('$EL.innerHTML = $X', '$X')],
      sanitizers: ['escapeHtml(...)', 'DOMPurify.sanitize(...)', 'JSON.stringify(...)'],
    });
    const code = [
      "const escapeHtml = require('escape-html');",
      "app.get('/hello', (req, res) => {",
      '  const name = req.query.name;',
      '  res.send(`<h1>Hello ${name}</h1>`);',
      '});',
      "app.get('/safe', (req, res) => {",
      '  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);',
      '  res.write(JSON.stringify({ q: req.query.q }));',
      '  res.send(String(req.query.page.length));',
      '});',
      'function render(el, req) {',
      "  const html = ['<li>', req.body.item, '</li>'].join('');",
      '  el.innerHTML = html;',
      '}',
      '',
    ];
    expect(linesOf(rule, 'xss.js', code)).toEqual([4, 13]);
  });

  it('TypeScript: typed handlers, awaits and a service class', () => {
    const rule = taintRule('typescript', { sources: ['$REQ.query', '$REQ.body'], sinks: [focus('$DB.query($Q, ...)', '$Q')] });
    const code = [
      "import type { Request, Response } from 'express';",
      'class Users {',
      '  constructor(private db: Pool) {}',
      '  async byName(name: string): Promise<unknown> {',
      "    return this.db.query(`SELECT * FROM users WHERE name = '${name}'`);",
      '  }',
      '  async byId(id: number): Promise<unknown> {',
      "    return this.db.query('SELECT * FROM users WHERE id = $1', [id]);",
      '  }',
      '}',
      'const users = new Users(pool);',
      'export async function handler(req: Request, res: Response): Promise<void> {',
      '  const name = (await Promise.resolve(req.query.name)) as string;',
      '  res.json(await new Users(pool).byName(name));',
      '  res.json(await users.byId(Number(req.query.id)));',
      '}',
      '',
    ];
    expect(linesOf(rule, 'users.ts', code)).toEqual([5]);
  });
});
