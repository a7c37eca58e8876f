import type { Problem } from '../../core/result.js';
import { isRecord, readPackageTables, stringOf, type PackageTable } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { devFlag, reachableFrom } from './dependency-graph.js';
import { normalizePythonName } from './python-names.js';

interface DependencyRef {
  readonly name: string;
  readonly version?: string;
}

interface UvEntry {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  /** Editable or virtual source: a member of the project's workspace, not a dependency. */
  readonly isProjectMember: boolean;
  readonly runtimeRefs: readonly DependencyRef[];
  readonly devRefs: readonly DependencyRef[];
  readonly line: number | undefined;
}

/** uv's `uv.lock`: the project's own editable/virtual packages declare the direct dependencies. */
export const uvLockFormat: LockfileFormat = {
  id: 'python/uv-lock',
  packageManager: 'uv',
  ecosystem: 'PyPI',
  matches: (fileName) => fileName === 'uv.lock',
  parse: parseUvLock,
};

function parseUvLock(input: LockfileInput): ParsedLockfile {
  const problems: Problem[] = [];
  // The project itself may have a dynamic version, which uv leaves out.
  const entries = readEntries(readPackageTables(input, 'uv.lock', problems, ''));
  return { packages: toPackages(entries), problems };
}

function readEntries(tables: readonly PackageTable[]): UvEntry[] {
  const entries = new Map<string, UvEntry>();
  for (const { table, name, version, line } of tables) {
    const source = isRecord(table['source']) ? table['source'] : {};
    const isProjectMember = 'editable' in source || 'virtual' in source;
    const key = `${name}@${version}`;
    if (entries.has(key)) continue;
    const runtimeRefs = [...readRefs(table['dependencies']), ...groupRefs(table['optional-dependencies'])];
    entries.set(key, { key, name, version, isProjectMember, runtimeRefs, devRefs: groupRefs(table['dev-dependencies']), line });
  }
  return [...entries.values()];
}

function readRefs(list: unknown): DependencyRef[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): DependencyRef[] => {
    const name = isRecord(item) ? stringOf(item['name']) : undefined;
    if (name === undefined || !isRecord(item)) return [];
    const version = stringOf(item['version']);
    return [version === undefined ? { name } : { name, version }];
  });
}

/** `[package.optional-dependencies]` and `[package.dev-dependencies]`: lists keyed by extra or group. */
function groupRefs(table: unknown): DependencyRef[] {
  return isRecord(table) ? Object.values(table).flatMap(readRefs) : [];
}

function toPackages(entries: readonly UvEntry[]): LockedPackage[] {
  const keysByName = new Map<string, UvEntry[]>();
  for (const entry of entries) {
    const name = normalizePythonName(entry.name);
    keysByName.set(name, [...(keysByName.get(name) ?? []), entry]);
  }
  // uv names a version only when several versions of one package are locked.
  const resolve = (ref: DependencyRef): string[] =>
    (keysByName.get(normalizePythonName(ref.name)) ?? []).filter((e) => ref.version === undefined || e.version === ref.version).map((e) => e.key);
  const edges = new Map(entries.map((entry) => [entry.key, [...entry.runtimeRefs, ...entry.devRefs].flatMap(resolve)]));
  const members = entries.filter((entry) => entry.isProjectMember);
  const runtimeRoots = members.flatMap((member) => member.runtimeRefs.flatMap(resolve));
  const devRoots = members.flatMap((member) => member.devRefs.flatMap(resolve));
  const runtime = reachableFrom(runtimeRoots, edges);
  const development = reachableFrom(devRoots, edges);
  const direct = new Set([...runtimeRoots, ...devRoots]);
  const hasProject = members.length > 0;
  return entries
    .filter((entry) => !entry.isProjectMember)
    .map((entry) => {
      const dev = hasProject ? devFlag(entry.key, runtime, development) : undefined;
      return {
        key: entry.key,
        name: entry.name,
        version: entry.version,
        ecosystem: 'PyPI',
        ...(hasProject ? { direct: direct.has(entry.key) } : {}),
        ...(dev === undefined ? {} : { dev }),
        ...(entry.line === undefined ? {} : { line: entry.line }),
        dependsOn: edges.get(entry.key) ?? [],
      };
    });
}
