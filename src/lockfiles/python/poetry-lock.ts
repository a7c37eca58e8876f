import type { Problem } from '../../core/result.js';
import { isRecord, parseTomlDocument, readPackageTables, readSiblingDocument, stringOf, type PackageTable } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { devFlag, reachableFrom } from './dependency-graph.js';
import type { DeclaredDependencies } from './pyproject-dependencies.js';
import { readDeclaredDependencies } from './pyproject-dependencies.js';
import { normalizePythonName } from './python-names.js';

interface PoetryEntry {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  /** From `category` (lock 1.x) or `groups` (Poetry 2); undefined when the lock does not say. */
  readonly statedDev: boolean | undefined;
  readonly dependencyNames: readonly string[];
  readonly line: number | undefined;
}

/** Poetry's `poetry.lock`, with direct and development dependencies taken from `pyproject.toml`. */
export const poetryLockFormat: LockfileFormat = {
  id: 'python/poetry-lock',
  packageManager: 'poetry',
  ecosystem: 'PyPI',
  matches: (fileName) => fileName === 'poetry.lock',
  parse: parsePoetryLock,
};

function parsePoetryLock(input: LockfileInput): ParsedLockfile {
  const problems: Problem[] = [];
  const entries = readEntries(readPackageTables(input, 'poetry.lock', problems));
  const pyproject = readSiblingDocument(input, 'pyproject.toml', parseTomlDocument, problems, 'direct and development dependencies');
  const declared = pyproject === undefined ? undefined : readDeclaredDependencies(pyproject);
  return { packages: toPackages(entries, declared), problems };
}

function readEntries(tables: readonly PackageTable[]): PoetryEntry[] {
  const entries = new Map<string, PoetryEntry>();
  for (const { table, name, version, line } of tables) {
    const key = `${name}@${version}`;
    if (entries.has(key)) continue;
    const dependencies = table['dependencies'];
    entries.set(key, { key, name, version, statedDev: statedDevFlag(table), dependencyNames: isRecord(dependencies) ? Object.keys(dependencies) : [], line });
  }
  return [...entries.values()];
}

function statedDevFlag(raw: Readonly<Record<string, unknown>>): boolean | undefined {
  const category = stringOf(raw['category']);
  if (category !== undefined) return category === 'dev';
  const groups = raw['groups'];
  if (Array.isArray(groups)) return !groups.includes('main');
  return undefined;
}

function toPackages(entries: readonly PoetryEntry[], declared: DeclaredDependencies | undefined): LockedPackage[] {
  const keysByName = new Map<string, string[]>();
  for (const entry of entries) {
    const name = normalizePythonName(entry.name);
    keysByName.set(name, [...(keysByName.get(name) ?? []), entry.key]);
  }
  const edges = new Map(entries.map((entry) => [entry.key, entry.dependencyNames.flatMap((name) => keysByName.get(normalizePythonName(name)) ?? [])]));
  const rootsOf = (names: ReadonlySet<string>): string[] => [...names].flatMap((name) => keysByName.get(name) ?? []);
  const runtime = declared === undefined ? new Set<string>() : reachableFrom(rootsOf(declared.runtime), edges);
  const development = declared === undefined ? new Set<string>() : reachableFrom(rootsOf(declared.dev), edges);
  return entries.map((entry) => {
    const normalized = normalizePythonName(entry.name);
    const dev = entry.statedDev ?? (declared === undefined ? undefined : devFlag(entry.key, runtime, development));
    return {
      key: entry.key,
      name: entry.name,
      version: entry.version,
      ecosystem: 'PyPI',
      ...(declared === undefined ? {} : { direct: declared.runtime.has(normalized) || declared.dev.has(normalized) }),
      ...(dev === undefined ? {} : { dev }),
      ...(entry.line === undefined ? {} : { line: entry.line }),
      dependsOn: edges.get(entry.key) ?? [],
    };
  });
}
