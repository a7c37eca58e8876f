/**
 * How one ecosystem orders its versions. `compare` is total over the strings the ecosystem can
 * produce; `isValid` tells whether a string is a version of the scheme at all, so a matcher can
 * say "cannot compare" instead of guessing.
 */
export interface VersionScheme {
  /** `semver`, `pep440`, `maven`, `rubygems`, `go`, `nuget`, `composer`, `dpkg`, `apk`, `rpm`. */
  readonly name: string;
  isValid(version: string): boolean;
  /** Negative when a < b, zero when equal, positive when a > b. */
  compare(a: string, b: string): number;
}
