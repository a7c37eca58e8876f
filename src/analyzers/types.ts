import type { Finding, ReportType } from '../core/finding.js';
import type { Identifier } from '../core/identifier.js';
import type { Inventory } from '../core/inventory.js';
import type { AnalyzerResult } from '../core/report.js';
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
  /** Valid only during `analyzeChunk`: the engine reuses the buffer for the next file. */
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

/** What a whole-tree analyzer gets once the walk is over. */
export interface TreeInput {
  /** The scanned root as an absolute path. */
  readonly root: string;
  /** The walked files this analyzer claimed, in walk order. */
  readonly files: readonly FileEntry[];
  /**
   * Read a file by its path relative to the root (it need not have been walked: `.gitignore`d
   * `node_modules` metadata, `package.json` beside a lockfile). Undefined when it is absent, not a
   * regular file, larger than the scan's size limit, or resolves outside the root.
   */
  readonly readFile: (relativePath: string) => string | undefined;
  /** The inventory the analyzers before this one built (dependency → license). */
  readonly inventory: Inventory;
  readonly signal?: AbortSignal;
}

/**
 * An analyzer that needs files together (a lockfile and its manifest, package metadata across the
 * tree) rather than one chunk at a time. Runs on the main thread after the walk.
 */
export interface TreeAnalyzer {
  readonly id: string;
  readonly version: string;
  readonly reportType: ReportType;
  /** Cheap test on the path: the files this analyzer wants handed over. */
  claims(file: FileEntry): boolean;
  analyzeTree(input: TreeInput): Promise<AnalyzerResult>;
  primaryIdentifiers(): Identifier[];
}
