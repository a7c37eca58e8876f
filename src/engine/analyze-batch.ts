import { lstatSync } from 'node:fs';
import type { Finding } from '../core/finding.js';
import type { Problem } from '../core/result.js';
import { createFileAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { FileAnalyzer, FileEntry } from '../analyzers/types.js';
import { openFileChunks, type ChunkOptions } from './chunks.js';

export interface BatchTask {
  readonly files: readonly FileEntry[];
  readonly settings: AnalyzerSettings;
  readonly chunks: ChunkOptions;
  /** Files over this many bytes are skipped with a notice; the walk may leave the check to the reader. */
  readonly maxFileSize?: number;
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

function sizeOrZero(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

/** The walk's notice for a file over the size limit, word for word. */
export function tooLargeProblem(path: string, size: number, maxFileSize: number): Problem {
  return {
    code: 'file-too-large',
    message: `skipped ${path}: ${size} bytes is over the ${maxFileSize}-byte limit (raise it with --max-file-size)`,
    file: path,
    level: 'info',
  };
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
      // Unread, but its size still matters: a lockfile over the limit is worth a notice (scan.ts).
      const size = file.size >= 0 ? file.size : sizeOrZero(file.absPath);
      if (task.maxFileSize !== undefined && size > task.maxFileSize) result.problems.push(tooLargeProblem(file.path, size, task.maxFileSize));
      continue;
    }
    try {
      const content = openFileChunks(file.absPath, file.size, task.chunks, task.maxFileSize);
      if ('tooLarge' in content) {
        counts.skipped++;
        result.problems.push(tooLargeProblem(file.path, content.tooLarge, task.maxFileSize ?? Infinity));
        continue;
      }
      let first = true;
      for (const chunk of content.chunks) {
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
