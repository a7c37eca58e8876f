import { parse as parseSemver, type SemVer } from 'semver';
import { schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * SemVer 2.0 as npm reads it (loose: a leading `v` or `=` and surrounding spaces are accepted).
 * Used for npm, crates.io, Pub and Hex, and for OSV ranges of type SEMVER. Prereleases order by
 * SemVer §11; build metadata does not take part in the order.
 */
export const semverScheme: VersionScheme = schemeFromParser(
  'semver',
  (raw): SemVer | undefined => parseSemver(raw, { loose: true }) ?? undefined,
  // SemVer#compare compares the main version, then the prerelease; build metadata is left out.
  (a, b) => a.compare(b),
);

/**
 * Advisory databases sometimes write a SEMVER range bound with fewer than three numbers (`4.5`,
 * `3`). OSV says such a record is malformed, but the meaning is plain: the missing numbers are 0.
 * Used only for range bounds; an installed version must still be full SemVer.
 */
const PARTIAL = /^v?(\d{1,9})(?:\.(\d{1,9}))?$/;

function padded(raw: string): string {
  const m = PARTIAL.exec(raw.trim());
  return m ? `${m[1]}.${m[2] ?? '0'}.0` : raw;
}

export const semverRangeScheme: VersionScheme = {
  name: 'semver',
  isValid: (version) => semverScheme.isValid(padded(version)),
  compare: (a, b) => semverScheme.compare(padded(a), padded(b)),
};
