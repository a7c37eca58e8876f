import type { Confidence } from './finding.js';
import type { Severity } from './severity.js';

/** What every rule of every kind declares about itself. Rule ids are stable: they feed the finding UUID. */
export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly cwe: readonly number[];
  readonly owasp?: readonly string[];
  readonly references: readonly string[];
  readonly tags: readonly string[];
  /** A retired rule keeps its id and points at its successor. */
  readonly deprecated?: boolean;
}
