import type { Finding } from '../core/finding.js';
import type { Problem } from '../core/result.js';
import { createFileAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { FileAnalyzer, FileEntry } from '../analyzers/types.js';
import { readFileChunks, type ChunkOptions } from './chunks.js';

export interface BatchTask {
  readonly files: readonly FileEntry[];
  readonly settings: AnalyzerSettings;
  readonly chunks: ChunkOptions;
}

export interface BatchResult {
  readonly findings: Finding[];
  readonly problems: Problem[];
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly filesSkipped: number;
}

// How far into a file to look for a NUL byte before calling it binary (git looks at 8000).
const BINARY_SNIFF_BYTES = 8000;

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

let cached: { key: string; analyzers: FileAnalyzer[] } | undefined;

/** Analyzers are compiled once per thread and settings (the keyword automaton is not free). */
function analyzersFor(settings: AnalyzerSettings): FileAnalyzer[] {
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, analyzers: createFileAnalyzers(settings).analyzers };
  return cached.analyzers;
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

/** Read and analyze a batch of files. Runs in a worker thread or, for small scans and tests, in-process. */
export async function analyzeBatch(task: BatchTask): Promise<BatchResult> {
  const analyzers = analyzersFor(task.settings);
  const result: BatchResult = { findings: [], problems: [], filesScanned: 0, bytesScanned: 0, filesSkipped: 0 };
  const counts = { files: 0, bytes: 0, skipped: 0 };
  for (const file of task.files) {
    const wanting = analyzers.filter((analyzer) => analyzer.wants(file));
    if (wanting.length === 0) {
      counts.skipped++;
      continue;
    }
    try {
      let first = true;
      for (const chunk of readFileChunks(file.absPath, file.size, task.chunks)) {
        if (first && hasNulByte(chunk.bytes)) {
          counts.skipped++;
          result.problems.push({ code: 'binary-file', message: `skipped ${file.path}: binary content`, file: file.path, level: 'info' });
          break;
        }
        if (first) counts.files++;
        first = false;
        counts.bytes += chunk.ownedEnd;
        for (const analyzer of wanting) {
          const out = analyzer.analyzeChunk(file, chunk);
          result.findings.push(...out.findings);
          result.problems.push(...out.problems);
        }
      }
    } catch (error) {
      counts.skipped++;
      result.problems.push({
        code: 'unreadable-file',
        message: `skipped ${file.path}: ${describeError(error)}`,
        file: file.path,
        level: 'warn',
      });
    }
  }
  return { ...result, filesScanned: counts.files, bytesScanned: counts.bytes, filesSkipped: counts.skipped };
}
