/** Severity levels, most to least severe, in GitLab's lower-case form. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank for ordering and thresholds: a larger rank is more severe; unknown sits with info. */
const RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, unknown: 1, info: 0 };

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when `severity` is at or above `threshold` (the `--fail-on` test). */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
