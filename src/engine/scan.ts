import { availableParallelism } from 'node:os';
import type { Finding } from '../core/finding.js';
import type { Problem } from '../core/result.js';
import type { AnalyzerRun, ScanReport } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import { createFileAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { FileEntry } from '../analyzers/types.js';
import type { BatchResult } from './analyze-batch.js';
import { DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunks.js';
import { finalizeFindings } from './finalize.js';
import { createBatchPool, type BatchPool } from './pool/pool.js';
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

// A batch is sent to a worker when it holds this many files or bytes, whichever comes first.
const BATCH_FILES = 256;
const BATCH_BYTES = 16 * 1024 * 1024;
// Below this much work, starting worker threads costs more than it saves.
const POOL_MIN_BYTES = 24 * 1024 * 1024;
const POOL_MIN_FILES = 2048;

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
  const chunks = options.chunks ?? DEFAULT_CHUNK_OPTIONS;
  const threads = options.threads ?? availableParallelism();
  const results: BatchResult[] = [];
  const progress = { files: 0, bytes: 0, findings: 0 };
  const inFlight = new Set<Promise<void>>();
  // Worker threads cost a few hundred milliseconds to start: a small tree is scanned in-process.
  let pool: BatchPool | undefined;
  const inProcess = createBatchPool(1);

  const dispatch = (files: FileEntry[]): Promise<void> => {
    const runner = pool ?? inProcess;
    const job = runner.run({ files, settings: options.settings, chunks }).then((result) => {
      results.push(result);
      progress.files += result.filesScanned;
      progress.bytes += result.bytesScanned;
      progress.findings += result.findings.length;
      options.onProgress?.({ ...progress });
    });
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  try {
    let held: FileEntry[][] = [];
    let heldBytes = 0;
    let batch: FileEntry[] = [];
    let batchBytes = 0;
    for (const file of tree.files) {
      batch.push(file);
      batchBytes += file.size;
      if (batch.length < BATCH_FILES && batchBytes < BATCH_BYTES) continue;
      if (threads <= 1) {
        // In-process: analyze now, and yield so progress reaches the terminal.
        await dispatch(batch);
      } else if (pool === undefined) {
        held.push(batch);
        heldBytes += batchBytes;
        if (threads > 1 && (heldBytes >= POOL_MIN_BYTES || held.length * BATCH_FILES >= POOL_MIN_FILES)) {
          pool = createBatchPool(threads);
          for (const waiting of held) void dispatch(waiting);
          held = [];
        }
      } else {
        void dispatch(batch);
        // Back-pressure: the walk waits while every thread has two batches queued.
        while (inFlight.size >= pool.threads * 2) await Promise.race(inFlight);
      }
      batch = [];
      batchBytes = 0;
    }
    for (const waiting of held) await dispatch(waiting);
    if (batch.length > 0) await dispatch(batch);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await pool?.close();
  }

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
