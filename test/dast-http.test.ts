import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../src/analyzers/dast/crawl/crawler.js';
import { HttpClient } from '../src/analyzers/dast/http/client.js';
import { CookieJar } from '../src/analyzers/dast/http/cookies.js';
import { createScope } from '../src/analyzers/dast/http/scope.js';
import { html, startServer, type TestServer } from './dast/harness.js';

function client(hosts: string[], extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  const made = createScope({ hosts, exclude: ['/logout'] });
  if ('error' in made) throw new Error(made.error);
  return new HttpClient({ scope: made.scope, requestsPerSecond: 0, concurrency: 4, timeoutMs: 2000, maxBodyBytes: 64 * 1024, allowDestructive: false, ...extra });
}

describe('dast http client and crawler', () => {
  let app: TestServer;
  let outside: TestServer;

  beforeAll(async () => {
    outside = await startServer((_req, res) => html(res, 'outside'));
    app = await startServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/') return html(res, `<a href="/a">a</a> <a href="${outside.url}secret">off-site</a> <a href="/logout">out</a> <a href="/go">go</a> <form action="/search"><input name="q"></form>`);
      if (path === '/a') return html(res, '<a href="/b?id=1">b</a>', { 'Set-Cookie': 'sid=abc; HttpOnly' });
      if (path === '/b') return html(res, `cookie=${req.headers.cookie ?? ''}`);
      if (path === '/go') {
        res.writeHead(302, { Location: '/landing' });
        return res.end();
      }
      if (path === '/away') {
        res.writeHead(302, { Location: `${outside.url}trap` });
        return res.end();
      }
      if (path === '/big') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return res.end('x'.repeat(200_000));
      }
      if (path === '/slow') {
        setTimeout(() => html(res, 'late'), 1500);
        return undefined;
      }
      if (path === '/robots.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return res.end('User-agent: *\nDisallow: /hidden\nSitemap: /sitemap.xml\n');
      }
      if (path === '/sitemap.xml') {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        return res.end(`<urlset><url><loc>${app.origin}/mapped</loc></url></urlset>`);
      }
      return html(res, `page ${path ?? ''}`);
    });
  });
  afterAll(async () => {
    await app.close();
    await outside.close();
  });

  it('crawls links, forms, redirects, robots.txt and sitemaps, and never requests out-of-scope links', async () => {
    const http = client(['127.0.0.1:' + new URL(app.url).port]);
    const result = await crawl(http, app.url, { maxPages: 50, maxDepth: 5, maxDurationMs: 10_000, submitForms: true, concurrency: 2 });
    const paths = app.requests.map((r) => r.url.split('?')[0]);
    expect(paths).toEqual(expect.arrayContaining(['/', '/a', '/b', '/go', '/landing', '/hidden', '/mapped', '/search', '/robots.txt', '/sitemap.xml']));
    expect(outside.requests).toEqual([]);
    expect(paths).not.toContain('/logout');
    expect(http.refusedUrls.some((u) => u.startsWith(outside.origin))).toBe(false);
    expect(result.targets.map((t) => t.label)).toEqual(expect.arrayContaining(['/search', '/b']));
    // The cookie set on /a came back on /b.
    expect(result.pages.find((p) => p.url.includes('/b?'))?.exchange.response.body).toContain('cookie=sid=abc');
  });

  it('refuses a redirect and a direct request that leave the scope', async () => {
    const http = client(['127.0.0.1:' + new URL(app.url).port]);
    const hops = await http.follow({ method: 'GET', url: `${app.origin}/away` });
    expect(hops.ok && hops.value.length).toBe(1);
    const direct = await http.send({ method: 'GET', url: `${outside.origin}/direct` });
    expect(direct.ok ? 'sent' : direct.error.code).toBe('out-of-scope');
    expect(outside.requests).toEqual([]);
  });

  it('sends destructive methods only when allowed', async () => {
    const denied = await client(['127.0.0.1']).send({ method: 'DELETE', url: `${app.origin}/x` });
    expect(denied.ok ? 'sent' : denied.error.code).toBe('destructive-method');
    const allowed = await client(['127.0.0.1'], { allowDestructive: true }).send({ method: 'DELETE', url: `${app.origin}/x` });
    expect(allowed.ok).toBe(true);
  });

  it('honours the rate limit, the body size limit and the timeout', async () => {
    const limited = client(['127.0.0.1'], { requestsPerSecond: 10 });
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => limited.send({ method: 'GET', url: `${app.origin}/a` })));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(480);
    const big = await client(['127.0.0.1']).send({ method: 'GET', url: `${app.origin}/big` });
    expect(big.ok && big.value.response.truncated).toBe(true);
    expect(big.ok && big.value.response.body.length).toBe(64 * 1024);
    const slow = await client(['127.0.0.1'], { timeoutMs: 300 }).send({ method: 'GET', url: `${app.origin}/slow` });
    expect(slow.ok ? 'sent' : slow.error.code).toBe('timeout');
  });

  it('adds custom headers, a bearer token and given cookies to every request', async () => {
    const jar = new CookieJar();
    jar.addHeader('team=blue; lang=en');
    const http = client(['127.0.0.1'], { headers: { Authorization: 'Bearer t0k', 'X-Team': 'blue' }, cookies: jar });
    const sent = await http.send({ method: 'GET', url: `${app.origin}/h` });
    const headers = sent.ok ? Object.fromEntries(sent.value.request.headers.map(([k, v]) => [k.toLowerCase(), v])) : {};
    expect(headers).toMatchObject({ authorization: 'Bearer t0k', 'x-team': 'blue', cookie: 'team=blue; lang=en' });
  });
});
