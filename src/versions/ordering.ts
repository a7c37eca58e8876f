/**
 * Building blocks every version scheme shares: a length bound, exact comparison of digit runs of
 * any length, a bounded cache of parsed versions, and the fallback order for strings that are not
 * versions of the scheme.
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
