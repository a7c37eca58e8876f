import type { Problem } from '../../core/result.js';
import { readPackageTables, stringOf, type PackageTable } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';

interface CrateEntry {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly source: string | undefined;
  readonly dependencies: readonly string[];
  readonly line: number | undefined;
}

/** Cargo's `Cargo.lock`, lock versions 1 to 4. Crates without a `source` are the project's own. */
export const cargoLockFormat: LockfileFormat = {
  id: 'rust/cargo-lock',
  packageManager: 'cargo',
  ecosystem: 'crates.io',
  matches: (fileName) => fileName === 'Cargo.lock',
  parse: parseCargoLock,
};

function parseCargoLock(input: LockfileInput): ParsedLockfile {
  const problems: Problem[] = [];
  const crates = readCrates(readPackageTables(input, 'Cargo.lock', problems));
  return { packages: toPackages(crates), problems };
}

function readCrates(tables: readonly PackageTable[]): CrateEntry[] {
  const crates = new Map<string, CrateEntry>();
  for (const { table, name, version, line } of tables) {
    const source = stringOf(table['source']);
    // The same name and version from two sources (registry and git) is legal; keep both apart.
    const plainKey = `${name}@${version}`;
    const key = crates.has(plainKey) ? `${plainKey} (${source ?? 'local'})` : plainKey;
    if (crates.has(key)) continue;
    const rawDependencies = table['dependencies'];
    const dependencies = Array.isArray(rawDependencies) ? rawDependencies.filter((d): d is string => typeof d === 'string') : [];
    crates.set(key, { key, name, version, source, dependencies, line });
  }
  return [...crates.values()];
}

/**
 * Cargo writes a dependency as `"name"` when one version is locked, `"name version"` when several
 * are, and adds `" (source)"` when that is still ambiguous (lock v1 always writes all three).
 */
function resolveDependency(entry: string, crates: readonly CrateEntry[]): string | undefined {
  const [name, version, ...rest] = entry.split(' ');
  const source = rest.length > 0 ? rest.join(' ').replace(/^\(|\)$/g, '') : undefined;
  const candidates = crates.filter((c) => c.name === name && (version === undefined || c.version === version));
  const exact = source === undefined ? undefined : candidates.find((c) => c.source === source);
  return (exact ?? candidates[0])?.key;
}

function toPackages(crates: readonly CrateEntry[]): LockedPackage[] {
  const byName = new Map<string, CrateEntry[]>();
  for (const crate of crates) byName.set(crate.name, [...(byName.get(crate.name) ?? []), crate]);
  const edgesOf = (crate: CrateEntry): string[] =>
    crate.dependencies.flatMap((entry) => {
      const key = resolveDependency(entry, byName.get(entry.split(' ', 1)[0] ?? '') ?? []);
      return key === undefined ? [] : [key];
    });
  const members = crates.filter((crate) => crate.source === undefined);
  const direct = new Set(members.flatMap(edgesOf));
  const hasProject = members.length > 0;
  return crates
    .filter((crate) => crate.source !== undefined)
    .map((crate) => ({
      key: crate.key,
      name: crate.name,
      version: crate.version,
      ecosystem: 'crates.io',
      ...(hasProject ? { direct: direct.has(crate.key) } : {}),
      ...(crate.line === undefined ? {} : { line: crate.line }),
      dependsOn: edgesOf(crate),
    }));
}
