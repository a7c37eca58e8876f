import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestedFindingUuid, readSecurityReport, type IngestedReport } from '../read/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

function read(name: string, text = fixture(name)): IngestedReport[] {
  const result = readSecurityReport(text, { fileName: name, maxBytes: 10_000_000 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const byType = (reports: IngestedReport[], type: string): IngestedReport | undefined => reports.find((r) => r.reportType === type);

describe('formats/sarif/reader', () => {
  it('splits a CodeQL run by inferred type: secret CWEs become secret_detection, the rest sast', () => {
    const reports = read('codeql.sarif');
    expect(reports.map((r) => r.reportType)).toEqual(['sast', 'secret_detection']);
    const sast = byType(reports, 'sast');
    expect(sast?.scanner).toEqual({ id: 'codeql', name: 'CodeQL', version: '2.15.1', vendor: 'GitHub' });
    // The suppressed (accepted) result is skipped.
    expect(sast?.findings.map((f) => f.finding.ruleId)).toEqual(['js/reflected-xss', 'js/sql-injection']);
    const xss = sast?.findings[0];
    expect(xss?.finding.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(['sarif_rule_id:js/reflected-xss', 'cwe:79', 'cwe:116']);
    // security-severity 6.1 → 61 → medium; 8.8 → high.
    expect(xss?.finding.severity).toBe('medium');
    expect(sast?.findings[1]?.finding.severity).toBe('high');
    expect(xss?.locationData).toBe('src/server/search.js:27:');
    expect(sast?.findings[1]?.locationData).toBe('src/server/db/users.js:55:57');
    const secret = byType(reports, 'secret_detection')?.findings[0];
    expect(secret?.finding.severity).toBe('critical');
    expect(secret?.finding.location).toMatchObject({ file: 'src/server/config.js', startLine: 4 });
  });

  it('reads Semgrep SARIF: CWE tags with descriptions, levels, ./ paths; drops an unlocated result with a warning', () => {
    const reports = read('semgrep.sarif');
    const sast = byType(reports, 'sast');
    const shell = sast?.findings[0];
    expect(shell?.finding.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual([
      'sarif_rule_id:python.lang.security.audit.subprocess-shell-true.subprocess-shell-true',
      'cwe:78',
    ]);
    expect(shell?.finding.severity).toBe('high');
    expect(shell?.finding.evidence?.snippet).toContain('shell=True');
    expect(shell?.finding.links).toEqual([{ url: 'https://semgrep.dev/r/python.lang.security.audit.subprocess-shell-true.subprocess-shell-true' }]);
    const secret = byType(reports, 'secret_detection')?.findings[0];
    expect(secret?.finding.location).toMatchObject({ file: 'app/settings.py', startLine: 8, endLine: 8 });
    expect(secret?.finding.severity).toBe('medium');
    expect(sast?.messages.map((m) => m.code)).toEqual(['sarif-result-dropped']);
    expect(sast?.messages[0]?.message).toContain('1 result(s) skipped: has no locations[0].physicalLocation');
  });

  it('files a CVE rule id under dependency_scanning with a stable UUID', () => {
    const [report] = read('trivy.sarif');
    expect(report?.reportType).toBe('dependency_scanning');
    const lodash = report?.findings[0];
    expect(lodash?.finding.identifiers[0]).toMatchObject({ type: 'cve', value: 'CVE-2021-23337' });
    expect(lodash?.finding.severity).toBe('high');
    const again = read('trivy.sarif')[0]?.findings[0];
    expect(lodash && again && ingestedFindingUuid(lodash, { projectId: 3 })).toBe(again && ingestedFindingUuid(again, { projectId: 3 }));
  });

  it('maps severity by rank first, then level, and defaults to medium', () => {
    const log = (result: Record<string, unknown>, rule: Record<string, unknown> = {}): string =>
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r', ...rule }] } }, results: [{ ruleId: 'r', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.c' }, region: { startLine: 1 } } }], ...result }] }],
      });
    const severity = (text: string): string | undefined => read('x.sarif', text)[0]?.findings[0]?.finding.severity;
    expect(severity(log({ rank: 95, level: 'note' }))).toBe('critical');
    expect(severity(log({ rank: 5 }))).toBe('info');
    expect(severity(log({ level: 'note' }, { properties: { 'security-severity': '7.0' } }))).toBe('high');
    expect(severity(log({ level: 'note' }))).toBe('low');
    expect(severity(log({}, { defaultConfiguration: { level: 'error' } }))).toBe('high');
    expect(severity(log({}))).toBe('medium');
  });

  it('refuses a run where more than half the results cannot be ingested, and other SARIF versions', () => {
    const bad = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'no rule' } }, { ruleId: 'a' }] }] });
    const result = readSecurityReport(bad, { fileName: 'x.sarif', maxBytes: 1e6 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.message).toMatch(/runs\[0\]\.results: 2 of 2 results cannot be ingested/);
    const old = readSecurityReport(JSON.stringify({ version: '2.0.0', runs: [] }), { fileName: 'x.sarif', maxBytes: 1e6 });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.error[0]).toMatchObject({ code: 'unsupported-version' });
  });
});
