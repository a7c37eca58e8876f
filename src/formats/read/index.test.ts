import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestedFindingUuid, readSecurityReport, type IngestedReport } from './index.js';

const MB = 1024 * 1024;
const reportFixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

function readOne(name: string): IngestedReport {
  const result = readSecurityReport(reportFixture(name), { fileName: name, maxBytes: 10 * MB });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.value).toHaveLength(1);
  return result.value[0] as IngestedReport;
}

describe('formats/read: GitLab reports from GitLab analyzers', () => {
  it('keeps the spec UUID vector for a semgrep SAST finding (project 42)', () => {
    const report = readOne('gl-sast-report.json');
    expect(report).toMatchObject({ reportType: 'sast', format: 'gitlab', schemaVersion: '15.0.6', status: 'success' });
    expect(report.scanner).toEqual({ id: 'semgrep', name: 'Semgrep', version: '1.21.0', vendor: 'GitLab' });
    expect(report.analyzer).toEqual({ id: 'semgrep', name: 'Semgrep', version: '4.4.1' });
    const first = report.findings[0];
    expect(first?.locationData).toBe('app/main.py:10:12');
    expect(first && ingestedFindingUuid(first, { projectId: 42 })).toBe('896f4703-4ba8-5082-bfb5-b52bdd985576');
    // With GitLab's signature feature, the scope_offset signature replaces the location (computed by hand in Python).
    expect(first && ingestedFindingUuid(first, { projectId: 42, useSignatures: true })).toBe('6ae14618-5804-5811-afec-fc6ab4a9169b');
  });

  it('reads identifiers in order, tracking signatures, severity and the GitLab fields of each finding', () => {
    const report = readOne('gl-sast-report.json');
    expect(report.findings).toHaveLength(3);
    const sqli = report.findings[1];
    expect(sqli?.finding.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(['semgrep_id:bandit.B608', 'cwe:89', 'owasp:A03:2021']);
    expect(sqli?.signatures).toEqual([{ algorithm: 'scope_offset', value: 'app/db.py|UserRepository[0]|find_by_name[0]:3' }]);
    expect(sqli?.finding).toMatchObject({ severity: 'high', ruleId: 'bandit.B608', analyzer: 'semgrep' });
    expect(sqli?.finding.location).toEqual({ kind: 'source', file: 'app/db.py', startLine: 42, endLine: 42 });
    const pickle = report.findings[2];
    // An absent end_line fingerprints as empty, exactly as Ruby interpolates nil.
    expect(pickle?.locationData).toBe('app/api/session.py:17:');
    expect(pickle?.raw['flags']).toBeDefined();
  });

  it('keeps a gemnasium finding identity and turns dependency_files into packages with paths', () => {
    const report = readOne('gl-dependency-scanning-report.json');
    const lodash = report.findings[0];
    expect(lodash?.locationData).toBe('package-lock.json:lodash');
    expect(lodash && ingestedFindingUuid(lodash, { projectId: 7 })).toBe('77f9c392-e672-525c-9e06-5ed274eab791');
    expect(lodash?.finding.remediation).toBe('Upgrade to version 4.17.21 or above.');
    expect(lodash?.finding.cvssVectors?.[0]?.vector).toMatch(/^CVSS:3\.1\//);
    expect(report.packages).toHaveLength(4);
    const babel = report.packages.find((p) => p.name === '@babel/helper-string-parser');
    expect(babel).toMatchObject({ ecosystem: 'npm', purl: 'pkg:npm/%40babel/helper-string-parser@7.22.5', direct: false });
    expect(babel?.path).toEqual([
      { name: 'express-template-kit', version: '2.1.0' },
      { name: 'lodash', version: '4.17.20' },
    ]);
    expect(babel?.locations).toEqual([{ file: 'package-lock.json' }]);
  });

  it('fingerprints container findings by image without a commit tag, preferring default_branch_image', () => {
    const report = readOne('gl-container-scanning-report.json');
    const [libssl, busybox] = report.findings;
    expect(libssl?.locationData).toBe('registry.gitlab.com/acme/shop/web:libssl3');
    expect(libssl && ingestedFindingUuid(libssl, { projectId: 7 })).toBe('2c0fe842-ba79-5729-b1e0-749af2229f26');
    expect(busybox && ingestedFindingUuid(busybox, { projectId: 7 })).toBe('4d9dece3-582c-5e19-a595-919ae3f5c74b');
    expect(busybox?.finding.location).toMatchObject({ kind: 'image', operatingSystem: 'alpine 3.17.2', packageName: 'busybox', version: '1.35.0-r29' });
    expect(report.scanner.id).toBe('trivy');
  });

  it('reads gitleaks secret findings with their commit', () => {
    const report = readOne('gl-secret-detection-report.json');
    const aws = report.findings[0];
    expect(aws && ingestedFindingUuid(aws, { projectId: 7 })).toBe('f86996af-870c-5cde-9122-168aa1927445');
    expect(aws?.finding.location).toMatchObject({ file: 'config/deploy.env', commit: { sha: 'c1a2b3d4e5f60718293a4b5c6d7e8f9012345678', author: 'Jane Developer' } });
    expect(aws?.finding.evidence).toEqual({ snippet: 'AKIA****************' });
  });

  it('reads a DAST finding with its evidence mapped and kept raw', () => {
    const report = readOne('gl-dast-report.json');
    const csp = report.findings[0];
    expect(csp?.finding.location).toEqual({ kind: 'http', hostname: 'https://shop.example.test', method: 'GET', path: '/login', param: '' });
    expect(csp && ingestedFindingUuid(csp, { projectId: 7 })).toBe('2ae8ab0d-a279-5d03-bacf-93824cf52601');
    expect(csp?.finding.severity).toBe('info');
    expect((csp?.raw['evidence'] as { summary: string }).summary).toBe('Missing Content-Security-Policy header');
  });

  it('reads a 14.x report: message as name, confidence, no analyzer', () => {
    const report = readOne('gl-sast-report-14.json');
    expect(report.schemaVersion).toBe('14.0.4');
    expect(report.analyzer).toBeUndefined();
    const eslint = report.findings[0];
    expect(eslint?.finding).toMatchObject({ title: 'Potential file inclusion via variable', confidence: 'high', severity: 'medium' });
    expect(eslint && ingestedFindingUuid(eslint, { projectId: 7 })).toBe('b1317ac9-f10d-5503-a50a-5cc97a891a75');
  });
});

describe('formats/read: the fixtures are what the schemas allow', () => {
  it.each([
    ['gl-sast-report.json', 'sast-report-format.json'],
    ['gl-dependency-scanning-report.json', 'dependency-scanning-report-format.json'],
    ['gl-container-scanning-report.json', 'container-scanning-report-format.json'],
    ['gl-secret-detection-report.json', 'secret-detection-report-format.json'],
    ['gl-dast-report.json', 'dast-report-format.json'],
  ])('%s validates against the GitLab 15.0.7 schema', async (name, schema) => {
    const { gitlabValidator, schemaErrors } = await import('../../../test/schemas.js');
    expect(schemaErrors(gitlabValidator(schema), JSON.parse(reportFixture(name)))).toEqual([]);
  });

  it.each(['codeql.sarif', 'semgrep.sarif', 'trivy.sarif'])('%s validates against SARIF 2.1.0', async (name) => {
    const { sarifValidator, schemaErrors } = await import('../../../test/schemas.js');
    expect(schemaErrors(sarifValidator(), JSON.parse(reportFixture(name)))).toEqual([]);
  });
});

describe('formats/read: the SBOM fixture is CycloneDX 1.6', () => {
  it('cdxgen-1.6.cdx.json validates against the CycloneDX 1.6 schema', async () => {
    const { cyclonedxValidator, schemaErrors } = await import('../../../test/schemas.js');
    expect(schemaErrors(cyclonedxValidator(), JSON.parse(reportFixture('cdxgen-1.6.cdx.json')))).toEqual([]);
  });
});
