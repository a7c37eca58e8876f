import type { Finding, ReportType } from './finding.js';
import type { Inventory } from './inventory.js';
import type { Problem } from './result.js';

export type RunStatus = 'ok' | 'partial' | 'failed';

/** What one analyzer returns. */
export interface AnalyzerResult {
  readonly findings: readonly Finding[];
  readonly inventory?: Inventory;
  readonly problems: readonly Problem[];
  readonly status: RunStatus;
}

/** One analyzer's part of a scan. */
export interface AnalyzerRun {
  readonly analyzer: string;
  readonly version: string;
  readonly reportType: ReportType;
  readonly status: RunStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly problems: readonly Problem[];
  /** Primary identifiers this analyzer can emit (GitLab's scan.primary_identifiers). */
  readonly primaryIdentifiers?: readonly { type: string; name: string; value: string }[];
}

export interface ScanStats {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly filesSkipped: number;
}

/** The one value every writer takes. */
export interface ScanReport {
  /** The scanned root as the user named it. */
  readonly target: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly runs: readonly AnalyzerRun[];
  readonly findings: readonly Finding[];
  readonly inventory: Inventory;
  readonly stats: ScanStats;
  /** Problems of the scan as a whole (walk, configuration), beside each run's own. */
  readonly problems: readonly Problem[];
  /** DAST: every request of the crawl and the attack surface it found (GitLab's scan.scanned_resources). */
  readonly scannedResources?: readonly ScannedResource[];
}

export interface ScannedResource {
  readonly method: string;
  readonly url: string;
  /** `url` for DAST (GitLab's only value). */
  readonly type: string;
}
