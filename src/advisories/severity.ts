// The calculator is a webpack-built CommonJS bundle: Node cannot see its named exports from ESM.
import cvssCalculator from 'ae-cvss-calculator';
import type { AffectedPackage, Advisory } from '../core/advisory.js';
import type { Severity } from '../core/severity.js';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

/** The severity Bulwark gives an advisory, and what it was taken from. */
export interface AdvisorySeverity {
  readonly severity: Severity;
  readonly source: 'cvss' | 'database' | 'none';
  /** The CVSS vector that decided, as the advisory wrote it. */
  readonly vector?: string;
  /** Its base score (0–10). */
  readonly score?: number;
}

type CvssVersion = '4.0' | '3.1' | '3.0' | '2.0';

/** Newest CVSS version first: a v4 vector beats a v3.1 one, and so on. */
const VERSION_ORDER: readonly CvssVersion[] = ['4.0', '3.1', '3.0', '2.0'];

// Each metric is NAME:VALUE between slashes; the anchored, delimiter-separated form cannot backtrack.
const VECTOR_SHAPE: Readonly<Record<CvssVersion, RegExp>> = {
  '4.0': /^CVSS:4\.0(\/[A-Za-z]+:[A-Za-z]+)+$/,
  '3.1': /^CVSS:3\.1(\/[A-Za-z]+:[A-Za-z]+)+$/,
  '3.0': /^CVSS:3\.0(\/[A-Za-z]+:[A-Za-z]+)+$/,
  '2.0': /^[A-Za-z]+:[A-Za-z]+(\/[A-Za-z]+:[A-Za-z]+)*$/,
};

function versionOf(vector: string): CvssVersion {
  if (vector.startsWith('CVSS:4.0/')) return '4.0';
  if (vector.startsWith('CVSS:3.1/')) return '3.1';
  if (vector.startsWith('CVSS:3.0/')) return '3.0';
  return '2.0';
}

/** CVSS v2 vectors are written without a prefix; some writers add one anyway. */
function withoutV2Prefix(vector: string): string {
  return vector.startsWith('CVSS:2.0/') ? vector.slice('CVSS:2.0/'.length) : vector;
}

function hasRepeatedMetric(metrics: string): boolean {
  const names = metrics.split('/').map((metric) => metric.split(':')[0]);
  return new Set(names).size !== names.length;
}

/** The base score of a vector, or undefined when it is malformed or lacks a base metric. */
export function cvssBaseScore(vector: string): { version: CvssVersion; score: number } | undefined {
  const version = versionOf(vector);
  const text = version === '2.0' ? withoutV2Prefix(vector) : vector;
  if (text.length > 512 || !VECTOR_SHAPE[version].test(text)) return undefined;
  if (hasRepeatedMetric(version === '2.0' ? text : text.slice('CVSS:x.y/'.length))) return undefined;
  try {
    const parsed =
      version === '4.0' ? new Cvss4P0(text) : version === '3.1' ? new Cvss3P1(text) : version === '3.0' ? new Cvss3P0(text) : new Cvss2(text);
    // The calculator accepts an unset base metric (`AV:X`) and scores it 0; that is not a score.
    if (!parsed.isBaseFullyDefined()) return undefined;
    const scores = parsed.calculateScores();
    const score = scores.base ?? scores.overall;
    return Number.isFinite(score) && score >= 0 && score <= 10 ? { version, score } : undefined;
  } catch {
    // The calculator throws on an unknown metric or value: the vector is malformed.
    return undefined;
  }
}

/** CVSS qualitative rating: v3 and v4 share one scale; v2 has only low, medium, high. */
export function cvssRating(version: CvssVersion, score: number): Severity {
  if (version === '2.0') return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const LABELS: Readonly<Record<string, Severity>> = {
  low: 'low',
  moderate: 'medium',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

/** A database's own severity word (`MODERATE`, `High`…), or undefined for anything else. */
export function labelSeverity(label: string | undefined): Severity | undefined {
  return label === undefined ? undefined : LABELS[label.trim().toLowerCase()];
}

function isCvssType(type: string): boolean {
  return type === 'CVSS_V4' || type === 'CVSS_V3' || type === 'CVSS_V2';
}

/**
 * Severity of an advisory (for one affected package if given): the newest-version CVSS vector
 * that scores (v4, then v3.1, v3.0, v2) mapped to its qualitative rating; else the database's
 * label; else unknown. A malformed vector is passed over for the next one.
 */
export function advisorySeverity(advisory: Advisory, affected?: AffectedPackage): AdvisorySeverity {
  // OSV puts severity either on the record or on each affected package, never both.
  const scored =
    affected !== undefined
      ? [...(affected.severity ?? []), ...advisory.severity]
      : [...advisory.severity, ...advisory.affected.flatMap((entry) => entry.severity ?? [])];
  const vectors = scored.filter((entry) => isCvssType(entry.type)).map((entry) => entry.score.trim());
  for (const version of VERSION_ORDER) {
    for (const vector of vectors) {
      if (versionOf(vector) !== version) continue;
      const base = cvssBaseScore(vector);
      if (base !== undefined) return { severity: cvssRating(base.version, base.score), source: 'cvss', vector, score: base.score };
    }
  }
  const label = labelSeverity(advisory.databaseSeverity);
  if (label !== undefined) return { severity: label, source: 'database' };
  return { severity: 'unknown', source: 'none' };
}
