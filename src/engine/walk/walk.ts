import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute as isAbsolutePath, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Problem } from '../../core/result.js';
import type { FileEntry } from '../../analyzers/types.js';

export interface WalkOptions {
  /** Globs (relative to the root) of paths to leave out. */
  readonly exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  readonly gitignore?: boolean;
  /** Files larger than this are skipped with a notice. */
  readonly maxFileSize: number;
  /**
   * Stat every regular file for its size (default true). Without it a file's `size` is -1 and the
   * size limit is left to whoever reads it: a scan that only looks for lockfiles then costs one
   * readdir per folder instead of one lstat per file.
   */
  readonly sizes?: boolean;
  readonly signal?: AbortSignal;
}

export interface Walk {
  /** Regular files, depth-first in name order, so output is deterministic. */
  readonly files: Generator<FileEntry>;
  /** Filled while `files` is consumed. */
  readonly problems: Problem[];
  readonly skipped: { count: number };
}

interface IgnoreScope {
  /** Directory of the .gitignore, relative to the root ('' for the root). */
  readonly base: string;
  readonly rules: Ignore;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
}

/**
 * Walk the tree under `root`. The root may also be a single file. File-system calls are synchronous:
 * the walk runs on the main thread while workers analyze, and a promise round trip per file costs
 * more than the stat itself.
 */
export function walk(root: string, options: WalkOptions): Walk {
  const problems: Problem[] = [];
  const skipped = { count: 0 };
  const isExcluded = (options.exclude ?? []).length > 0 ? picomatch([...(options.exclude ?? [])], { dot: true }) : () => false;
  const useGitignore = options.gitignore !== false;
  const wantSizes = options.sizes !== false;
  const visitedDirs = new Set<string>();

  const isIgnored = (scopes: readonly IgnoreScope[], rel: string, isDir: boolean): boolean => {
    if (isExcluded(rel) || (isDir && isExcluded(`${rel}/`))) return true;
    // As git: the deepest .gitignore with an opinion (a match or a `!` negation) decides.
    for (let i = scopes.length - 1; i >= 0; i--) {
      const scope = scopes[i] as IgnoreScope;
      const local = scope.base === '' ? rel : rel.slice(scope.base.length + 1);
      const verdict = scope.rules.test(isDir ? `${local}/` : local);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  };

  const fileEntry = (abs: string, rel: string, stats: Stats): FileEntry | null => {
    if (stats.size > options.maxFileSize) {
      skipped.count++;
      problems.push({
        code: 'file-too-large',
        message: `skipped ${rel}: ${stats.size} bytes is over the ${options.maxFileSize}-byte limit (raise it with --max-file-size)`,
        file: rel,
        level: 'info',
      });
      return null;
    }
    return { path: rel, absPath: abs, size: stats.size };
  };

  function* walkDir(abs: string, rel: string, scopes: readonly IgnoreScope[]): Generator<FileEntry> {
    options.signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      problems.push({
        code: 'unreadable-directory',
        message: `skipped directory ${rel || '.'}: ${errorCode(error)} (check its permissions)`,
        file: rel || '.',
        level: 'warn',
      });
      return;
    }
    let localScopes = scopes;
    if (useGitignore && entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        const text = readFileSync(join(abs, '.gitignore'), 'utf8');
        localScopes = [...scopes, { base: rel, rules: ignore().add(text) }];
      } catch (error) {
        problems.push({ code: 'unreadable-gitignore', message: `could not read ${rel}/.gitignore: ${errorCode(error)}`, level: 'warn' });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `abs` is already normal (a real path, then names joined to it): plain concatenation gives
    // what path.join would, without its normalising pass over every file's path.
    const prefix = abs.endsWith(sep) ? abs : `${abs}${sep}`;
    for (const entry of entries) {
      const childAbs = `${prefix}${entry.name}`;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(localScopes, childRel, true)) continue;
        if (enterDir(childAbs, childRel)) yield* walkDir(childAbs, childRel, localScopes);
      } else if (entry.isFile()) {
        if (isIgnored(localScopes, childRel, false)) continue;
        if (!wantSizes) {
          yield { path: childRel, absPath: childAbs, size: -1 };
          continue;
        }
        const entryStats = statOrReport(childAbs, childRel, lstatSync);
        const file = entryStats && fileEntry(childAbs, childRel, entryStats);
        if (file) yield file;
      } else if (entry.isSymbolicLink()) {
        if (isIgnored(localScopes, childRel, false)) continue;
        yield* followLink(childAbs, childRel, localScopes);
      } else {
        skipped.count++; // sockets, FIFOs, devices: reading them could block or never end
      }
    }
  }

  function statOrReport(abs: string, rel: string, how: (path: string) => Stats): Stats | null {
    try {
      return how(abs);
    } catch (error) {
      skipped.count++;
      problems.push({ code: 'unreadable-file', message: `skipped ${rel}: ${errorCode(error)}`, file: rel, level: 'warn' });
      return null;
    }
  }

  /** Enter a directory once: a second visit through a link is a loop or a duplicate. */
  function enterDir(abs: string, rel: string): boolean {
    const stats = statOrReport(abs, rel, statSync);
    if (!stats) return false;
    const key = `${stats.dev}:${stats.ino}`;
    if (visitedDirs.has(key)) {
      problems.push({ code: 'symlink-loop', message: `skipped ${rel}: a link back to a directory already scanned`, file: rel, level: 'info' });
      return false;
    }
    visitedDirs.add(key);
    return true;
  }

  function* followLink(abs: string, rel: string, scopes: readonly IgnoreScope[]): Generator<FileEntry> {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (error) {
      const code = errorCode(error);
      const why = code === 'ELOOP' ? 'a symlink loop' : code === 'ENOENT' ? 'a dangling link' : code;
      problems.push({ code: code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink', message: `skipped ${rel}: ${why}`, file: rel, level: 'info' });
      return;
    }
    const fromRoot = relative(rootReal, target);
    if (fromRoot.startsWith('..') || isAbsolutePath(fromRoot)) {
      problems.push({ code: 'symlink-outside-root', message: `skipped ${rel}: links outside the scanned tree`, file: rel, level: 'info' });
      return;
    }
    const stats = statOrReport(abs, rel, statSync);
    if (!stats) return;
    if (stats.isDirectory()) {
      if (isIgnored(scopes, rel, true)) return;
      if (enterDir(abs, rel)) yield* walkDir(abs, rel, scopes);
    } else {
      // A link to a file inside the tree: that file is scanned under its own path.
      skipped.count++;
    }
  }

  let rootReal = root;

  function* run(): Generator<FileEntry> {
    let stats: Stats;
    try {
      rootReal = realpathSync(root);
      stats = statSync(rootReal);
    } catch (error) {
      throw new WalkError(`cannot read ${root}: ${errorCode(error) === 'ENOENT' ? 'no such file or directory' : errorCode(error)}`);
    }
    if (stats.isFile()) {
      const name = toPosix(root).split('/').pop() ?? root;
      const file = fileEntry(rootReal, name, stats);
      if (file) yield file;
      return;
    }
    visitedDirs.add(`${stats.dev}:${stats.ino}`);
    yield* walkDir(rootReal, '', []);
  }

  return { files: run(), problems, skipped };
}

/** The scan target itself cannot be read: a user error, exit code 2. */
export class WalkError extends Error {}
