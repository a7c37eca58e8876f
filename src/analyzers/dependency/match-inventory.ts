import type { Finding } from '../../core/finding.js';
import type { Package } from '../../core/inventory.js';
import type { Problem } from '../../core/result.js';
import { matchPackage, osvSchemes, type AdvisoryMatch, type PackageQuery } from '../../advisories/match.js';
import type { AdvisoryStore } from '../../advisories/store.js';
import { schemeForEcosystem } from '../../versions/index.js';
import { findingFor, groupByAlias, type FindingPlace } from './findings.js';

export interface InventoryMatchOptions {
  /** Where each package's findings point. */
  readonly placeOf: (pkg: Package) => FindingPlace;
  /**
   * What to ask the store for a package (default: its own ecosystem, name and version). OS
   * packages are asked by their source package, which is what distro advisories name.
   */
  readonly queryOf?: (pkg: Package) => PackageQuery;
}

/**
 * Match packages against the advisory store: each distinct query is matched once, advisories
 * that are aliases of each other become one finding, and a range the version scheme cannot read
 * is reported once per advisory.
 */
export function matchInventory(packages: readonly Package[], store: AdvisoryStore, problems: Problem[], options: InventoryMatchOptions): Finding[] {
  const cache = new Map<string, readonly AdvisoryMatch[]>();
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const pkg of packages) {
    if (pkg.unpinned) continue;
    const query = options.queryOf?.(pkg) ?? { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version };
    const scheme = schemeForEcosystem(query.ecosystem);
    if (!scheme) continue;
    const key = `${query.ecosystem}\0${query.name}\0${query.version}`;
    let matches = cache.get(key);
    if (!matches) {
      if (!scheme.isValid(query.version)) {
        problems.push({
          code: 'version-not-comparable',
          level: 'info',
          ...(pkg.locations[0] ? { file: pkg.locations[0].file } : {}),
          message: `${query.name} ${query.version} is not a ${scheme.name} version; it was not checked`,
        });
        matches = [];
      } else {
        const outcome = matchPackage(store.lookup(query.ecosystem, query.name), query, osvSchemes);
        matches = outcome.matches;
        for (const problem of outcome.problems) {
          if (reported.has(problem.advisoryId)) continue;
          reported.add(problem.advisoryId);
          problems.push({ code: 'advisory-range-unusable', level: 'warn', message: problem.message });
        }
      }
      cache.set(key, matches);
    }
    for (const group of groupByAlias(matches)) {
      findings.push(findingFor(pkg, options.placeOf(pkg), group, (a, b) => scheme.compare(a, b)));
    }
  }
  return findings;
}
