import type { Package, PackageRef } from '../../core/inventory.js';
import type { LockedPackage } from '../../lockfiles/types.js';
import { purlOf } from '../../lockfiles/purl.js';

/**
 * Turn one lockfile's packages into inventory packages: purls, which are direct, and for each
 * transitive one the shortest path from a direct dependency (breadth-first, so cycles end).
 * Packages installed at several places in one file (npm's nested copies) become one package.
 */
export function buildPackages(file: string, locked: readonly LockedPackage[]): Package[] {
  const byKey = new Map<string, LockedPackage>();
  for (const pkg of locked) byKey.set(pkg.key, pkg);

  // When a format cannot tell which packages are direct, the ones nothing depends on are.
  const knowsDirect = locked.some((pkg) => pkg.direct !== undefined);
  let roots: LockedPackage[];
  if (knowsDirect) {
    roots = locked.filter((pkg) => pkg.direct === true);
  } else {
    const depended = new Set<string>();
    for (const pkg of locked) for (const dep of pkg.dependsOn) if (dep !== pkg.key) depended.add(dep);
    roots = locked.filter((pkg) => !depended.has(pkg.key));
  }

  // Breadth-first from all roots at once: the first visit of a key is along a shortest path.
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const root of roots) {
    if (!parent.has(root.key)) {
      parent.set(root.key, null);
      queue.push(root.key);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    for (const dep of byKey.get(key)?.dependsOn ?? []) {
      if (!parent.has(dep) && byKey.has(dep)) {
        parent.set(dep, key);
        queue.push(dep);
      }
    }
  }

  const refOf = (key: string): PackageRef => {
    const pkg = byKey.get(key)!;
    return { name: pkg.name, version: pkg.version };
  };
  const pathTo = (key: string): PackageRef[] => {
    const chain: PackageRef[] = [];
    for (let at = parent.get(key); at !== null && at !== undefined; at = parent.get(at)) chain.push(refOf(at));
    return chain.reverse();
  };

  const purlByKey = new Map<string, string>();
  for (const pkg of locked) purlByKey.set(pkg.key, purlOf(pkg.ecosystem, pkg.name, pkg.version));

  const merged = new Map<string, { pkg: LockedPackage; direct: boolean; dev: boolean; lines: Set<number>; deps: Set<string>; path?: PackageRef[] }>();
  for (const pkg of locked) {
    const purl = purlByKey.get(pkg.key)!;
    const isDirect = knowsDirect ? pkg.direct === true : parent.get(pkg.key) === null;
    const path = isDirect || !parent.has(pkg.key) ? undefined : pathTo(pkg.key);
    const deps = pkg.dependsOn.map((dep) => purlByKey.get(dep)).filter((dep): dep is string => dep !== undefined && dep !== purl);
    const seen = merged.get(purl);
    if (!seen) {
      merged.set(purl, {
        pkg,
        direct: isDirect,
        dev: pkg.dev === true,
        lines: new Set(pkg.line !== undefined ? [pkg.line] : []),
        deps: new Set(deps),
        ...(path ? { path } : {}),
      });
      continue;
    }
    seen.direct ||= isDirect;
    // A package is a development one only if every copy of it is.
    seen.dev &&= pkg.dev === true;
    if (pkg.line !== undefined) seen.lines.add(pkg.line);
    for (const dep of deps) seen.deps.add(dep);
    if (path && (!seen.path || path.length < seen.path.length)) seen.path = path;
  }

  const packages: Package[] = [];
  for (const [purl, entry] of merged) {
    const { pkg } = entry;
    const lines = [...entry.lines].sort((a, b) => a - b);
    const path = entry.direct ? undefined : entry.path;
    packages.push({
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: pkg.version,
      purl,
      direct: entry.direct,
      ...(entry.dev ? { dev: true } : {}),
      ...(pkg.unpinned ? { unpinned: true } : {}),
      ...(pkg.licenses && pkg.licenses.length > 0 ? { licenses: pkg.licenses } : {}),
      locations: lines.length > 0 ? lines.map((line) => ({ file, line })) : [{ file }],
      dependsOn: [...entry.deps].sort(),
      ...(path ? { path, ...(path[0] ? { via: path[0] } : {}) } : {}),
    });
  }
  return packages;
}
