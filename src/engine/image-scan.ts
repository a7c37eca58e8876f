import type { AnalyzerRun, ScanReport } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import type { AnalyzerSettings } from '../analyzers/index.js';
import { finalizeFindings } from './finalize.js';

export interface ImageScanOptions {
  /** A docker-archive or OCI tar, an OCI layout or root filesystem folder, or a registry reference. */
  readonly image: string;
  readonly settings: AnalyzerSettings;
  readonly severityOverrides?: Readonly<Record<string, Severity>>;
  readonly signal?: AbortSignal;
  readonly clock?: () => Date;
}

/** `bulwark scan --image TARGET`: one container-scanning run over the image. */
export async function runImageScan(options: ImageScanOptions): Promise<ScanReport> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  // Imported here: the image readers and OS package parsers are not needed by a tree scan.
  const { analyzeImage, CONTAINER_ANALYZER_ID } = await import('../analyzers/container/analyzer.js');
  const result = await analyzeImage(options.image, {
    dbDir: options.settings.dependencies?.dbDir ?? '',
    staleAfterDays: options.settings.dependencies?.staleAfterDays ?? 7,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const finishedAt = clock();
  const run: AnalyzerRun = {
    analyzer: CONTAINER_ANALYZER_ID,
    version: '1.0.0',
    reportType: 'container_scanning',
    status: result.status,
    startedAt,
    finishedAt,
    problems: result.problems,
    primaryIdentifiers: [],
  };
  return {
    target: result.image,
    startedAt,
    finishedAt,
    runs: [run],
    findings: finalizeFindings([...result.findings], options.severityOverrides),
    inventory: result.inventory ?? { packages: [], dependencyFiles: [] },
    stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0 },
    problems: [],
  };
}
