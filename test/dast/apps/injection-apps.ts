import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { escapeHtml, html, query, SAFE_HEADERS, type Handler } from '../harness.js';

// Planted vulnerabilities, one app per check family. `fixed` gives the twin with the same pages
// and the flaw removed, which must produce no finding at all.

function page(res: ServerResponse, body: string, status = 200): void {
  html(res, body, SAFE_HEADERS, status);
}

function index(links: string[], forms = ''): string {
  return `${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}${forms}`;
}

/** Reflected XSS in HTML text, a double-quoted attribute and a script string; stored XSS in comments. */
export function xssApp(fixed: boolean): Handler {
  const comments: string[] = [];
  const jsString = (s: string): string => JSON.stringify(s).replace(/</g, '\\u003c');
  return (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = query(req);
    switch (url.pathname) {
      case '/':
        return page(res, index(['/search?q=shoes', '/profile?name=ann', '/greet?name=bob', '/comments']));
      case '/search': {
        const term = q.get('q') ?? '';
        return page(res, `<h1>Results for ${fixed ? escapeHtml(term) : term}</h1>`);
      }
      case '/profile': {
        const name = q.get('name') ?? '';
        return page(res, `<input name="display" value="${fixed ? escapeHtml(name) : name.replace(/</g, '&lt;')}">`);
      }
      case '/greet': {
        const name = q.get('name') ?? '';
        return page(res, `<script>var user = ${fixed ? jsString(name) : `'${name.replace(/</g, '')}'`}; console.log(user);</script>`);
      }
      case '/comments':
        if (req.method === 'POST') {
          const text = new URLSearchParams(body).get('text') ?? '';
          if (comments.length < 500) comments.push(text);
          res.writeHead(303, { Location: '/comments', ...SAFE_HEADERS });
          return res.end();
        }
        return page(res, `<ul>${comments.map((c) => `<li>${fixed ? escapeHtml(c) : c}</li>`).join('')}</ul><form method="post" action="/comments"><textarea name="text"></textarea></form>`);
      default:
        return page(res, 'not found', 404);
    }
  };
}

/** Error-based (id), boolean-based (q) and time-based (name) SQL injection over a real SQLite. */
export async function sqlApp(fixed: boolean): Promise<Handler> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  let pendingDelay = 0;
  // A MySQL-style SLEEP(): the engine calls it only if injected SQL runs; the app then waits.
  db.create_function('sleep', (seconds: number) => {
    pendingDelay += Number(seconds) || 0;
    return 0;
  });
  db.run("CREATE TABLE products (id INTEGER, name TEXT, secret TEXT); INSERT INTO products VALUES (1,'hat','s1'),(2,'shoe','s2'),(3,'sock','s3');");
  const rows = (sql: string, params: (string | number)[] = []): unknown[][] => {
    const stmt = db.prepare(sql);
    stmt.bind(params);
    const out: unknown[][] = [];
    while (stmt.step()) out.push(stmt.get());
    stmt.free();
    return out;
  };
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = query(req);
    pendingDelay = 0;
    switch (url.pathname) {
      case '/':
        return page(res, index(['/product?id=1', '/search?q=hat', '/lookup?name=shoe']));
      case '/product': {
        const id = q.get('id') ?? '';
        try {
          const found = fixed ? rows('SELECT name FROM products WHERE id = ?', [id]) : rows(`SELECT name FROM products WHERE id = ${id}`);
          return page(res, `<p>${found.map((r) => escapeHtml(String(r[0]))).join(', ') || 'none'}</p>`);
        } catch (error) {
          return page(res, `<pre>Database error: ${escapeHtml(error instanceof Error ? error.message : String(error))}</pre>`, 500);
        }
      }
      case '/search': {
        const term = q.get('q') ?? '';
        let found: unknown[][];
        try {
          found = fixed ? rows('SELECT name FROM products WHERE name = ?', [term]) : rows(`SELECT name FROM products WHERE name = '${term}'`);
        } catch {
          found = [];
        }
        return page(res, `<h1>Search</h1><ul>${found.map((r) => `<li>${escapeHtml(String(r[0]))}</li>`).join('')}</ul>`);
      }
      case '/lookup': {
        const name = q.get('name') ?? '';
        try {
          if (fixed) rows('SELECT 1 FROM products WHERE name = ?', [name]);
          else rows(`SELECT 1 FROM products WHERE name = '${name}'`);
        } catch {
          // Blind: errors and results alike are invisible.
        }
        const wait = Math.min(pendingDelay, 5) * 1000;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        return page(res, '<p>Thanks, we will e-mail you.</p>');
      }
      default:
        return page(res, 'not found', 404);
    }
  };
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => execFile(file, args, { timeout: 5000 }, (_error, stdout) => resolve(stdout)));
}

/** Output-based (host) and blind time-based (to) command injection through a real shell. */
export function commandApp(fixed: boolean): Handler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = query(req);
    switch (url.pathname) {
      case '/':
        return page(res, index(['/ping?host=localhost', '/notify?to=ops']));
      case '/ping': {
        const host = q.get('host') ?? '';
        const out = fixed ? await run('echo', ['pinging', host]) : await run('sh', ['-c', `echo pinging ${host}`]);
        return page(res, `<pre>${escapeHtml(out)}</pre>`);
      }
      case '/notify': {
        const to = q.get('to') ?? '';
        if (fixed) await run('true', [to]);
        else await run('sh', ['-c', `true ${to}`]);
        return page(res, '<p>queued</p>');
      }
      default:
        return page(res, 'not found', 404);
    }
  };
}

/** Path traversal in a query parameter (file) and in a path segment (/docs/NAME). */
export function traversalApp(fixed: boolean, root: string): Handler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = query(req);
    const serve = async (name: string): Promise<void> => {
      const path = fixed ? join(root, basename(name)) : join(root, name);
      try {
        const text = await readFile(path, 'utf8');
        return page(res, `<pre>${escapeHtml(text.slice(0, 5000))}</pre>`);
      } catch {
        return page(res, 'no such file', 404);
      }
    };
    if (url.pathname === '/') return page(res, index(['/download?file=report.txt', '/docs/readme.txt']));
    if (url.pathname === '/download') return serve(q.get('file') ?? '');
    if (url.pathname.startsWith('/docs/')) return serve(decodeURIComponent(url.pathname.slice('/docs/'.length)));
    return page(res, 'not found', 404);
  };
}

/** Open redirect (next), SSRF (url), CRLF injection (lang) and SSTI (name). */
export function miscApp(fixed: boolean): Handler {
  const render = (template: string, vars: Record<string, string>): string =>
    template.replace(/\{\{\s*([^}]{1,50}?)\s*\}\}/g, (_m, expr: string) => {
      if (/^\w+$/.test(expr)) return escapeHtml(vars[expr] ?? '');
      const math = /^(\d+)\s*([*+-])\s*(\d+)$/.exec(expr);
      if (!math) return '';
      const [a, op, b] = [Number(math[1]), math[2], Number(math[3])];
      return String(op === '*' ? a * b : op === '+' ? a + b : a - b);
    });
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = query(req);
    switch (url.pathname) {
      case '/':
        return page(res, index(['/login?next=/home', '/fetch?url=https://example.com/', '/webhook?callback=https://example.com/hook', '/set-lang?lang=en', '/hello?name=ann', '/home']));
      case '/webhook': {
        // Blind and late: the answer comes first, the callback is fetched afterwards from a queue.
        const callback = q.get('callback') ?? '';
        let loopback: boolean;
        try {
          loopback = /^(127\.0\.0\.1|localhost)$/.test(new URL(callback).hostname);
        } catch {
          loopback = false;
        }
        if (!fixed && loopback) setTimeout(() => void fetch(callback, { signal: AbortSignal.timeout(2000) }).catch(() => undefined), 250);
        return page(res, '<p>subscribed</p>', 202);
      }
      case '/login': {
        const next = q.get('next') ?? '/';
        const safe = next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
        res.writeHead(302, { Location: fixed ? safe : next, ...SAFE_HEADERS });
        return res.end();
      }
      case '/fetch': {
        const target = q.get('url') ?? '';
        let host: string;
        try {
          host = new URL(target).hostname;
        } catch {
          return page(res, 'bad url', 400);
        }
        // The app never reaches example.com in tests: only the scan's canary (loopback) is ever fetched.
        if (fixed ? host !== 'example.com' : !/^(127\.0\.0\.1|localhost)$/.test(host)) return page(res, '<p>preview unavailable</p>');
        if (fixed) return page(res, '<p>preview unavailable</p>');
        const text = await fetch(target, { signal: AbortSignal.timeout(2000) }).then((r) => r.text(), () => '');
        return page(res, `<p>${escapeHtml(text.slice(0, 100))}</p>`);
      }
      case '/set-lang': {
        const lang = q.get('lang') ?? 'en';
        if (fixed) {
          res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Language': encodeURIComponent(lang), ...SAFE_HEADERS });
          return res.end('<p>ok</p>');
        }
        // Raw header writing, as old frameworks did: CR/LF in the value split the header block.
        const head = [`HTTP/1.1 200 OK`, 'Content-Type: text/html', `Content-Language: ${lang}`, ...Object.entries(SAFE_HEADERS).map(([k, v]) => `${k}: ${v}`), 'Content-Length: 9', 'Connection: close'];
        res.socket?.end(`${head.join('\r\n')}\r\n\r\n<p>ok</p>`);
        return undefined;
      }
      case '/hello': {
        const name = q.get('name') ?? '';
        const out = fixed ? render('<p>Hello {{ name }}</p>', { name }) : render(`<p>Hello ${escapeHtml(name)}</p>`, {});
        return page(res, out);
      }
      case '/home':
        return page(res, '<p>home</p>');
      default:
        return page(res, 'not found', 404);
    }
  };
}

/** XXE on an XML import endpoint (file and URL entities), and CORS on two API routes. */
export function xxeCorsApp(fixed: boolean): Handler {
  const allowed = 'https://app.example.com';
  return async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/':
        return page(res, `${index(['/api/me', '/api/public'])}<form method="post" action="/import"><textarea name="doc"></textarea></form>`);
      case '/import': {
        if (!/xml/.test(req.headers['content-type'] ?? '')) return page(res, '<p>send XML</p>');
        let doc = body;
        if (!fixed) {
          // A naive DTD processor: external entities are fetched, as libxml2 with NOENT did.
          const entities = [...body.matchAll(/<!ENTITY\s+(\w+)\s+SYSTEM\s+"([^"]+)"\s*>/g)];
          for (const [, name, uri] of entities) {
            let text = '';
            if (uri?.startsWith('file://')) text = await readFile(uri.slice('file://'.length), 'utf8').catch(() => '');
            else if (uri?.startsWith('http://127.0.0.1')) text = await fetch(uri).then((r) => r.text(), () => '');
            doc = doc.split(`&${name ?? ''};`).join(text);
          }
        }
        const content = /<(\w+)>([\s\S]*)<\/\1>\s*$/.exec(doc.replace(/<!DOCTYPE[\s\S]*?\]>/, ''))?.[2] ?? '';
        return page(res, `<pre>imported: ${escapeHtml(content.slice(0, 2000))}</pre>`);
      }
      case '/api/me':
      case '/api/public': {
        const origin = req.headers.origin;
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' };
        if (origin !== undefined) {
          if (!fixed) {
            headers['Access-Control-Allow-Origin'] = origin;
            headers['Access-Control-Allow-Credentials'] = 'true';
          } else if (origin === allowed) {
            headers['Access-Control-Allow-Origin'] = allowed;
            headers['Access-Control-Allow-Credentials'] = 'true';
          }
        }
        res.writeHead(200, headers);
        return res.end('{"user":"ann"}');
      }
      default:
        return page(res, 'not found', 404);
    }
  };
}
