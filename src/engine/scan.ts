import { availableParallelism } from 'node:os';
import type { Finding } from '../core/finding.js';
import type { Problem } from '../core/result.js';
import type { AnalyzerRun, ScanReport } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import { createFileAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { BatchResult } from './analyze-batch.js';
import { DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunks.js';
import { finalizeFindings } from './finalize.js';
import { analyzeFiles } from './schedule.js';
import { walk } from './walk/walk.js';

export interface ScanProgress {
  readonly files: number;
  readonly bytes: number;
  readonly findings: number;
}

export interface ScanOptions {
  readonly root: string;
  readonly settings: AnalyzerSettings;
  readonly exclude?: readonly string[];
  readonly gitignore?: boolean;
  readonly maxFileSize: number;
  /** Worker threads; defaults to the number of cores. */
  readonly threads?: number;
  readonly chunks?: ChunkOptions;
  readonly severityOverrides?: Readonly<Record<string, Severity>>;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly signal?: AbortSignal;
  readonly clock?: () => Date;
}

export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const { analyzers, problems: setupProblems } = createFileAnalyzers(options.settings);
  const tree = walk(options.root, {
    ...(options.exclude ? { exclude: options.exclude } : {}),
    gitignore: options.gitignore !== false,
    maxFileSize: options.maxFileSize,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const results: BatchResult[] = [];
  const progress = { files: 0, bytes: 0, findings: 0 };
  await analyzeFiles(tree.files, {
    settings: options.settings,
    chunks: options.chunks ?? DEFAULT_CHUNK_OPTIONS,
    threads: options.threads ?? availableParallelism(),
    onResult: (result) => {
      results.push(result);
      progress.files += result.filesScanned;
      progress.bytes += result.bytesScanned;
      progress.findings += result.findings.length;
      options.onProgress?.({ ...progress });
    },
  });

  const finishedAt = clock();
  const findings: Finding[] = finalizeFindings(
    results.flatMap((result) => result.findings),
    options.severityOverrides,
  );
  const analyzerProblems = results.flatMap((result) => result.problems);

  const runs: AnalyzerRun[] = analyzers.map((analyzer) => {
    const problems: Problem[] = analyzerProblems.filter((problem) => problem.level === 'error');
    return {
      analyzer: analyzer.id,
      version: analyzer.version,
      reportType: analyzer.reportType,
      status: problems.length > 0 ? 'partial' : 'ok',
      startedAt,
      finishedAt,
      problems,
      primaryIdentifiers: analyzer.primaryIdentifiers(),
    };
  });

  return {
    target: options.root,
    startedAt,
    finishedAt,
    runs,
    findings,
    inventory: { packages: [], dependencyFiles: [] },
    stats: {
      filesScanned: results.reduce((sum, r) => sum + r.filesScanned, 0),
      bytesScanned: results.reduce((sum, r) => sum + r.bytesScanned, 0),
      filesSkipped: tree.skipped.count + results.reduce((sum, r) => sum + r.filesSkipped, 0),
    },
    problems: [...setupProblems, ...tree.problems, ...analyzerProblems.filter((problem) => problem.level !== 'error')],
  };
}
