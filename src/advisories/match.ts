import type { AffectedPackage, AffectedRange, Advisory, RangeEvent } from '../core/advisory.js';
import { schemeForEcosystem } from '../versions/index.js';
import { semverRangeScheme } from '../versions/semver.js';
import type { VersionScheme } from '../versions/types.js';
import { packageKey } from './names.js';

/** The package a matcher asks about. */
export interface PackageQuery {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
}

export interface AdvisoryMatch {
  readonly advisory: Advisory;
  /** The affected entry that matched (its ranges give the fix). */
  readonly affected: AffectedPackage;
  /** The lowest version above the installed one that the advisory does not affect, if known. */
  readonly fixedIn?: string;
  /** Where the advisory gives no fix but a last affected version: any release after it is clean. */
  readonly lastAffected?: string;
}

/** Why an advisory could not be evaluated for a package (reported once per advisory and package). */
export interface MatchProblem {
  readonly advisoryId: string;
  readonly message: string;
}

export interface MatchOutcome {
  readonly matches: readonly AdvisoryMatch[];
  readonly problems: readonly MatchProblem[];
}

/** Returns the scheme for an ecosystem; OSV's SEMVER ranges take `semver` whatever the ecosystem. */
export type SchemeLookup = (ecosystem: string, rangeType: AffectedRange['type']) => VersionScheme | undefined;

/**
 * The schemes OSV prescribes: SEMVER ranges are SemVer whatever the ecosystem (Go's are Go
 * versions written without the `v`, which its scheme reads), ECOSYSTEM ranges the ecosystem's own.
 */
export const osvSchemes: SchemeLookup = (ecosystem, rangeType) =>
  rangeType === 'SEMVER' && ecosystem !== 'Go' ? semverRangeScheme : schemeForEcosystem(ecosystem);

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

interface Event {
  readonly kind: EventKind;
  readonly version: string;
}

function toEvent(event: RangeEvent): Event {
  if ('introduced' in event) return { kind: 'introduced', version: event.introduced };
  if ('fixed' in event) return { kind: 'fixed', version: event.fixed };
  if ('last_affected' in event) return { kind: 'last_affected', version: event.last_affected };
  return { kind: 'limit', version: event.limit };
}

/** `introduced: "0"` means "from the very first version"; it sorts below everything. */
function isZero(event: Event): boolean {
  return event.kind === 'introduced' && event.version === '0';
}

/**
 * OSV's range evaluation: walk the events in version order; the last event at or below the
 * version decides. `limit` events bound the range from above whatever else says.
 * Returns undefined when a version in the range is not one of the scheme (the range is unusable).
 */
export function isInRange(version: string, range: AffectedRange, scheme: VersionScheme): boolean | undefined {
  const events = range.events.map(toEvent);
  for (const event of events) {
    if (!isZero(event) && !scheme.isValid(event.version)) return undefined;
  }
  const sorted = [...events].sort((a, b) => {
    if (isZero(a)) return isZero(b) ? 0 : -1;
    if (isZero(b)) return 1;
    return scheme.compare(a.version, b.version);
  });
  let affected = false;
  for (const event of sorted) {
    if (event.kind === 'limit') continue;
    if (event.kind === 'introduced') {
      if (isZero(event) || scheme.compare(version, event.version) >= 0) affected = true;
    } else if (event.kind === 'fixed') {
      if (scheme.compare(version, event.version) >= 0) affected = false;
    } else if (scheme.compare(version, event.version) > 0) {
      affected = false;
    }
  }
  const limits = sorted.filter((event) => event.kind === 'limit' && event.version !== '*');
  if (affected && limits.length > 0 && limits.every((limit) => scheme.compare(version, limit.version) >= 0)) return false;
  return affected;
}

function affectsVersion(
  entry: AffectedPackage,
  version: string,
  scheme: (type: AffectedRange['type']) => VersionScheme | undefined,
): { affected: boolean; unusable: number } {
  const exact = scheme('ECOSYSTEM');
  if (entry.versions.some((listed) => listed === version || (exact?.isValid(listed) === true && exact.isValid(version) && exact.compare(listed, version) === 0))) {
    return { affected: true, unusable: 0 };
  }
  let unusable = 0;
  for (const range of entry.ranges) {
    // GIT ranges name commits; a package version is not a commit, and OSV lists the versions
    // those commits map to in `versions`, which the check above has already used.
    if (range.type === 'GIT') continue;
    const rangeScheme = scheme(range.type);
    if (!rangeScheme) {
      unusable++;
      continue;
    }
    const inRange = isInRange(version, range, rangeScheme);
    if (inRange === undefined) unusable++;
    else if (inRange) return { affected: true, unusable };
  }
  return { affected: false, unusable };
}

/** Versions of one kind of event across all usable ranges, each with the scheme of its range. */
function eventVersions(
  entries: readonly AffectedPackage[],
  kind: EventKind,
  scheme: (type: AffectedRange['type']) => VersionScheme | undefined,
): { version: string; scheme: VersionScheme }[] {
  const out: { version: string; scheme: VersionScheme }[] = [];
  for (const range of entries.flatMap((entry) => entry.ranges)) {
    const rangeScheme = range.type === 'GIT' ? undefined : scheme(range.type);
    if (!rangeScheme) continue;
    for (const event of range.events.map(toEvent)) {
      if (event.kind === kind && rangeScheme.isValid(event.version)) out.push({ version: event.version, scheme: rangeScheme });
    }
  }
  return out;
}

/** The lowest `fixed` version above the installed one that the advisory itself does not affect. */
function lowestFix(
  entries: readonly AffectedPackage[],
  version: string,
  scheme: (type: AffectedRange['type']) => VersionScheme | undefined,
): string | undefined {
  return eventVersions(entries, 'fixed', scheme)
    .filter((fixed) => fixed.scheme.compare(fixed.version, version) > 0)
    .sort((a, b) => a.scheme.compare(a.version, b.version))
    .map((fixed) => fixed.version)
    .find((candidate) => !entries.some((entry) => affectsVersion(entry, candidate, scheme).affected));
}

/** The highest `last_affected` at or above the installed version: releases after it are clean. */
function highestLastAffected(
  entries: readonly AffectedPackage[],
  version: string,
  scheme: (type: AffectedRange['type']) => VersionScheme | undefined,
): string | undefined {
  return eventVersions(entries, 'last_affected', scheme)
    .filter((last) => last.scheme.compare(last.version, version) >= 0)
    .sort((a, b) => a.scheme.compare(a.version, b.version))
    .at(-1)?.version;
}

/**
 * Does `advisory` affect the package? Withdrawn advisories never do. Several affected entries for
 * the same package (one per vulnerable branch, as some databases write them) are all consulted.
 */
export function matchAdvisory(
  advisory: Advisory,
  query: PackageQuery,
  schemes: SchemeLookup,
): { match?: AdvisoryMatch; problem?: MatchProblem } {
  if (advisory.withdrawn !== undefined) return {};
  const key = packageKey(query.ecosystem, query.name);
  const entries = advisory.affected.filter(
    (entry) => entry.ecosystem === query.ecosystem && packageKey(entry.ecosystem, entry.name) === key,
  );
  if (entries.length === 0) return {};
  const scheme = (type: AffectedRange['type']): VersionScheme | undefined => schemes(query.ecosystem, type);
  let unusable = 0;
  for (const entry of entries) {
    const verdict = affectsVersion(entry, query.version, scheme);
    unusable += verdict.unusable;
    if (verdict.affected) {
      const fixedIn = lowestFix(entries, query.version, scheme);
      const lastAffected = fixedIn === undefined ? highestLastAffected(entries, query.version, scheme) : undefined;
      return {
        match: {
          advisory,
          affected: entry,
          ...(fixedIn !== undefined ? { fixedIn } : {}),
          ...(lastAffected !== undefined ? { lastAffected } : {}),
        },
      };
    }
  }
  if (unusable > 0) {
    return {
      problem: {
        advisoryId: advisory.id,
        message: `${advisory.id}: ${unusable} range(s) for ${query.name} could not be compared with the ${query.ecosystem} version scheme`,
      },
    };
  }
  return {};
}

/** Match every advisory of a package; advisories that are aliases of each other stay separate here. */
export function matchPackage(advisories: readonly Advisory[], query: PackageQuery, schemes: SchemeLookup): MatchOutcome {
  const matches: AdvisoryMatch[] = [];
  const problems: MatchProblem[] = [];
  for (const advisory of advisories) {
    const { match, problem } = matchAdvisory(advisory, query, schemes);
    if (match) matches.push(match);
    if (problem) problems.push(problem);
  }
  return { matches, problems };
}
