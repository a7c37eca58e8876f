import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { devFlag, reachableFrom } from './dependency-graph.js';
import { normalizePythonName } from './python-names.js';
import { findPackageNameLines, isRecord, parseTomlDocument, stringOf } from './structured-text.js';

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
  const document = parseTomlDocument(input.text, input.path);
  const rawPackages = document['package'] ?? [];
  if (!Array.isArray(rawPackages)) throw new LockfileError(`${input.path} is not a uv.lock: "package" is not an array of [[package]] tables`);
  const problems: Problem[] = [];
  const entries = readEntries(input.path, rawPackages, findPackageNameLines(input.text), problems);
  return { packages: toPackages(entries), problems };
}

function readEntries(path: string, rawPackages: readonly unknown[], nameLines: readonly (number | undefined)[], problems: Problem[]): UvEntry[] {
  const entries = new Map<string, UvEntry>();
  rawPackages.forEach((raw, index) => {
    const line = nameLines[index];
    const name = isRecord(raw) ? stringOf(raw['name']) : undefined;
    if (!isRecord(raw) || name === undefined) {
      problems.push({ code: 'unreadable-package', message: `${path}: [[package]] number ${index + 1} has no name; skipped`, file: path, ...(line === undefined ? {} : { line }), level: 'warn' });
      return;
    }
    const source = isRecord(raw['source']) ? raw['source'] : {};
    const isProjectMember = 'editable' in source || 'virtual' in source;
    // The project itself may have a dynamic version, which uv leaves out.
    const version = stringOf(raw['version']) ?? '';
    const key = `${name}@${version}`;
    if (entries.has(key)) return;
    const runtimeRefs = [...readRefs(raw['dependencies']), ...groupRefs(raw['optional-dependencies'])];
    entries.set(key, { key, name, version, isProjectMember, runtimeRefs, devRefs: groupRefs(raw['dev-dependencies']), line });
  });
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
