import { describe, expect, it } from 'vitest';
import { compareFindings, type ComparableFinding } from './compare.js';
import type { Severity } from './severity.js';

function finding(rule: string, file: string, line: number, severity: Severity = 'medium', extra: Partial<ComparableFinding> = {}): ComparableFinding {
  return {
    reportType: 'sast',
    finding: { identifiers: [{ type: 'rule', name: rule, value: rule }], location: { kind: 'source', file, startLine: line, endLine: line }, severity },
    signatures: [],
    ...extra,
  };
}

describe('core/compare', () => {
  it('reproduces the spec example: V2 added, V3 fixed, V1 unchanged', () => {
    const v1 = finding('v1', 'a.py', 1);
    const v2 = finding('v2', 'b.py', 2);
    const v3 = finding('v3', 'c.py', 3);
    const [sast] = compareFindings([v1, v3], [{ ...v1 }, v2]);
    expect(sast?.added).toEqual([v2]);
    expect(sast?.fixed).toEqual([v3]);
    expect(sast?.unchanged).toEqual([{ base: v1, head: { ...v1 } }]);
  });

  it('keeps a finding that moved but kept its scope_offset signature; without signatures it is fixed + added', () => {
    const sig = [{ algorithm: 'scope_offset', value: 'a.py|handler[0]:2' }];
    const before = finding('sqli', 'a.py', 10, 'high', { signatures: sig });
    const after = finding('sqli', 'a.py', 30, 'high', { signatures: sig });
    const withSignatures = compareFindings([before], [after])[0];
    expect(withSignatures?.added).toEqual([]);
    expect(withSignatures?.fixed).toEqual([]);
    const plain = compareFindings([before], [after], { useSignatures: false })[0];
    expect(plain?.added).toEqual([after]);
    expect(plain?.fixed).toEqual([before]);
  });

  it('does not match a signature of a different primary identifier, and falls back to the UUID', () => {
    const sig = [{ algorithm: 'hash', value: 'h' }];
    const base = finding('rule-a', 'a.py', 1, 'low', { signatures: sig });
    const head = finding('rule-b', 'a.py', 1, 'low', { signatures: sig });
    const [result] = compareFindings([base], [head]);
    expect(result?.added).toEqual([head]);
    expect(result?.fixed).toEqual([base]);
  });

  it('groups by report type, sorts by severity, caps lists but counts everything', () => {
    const head = [finding('a', 'x', 1, 'low'), finding('b', 'x', 2, 'critical'), finding('c', 'x', 3, 'high'), finding('d', 'x', 4, 'medium', { reportType: 'secret_detection' })];
    const result = compareFindings([], head, { limit: 2 });
    expect(result.map((r) => r.reportType)).toEqual(['sast', 'secret_detection']);
    expect(result[0]?.added.map((f) => f.finding.identifiers[0].value)).toEqual(['b', 'c']);
    expect(result[0]?.addedTotal).toBe(3);
    expect(result[1]?.added).toHaveLength(1);
  });
});
