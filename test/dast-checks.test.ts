import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { ScanReport } from '../src/core/report.js';
import { dastOptions, type DastOptions } from '../src/analyzers/dast/options.js';
import { runDast } from '../src/analyzers/dast/scanner.js';
import { commandApp, miscApp, sqlApp, traversalApp, xssApp, xxeCorsApp } from './dast/apps/injection-apps.js';
import { httpsApp, passiveApp } from './dast/apps/passive-apps.js';
import { startServer, type Handler, type TestServer } from './dast/harness.js';

const servers: TestServer[] = [];
const temp = mkdtempSync(join(tmpdir(), 'bulwark-dast-'));
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(temp, { recursive: true, force: true });
});

async function serve(handler: Handler | Promise<Handler>, tls?: { key: string; cert: string }): Promise<TestServer> {
  const server = await startServer(await handler, tls);
  servers.push(server);
  return server;
}

function scan(url: string, extra: Partial<DastOptions> = {}): Promise<ScanReport> {
  return runDast(dastOptions({ url, requestsPerSecond: 0, concurrency: 4, timeDelayMs: 300, maxDurationMs: 20_000, timeoutMs: 5000, ...extra }));
}

/** The finding for a rule at a path (and parameter), with its evidence checked. */
function expectFinding(report: ScanReport, ruleId: string, path: string, param?: string): Finding {
  const finding = report.findings.find((f) => f.ruleId === ruleId && f.location.kind === 'http' && f.location.path === path && (param === undefined || f.location.param === param));
  const seen = report.findings.map((f) => (f.location.kind === 'http' ? `${f.ruleId} ${f.location.method} ${f.location.path} ${f.location.param}` : f.ruleId));
  expect(finding, `${ruleId} at ${path} ${param ?? ''}; found: ${seen.join(' | ')}`).toBeDefined();
  const evidence = (finding as Finding).evidence;
  expect(evidence?.summary).toBeTruthy();
  expect(evidence?.request?.url).toContain(path.split('/')[1] ?? '');
  expect(evidence?.response?.statusCode).toBeGreaterThan(0);
  return finding as Finding;
}

function listing(report: ScanReport): string[] {
  return report.findings.map((f) => (f.location.kind === 'http' ? `${f.ruleId} ${f.location.method} ${f.location.path} ${f.location.param} :: ${f.evidence?.summary ?? ''}` : f.ruleId));
}

function activeRules(report: ScanReport): string[] {
  const passive = /^dast-(csp|hsts|x-content|frame|cookie|version|stack|mixed|directory|secret|email|private-ip)/;
  return [...new Set(report.findings.map((f) => f.ruleId).filter((id) => !passive.test(id)))].sort();
}

describe('dast checks against planted vulnerabilities and their fixed twins', () => {
  it('xss: reflected in HTML text, attribute and script string; stored in comments', async () => {
    const app = await serve(xssApp(false));
    const report = await scan(app.url, { checks: ['xss'] });
    expectFinding(report, 'dast-xss-reflected', '/search', 'q');
    expectFinding(report, 'dast-xss-reflected', '/profile', 'name');
    expectFinding(report, 'dast-xss-reflected', '/greet', 'name');
    const stored = expectFinding(report, 'dast-xss-stored', '/comments', 'text');
    expect(stored.evidence?.supportingMessages?.[0]?.request?.method).toBe('POST');
    expect(activeRules(report)).toEqual(['dast-xss-reflected', 'dast-xss-stored']);
  });

  it('sql injection: error-based, boolean-based and time-based', async () => {
    const app = await serve(sqlApp(false));
    const report = await scan(app.url, { checks: ['sql-injection'] });
    expect(expectFinding(report, 'dast-sql-injection', '/product', 'id').evidence?.summary).toMatch(/Error-based.*SQLite/);
    expect(expectFinding(report, 'dast-sql-injection', '/search', 'q').evidence?.summary).toMatch(/Boolean-based/);
    expect(expectFinding(report, 'dast-sql-injection', '/lookup', 'name').evidence?.summary).toMatch(/Time-based/);
  });

  it('command injection: output-based and time-based', async () => {
    const app = await serve(commandApp(false));
    const report = await scan(app.url, { checks: ['command-injection'] });
    expect(expectFinding(report, 'dast-command-injection', '/ping', 'host').evidence?.summary).toMatch(/Output-based/);
    expect(expectFinding(report, 'dast-command-injection', '/notify', 'to').evidence?.summary).toMatch(/Time-based/);
  });

  it('path traversal in a query parameter and a path segment', async () => {
    const root = join(temp, 'docs');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'report.txt'), 'quarterly report');
    writeFileSync(join(root, 'readme.txt'), 'read me');
    const app = await serve(traversalApp(false, root));
    const report = await scan(app.url, { checks: ['path-traversal'] });
    expect(expectFinding(report, 'dast-path-traversal', '/download', 'file').evidence?.response?.body).toContain('root:x:0:0');
    expectFinding(report, 'dast-path-traversal', '/docs/readme.txt', 'path[1]');
    expect(activeRules(report)).toEqual(['dast-path-traversal']);
  });

  it('open redirect, SSRF, CRLF injection and template injection', async () => {
    const app = await serve(miscApp(false));
    const report = await scan(app.url, { checks: ['open-redirect', 'ssrf', 'crlf', 'ssti'] });
    expectFinding(report, 'dast-open-redirect', '/login', 'next');
    expectFinding(report, 'dast-ssrf', '/fetch', 'url');
    expectFinding(report, 'dast-ssrf', '/webhook', 'callback');
    expectFinding(report, 'dast-crlf-injection', '/set-lang', 'lang');
    expectFinding(report, 'dast-ssti', '/hello', 'name');
    expect(activeRules(report)).toEqual(['dast-crlf-injection', 'dast-open-redirect', 'dast-ssrf', 'dast-ssti']);
  });

  it('XXE on an XML endpoint and CORS reflecting any origin with credentials', async () => {
    const app = await serve(xxeCorsApp(false));
    const report = await scan(app.url, { checks: ['xxe', 'cors'] });
    expect(expectFinding(report, 'dast-xxe', '/import').evidence?.request?.body).toContain('<!ENTITY');
    expectFinding(report, 'dast-cors-reflected-origin', '/api/me');
  });

  it('passive: headers, cookies, versions, stack traces, directory listing, secrets, weak CSP', async () => {
    const app = await serve(passiveApp(false));
    const report = await scan(app.url, { passiveOnly: true });
    for (const rule of ['dast-csp-missing', 'dast-frame-protection-missing']) expect(report.findings.filter((f) => f.ruleId === rule)).toHaveLength(1);
    expectFinding(report, 'dast-cookie-no-httponly', '/login', 'session');
    expectFinding(report, 'dast-cookie-no-samesite', '/login', 'session');
    expectFinding(report, 'dast-version-disclosure', '/about', 'Server');
    expectFinding(report, 'dast-version-disclosure', '/about', 'x-powered-by');
    expectFinding(report, 'dast-stack-trace', '/error');
    expectFinding(report, 'dast-stack-trace', '/py-error');
    expectFinding(report, 'dast-directory-listing', '/files/');
    expect(report.findings.filter((f) => f.ruleId === 'dast-secret-in-response').length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(report.findings)).not.toContain('IOSFODNN7EXAMPLQ');
    expectFinding(report, 'dast-csp-weak', '/weak-csp');
  });

  it.skipIf(!existsSync('/usr/bin/openssl'))('passive on HTTPS: mixed content, missing HSTS, cookie without Secure', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(temp, 'key.pem'), '-out', join(temp, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const tls = { key: readFileSync(join(temp, 'key.pem'), 'utf8'), cert: readFileSync(join(temp, 'cert.pem'), 'utf8') };
    const bad = await serve(httpsApp(false), tls);
    const good = await serve(httpsApp(true), tls);
    const report = await scan(bad.url, { passiveOnly: true });
    expectFinding(report, 'dast-mixed-content', '/');
    expectFinding(report, 'dast-hsts-missing', '/');
    expectFinding(report, 'dast-cookie-no-secure', '/', 'sid');
    expect(listing(await scan(good.url, { passiveOnly: true }))).toEqual([]);
  });

  it('reports nothing on any fixed twin, with every check family on', async () => {
    const root = join(temp, 'fixed-docs');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'report.txt'), 'quarterly report');
    writeFileSync(join(root, 'readme.txt'), 'read me');
    const apps = await Promise.all([xssApp(true), sqlApp(true), commandApp(true), traversalApp(true, root), miscApp(true), xxeCorsApp(true), passiveApp(true)].map((h) => serve(h)));
    const reports = await Promise.all(apps.map((app) => scan(app.url)));
    for (const report of reports) expect(listing(report), report.target).toEqual([]);
  });
});
