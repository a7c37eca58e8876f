import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { compareFindings } from './order.js';

function findingKey(finding: Finding): string {
  const loc = finding.location;
  const where = loc.kind === 'source' ? `${loc.file}:${loc.startLine}:${loc.startColumn ?? 0}:${loc.commit?.sha ?? ''}` : JSON.stringify(loc);
  return `${finding.ruleId}|${where}|${finding.evidence?.secretHash ?? ''}`;
}

/** Apply configured severity overrides, drop exact repeats (a chunk edge can show one twice), and order. */
export function finalizeFindings(findings: readonly Finding[], overrides: Readonly<Record<string, Severity>> = {}): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const key = findingKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    const severity = overrides[finding.ruleId];
    out.push(severity === undefined ? finding : { ...finding, severity });
  }
  return out.sort(compareFindings);
}
