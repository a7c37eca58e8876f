import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../src/core/report.js';
import { dastOptions } from '../src/analyzers/dast/options.js';
import { runDast } from '../src/analyzers/dast/scanner.js';
import { registerDastCommand } from '../src/cli/commands/dast.js';
import { shopApp } from './dast/apps/shop-app.js';
import { startServer, type TestServer } from './dast/harness.js';
import { gitlabValidator, sarifValidator, schemaErrors } from './schemas.js';

const temp = mkdtempSync(join(tmpdir(), 'bulwark-dast-api-'));

function has(report: ScanReport, ruleId: string, path: string, param?: string): boolean {
  return report.findings.some((f) => f.ruleId === ruleId && f.location.kind === 'http' && f.location.path === path && (param === undefined || f.location.param === param));
}

function listing(report: ScanReport): string {
  return report.findings.map((f) => (f.location.kind === 'http' ? `${f.reportType} ${f.ruleId} ${f.location.method} ${f.location.path} ${f.location.param}` : f.ruleId)).join('\n');
}

async function cli(args: string[]): Promise<number> {
  let code = -1;
  const program = new Command('bulwark').exitOverride();
  registerDastCommand(program, (c) => (code = c), new AbortController().signal);
  await program.parseAsync(['dast', ...args, '--quiet'], { from: 'user' });
  return code;
}

describe('dast API mode and fuzzing', () => {
  let server: TestServer;
  let spec: string;
  beforeAll(async () => {
    mkdirSync(join(temp, 'files'), { recursive: true });
    const shop = await shopApp({ filesDir: join(temp, 'files') });
    server = await startServer(shop.handler);
    spec = join(temp, 'openapi.json');
    writeFileSync(spec, JSON.stringify(shop.openapi(server.origin)));
  });
  afterAll(async () => {
    await server.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('tests every operation of an OpenAPI description with valid values and fuzzes it', async () => {
    const report = await runDast(dastOptions({ api: { kind: 'openapi', source: spec }, fuzz: true, requestsPerSecond: 0, timeDelayMs: 300 }));
    const text = listing(report);
    expect(has(report, 'dast-sql-injection', '/api/books/1', 'id'), text).toBe(true);
    expect(has(report, 'api-fuzzing-server-error', '/api/orders', 'quantity'), text).toBe(true);
    expect(has(report, 'api-fuzzing-stack-trace', '/api/books/1'), text).toBe(true);
    // The valid example order was accepted: the generator honoured types, minimum and examples.
    const order = server.requests.find((r) => r.method === 'POST' && r.url === '/api/orders');
    expect(JSON.parse(order?.body ?? '{}')).toEqual({ bookId: 1, quantity: 1, note: 'bulwark' });
    expect(report.runs.map((r) => r.reportType)).toEqual(['dast', 'api_fuzzing']);
    // Forty payloads that each provoke the same stack trace are one finding, filed under the operation.
    const traces = report.findings.filter((f) => f.ruleId === 'dast-stack-trace');
    expect(traces.map((f) => (f.location.kind === 'http' ? f.location.path : ''))).toEqual(['/api/books/1']);
  });

  it('writes schema-valid dast, api_fuzzing and SARIF reports through the CLI and honours --fail-on', async () => {
    const out = join(temp, 'out');
    const code = await cli(['--openapi', spec, '--fuzz', '--out', out, '--fail-on', 'critical', '--rate-limit', '1000', '--time-delay', '300']);
    expect(code).toBe(1);
    const dast = JSON.parse(readFileSync(join(out, 'gl-dast-report.json'), 'utf8')) as { scan: { type: string; scanned_resources: unknown[] }; vulnerabilities: { evidence?: { request?: unknown; response?: unknown } }[] };
    expect(schemaErrors(gitlabValidator('dast-report-format.json'), dast)).toEqual([]);
    expect(dast.scan.type).toBe('dast');
    expect(dast.scan.scanned_resources.length).toBeGreaterThanOrEqual(3);
    expect(dast.vulnerabilities.every((v) => v.evidence?.request !== undefined && v.evidence.response !== undefined)).toBe(true);
    const fuzz = JSON.parse(readFileSync(join(out, 'gl-api-fuzzing-report.json'), 'utf8')) as { scan: { type: string }; vulnerabilities: unknown[] };
    expect(schemaErrors(gitlabValidator('dast-report-format.json'), fuzz)).toEqual([]);
    expect(fuzz.scan.type).toBe('api_fuzzing');
    expect(fuzz.vulnerabilities.length).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(join(out, 'bulwark.sarif'), 'utf8')) as { runs: { results: { webRequest?: unknown }[] }[] };
    expect(schemaErrors(sarifValidator(), sarif)).toEqual([]);
    expect(sarif.runs[0]?.results.some((r) => r.webRequest !== undefined)).toBe(true);
  });

  it('reads Postman collections and HAR recordings', async () => {
    const postman = join(temp, 'collection.json');
    writeFileSync(
      postman,
      JSON.stringify({
        info: { name: 'books', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        variable: [{ key: 'base', value: server.origin }],
        item: [{ name: 'folder', item: [{ name: 'one book', request: { method: 'GET', url: { raw: '{{base}}/api/books/2' } } }] }],
      }),
    );
    const fromPostman = await runDast(dastOptions({ api: { kind: 'postman', source: postman }, requestsPerSecond: 0, timeDelayMs: 300, checks: ['sql-injection'] }));
    expect(has(fromPostman, 'dast-sql-injection', '/api/books/2', 'path[2]'), listing(fromPostman)).toBe(true);
    const har = join(temp, 'rec.har');
    writeFileSync(har, JSON.stringify({ log: { version: '1.2', entries: [{ request: { method: 'GET', url: `${server.origin}/search?q=emma`, headers: [] } }] } }));
    const fromHar = await runDast(dastOptions({ api: { kind: 'har', source: har }, requestsPerSecond: 0, timeDelayMs: 300, checks: ['sql-injection'] }));
    expect(has(fromHar, 'dast-sql-injection', '/search', 'q'), listing(fromHar)).toBe(true);
  });

  it('refuses bad input with a usage error, not a crash', async () => {
    writeFileSync(join(temp, 'bad.json'), '{"openapi": "3.0.0", "paths": 5');
    await expect(cli(['--openapi', join(temp, 'bad.json')])).rejects.toThrow(/neither JSON nor YAML/);
    await expect(cli(['ftp://example.com/'])).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(cli([server.url, '--checks', 'nope'])).rejects.toThrow(/unknown check family/);
    await expect(cli([server.url, '--exclude', '('])).rejects.toThrow(/not a valid regular expression/);
  });
});
