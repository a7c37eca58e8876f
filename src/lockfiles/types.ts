import type { Ecosystem } from '../core/inventory.js';
import type { Problem } from '../core/result.js';

/** What a parser is given: the file's text, and a way to read files beside it. */
export interface LockfileInput {
  /** Path relative to the scanned root, forward slashes. */
  readonly path: string;
  readonly text: string;
  /**
   * Read a file relative to the lockfile's folder (`package.json`, `go.sum`), or undefined when it
   * is absent, unreadable or too big. Never leaves the scanned root.
   */
  readonly readSibling: (relativePath: string) => string | undefined;
}

/** One package as a lockfile states it. */
export interface LockedPackage {
  /** Unique within the file; `dependsOn` refers to other packages by this key. */
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly ecosystem: Ecosystem;
  /** Declared by the project itself (undefined when the format cannot tell). */
  readonly direct?: boolean;
  readonly dev?: boolean;
  /** Declared by a range, not an exact version (`version` then holds the range text). */
  readonly unpinned?: boolean;
  /** 1-based line where the package is declared in the file. */
  readonly line?: number;
  /** Keys of the packages this one depends on (unknown keys are ignored). */
  readonly dependsOn: readonly string[];
  /** License text from the lockfile itself (composer.lock, some yarn files), raw. */
  readonly licenses?: readonly string[];
}

export interface ParsedLockfile {
  readonly packages: readonly LockedPackage[];
  readonly problems: readonly Problem[];
}

/** A lockfile or manifest format. Adding a format is adding one file and one entry in index.ts. */
export interface LockfileFormat {
  readonly id: string;
  /** GitLab's package_manager value. */
  readonly packageManager: string;
  readonly ecosystem: Ecosystem;
  /** Whether this format reads the file with this base name. */
  matches(fileName: string): boolean;
  /** Throws LockfileError on a file it cannot read at all; smaller trouble goes in `problems`. */
  parse(input: LockfileInput): ParsedLockfile;
  /**
   * Base names of files in the same folder that make this one redundant: a `package.json`-free
   * format never needs this, but `go.mod` beside a vendor list or a manifest beside its lockfile does.
   */
  readonly supersededBy?: readonly string[];
}

/** A file that cannot be parsed at all. The message names the file's problem in user terms. */
export class LockfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
