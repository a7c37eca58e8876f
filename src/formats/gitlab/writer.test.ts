import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/golden.js';
import { sampleReport } from '../../../test/sample-report.js';
import { gitlabValidator, schemaErrors } from '../../../test/schemas.js';
import { findingUuid } from '../../core/identity/uuid.js';
import { gitlabWriter } from './writer.js';

const GOLDEN = fileURLToPath(new URL('../__golden__/gl-secret-detection-report.json', import.meta.url));

describe('formats/gitlab/writer', () => {
  it('writes a schema-valid secret detection report matching the golden file', () => {
    const text = gitlabWriter.write(sampleReport(), 'secret_detection', { toolVersion: '0.0.0-test' });
    const doc = JSON.parse(text) as { vulnerabilities: Record<string, unknown>[]; scan: Record<string, unknown> };
    expect(schemaErrors(gitlabValidator('secret-detection-report-format.json'), doc)).toEqual([]);
    expect(doc.vulnerabilities).toHaveLength(2);
    expect(doc.scan['start_time']).toBe('2026-01-02T03:04:05');
    expectGolden(GOLDEN, text);
  });

  it('never writes the secret itself', () => {
    const text = gitlabWriter.write(sampleReport(), 'secret_detection', { toolVersion: '0.0.0-test' });
    expect(text).not.toContain('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');
    expect(text).not.toContain('4BrMbTBIepkObfaVKVPK197yfBm7A431entV');
    expect(text).toContain('ghp_8D');
  });

  it('uses GitLab finding UUIDs as report ids when given a project id', () => {
    const report = sampleReport();
    const text = gitlabWriter.write(report, 'secret_detection', { toolVersion: 't', projectId: 42 });
    const doc = JSON.parse(text) as { vulnerabilities: { id: string }[] };
    const first = report.findings[0];
    expect(first).toBeDefined();
    if (first) expect(doc.vulnerabilities[0]?.id).toBe(findingUuid(first, { projectId: 42 }));
  });

  it('marks working-tree findings with the placeholder commit and history findings with theirs', () => {
    const report = sampleReport();
    const [first, ...rest] = report.findings;
    if (!first || first.location.kind !== 'source') throw new Error('sample must have a source finding');
    const withCommit = { ...first, location: { ...first.location, commit: { sha: 'abc123', author: 'A <a@x>', date: '2024-01-01T00:00:00Z', message: 'add' } } };
    const text = gitlabWriter.write({ ...report, findings: [withCommit, ...rest] }, 'secret_detection', { toolVersion: 't' });
    const doc = JSON.parse(text) as { vulnerabilities: { location: { commit: { sha: string; author?: string } } }[] };
    expect(doc.vulnerabilities[0]?.location.commit).toMatchObject({ sha: 'abc123', author: 'A <a@x>' });
    expect(doc.vulnerabilities[1]?.location.commit.sha).toBe('0000000');
    expect(schemaErrors(gitlabValidator('secret-detection-report-format.json'), doc)).toEqual([]);
  });
});
