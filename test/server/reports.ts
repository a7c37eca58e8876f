/** Small GitLab SAST reports for lifecycle tests: one finding per (rule, file, line). */
export interface SastFindingSpec {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly severity?: 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' | 'Unknown';
  readonly name?: string;
  readonly cwe?: number;
}

export function sastReport(findings: readonly SastFindingSpec[], options: { scanner?: string; status?: 'success' | 'failure' } = {}): string {
  const scanner = options.scanner ?? 'semgrep';
  return JSON.stringify({
    version: '15.0.7',
    scan: {
      analyzer: { id: scanner, name: scanner, version: '1.0.0', vendor: { name: 'Test' } },
      scanner: { id: scanner, name: scanner, version: '1.0.0', vendor: { name: 'Test' } },
      type: 'sast',
      start_time: '2024-05-01T10:00:00',
      end_time: '2024-05-01T10:01:00',
      status: options.status ?? 'success',
    },
    vulnerabilities: findings.map((f, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: f.name ?? `Rule ${f.rule}`,
      description: `Finding of ${f.rule}`,
      severity: f.severity ?? 'High',
      location: { file: f.file, start_line: f.line, end_line: f.line },
      identifiers: [
        { type: 'semgrep_id', name: f.rule, value: f.rule },
        ...(f.cwe === undefined ? [] : [{ type: 'cwe', name: `CWE-${f.cwe}`, value: String(f.cwe) }]),
      ],
    })),
  });
}

/** `count` findings of distinct rules, for volume tests. */
export function manyFindings(count: number, prefix = 'rule'): SastFindingSpec[] {
  return Array.from({ length: count }, (_, i) => ({ rule: `${prefix}-${i}`, file: `src/file-${i % 500}.py`, line: (i % 400) + 1, severity: 'Medium' as const }));
}
