import type { Severity } from '../api/types.js';

const SEVERITY_LABEL: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info', unknown: 'Unknown' };
const STATE_LABEL: Record<string, string> = { detected: 'Needs triage', confirmed: 'Confirmed', dismissed: 'Dismissed', resolved: 'Resolved' };

export function severityLabel(severity: string): string {
  return SEVERITY_LABEL[severity] ?? severity;
}

export function stateLabel(state: string): string {
  return STATE_LABEL[state] ?? state;
}

export function SeverityBadge({ severity }: { severity: Severity | string }) {
  const known = severity in SEVERITY_LABEL ? severity : 'unknown';
  return <span className={`badge badge-sev badge-${known}`}>{severityLabel(severity)}</span>;
}

export function StateBadge({ state }: { state: string }) {
  return <span className="badge badge-state">{stateLabel(state)}</span>;
}
