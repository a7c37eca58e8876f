import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../core/result.js';
import { readSecurityReport, readSecurityReportBytes } from './index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const MB = 1024 * 1024;

function refusal(text: string, options: { fileName?: string; maxBytes?: number; maxFindings?: number } = {}): Problem[] {
  const result = readSecurityReport(text, { maxBytes: 10 * MB, ...options });
  if (result.ok) throw new Error('expected the report to be refused');
  return result.error;
}

/** A minimal valid 15.x SAST report whose first vulnerability is `vuln`. */
function sast(vuln: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '15.0.7',
    scan: { type: 'sast', scanner: { id: 's', name: 'S' }, analyzer: { id: 'a', name: 'A' }, start_time: 't', end_time: 't', status: 'success' },
    vulnerabilities: [{ id: '1', identifiers: [{ type: 'r', name: 'r', value: 'r' }], location: { file: 'a.py', start_line: 1 }, ...vuln }],
    ...extra,
  });
}

describe('formats/read: hostile reports', () => {
  it('refuses truncated JSON, saying where and that it looks truncated', () => {
    const text = fixture('gl-sast-report.json');
    const [problem] = refusal(text.slice(0, 1500), { fileName: 'gl-sast-report.json' });
    expect(problem).toMatchObject({ code: 'invalid-json', file: 'gl-sast-report.json' });
    expect(problem?.message).toMatch(/^report is not valid JSON at line \d+, column \d+: .*\(the report looks truncated\)$/);
  });

  it('names the JSON path of wrong types and missing parts', () => {
    expect(refusal(sast({ identifiers: [] }))[0]?.message).toBe('vulnerabilities[0].identifiers: must have at least 1 item');
    expect(refusal(sast({ location: { file: 'a.py', start_line: 'ten' } }))[0]?.message).toBe(
      'vulnerabilities[0].location.start_line: must be a non-negative integer, not a string',
    );
    expect(refusal(sast({ identifiers: [{ type: 'cwe', name: 'x' }] }))[0]?.message).toBe('vulnerabilities[0].identifiers[0].value: is required');
    expect(refusal(JSON.stringify({ version: '15.0.7', scan: { type: 'sast', scanner: { id: 's', name: 'S' } }, vulnerabilities: {} }))[0]?.message).toBe(
      'vulnerabilities: must be an array, not an object',
    );
    const secret = JSON.stringify({ version: '15.0.7', scan: { type: 'secret_detection', scanner: { id: 's', name: 'S' } }, vulnerabilities: [{ identifiers: [{ type: 'r', name: 'r', value: 'r' }], location: { file: 'a' } }] });
    expect(refusal(secret)[0]?.message).toBe('vulnerabilities[0].location.commit: is required');
  });

  it('keeps the first problems and counts the rest', () => {
    const vulns = Array.from({ length: 500 }, () => ({ identifiers: [] as unknown[], location: {} }));
    const problems = refusal(JSON.stringify({ version: '15.0.7', scan: { type: 'sast', scanner: { id: 's', name: 'S' } }, vulnerabilities: vulns }));
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)?.message).toBe('and 480 more problem(s) like these');
  });

  it('refuses unknown schema majors and report types, and things that are no report at all', () => {
    const v16 = sast({}).replace('"15.0.7"', '"16.0.0"');
    expect(refusal(v16)[0]).toMatchObject({ code: 'unsupported-version', message: 'version: GitLab report schema 16.0.0 is not supported: this server reads versions 14.0.0 to 15.x' });
    expect(refusal(sast({}).replace('"15.0.7"', '"13.1.0"'))[0]?.code).toBe('unsupported-version');
    expect(refusal(sast({}).replace('"15.0.7"', '"latest"'))[0]?.message).toMatch(/is not a schema version/);
    expect(refusal(sast({}).replace('"type":"sast"', '"type":"fuzzing"'))[0]?.code).toBe('unsupported-report-type');
    expect(refusal('{"hello":"world"}')[0]?.code).toBe('unknown-format');
    expect(refusal('[1,2,3]')[0]?.code).toBe('invalid-report');
    expect(refusal('   ')[0]?.message).toBe('report is empty');
  });

  it('escapes NUL characters as GitLab does and warns; refuses raw NUL bytes and invalid UTF-8', () => {
    const result = readSecurityReport(sast({ description: 'bad\u0000byte' }), { maxBytes: MB });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value[0]?.findings[0]?.finding.description).toBe('bad\\u0000byte');
      expect(result.value[0]?.messages.map((m) => m.code)).toContain('nul-escaped');
    }
    expect(refusal(`${sast({})}\u0000`)[0]?.code).toBe('invalid-json');
    const bytes = Buffer.concat([Buffer.from(sast({ description: 'x' }).slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const invalid = readSecurityReportBytes(bytes, { maxBytes: MB });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error[0]?.code).toBe('invalid-utf8');
    const lone = readSecurityReport(sast({ description: 'x\ud800y' }), { maxBytes: MB });
    expect(lone.ok && lone.value[0]?.findings[0]?.finding.description).toBe('x\uFFFDy');
  });

  it('bounds size, findings, nesting and string length', () => {
    expect(refusal(sast({ description: 'x'.repeat(2 * MB) }), { maxBytes: MB })[0]?.code).toBe('report-too-large');
    const many = `{"version":"15.0.7","scan":{"type":"sast","scanner":{"id":"s","name":"S"}},"vulnerabilities":[${'{},'.repeat(200_000)}{}]}`;
    const tooMany = refusal(many);
    expect(tooMany[0]).toMatchObject({ code: 'report-limit', message: 'vulnerabilities: 200001 vulnerabilities, more than the limit of 200000' });
    const deep = sast({ details: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown });
    expect(refusal(deep)[0]?.message).toBe('report refused: nesting deeper than 64 levels');
    expect(refusal(sast({ description: 'x'.repeat(MB + 1) }))[0]?.message).toMatch(/a string of 1048577 characters/);
    const runs = JSON.stringify({ version: '2.1.0', runs: Array.from({ length: 21 }, () => ({ tool: { driver: { name: 'x' } }, results: [] })) });
    expect(refusal(runs)[0]?.message).toBe('runs: 21 runs, more than the limit of 20');
  });
});
