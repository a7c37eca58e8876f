import { describe, expect, it } from 'vitest';
import { extractHtml } from '../crawl/html.js';
import { parseRobots, parseSitemap } from '../crawl/robots.js';
import { injectionPoints, requestWith, routeOf } from '../active/target.js';
import { CookieJar } from './cookies.js';
import { createScope } from './scope.js';
import { splitUrl } from './types.js';

describe('analyzers/dast/http', () => {
  it('keeps requests inside the scope: host, port, include and exclude patterns', () => {
    const made = createScope({ hosts: ['app.test:8080', 'api.test'], include: ['^https?://[^/]+/(app|api)/'], exclude: ['logout'] });
    if ('error' in made) throw new Error(made.error);
    const { scope } = made;
    expect(scope.allows('http://app.test:8080/app/x')).toBe(true);
    expect(scope.allows('http://app.test:9090/app/x')).toBe(false);
    expect(scope.allows('https://api.test:443/api/v1')).toBe(true);
    expect(scope.allows('http://evil.test/app/x')).toBe(false);
    expect(scope.allows('http://app.test:8080/other')).toBe(false);
    expect(scope.allows('http://app.test:8080/app/logout')).toBe(false);
    expect(scope.allows('ftp://app.test:8080/app/')).toBe(false);
    expect(createScope({ hosts: ['x'], include: ['('] })).toHaveProperty('error');
  });

  it('never normalises a path it sends', () => {
    expect(splitUrl('http://h:1/a/../../etc/passwd?x=1#frag')).toMatchObject({ origin: 'http://h:1', pathAndQuery: '/a/../../etc/passwd?x=1' });
  });

  it('keeps cookies, drops expired ones', () => {
    const jar = new CookieJar();
    jar.store('sid=1; HttpOnly');
    jar.store('theme=dark');
    jar.store('theme=; Max-Age=0');
    expect(jar.header()).toBe('sid=1');
  });

  it('extracts links, forms with their fields, and loaded resources', () => {
    const facts = extractHtml(
      `<base href="/app/"><a href="page?x=1#top">p</a><a href="javascript:void(0)">j</a><script src="//cdn.test/x.js"></script>
       <form method="post" action="save"><input name="a" value="1"><input type="password" name="p"><select name="s"><option value="o1"><option value="o2" selected></select><textarea name="t">hi</textarea><input type="submit" name="go"></form>`,
      'http://h:1/start',
    );
    expect(facts.links).toEqual(['http://h:1/app/page?x=1']);
    expect(facts.resources).toEqual(['http://cdn.test/x.js']);
    expect(facts.forms[0]).toMatchObject({ action: 'http://h:1/app/save', method: 'POST' });
    expect(facts.forms[0]?.fields.map((f) => `${f.name}=${f.value}`)).toEqual(['a=1', 'p=', 's=o2', 't=hi']);
  });

  it('reads robots.txt paths and sitemaps', () => {
    expect(parseRobots('User-agent: *\nDisallow: /admin/*.php\nAllow: /pub # c\nSitemap: https://h/s.xml', 'http://h:1')).toEqual({ paths: ['http://h:1/admin/', 'http://h:1/pub'], sitemaps: ['https://h/s.xml'] });
    expect(parseSitemap('<sitemapindex><sitemap><loc>http://h/a.xml</loc></sitemap></sitemapindex>')).toEqual({ urls: ['http://h/a.xml'], isIndex: true });
  });

  it('injects into query, form, JSON and path, one place at a time', () => {
    const target = { method: 'POST', url: 'http://h/users/42', query: [['q', 'a']] as const, bodyKind: 'json' as const, form: [], json: { user: { name: 'n', age: 3 } }, pathParams: [1], source: 'test', label: 'x' };
    const points = injectionPoints(target);
    expect(points.map((p) => p.name)).toEqual(['q', 'user.name', 'user.age', 'path[1]']);
    const age = points[2];
    if (!age) throw new Error('no point');
    expect(JSON.parse(requestWith(target, age, 'X').body ?? '')).toEqual({ user: { name: 'n', age: 'X' } });
    const path = points[3];
    if (!path) throw new Error('no point');
    expect(requestWith(target, path, '../etc/passwd').url).toBe('http://h/users/..%2Fetc%2Fpasswd?q=a');
    expect(routeOf('http://h/p/12/view')).toBe('http://h/p/*/view');
  });
});
