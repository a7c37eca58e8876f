import { posix } from 'node:path';
import type { Identifier } from '../../core/identifier.js';
import type { DependencyFile, Package } from '../../core/inventory.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import { isStale, openStore } from '../../advisories/store.js';
import { LOCKFILE_FORMATS } from '../../lockfiles/index.js';
import { LockfileError, type LockfileFormat } from '../../lockfiles/types.js';
import type { FileEntry, TreeAnalyzer, TreeInput } from '../types.js';
import { buildPackages } from './graph.js';
import { DEPENDENCY_ANALYZER_ID } from './findings.js';
import { matchInventory } from './match-inventory.js';

export interface DependencyOptions {
  /** Match packages against advisories (the `dependencies` scanner); off, only the inventory is built. */
  readonly match: boolean;
  /** The advisory store folder, already resolved (flag, environment, cache folder). */
  readonly dbDir: string;
  /** Warn when the store is older than this many days. */
  readonly staleAfterDays: number;
}

const VERSION = '1.0.0';

/** Lockfiles inside installed packages or vendored trees describe those packages, not the project. */
const FOREIGN_DIRS = /(^|\/)(node_modules|bower_components|\.git|vendor\/bundle|site-packages)\//;

function formatFor(path: string): LockfileFormat | undefined {
  if (FOREIGN_DIRS.test(path)) return undefined;
  const base = posix.basename(path);
  return LOCKFILE_FORMATS.find((format) => format.matches(base));
}


interface ParsedFile {
  readonly file: DependencyFile;
  readonly packages: Package[];
}

function parseFile(entry: FileEntry, format: LockfileFormat, input: TreeInput, problems: Problem[]): ParsedFile | undefined {
  const text = input.readFile(entry.path);
  if (text === undefined) {
    problems.push({ code: 'lockfile-unreadable', level: 'warn', file: entry.path, message: `${entry.path}: could not be read (too large, not a regular file, or gone)` });
    return undefined;
  }
  const dir = posix.dirname(entry.path);
  try {
    const parsed = format.parse({
      path: entry.path,
      text,
      readSibling: (relative) => input.readFile(posix.normalize(posix.join(dir, relative))),
    });
    for (const problem of parsed.problems) problems.push({ ...problem, file: problem.file ?? entry.path });
    const packages = buildPackages(entry.path, parsed.packages);
    return { file: { path: entry.path, packageManager: format.packageManager, packages: packages.map((p) => p.purl) }, packages };
  } catch (error) {
    const where = error instanceof LockfileError && error.line !== undefined ? `:${error.line}` : '';
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'lockfile-malformed',
      level: 'warn',
      file: entry.path,
      ...(error instanceof LockfileError && error.line !== undefined ? { line: error.line } : {}),
      message: `${entry.path}${where}: ${message}; its packages were left out`,
    });
    return undefined;
  }
}

function unpinnedNotice(files: readonly ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, packages } of files) {
    const loose = packages.filter((p) => p.unpinned);
    if (loose.length === 0) continue;
    const names = loose.slice(0, 5).map((p) => `${p.name} ${p.version}`).join(', ');
    problems.push({
      code: 'unpinned-dependency',
      level: 'warn',
      file: file.path,
      message: `${file.path}: ${loose.length} dependenc${loose.length === 1 ? 'y is' : 'ies are'} not pinned to one version (${names}${loose.length > 5 ? ', …' : ''}); pin them or commit a lockfile so they can be checked`,
    });
  }
  return problems;
}

export function createDependencyAnalyzer(options: DependencyOptions): TreeAnalyzer {
  return {
    id: DEPENDENCY_ANALYZER_ID,
    version: VERSION,
    reportType: 'dependency_scanning',
    claims: (file) => formatFor(file.path) !== undefined,
    primaryIdentifiers: (): Identifier[] => [],
    async analyzeTree(input: TreeInput): Promise<AnalyzerResult> {
      const problems: Problem[] = [];
      const parsed: ParsedFile[] = [];
      for (const entry of input.files) {
        const format = formatFor(entry.path);
        if (!format) continue;
        const file = parseFile(entry, format, input, problems);
        if (file) parsed.push(file);
      }
      problems.push(...unpinnedNotice(parsed));
      const inventory = {
        ...input.inventory,
        packages: [...input.inventory.packages, ...parsed.flatMap((f) => f.packages)],
        dependencyFiles: [...input.inventory.dependencyFiles, ...parsed.map((f) => f.file)],
      };
      if (!options.match || parsed.length === 0) return { findings: [], inventory, problems, status: 'ok' };

      const opened = openStore(options.dbDir);
      if (!opened.ok) {
        problems.push({
          code: 'advisory-db-missing',
          level: 'warn',
          message: `${opened.error}. Dependencies were listed in the SBOM but not checked for vulnerabilities.`,
        });
        return { findings: [], inventory, problems, status: 'partial' };
      }
      const store = opened.value;
      try {
        if (isStale(store.manifest, new Date(), options.staleAfterDays)) {
          problems.push({
            code: 'advisory-db-stale',
            level: 'warn',
            message: `the advisory database in ${options.dbDir} was built ${store.manifest.builtAt} and is older than ${options.staleAfterDays} days; run \`bulwark db update\` for current advisories`,
          });
        }
        const findings = matchInventory(
          parsed.flatMap((f) => f.packages),
          store,
          problems,
          {
            placeOf: (pkg) => {
              const at = pkg.locations[0];
              return { kind: 'dependency', file: at?.file ?? '', ...(at?.line !== undefined ? { line: at.line } : {}) };
            },
          },
        );
        return { findings, inventory, problems, status: 'ok' };
      } finally {
        store.close();
      }
    },
  };
}
