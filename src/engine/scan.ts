import { availableParallelism } from 'node:os';
import type { Finding } from '../core/finding.js';
import type { Problem } from '../core/result.js';
import type { AnalyzerRun, ScanReport } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import { resolve } from 'node:path';
import type { Inventory } from '../core/inventory.js';
import { createFileAnalyzers, createTreeAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { FileEntry, TreeAnalyzer } from '../analyzers/types.js';
import { createRootReader } from '../util/safe-read.js';
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
    // No lstat per file on the main thread: the readers learn sizes as they read (one open and one
    // read for a file that fits in a chunk) and skip files over the limit; tree analyzers read
    // through a size-checked reader.
    sizes: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const treeAnalyzers = await createTreeAnalyzers(options.settings);
  const claimed = treeAnalyzers.map(() => [] as FileEntry[]);
  // One walk feeds both kinds: tree analyzers collect the files they claim as they stream by.
  function* tee(files: Iterable<FileEntry>): Generator<FileEntry> {
    for (const file of files) {
      for (let i = 0; i < treeAnalyzers.length; i++) if (treeAnalyzers[i]!.claims(file)) claimed[i]!.push(file);
      yield file;
    }
  }
  const results: BatchResult[] = [];
  const progress = { files: 0, bytes: 0, findings: 0 };
  const walked = tee(tree.files);
  if (analyzers.length === 0) {
    // Nothing reads file contents: drain the walk for the tree analyzers, counting as it goes.
    for (let next = walked.next(); next.done !== true; next = walked.next()) progress.files++;
  }
  await analyzeFiles(walked, {
    settings: options.settings,
    chunks: options.chunks ?? DEFAULT_CHUNK_OPTIONS,
    threads: options.threads ?? availableParallelism(),
    maxFileSize: options.maxFileSize,
    onResult: (result) => {
      results.push(result);
      progress.files += result.filesScanned;
      progress.bytes += result.bytesScanned;
      progress.findings += result.findings.length;
      options.onProgress?.({ ...progress });
    },
  });

  const treeResult = await runTreeAnalyzers(treeAnalyzers, claimed, options);

  const finishedAt = clock();
  const findings: Finding[] = finalizeFindings(
    [...results.flatMap((result) => result.findings), ...treeResult.findings],
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

  for (const run of treeResult.runs) runs.push({ ...run, startedAt, finishedAt });

  return {
    target: options.root,
    startedAt,
    finishedAt,
    runs,
    findings,
    inventory: treeResult.inventory,
    stats: {
      filesScanned: analyzers.length === 0 ? progress.files : results.reduce((sum, r) => sum + r.filesScanned, 0),
      bytesScanned: results.reduce((sum, r) => sum + r.bytesScanned, 0),
      filesSkipped: tree.skipped.count + results.reduce((sum, r) => sum + r.filesSkipped, 0),
    },
    problems: [
      ...setupProblems,
      ...[...tree.problems, ...analyzerProblems.filter((problem) => problem.level !== 'error')].map((problem) => raiseForTreeAnalyzers(problem, treeAnalyzers)),
    ],
  };
}

/**
 * A file skipped for its size is an expected skip for secrets, but a lockfile skipped that way
 * silently drops every dependency it lists: say so as a warning.
 */
function raiseForTreeAnalyzers(problem: Problem, treeAnalyzers: readonly TreeAnalyzer[]): Problem {
  if (problem.code !== 'file-too-large' || problem.file === undefined) return problem;
  const file = problem.file;
  const claimant = treeAnalyzers.find((analyzer) => analyzer.claims({ path: file, absPath: file, size: 0 }));
  if (!claimant) return problem;
  return { ...problem, level: 'warn', message: `${problem.message}; the ${claimant.id} analyzer could not read it` };
}

/** Run the whole-tree analyzers in order, each seeing the inventory of the ones before it. */
async function runTreeAnalyzers(
  treeAnalyzers: readonly TreeAnalyzer[],
  claimed: readonly FileEntry[][],
  options: ScanOptions,
): Promise<{ findings: Finding[]; inventory: Inventory; runs: Omit<AnalyzerRun, 'startedAt' | 'finishedAt'>[] }> {
  let inventory: Inventory = { packages: [], dependencyFiles: [] };
  const findings: Finding[] = [];
  const runs: Omit<AnalyzerRun, 'startedAt' | 'finishedAt'>[] = [];
  if (treeAnalyzers.length === 0) return { findings, inventory, runs };
  const readFile = createRootReader(resolve(options.root), options.maxFileSize);
  for (let i = 0; i < treeAnalyzers.length; i++) {
    const analyzer = treeAnalyzers[i]!;
    const result = await analyzer.analyzeTree({
      root: resolve(options.root),
      files: claimed[i]!,
      readFile,
      inventory,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.inventory) inventory = result.inventory;
    findings.push(...result.findings);
    // A scanner that found nothing to read (no lockfile, no package) did not apply to this tree;
    // unless it was asked for by name, it leaves no run and so writes no report.
    const applied = claimed[i]!.length > 0 || result.findings.length > 0 || inventory.packages.length > 0;
    if (!applied && options.settings.scannersExplicit !== true) continue;
    runs.push({
      analyzer: analyzer.id,
      version: analyzer.version,
      reportType: analyzer.reportType,
      status: result.status,
      problems: result.problems,
      primaryIdentifiers: analyzer.primaryIdentifiers(),
    });
  }
  return { findings, inventory, runs };
}
