import type { Package, PackageRef } from '../../core/inventory.js';
import type { LockedPackage } from '../../lockfiles/types.js';
import { purlOf } from '../../lockfiles/purl.js';

const MAX_PATH_DEPTH = 32;

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

  // One shared ref per package: paths of a deep graph would otherwise hold millions of copies.
  const refs = new Map<string, PackageRef>();
  const refOf = (key: string): PackageRef => {
    let ref = refs.get(key);
    if (!ref) {
      const pkg = byKey.get(key)!;
      ref = { name: pkg.name, version: pkg.version };
      refs.set(key, ref);
    }
    return ref;
  };
  // A path longer than this is left out (the SBOM's graph still has every edge): reports of a
  // hostile lockfile would otherwise grow with packages × depth.
  const pathTo = (key: string): PackageRef[] | undefined => {
    const chain: PackageRef[] = [];
    for (let at = parent.get(key); at !== null && at !== undefined; at = parent.get(at)) {
      if (chain.length === MAX_PATH_DEPTH) return undefined;
      chain.push(refOf(at));
    }
    return chain.reverse();
  };

  // The direct dependency at the top of a package's path, memoised so a deep chain costs O(n).
  const rootByKey = new Map<string, string>();
  const rootOf = (key: string): string | undefined => {
    const climbed: string[] = [];
    let at: string | null | undefined = key;
    let root: string | undefined;
    while (at !== null && at !== undefined) {
      const known = rootByKey.get(at);
      if (known !== undefined) {
        root = known;
        break;
      }
      climbed.push(at);
      const up: string | null | undefined = parent.get(at);
      if (up === null) root = at;
      at = up;
    }
    if (root !== undefined) for (const k of climbed) rootByKey.set(k, root);
    return root;
  };

  const purlByKey = new Map<string, string>();
  for (const pkg of locked) purlByKey.set(pkg.key, purlOf(pkg.ecosystem, pkg.name, pkg.version));

  const merged = new Map<string, { pkg: LockedPackage; direct: boolean; dev: boolean; lines: Set<number>; deps: Set<string>; path?: PackageRef[]; via?: PackageRef }>();
  for (const pkg of locked) {
    const purl = purlByKey.get(pkg.key)!;
    const isDirect = knowsDirect ? pkg.direct === true : parent.get(pkg.key) === null;
    const path = isDirect || !parent.has(pkg.key) ? undefined : pathTo(pkg.key);
    const rootKey = isDirect || !parent.has(pkg.key) ? undefined : rootOf(pkg.key);
    const via = rootKey !== undefined ? refOf(rootKey) : undefined;
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
        ...(via ? { via } : {}),
      });
      continue;
    }
    seen.direct ||= isDirect;
    // A package is a development one only if every copy of it is.
    seen.dev &&= pkg.dev === true;
    if (pkg.line !== undefined) seen.lines.add(pkg.line);
    for (const dep of deps) seen.deps.add(dep);
    if (path && (!seen.path || path.length < seen.path.length)) {
      seen.path = path;
      if (via) seen.via = via;
    }
    if (!seen.via && via) seen.via = via;
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
      ...(path ? { path } : {}),
      ...(!entry.direct && entry.via ? { via: entry.via } : {}),
    });
  }
  return packages;
}
