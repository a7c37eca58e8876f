import type { Finding, ReportType } from '../core/finding.js';
import type { Identifier } from '../core/identifier.js';
import type { Problem } from '../core/result.js';

/** A file the walker found: path relative to the scanned root (forward slashes), and its size. */
export interface FileEntry {
  readonly path: string;
  readonly absPath: string;
  readonly size: number;
}

/**
 * A piece of a file's content. Small files come whole; large ones in overlapping chunks. An
 * analyzer reports only matches that start in [`ownedStart`, `ownedEnd`), so the overlap is not
 * counted twice; the bytes before `ownedStart` are there as context (look-behind, keywords).
 */
export interface TextChunk {
  readonly bytes: Buffer;
  /** The same bytes decoded as latin1, so character offsets equal byte offsets. */
  readonly text: string;
  /** Line number (1-based) of the chunk's first byte. */
  readonly startLine: number;
  readonly ownedStart: number;
  readonly ownedEnd: number;
  /** When set, line k of the chunk (0-based) is really line `lineMap[k]` of the file (history scans). */
  readonly lineMap?: Int32Array;
}

export interface ChunkResult {
  readonly findings: Finding[];
  readonly problems: Problem[];
}

/** An analyzer that reads files one chunk at a time. Pure: no I/O, the engine reads for it. */
export interface FileAnalyzer {
  readonly id: string;
  readonly version: string;
  readonly reportType: ReportType;
  /** Cheap test on path and size only. */
  wants(file: FileEntry): boolean;
  analyzeChunk(file: FileEntry, chunk: TextChunk): ChunkResult;
  /** Every primary identifier this analyzer can emit (GitLab's scan.primary_identifiers). */
  primaryIdentifiers(): Identifier[];
}
