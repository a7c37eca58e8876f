import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import type { ScanReport } from '../../core/report.js';
import { readSecurityReport, type IngestedReport } from '../read/index.js';
import { EVIDENCE_LIMITS } from './reader.js';
import { gitlabWriter } from './writer.js';

const MB = 1024 * 1024;
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function read(document: unknown, fileName: string): IngestedReport {
  const result = readSecurityReport(JSON.stringify(document), { fileName, maxBytes: 50 * MB });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.value).toHaveLength(1);
  return result.value[0] as IngestedReport;
}

/** The DAST fixture with its one vulnerability's evidence replaced. */
function dastWithEvidence(evidence: unknown): Record<string, unknown> {
  const doc = fixture('gl-dast-report.json');
  const [first] = doc['vulnerabilities'] as Record<string, unknown>[];
  return { ...doc, vulnerabilities: [{ ...first, evidence }] };
}

describe('formats/gitlab/reader: DAST evidence', () => {
  it("maps GitLab's evidence into the finding: summary, request and response in core's shape", () => {
    const finding = read(fixture('gl-dast-report.json'), 'gl-dast-report.json').findings[0]?.finding;
    expect(finding?.evidence).toEqual({
      summary: 'Missing Content-Security-Policy header',
      request: { method: 'GET', url: 'https://shop.example.test/login', headers: [{ name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) GitLab DAST/Proxy' }] },
      response: { statusCode: 200, reasonPhrase: 'OK', headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }] },
    });
  });

  it("reads back what Bulwark's own DAST writer wrote, supporting messages and bodies included", () => {
    const finding: Finding = {
      ruleId: 'dast-path-traversal',
      reportType: 'dast',
      title: 'Path traversal',
      description: 'The file parameter reads any file.',
      severity: 'high',
      confidence: 'high',
      identifiers: [{ type: 'cwe', name: 'CWE-22', value: '22' }],
      location: { kind: 'http', hostname: 'http://127.0.0.1:8000', method: 'GET', path: '/download', param: 'file' },
      links: [],
      analyzer: 'dast',
      evidence: {
        summary: 'Response contained root:x:0:0',
        request: { method: 'GET', url: 'http://127.0.0.1:8000/download?file=../../etc/passwd', headers: [{ name: 'Accept', value: '*/*' }] },
        response: { statusCode: 200, reasonPhrase: 'OK', headers: [{ name: 'Content-Type', value: 'text/plain' }], body: 'root:x:0:0:root:/root:/bin/sh\n' },
        supportingMessages: [
          {
            name: 'Original request',
            request: { method: 'POST', url: 'http://127.0.0.1:8000/download', headers: [], body: 'file=report.pdf' },
            response: { statusCode: 404, reasonPhrase: 'Not Found', headers: [] },
          },
        ],
      },
    };
    const at = new Date('2026-01-02T03:04:05.000Z');
    const report: ScanReport = {
      target: 'http://127.0.0.1:8000',
      startedAt: at,
      finishedAt: at,
      runs: [{ analyzer: 'dast', version: '1', reportType: 'dast', status: 'ok', startedAt: at, finishedAt: at, problems: [] }],
      findings: [finding],
      inventory: { packages: [], dependencyFiles: [] },
      stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0 },
      problems: [],
      scannedResources: [],
    };
    const text = gitlabWriter.write(report, 'dast', { toolVersion: 't' });
    const result = readSecurityReport(text, { fileName: 'gl-dast-report.json', maxBytes: MB });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value[0]?.findings[0]?.finding.evidence).toEqual(finding.evidence);
  });

  it('caps bodies at 64 KiB with a marker, bounds headers and messages, and keeps the raw object as it came', () => {
    const body = 'A'.repeat(200_000);
    const headers = Array.from({ length: 500 }, (_, i) => ({ name: `X-H${i}`, value: 'v' }));
    const messages = Array.from({ length: 50 }, (_, i) => ({ name: `m${i}`, request: { method: 'GET', url: `https://a.test/${i}`, headers: [] } }));
    const ingested = read(
      dastWithEvidence({ summary: 'big', request: { method: 'POST', url: 'https://a.test/', headers, body }, response: { status_code: 500, reason_phrase: 'Error', headers: [], body }, supporting_messages: messages }),
      'gl-dast-report.json',
    );
    const evidence = ingested.findings[0]?.finding.evidence;
    for (const cut of [evidence?.request?.body, evidence?.response?.body]) {
      expect(cut?.startsWith('A'.repeat(EVIDENCE_LIMITS.body))).toBe(true);
      expect(cut?.slice(EVIDENCE_LIMITS.body)).toBe(`\n[… truncated by Bulwark: ${200_000 - EVIDENCE_LIMITS.body} more characters]`);
    }
    expect(evidence?.request?.headers).toHaveLength(EVIDENCE_LIMITS.headers);
    expect(evidence?.supportingMessages).toHaveLength(EVIDENCE_LIMITS.supportingMessages);
    expect((ingested.findings[0]?.raw['evidence'] as { request: { body: string } }).request.body).toHaveLength(200_000);
  });

  it('never splits a surrogate pair when it cuts a body', () => {
    const body = `${'a'.repeat(EVIDENCE_LIMITS.body - 1)}😀tail`;
    const cut = read(dastWithEvidence({ response: { status_code: 200, reason_phrase: 'OK', headers: [], body } }), 'gl-dast-report.json').findings[0]?.finding.evidence?.response?.body;
    expect(cut?.startsWith(`${'a'.repeat(EVIDENCE_LIMITS.body - 1)}\n[… truncated`)).toBe(true);
  });

  it('leaves out malformed evidence parts instead of refusing the report', () => {
    const ingested = read(dastWithEvidence({ summary: 42, request: 'GET /', response: { status_code: 'x', reason_phrase: 'OK', headers: 'nope' }, supporting_messages: [7, { name: 'ok' }] }), 'gl-dast-report.json');
    expect(ingested.findings[0]?.finding.evidence).toEqual({ response: { statusCode: 0, reasonPhrase: 'OK', headers: [] }, supportingMessages: [{ name: 'ok' }] });
    expect(read(dastWithEvidence('just text'), 'gl-dast-report.json').findings[0]?.finding.evidence).toBeUndefined();
  });
});

describe('formats/gitlab/reader: dependency paths', () => {
  it('gives a dependency finding the path its package has in dependency_files, and a direct one none', () => {
    const report = read(fixture('gl-dependency-scanning-report.json'), 'gl-dependency-scanning-report.json');
    const lodash = report.findings.find((f) => f.finding.location.kind === 'dependency' && f.finding.location.packageName === 'lodash');
    expect(lodash?.finding.location).toEqual({
      kind: 'dependency',
      file: 'package-lock.json',
      packageName: 'lodash',
      version: '4.17.20',
      direct: false,
      path: [{ name: 'express-template-kit', version: '2.1.0' }],
    });
    // The path is display data: identity stays GitLab's file:package.
    expect(lodash?.locationData).toBe('package-lock.json:lodash');
    const minimatch = report.findings.find((f) => f.finding.location.kind === 'dependency' && f.finding.location.packageName === 'minimatch');
    expect(minimatch?.finding.location).not.toHaveProperty('path');
  });

  it('matches on file, name and version: another lockfile or version gets no path, every advisory of the package does', () => {
    const doc = fixture('gl-dependency-scanning-report.json');
    const [lodash] = doc['vulnerabilities'] as { location: { file: string; dependency: { version: string } } }[];
    if (lodash === undefined) throw new Error('fixture changed');
    const otherFile = { ...lodash, id: 'a', location: { ...lodash.location, file: 'web/package-lock.json' } };
    const otherVersion = { ...lodash, id: 'b', location: { ...lodash.location, dependency: { ...lodash.location.dependency, version: '4.17.19' } } };
    const secondAdvisory = { ...lodash, id: 'c', identifiers: [{ type: 'cve', name: 'CVE-2020-8203', value: 'CVE-2020-8203' }] };
    const report = read({ ...doc, vulnerabilities: [otherFile, otherVersion, lodash, secondAdvisory] }, 'gl-dependency-scanning-report.json');
    const path = [{ name: 'express-template-kit', version: '2.1.0' }];
    expect(report.findings.map((f) => f.finding.location)).toEqual([
      expect.not.objectContaining({ path: expect.anything() }),
      expect.not.objectContaining({ path: expect.anything() }),
      expect.objectContaining({ packageName: 'lodash', path }),
      expect.objectContaining({ packageName: 'lodash', path }),
    ]);
  });
});
