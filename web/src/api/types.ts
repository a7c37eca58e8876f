/**
 * Response types of the API, taken from the server's own TypeBox schemas (type-only imports:
 * nothing of the server reaches the browser bundle), so a change on either side fails typecheck.
 */
import type { Static } from '@sinclair/typebox';
import type { GroupSchema, ProjectSchema } from '../../../src/server/schemas/groups.js';
import type { UserSchema } from '../../../src/server/schemas/users.js';

export type User = Static<typeof UserSchema>;
export type Group = Static<typeof GroupSchema>;
export type Project = Static<typeof ProjectSchema>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATES = ['detected', 'confirmed', 'dismissed', 'resolved'] as const;
export type VulnerabilityState = (typeof STATES)[number];

export const DISMISSAL_REASONS = [
  { value: 'acceptable_risk', label: 'Acceptable risk' },
  { value: 'false_positive', label: 'False positive' },
  { value: 'mitigating_control', label: 'Mitigating control' },
  { value: 'used_in_tests', label: 'Used in tests' },
  { value: 'not_applicable', label: 'Not applicable' },
] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number]['value'];

export const REPORT_TYPES = [
  { value: 'sast', label: 'SAST' },
  { value: 'secret_detection', label: 'Secret detection' },
  { value: 'dependency_scanning', label: 'Dependency scanning' },
  { value: 'container_scanning', label: 'Container scanning' },
  { value: 'dast', label: 'DAST' },
  { value: 'api_fuzzing', label: 'API fuzzing' },
  { value: 'coverage_fuzzing', label: 'Coverage fuzzing' },
  { value: 'cluster_image_scanning', label: 'Cluster image scanning' },
] as const;

export function reportTypeLabel(value: string): string {
  return REPORT_TYPES.find((type) => type.value === value)?.label ?? value;
}
