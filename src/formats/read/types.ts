import type { Finding, ReportType } from '../../core/finding.js';
import type { Package } from '../../core/inventory.js';
import type { Problem } from '../../core/result.js';

/**
 * Every report type a GitLab report can declare. Core's `ReportType` has only the six Bulwark
 * writes; the two it lacks stay local to ingest (see README.md for how their findings look).
 */
export type IngestReportType = ReportType | 'coverage_fuzzing' | 'cluster_image_scanning';

export const INGEST_REPORT_TYPES: readonly IngestReportType[] = [
  'sast',
  'secret_detection',
  'dependency_scanning',
  'container_scanning',
  'dast',
  'api_fuzzing',
  'coverage_fuzzing',
  'cluster_image_scanning',
];

export type IngestFormat = 'gitlab' | 'sarif' | 'cyclonedx';

/** One tracking signature after GitLab's folding: one per algorithm, values joined with `|`. */
export interface IngestedSignature {
  readonly algorithm: string;
  readonly value: string;
}

export interface IngestedFinding {
  /** The finding as core models it. For coverage_fuzzing and cluster_image_scanning see `reportType`. */
  readonly finding: Finding;
  /** The report type GitLab files it under (use this, not `finding.reportType`, for storage and identity). */
  readonly reportType: IngestReportType;
  /** The text GitLab hashes into the location fingerprint (spec §2.1), exactly as GitLab builds it. */
  readonly locationData: string;
  /** Tracking signatures, joined per algorithm, unknown algorithms dropped, highest priority first (§2.3). */
  readonly signatures: readonly IngestedSignature[];
  /** The original vulnerability (GitLab) or result (SARIF) object, for details and evidence. */
  readonly raw: Record<string, unknown>;
}

export interface IngestedScanner {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  readonly vendor?: string;
}

export interface IngestedReport {
  readonly reportType: IngestReportType;
  readonly format: IngestFormat;
  /** GitLab schema version, `2.1.0` for SARIF, the spec version (`1.6`) for CycloneDX. */
  readonly schemaVersion: string;
  readonly scanner: IngestedScanner;
  readonly analyzer?: { readonly id: string; readonly name: string; readonly version?: string };
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly status?: 'success' | 'failure';
  /** Empty for CycloneDX. */
  readonly findings: readonly IngestedFinding[];
  /** CycloneDX components, or a GitLab dependency-scanning report's dependency_files. */
  readonly packages: readonly Package[];
  /** The report's own scan.messages and the reader's warnings. */
  readonly messages: readonly Problem[];
}

export interface ReadLimits {
  /** Largest report text accepted, in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Most findings (GitLab vulnerabilities, SARIF results over all runs) in one report. */
  readonly maxFindings?: number;
  /** Most packages (dependency_files entries, CycloneDX components). */
  readonly maxPackages?: number;
  /** Longest single string; longer ones are refused (descriptions are capped by GitLab at 1 MiB). */
  readonly maxStringLength?: number;
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth?: number;
}

export interface ReadOptions extends ReadLimits {
  /** The artifact's file name, used in messages and to break format ties (`.sarif`, `.cdx.json`). */
  readonly fileName?: string;
}

export const DEFAULT_READ_LIMITS: Required<Omit<ReadLimits, 'maxBytes'>> = {
  maxFindings: 200_000,
  maxPackages: 500_000,
  maxStringLength: 1_048_576,
  maxDepth: 64,
};
