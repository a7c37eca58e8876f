import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dastOptions } from '../src/analyzers/dast/options.js';
import { runDast } from '../src/analyzers/dast/scanner.js';
import { html, SAFE_HEADERS, startServer, type TestServer } from './dast/harness.js';

// A site that misbehaves in every way a real one can: the scan must finish, bounded, with notices.
describe('dast against a hostile site', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      switch (path) {
        case '/':
          return html(
            res,
            ['/huge', '/binary', '/deep', '/loop', '/hang', '/reset', '/bad-cookie', '/bad-location', '/many-links', '/gzip-lie'].map((p) => `<a href="${p}?x=1">${p}</a>`).join(''),
            SAFE_HEADERS,
          );
        case '/huge':
          res.writeHead(200, { 'Content-Type': 'text/html', ...SAFE_HEADERS });
          for (let i = 0; i < 64; i++) res.write(`<p>${'A'.repeat(64 * 1024)}</p>`);
          return res.end();
        case '/binary':
          res.writeHead(200, { 'Content-Type': 'text/html', ...SAFE_HEADERS });
          return res.end(Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256)));
        case '/deep':
          return html(res, `${'<div>'.repeat(100_000)}<a href="/bottom">b</a>`, SAFE_HEADERS);
        case '/loop':
          res.writeHead(302, { Location: '/loop?x=1', ...SAFE_HEADERS });
          return res.end();
        case '/hang':
          return undefined;
        case '/reset':
          req.socket.destroy();
          return undefined;
        case '/bad-cookie':
          return html(res, 'c', { ...SAFE_HEADERS, 'Set-Cookie': ';;=;;; Max-Age=abc; Expires=never' });
        case '/bad-location':
          res.writeHead(302, { Location: 'http://[::zz]/%%', ...SAFE_HEADERS });
          return res.end();
        case '/many-links':
          return html(res, Array.from({ length: 5000 }, (_, i) => `<a href="/gen/${i}">${i}</a>`).join(''), SAFE_HEADERS);
        case '/gzip-lie':
          res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', ...SAFE_HEADERS });
          return res.end('not gzip at all');
        default:
          return html(res, 'x', SAFE_HEADERS);
      }
    });
  });
  afterAll(() => app.close());

  it('finishes within its limits and reports what it could not do', async () => {
    const started = Date.now();
    const report = await runDast(dastOptions({ url: app.url, requestsPerSecond: 0, timeoutMs: 1000, maxPages: 60, maxBodyBytes: 256 * 1024, timeDelayMs: 300, checks: ['xss', 'path-traversal'] }));
    expect(Date.now() - started).toBeLessThan(40_000);
    // 60 requests, plus the hops of redirects that stay in scope (at most five each).
    expect(report.stats.filesScanned).toBeLessThanOrEqual(66);
    const notices = report.runs.flatMap((run) => run.problems).map((p) => p.code);
    expect(notices).toEqual(expect.arrayContaining(['crawl-limit', 'timeout']));
    expect(report.findings.filter((f) => !f.ruleId.startsWith('dast-')).length).toBe(0);
  });
});
