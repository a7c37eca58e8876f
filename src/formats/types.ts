import type { ReportType } from '../core/finding.js';
import type { ScanReport } from '../core/report.js';

export interface WriteOptions {
  /** Bulwark's version, written into every report. */
  readonly toolVersion: string;
  /** With a project id, report ids are GitLab's finding UUIDs for that project. */
  readonly projectId?: number | string;
  readonly uuidNamespace?: string;
}

/** A pure writer: a report value in, file text out. The CLI writes the file atomically. */
export interface ReportWriter {
  readonly id: string;
  /** The file name for `reportType`, or null when this writer has nothing to say about it. */
  fileName(reportType: ReportType): string | null;
  write(report: ScanReport, reportType: ReportType, options: WriteOptions): string;
}
