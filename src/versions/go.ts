import { compareCodeUnits, compareDigitStrings, comparePrereleases, isDigits, isIdentifier, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * Go module versions: `v` + SemVer, as the go command orders them. `+incompatible` is build
 * metadata and does not take part in the order; pseudo-versions
 * (`v1.2.4-0.20191109021931-daa7c04131f5`) are ordinary prereleases and sort where Go puts them.
 * Lockfiles (go.mod, go.sum) write the `v`, OSV ranges of the Go ecosystem leave it out; both are
 * read. Like Go, `v1` and `v1.2` are accepted as short for `v1.0.0` and `v1.2.0`. Numbers may be of
 * any length, as in Go (they are compared as digit strings, never converted).
 */
interface GoVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly prerelease: readonly string[];
}

/** `0` or digits without a leading zero, as SemVer requires of numbers. */
function isCanonicalNumber(s: string): boolean {
  return isDigits(s) && (s.length === 1 || s.charCodeAt(0) !== 48);
}

function parsePrerelease(text: string): readonly string[] | undefined {
  const identifiers = text.split('.');
  for (const id of identifiers) {
    if (!isIdentifier(id)) return undefined;
    // Numeric identifiers must not have leading zeros (SemVer §9).
    if (isDigits(id) && !isCanonicalNumber(id)) return undefined;
  }
  return identifiers;
}

function parseGoVersion(raw: string): GoVersion | undefined {
  const text = raw.startsWith('v') ? raw.slice(1) : raw;
  const plus = text.indexOf('+');
  const withoutBuild = plus === -1 ? text : text.slice(0, plus);
  if (plus !== -1 && text.slice(plus + 1).split('.').some((id) => !isIdentifier(id))) return undefined;
  const dash = withoutBuild.indexOf('-');
  const core = dash === -1 ? withoutBuild : withoutBuild.slice(0, dash);
  const numbers = core.split('.');
  if (numbers.length > 3 || !numbers.every(isCanonicalNumber)) return undefined;
  // Go accepts the short forms only without a prerelease or build suffix.
  if (numbers.length < 3 && withoutBuild !== text) return undefined;
  if (numbers.length < 3 && dash !== -1) return undefined;
  const prerelease = dash === -1 ? [] : parsePrerelease(withoutBuild.slice(dash + 1));
  if (prerelease === undefined) return undefined;
  return { major: numbers[0] ?? '0', minor: numbers[1] ?? '0', patch: numbers[2] ?? '0', prerelease };
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = isDigits(a);
  const bNumeric = isDigits(b);
  if (aNumeric && bNumeric) return compareDigitStrings(a, b);
  // Numeric identifiers have lower precedence than alphanumeric ones (SemVer §11.4.3).
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return compareCodeUnits(a, b);
}

function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return (
    compareDigitStrings(a.major, b.major) ||
    compareDigitStrings(a.minor, b.minor) ||
    compareDigitStrings(a.patch, b.patch) ||
    comparePrereleases(a.prerelease, b.prerelease, compareIdentifiers)
  );
}

export const goScheme: VersionScheme = schemeFromParser('go', parseGoVersion, compareGoVersions);
