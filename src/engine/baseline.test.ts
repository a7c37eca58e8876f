import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/sample-report.js';
import { gitlabWriter } from '../formats/gitlab/writer.js';
import { sarifWriter } from '../formats/sarif/writer.js';
import { parseBaseline, subtractBaseline } from './baseline.js';

describe('engine/baseline', () => {
  const report = sampleReport();
  const moved = report.findings.map((f) => (f.location.kind === 'source' ? { ...f, location: { ...f.location, startLine: f.location.startLine + 10, endLine: f.location.endLine + 10 } } : f));

  it.each([
    ['GitLab report', gitlabWriter],
    ['SARIF', sarifWriter],
  ])('drops findings already in a %s, even when the secret moved', (_name, writer) => {
    const parsed = parseBaseline(writer.write(report, 'secret_detection', { toolVersion: 't' }), 'old.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.size).toBe(2);
    expect(subtractBaseline(report.findings, parsed.value)).toEqual([]);
    expect(subtractBaseline(moved, parsed.value)).toEqual([]);
  });

  it('keeps a new secret', () => {
    const parsed = parseBaseline(gitlabWriter.write({ ...report, findings: report.findings.slice(0, 1) }, 'secret_detection', { toolVersion: 't' }), 'old.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(subtractBaseline(report.findings, parsed.value).map((f) => f.ruleId)).toEqual([report.findings[1]?.ruleId]);
  });

  it('falls back to rule, file and line for reports without a secret fingerprint', () => {
    const text = JSON.stringify({
      vulnerabilities: [{ identifiers: [{ value: 'github-pat' }], location: { file: 'src/config with space.js', start_line: 2 } }],
    });
    const parsed = parseBaseline(text, 'gitleaks.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(subtractBaseline(report.findings, parsed.value)).toHaveLength(1);
  });

  it.each([
    ['not json', 'is not JSON'],
    ['[]', 'not a report object'],
    ['{"foo": 1}', 'neither a GitLab security report nor SARIF'],
  ])('refuses %j with a clear message', (text, message) => {
    const parsed = parseBaseline(text, 'bad.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
