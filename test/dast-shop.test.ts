import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../src/core/report.js';
import { dastOptions } from '../src/analyzers/dast/options.js';
import { runDast } from '../src/analyzers/dast/scanner.js';
import { shopApp } from './dast/apps/shop-app.js';
import { startServer, type TestServer } from './dast/harness.js';

const temp = mkdtempSync(join(tmpdir(), 'bulwark-shop-'));
const files = join(temp, 'files');

function has(report: ScanReport, ruleId: string, path: string, param?: string): boolean {
  return report.findings.some((f) => f.ruleId === ruleId && f.location.kind === 'http' && f.location.path === path && (param === undefined || f.location.param === param));
}

function listing(report: ScanReport): string {
  return report.findings.map((f) => (f.location.kind === 'http' ? `${f.ruleId} ${f.location.method} ${f.location.path} ${f.location.param}` : f.ruleId)).join('\n');
}

describe('dast against a realistic multi-page shop', () => {
  let shop: Awaited<ReturnType<typeof shopApp>>;
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'catalog.txt'), 'Dune 9.50\nEmma 5.00\n');
    shop = await shopApp({ filesDir: files, sessionRequests: 60 });
    server = await startServer(shop.handler);
  });
  afterAll(async () => {
    await server.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('finds the planted flaws of the public pages and, logged in, the one behind the login (logging in again when the session ends)', async () => {
    const report = await runDast(
      dastOptions({
        url: server.url,
        requestsPerSecond: 0,
        timeDelayMs: 300,
        auth: { url: `${server.origin}/login`, username: 'alice', password: 'wonderland', verifyPattern: 'Log out', verifyUrl: `${server.origin}/account` },
      }),
    );
    const text = listing(report);
    expect(has(report, 'dast-sql-injection', '/search', 'q'), text).toBe(true);
    expect(has(report, 'dast-xss-stored', '/reviews', 'review'), text).toBe(true);
    expect(has(report, 'dast-path-traversal', '/download', 'file'), text).toBe(true);
    expect(has(report, 'dast-open-redirect', '/login', 'next'), text).toBe(true);
    expect(has(report, 'dast-xss-reflected', '/orders', 'id'), text).toBe(true);
    expect(shop.state.logins).toBeGreaterThan(1);
    // The logout link was never followed, and no request left the app.
    expect(server.requests.some((r) => r.url.startsWith('/logout'))).toBe(false);
    expect(report.scannedResources?.some((r) => r.url.endsWith('/reviews'))).toBe(true);
  });

  it('logs in again when the session expires in the middle of the attacks', async () => {
    const short = await shopApp({ filesDir: files, sessionRequests: 15 });
    const app = await startServer(short.handler);
    try {
      const report = await runDast(
        dastOptions({
          url: app.url,
          requestsPerSecond: 0,
          checks: ['xss'],
          // A wrong password in the crawled login form: every successful login below is the scanner's own.
          formValues: { password: 'not-the-password' },
          auth: { url: `${app.origin}/login`, username: 'alice', password: 'wonderland', verifyPattern: 'Signed in as', verifyUrl: `${app.origin}/account` },
        }),
      );
      expect(has(report, 'dast-xss-reflected', '/orders', 'id'), listing(report)).toBe(true);
      expect(short.state.logins).toBeGreaterThanOrEqual(2);
    } finally {
      await app.close();
    }
  });
});
