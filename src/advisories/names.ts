/**
 * Package names as the advisory index sees them. The same function keys the index when a store is
 * built and keys the lookup when a scan asks, so both sides agree on what "the same package" is.
 */

/** Separates ecosystem and name inside a key; neither OSV field can contain it. */
const KEY_SEPARATOR = '\u0000';

/** Ecosystems whose registries treat names case-insensitively. */
const CASE_INSENSITIVE = new Set(['NuGet', 'Packagist', 'crates.io']);

/**
 * The ecosystem a release-qualified ecosystem belongs to: OSV writes distribution releases as
 * `Alpine:v3.11`, `Debian:12`; the part before the first colon names the naming rules.
 */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}

/**
 * A package name in the form its registry compares names.
 * - PyPI: PEP 503 normalisation (lower case, every run of `-`, `_`, `.` becomes one `-`).
 * - NuGet, Packagist: lower case (both registries ignore case).
 * - crates.io: lower case only. The registry ignores case; `-` and `_` are kept apart because
 *   crates.io refuses a second crate differing only by them, so lockfiles carry the one spelling.
 * - Everything else (npm, Go, Maven, RubyGems, distributions) is compared exactly.
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  const base = baseEcosystem(ecosystem);
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (CASE_INSENSITIVE.has(base)) return name.toLowerCase();
  return name;
}

/**
 * The index key of a package. The ecosystem is kept whole, so `Alpine:v3.11` and `Alpine:v3.12`
 * are different keys; the store also files every record of a release-qualified ecosystem under
 * its base ecosystem (see `indexKeys`), so asking for `Alpine` finds every release.
 */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystem}${KEY_SEPARATOR}${normalizePackageName(ecosystem, name)}`;
}

/** The keys one affected package is filed under: its own, and its base ecosystem's if different. */
export function indexKeys(ecosystem: string, name: string): readonly string[] {
  const base = baseEcosystem(ecosystem);
  const own = packageKey(ecosystem, name);
  return base === ecosystem ? [own] : [own, packageKey(base, name)];
}
