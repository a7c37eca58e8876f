import { PackageURL } from 'packageurl-js';
import type { Ecosystem, PackageRef } from '../../core/inventory.js';

/** purl type → OSV ecosystem (the inverse of lockfiles/purl.ts, distros by purl namespace). */
const ECOSYSTEMS: Readonly<Record<string, Ecosystem>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  maven: 'Maven',
  nuget: 'NuGet',
  pub: 'Pub',
  hex: 'Hex',
  apk: 'Alpine',
};
const DISTROS: Readonly<Record<string, Ecosystem>> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  redhat: 'Red Hat',
  rocky: 'Rocky Linux',
  almalinux: 'AlmaLinux',
};

export interface PurlFacts {
  readonly ecosystem: Ecosystem;
  /** The package name as its ecosystem writes it (`@scope/name`, `group:artifact`, `module/path`). */
  readonly name?: string;
  readonly version?: string;
}

/** What a purl says about a package; an unparsable purl gives the `generic` ecosystem. */
export function purlFacts(purl: string): PurlFacts {
  let parsed: PackageURL;
  try {
    parsed = PackageURL.fromString(purl);
  } catch {
    return { ecosystem: 'generic' };
  }
  const ns = parsed.namespace ?? undefined;
  let ecosystem: Ecosystem = ECOSYSTEMS[parsed.type] ?? parsed.type;
  if (parsed.type === 'deb' || parsed.type === 'rpm' || parsed.type === 'apk') ecosystem = DISTROS[(ns ?? '').toLowerCase()] ?? ecosystem;
  const joiner = parsed.type === 'maven' ? ':' : '/';
  const isDistro = parsed.type === 'deb' || parsed.type === 'rpm' || parsed.type === 'apk';
  const name = ns !== undefined && ns !== '' && !isDistro ? `${ns}${joiner}${parsed.name}` : parsed.name;
  return { ecosystem, name, ...(parsed.version === undefined || parsed.version === null ? {} : { version: parsed.version }) };
}

/**
 * Shortest dependency chains from the root's direct dependencies (breadth-first): for each
 * reachable ref, its ancestors from a direct dependency to the immediate parent. The walk visits
 * each ref once, so cycles and huge graphs cost O(refs + edges).
 */
export function shortestPaths(
  roots: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
  refOf: (ref: string) => PackageRef | undefined,
): Map<string, PackageRef[]> {
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const root of roots) {
    if (!parent.has(root)) {
      parent.set(root, null);
      queue.push(root);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const ref = queue[head] as string;
    for (const next of edges.get(ref) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, ref);
      queue.push(next);
    }
  }
  const paths = new Map<string, PackageRef[]>();
  for (const ref of queue) {
    const up = parent.get(ref);
    if (up === null || up === undefined) continue;
    const base = paths.get(up) ?? [];
    const step = refOf(up);
    paths.set(ref, step === undefined ? base : [...base, step]);
  }
  return paths;
}
