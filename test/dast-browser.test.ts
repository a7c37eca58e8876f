import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dastOptions } from '../src/analyzers/dast/options.js';
import { runDast } from '../src/analyzers/dast/scanner.js';
import { html, query, SAFE_HEADERS, startServer, type TestServer } from './dast/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const reason = existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install -y chromium)`;

describe.skipIf(!existsSync(CHROMIUM))(`dast browser mode${reason}`, () => {
  let app: TestServer;
  let outside: TestServer;
  beforeAll(async () => {
    outside = await startServer((_req, res) => html(res, 'outside'));
    app = await startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      // The only link to /app/view is made by script; a plain crawler never sees it.
      if (path === '/') {
        return html(res, `<div id="nav"></div><img src="${outside.url}pixel.gif"><script src="/app.js"></script>`, { ...SAFE_HEADERS, 'Content-Security-Policy': "default-src 'self'; img-src *; frame-ancestors 'none'" });
      }
      if (path === '/app.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript', 'X-Content-Type-Options': 'nosniff' });
        return res.end("document.getElementById('nav').innerHTML = '<a href=\"/app/view?item=42\">item</a>';");
      }
      if (path === '/app/view') return html(res, `<p>Item ${query(req).get('item') ?? ''}</p>`, SAFE_HEADERS);
      return html(res, 'not found', SAFE_HEADERS, 404);
    });
  });
  afterAll(async () => {
    await app.close();
    await outside.close();
  });

  it('finds links made by script, routes the browser through the scope, and never loads out-of-scope resources', async () => {
    const plain = await runDast(dastOptions({ url: app.url, requestsPerSecond: 0, checks: ['xss'] }));
    expect(plain.findings.some((f) => f.ruleId === 'dast-xss-reflected')).toBe(false);
    const rendered = await runDast(dastOptions({ url: app.url, requestsPerSecond: 0, checks: ['xss'], browser: true }));
    const xss = rendered.findings.find((f) => f.ruleId === 'dast-xss-reflected');
    expect(xss?.location).toMatchObject({ path: '/app/view', param: 'item' });
    expect(outside.requests).toEqual([]);
  });
});
