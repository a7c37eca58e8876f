import type { Problem } from '../../core/result.js';
import { isRecord, parseJsonDocument } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';

interface MergedPackage {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  direct: boolean;
  readonly dependsOn: Set<string>;
}

/** What one framework section says about a package, before merging across frameworks. */
interface FrameworkEntry {
  readonly name: string;
  readonly type: string;
  readonly resolved: string;
  readonly dependencyNames: readonly string[];
}

/** NuGet's `packages.lock.json`: one section per target framework (and runtime), merged here. */
export const nugetLockFormat: LockfileFormat = {
  id: 'dotnet/nuget-lock',
  packageManager: 'nuget',
  ecosystem: 'NuGet',
  matches: (fileName) => fileName === 'packages.lock.json',
  parse: parseNugetLock,
};

function parseNugetLock(input: LockfileInput): ParsedLockfile {
  const document = parseJsonDocument(input.text);
  if (!isRecord(document) || !isRecord(document['dependencies'])) {
    throw new LockfileError(`${input.path} is not a NuGet lock file: it has no "dependencies" object`);
  }
  const problems: Problem[] = [];
  const merged = new Map<string, MergedPackage>();
  for (const [framework, section] of Object.entries(document['dependencies'])) {
    if (!isRecord(section)) continue;
    mergeFramework(merged, readFramework(input.path, framework, section, problems));
  }
  const lines = findEntryLines(input.text);
  const packages = [...merged.values()].map((pkg): LockedPackage => {
    const line = lines.get(pkg.name.toLowerCase());
    return { key: pkg.key, name: pkg.name, version: pkg.version, ecosystem: 'NuGet', direct: pkg.direct, ...(line === undefined ? {} : { line }), dependsOn: [...pkg.dependsOn] };
  });
  return { packages, problems };
}

function readFramework(path: string, framework: string, section: Record<string, unknown>, problems: Problem[]): FrameworkEntry[] {
  return Object.entries(section).flatMap(([name, raw]): FrameworkEntry[] => {
    const type = isRecord(raw) && typeof raw['type'] === 'string' ? raw['type'] : undefined;
    // Project references are other projects of the same solution, not NuGet packages.
    if (type === 'Project') return [];
    const resolved = isRecord(raw) && typeof raw['resolved'] === 'string' ? raw['resolved'] : undefined;
    if (!isRecord(raw) || type === undefined || resolved === undefined) {
      problems.push({ code: 'unreadable-package', message: `${path}: "${name}" under "${framework}" has no type or resolved version; skipped`, file: path, level: 'warn' });
      return [];
    }
    const dependencyNames = isRecord(raw['dependencies']) ? Object.keys(raw['dependencies']) : [];
    return [{ name, type, resolved, dependencyNames }];
  });
}

/** Edges point at the version resolved in the same framework; NuGet ids are case-insensitive. */
function mergeFramework(merged: Map<string, MergedPackage>, entries: readonly FrameworkEntry[]): void {
  const keyOf = (name: string, version: string): string => `${name.toLowerCase()}@${version.toLowerCase()}`;
  const resolvedKeys = new Map(entries.map((entry) => [entry.name.toLowerCase(), keyOf(entry.name, entry.resolved)]));
  for (const entry of entries) {
    const key = keyOf(entry.name, entry.resolved);
    const pkg = merged.get(key) ?? { key, name: entry.name, version: entry.resolved, direct: false, dependsOn: new Set<string>() };
    pkg.direct ||= entry.type === 'Direct';
    for (const dependency of entry.dependencyNames) {
      const target = resolvedKeys.get(dependency.toLowerCase());
      if (target !== undefined) pkg.dependsOn.add(target);
    }
    merged.set(key, pkg);
  }
}

/**
 * First line of each `"Package.Id": {` entry. NuGet writes one key per line, and framework names
 * (`net8.0`) never collide with package ids.
 */
function findEntryLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const name = /^\s*"([^"\\]+)":\s*\{\s*$/.exec(line)?.[1]?.toLowerCase();
    if (name !== undefined && !lines.has(name)) lines.set(name, index + 1);
  });
  return lines;
}
