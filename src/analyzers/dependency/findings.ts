import type { Finding } from '../../core/finding.js';
import type { Identifier, Identifiers } from '../../core/identifier.js';
import type { Package } from '../../core/inventory.js';
import type { DependencyLocation } from '../../core/location.js';
import { severityRank, type Severity } from '../../core/severity.js';
import type { AdvisoryMatch } from '../../advisories/match.js';
import { advisorySeverity } from '../../advisories/severity.js';

export const DEPENDENCY_ANALYZER_ID = 'dependency';
const MAX_LINKS = 10;
const MAX_DESCRIPTION = 20_000;

/** Identifier types and pages by advisory id prefix. */
function identifierFor(id: string): Identifier {
  const upper = id.toUpperCase();
  if (upper.startsWith('CVE-')) return { type: 'cve', name: upper, value: upper, url: `https://nvd.nist.gov/vuln/detail/${upper}` };
  if (upper.startsWith('GHSA-')) return { type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${id}` };
  const prefix = id.split('-')[0] ?? 'osv';
  return { type: prefix.toLowerCase(), name: id, value: id, url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` };
}

/** Distro databases name records after the CVE they track (`ALPINE-CVE-2019-1551`, `DEBIAN-CVE-…`). */
function impliedCve(id: string): string[] {
  const m = /^[A-Z]+-(CVE-\d{4}-\d{4,})$/.exec(id);
  return m ? [m[1]!] : [];
}

/**
 * The primary identifier must stay the same as databases are updated, since it is part of the
 * finding's identity: a CVE when there is one (every database converges on it), else a GHSA,
 * else the smallest id, so the choice does not depend on the order records were read in.
 */
function primaryId(ids: readonly string[]): string {
  const sorted = [...ids].sort();
  return sorted.find((id) => id.toUpperCase().startsWith('CVE-')) ?? sorted.find((id) => id.startsWith('GHSA-')) ?? sorted[0]!;
}

/**
 * Matches of one package that describe the same vulnerability (one lists the other among its
 * aliases, directly or through a third) become one group.
 */
export function groupByAlias(matches: readonly AdvisoryMatch[]): AdvisoryMatch[][] {
  const parent = matches.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  matches.forEach((match, i) => {
    for (const id of [match.advisory.id, ...match.advisory.aliases]) {
      const seen = owner.get(id);
      if (seen === undefined) owner.set(id, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, AdvisoryMatch[]>();
  matches.forEach((match, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(match);
    groups.set(root, group);
  });
  return [...groups.values()];
}

function remediation(pkg: Package, fixedIn: string | undefined, lastAffected: string | undefined): string {
  if (fixedIn === undefined && lastAffected !== undefined) {
    return `Upgrade ${pkg.name} to a release after ${lastAffected}; the advisory names ${lastAffected} as the last affected version.`;
  }
  if (fixedIn === undefined) {
    return `No fixed version of ${pkg.name} is known yet. Consider whether the vulnerable code is reachable, replace the package, or follow the advisory for mitigations.`;
  }
  if (pkg.direct !== false || !pkg.via) return `Upgrade ${pkg.name} to ${fixedIn} or later.`;
  return (
    `Upgrade ${pkg.name} to ${fixedIn} or later. It is not a direct dependency: it comes in through ` +
    `${pkg.via.name} ${pkg.via.version}, so upgrade ${pkg.via.name} to a release that requires ${pkg.name} ${fixedIn} or later, ` +
    `or pin ${pkg.name} with your package manager's override mechanism.`
  );
}

function fixForAll(versions: readonly (string | undefined)[], compare: (a: string, b: string) => number): string | undefined {
  const known = versions.filter((v): v is string => v !== undefined);
  // The group's fix must fix every advisory in it: the highest of the per-advisory lowest fixes.
  return known.sort(compare).at(-1);
}

function describe(pkg: Package, group: readonly AdvisoryMatch[]): string {
  const best = group.find((m) => m.advisory.details) ?? group[0]!;
  const text = best.advisory.details ?? best.advisory.summary ?? `${pkg.name} ${pkg.version} is affected by ${best.advisory.id}.`;
  const chain = pkg.path && pkg.path.length > 0 ? `\n\nDependency path: ${[...pkg.path, { name: pkg.name, version: pkg.version }].map((p) => `${p.name}@${p.version}`).join(' → ')}` : '';
  return `${text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text}${chain}`;
}

/** Where a package of a lockfile is: the file and line, whether it is direct, and its path. */
export function dependencyLocation(pkg: Package, file: string, line?: number): DependencyLocation {
  return {
    kind: 'dependency',
    file,
    ...(line !== undefined ? { line } : {}),
    packageName: pkg.name,
    version: pkg.version,
    ...(pkg.direct !== undefined ? { direct: pkg.direct } : {}),
    ...(pkg.path ? { path: pkg.path } : {}),
  };
}

/** Where a vulnerable package was found: a lockfile of the tree, or a container image. */
export type FindingPlace =
  | { readonly kind: 'dependency'; readonly file: string; readonly line?: number }
  | { readonly kind: 'image'; readonly image: string; readonly operatingSystem: string; readonly layer?: string; readonly file?: string };

/** One finding per vulnerability and package occurrence (file), with every id of the group. */
export function findingFor(
  pkg: Package,
  place: FindingPlace,
  group: readonly AdvisoryMatch[],
  compare: (a: string, b: string) => number,
): Finding {
  const ids = [...new Set(group.flatMap((m) => [m.advisory.id, ...m.advisory.aliases, ...impliedCve(m.advisory.id)]))];
  const primary = primaryId(ids);
  const others = ids.filter((id) => id !== primary).sort();
  const cwes = [...new Set(group.flatMap((m) => m.advisory.cwes ?? []))].sort();
  const identifiers: Identifiers = [
    identifierFor(primary),
    ...others.map(identifierFor),
    ...cwes.map((cwe): Identifier => {
      const n = cwe.replace(/^CWE-/i, '');
      return { type: 'cwe', name: `CWE-${n}`, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
    }),
  ];

  let severity: Severity = 'unknown';
  const vectors: { vendor: string; vector: string }[] = [];
  for (const match of group) {
    const rated = advisorySeverity(match.advisory, match.affected);
    if (severityRank(rated.severity) > severityRank(severity) || severity === 'unknown') severity = rated.severity;
    if (rated.vector !== undefined && !vectors.some((v) => v.vector === rated.vector)) vectors.push({ vendor: 'unknown', vector: rated.vector });
  }

  const fixedIn = fixForAll(group.map((m) => m.fixedIn), compare);
  const lastAffected = fixedIn === undefined ? fixForAll(group.map((m) => m.lastAffected), compare) : undefined;
  const summary = group.map((m) => m.advisory.summary).find((s) => s !== undefined && s.trim() !== '');
  const links = [...new Set(group.flatMap((m) => m.advisory.references.map((r) => r.url)))].slice(0, MAX_LINKS).map((url) => ({ url }));

  return {
    ruleId: primary,
    reportType: place.kind === 'image' ? 'container_scanning' : 'dependency_scanning',
    title: summary ? summary.trim() : `${primary} in ${pkg.name}`,
    description: describe(pkg, group),
    severity,
    confidence: 'high',
    identifiers,
    location:
      place.kind === 'image'
        ? {
            kind: 'image',
            image: place.image,
            operatingSystem: place.operatingSystem,
            packageName: pkg.name,
            version: pkg.version,
            ...(place.layer !== undefined ? { layer: place.layer } : {}),
            ...(place.file !== undefined ? { file: place.file } : {}),
          }
        : dependencyLocation(pkg, place.file, place.line),
    remediation: remediation(pkg, fixedIn, lastAffected),
    ...(fixedIn !== undefined ? { fixedVersion: fixedIn } : {}),
    links,
    ...(vectors.length > 0 ? { cvssVectors: vectors } : {}),
    analyzer: place.kind === 'image' ? 'container' : DEPENDENCY_ANALYZER_ID,
  };
}

