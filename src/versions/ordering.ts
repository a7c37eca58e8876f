import type { VersionScheme } from './types.js';

/**
 * Building blocks every version scheme shares: a length bound, exact comparison of digit runs of
 * any length, item-by-item comparison of lists, a bounded cache of parsed versions, and the
 * fallback order for strings that are not versions of the scheme.
 */

/**
 * Longer strings are not treated as versions. Real versions stay far below this (npm's own limit is
 * 256), and the bound keeps parsing and comparing cheap however large the input is.
 */
export const MAX_VERSION_LENGTH = 512;

/** -1, 0 or 1 for any number, so callers can test the sign without surprises. */
export function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Plain UTF-16 code-unit order: the tie-breaker that never says two different strings are equal. */
export function compareCodeUnits(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `s` is one or more ASCII digits. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True for an ASCII digit character code. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for an ASCII letter character code. */
export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True for an ASCII digit or letter character code. */
export function isAlphanumericCode(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/** A non-empty run of `[0-9A-Za-z-]`: one dot-separated identifier of a SemVer prerelease or build. */
export function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAlphanumericCode(c) && c !== 45) return false;
  }
  return true;
}

/** -1, 0 or 1 by plain numeric order (infinities included). */
export function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Numeric order of two digit strings of any length, without converting them to numbers (which
 * would lose precision past 2^53 and make different versions compare equal).
 */
export function compareDigitStrings(a: string, b: string): -1 | 0 | 1 {
  const x = stripLeadingZeros(a);
  const y = stripLeadingZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareCodeUnits(x, y);
}

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return s.slice(i);
}

/**
 * Splits `[epoch:]version[-release]`, the form Debian and RPM versions share: the epoch is what
 * precedes the first `:` (`0` when there is none) and must be digits; the release is what follows
 * the last `-` (empty when there is none) and must not be empty after a `-`.
 */
export function splitEpochAndRelease(text: string): { readonly epoch: string; readonly version: string; readonly release: string } | undefined {
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  if (!isDigits(epoch)) return undefined;
  const rest = text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  if (dash !== -1 && dash === rest.length - 1) return undefined;
  return dash === -1 ? { epoch, version: rest, release: '' } : { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

/** Item by item; when one list runs out first and all shared items are equal, the shorter sorts first. */
export function compareLists<T>(a: readonly T[], b: readonly T[], compareItem: (x: T, y: T) => number): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compareItem(a[i] as T, b[i] as T);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Item by item, the shorter list going on with `filler`, an item that weighs as much as nothing. */
export function comparePadded<T>(a: readonly T[], b: readonly T[], filler: T, compareItem: (x: T, y: T) => number): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareItem(a[i] ?? filler, b[i] ?? filler);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * SemVer's order of prerelease identifier lists (§11.3, §11.4): no list (a release) sorts after
 * every prerelease of the same version; otherwise identifier by identifier, and more identifiers
 * win when the shared ones are equal.
 */
export function comparePrereleases(a: readonly string[], b: readonly string[], compareIdentifier: (x: string, y: string) => number): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  return compareLists(a, b, compareIdentifier);
}

/**
 * Wraps a parser with the length bound and a bounded cache: matching compares the same few
 * versions many times. The cache is simply emptied when full, which keeps memory bounded without
 * bookkeeping. Parsed values are shared, so parsers must return immutable data.
 */
export function cachedParser<T>(parse: (raw: string) => T | undefined, capacity = 4096): (raw: string) => T | undefined {
  const cache = new Map<string, T | null>();
  return (raw) => {
    if (raw.length > MAX_VERSION_LENGTH) return undefined;
    const hit = cache.get(raw);
    if (hit !== undefined) return hit ?? undefined;
    const parsed = parse(raw);
    if (cache.size >= capacity) cache.clear();
    cache.set(raw, parsed ?? null);
    return parsed;
  };
}

/**
 * A total order built from a scheme's parser and its comparison of parsed versions.
 *
 * Fallback for strings the parser rejects: every such string sorts before every valid version
 * (so OSV's `introduced: "0"` sentinel behaves as "from the start" even in schemes where `0` is not
 * a version), and two rejected strings compare by UTF-16 code units, so only identical rejected
 * strings are equal. The order stays transitive because the two groups never interleave.
 */
export function totalOrder<T>(parse: (raw: string) => T | undefined, compareParsed: (a: T, b: T) => number): (a: string, b: string) => number {
  return (a, b) => {
    const pa = parse(a);
    const pb = parse(b);
    if (pa === undefined) return pb === undefined ? compareCodeUnits(a, b) : -1;
    if (pb === undefined) return 1;
    return sign(compareParsed(pa, pb));
  };
}

/** A scheme from a parser and an order of parsed versions: cached parsing, and `totalOrder`'s fallback. */
export function schemeFromParser<T>(name: string, parseVersion: (raw: string) => T | undefined, compareParsed: (a: T, b: T) => number): VersionScheme {
  const parse = cachedParser(parseVersion);
  return {
    name,
    isValid: (version) => parse(version) !== undefined,
    compare: totalOrder(parse, compareParsed),
  };
}
