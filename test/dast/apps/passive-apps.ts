import type { ServerResponse } from 'node:http';
import { html, SAFE_HEADERS, type Handler } from '../harness.js';

// The passive families: what a careless site sends, and the same site done right.

// Obviously fake credentials, in the shape real ones have (the AWS documentation example key).
const AWS_KEY = ['AKIA', 'IOSFODNN7', 'EXAMPLQ'].join('');
const PRIVATE_KEY = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2h6WkB4fOZ4Ax8WS8eL6Yk2pZ8zF', '-----END RSA PRIVATE KEY-----'].join('\n');

const NODE_TRACE = `TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (/srv/app/routes/users.js:42:17)\n    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)`;
const PY_TRACE = `Traceback (most recent call last):\n  File "/srv/app/views.py", line 12, in show\n    return items[int(idx)]\nIndexError: list index out of range`;

function page(res: ServerResponse, fixed: boolean, body: string, extra: Record<string, string> = {}): void {
  html(res, body, fixed ? { ...SAFE_HEADERS, ...extra } : { 'X-Content-Type-Options': 'nosniff', ...extra });
}

export function passiveApp(fixed: boolean): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    switch (path) {
      case '/':
        return page(res, fixed, '<a href="/login">login</a> <a href="/about">about</a> <a href="/error">error</a> <a href="/py-error">py</a> <a href="/files/">files</a> <a href="/config">config</a> <a href="/weak-csp">csp</a>');
      case '/login':
        return page(res, fixed, '<p>login</p>', { 'Set-Cookie': fixed ? 'session=abc123; HttpOnly; SameSite=Lax; Path=/' : 'session=abc123; Path=/' });
      case '/about':
        return page(res, fixed, '<p>about us</p>', fixed ? {} : { Server: 'Apache/2.4.49 (Unix)', 'X-Powered-By': 'PHP/7.4.3' });
      case '/error':
        return page(res, fixed, fixed ? '<p>Something went wrong.</p>' : `<pre>${NODE_TRACE}</pre>`);
      case '/py-error':
        return page(res, fixed, fixed ? '<p>Something went wrong.</p>' : `<pre>${PY_TRACE}</pre>`);
      case '/files/':
        return fixed
          ? page(res, fixed, '<p>Nothing to see.</p>')
          : html(res, '<h1>Index of /files/</h1><a href="backup.zip">backup.zip</a>', {});
      case '/config':
        return page(res, fixed, fixed ? '<p>Configuration is managed by the operators.</p>' : `<pre>aws_access_key_id = ${AWS_KEY}\n${PRIVATE_KEY}</pre>`);
      case '/weak-csp':
        return page(res, fixed, '<p>scripts</p>', fixed ? {} : { 'Content-Security-Policy': "script-src 'self' 'unsafe-inline' *" });
      default:
        res.writeHead(404, { 'Content-Type': 'text/plain', ...SAFE_HEADERS });
        return res.end('not found');
    }
  };
}

/** An HTTPS page loading a script over HTTP, without HSTS; the twin sends HSTS and loads over HTTPS. */
export function httpsApp(fixed: boolean): Handler {
  return (_req, res) => {
    const headers = fixed ? { ...SAFE_HEADERS, 'Strict-Transport-Security': 'max-age=31536000' } : { ...SAFE_HEADERS, 'Set-Cookie': 'sid=1; HttpOnly; SameSite=Lax' };
    html(res, `<script src="${fixed ? '/app.js' : 'http://cdn.example.com/app.js'}"></script>`, headers);
  };
}
