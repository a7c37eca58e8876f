import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { compareFindings } from './order.js';

/** Apply configured severity overrides and put findings in report order. */
export function finalizeFindings(findings: readonly Finding[], overrides: Readonly<Record<string, Severity>> = {}): Finding[] {
  return findings
    .map((finding) => {
      const severity = overrides[finding.ruleId];
      return severity === undefined ? finding : { ...finding, severity };
    })
    .sort(compareFindings);
}
