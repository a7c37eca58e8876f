import { compareCodeUnits, compareDigitStrings, comparePadded, isAlphanumericCode, isDigitCode, isLetterCode, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * RubyGems (Gem::Version). A version is digits, then dot-separated alphanumeric parts, then
 * optionally `-` parts (each `-` reads as `.pre.`). Segments are the runs of digits and the runs of
 * letters; a version with a letter segment is a prerelease and sorts before the release
 * (`1.0.a` < `1.0`). Trailing zeros are ignored (`1.0` = `1`), separately before and after the
 * first letter segment, as Gem::Version does. Letter segments compare by byte order (case matters).
 */
type Segment = { readonly number: string } | { readonly letters: string };

/** Gem::Version's pattern, checked by hand: `N(.X)*(-Y(.Y)*)?` with X alphanumeric, Y also `-`. */
function isGemVersion(text: string): boolean {
  let i = 0;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  if (i === 0) return false;
  let inPrerelease = false;
  while (i < text.length) {
    const separator = text[i];
    if (separator === '-' && !inPrerelease) inPrerelease = true;
    else if (separator !== '.') return false;
    i++;
    const partStart = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isAlphanumericCode(c) && !(inPrerelease && c === 45)) break;
      i++;
    }
    if (i === partStart) return false;
  }
  return true;
}

function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (isDigitCode(text.charCodeAt(i))) {
      while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
      segments.push({ number: text.slice(start, i) });
    } else if (isLetterCode(text.charCodeAt(i))) {
      while (i < text.length && isLetterCode(text.charCodeAt(i))) i++;
      segments.push({ letters: text.slice(start, i) });
    } else {
      i++;
    }
  }
  return segments;
}

function isZero(segment: Segment): boolean {
  return 'number' in segment && /^0+$/.test(segment.number);
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && isZero(segments[end - 1] ?? { letters: '' })) end--;
  return segments.slice(0, end);
}

function parseGemVersion(raw: string): readonly Segment[] | undefined {
  const text = raw.trim();
  if (!isGemVersion(text)) return undefined;
  // A `-` reads as `.pre.`: the `pre` letters make everything after it a prerelease.
  const segments = splitSegments(text.replaceAll('-', '.pre.'));
  const firstLetters = segments.findIndex((s) => 'letters' in s);
  if (firstLetters === -1) return dropTrailingZeros(segments);
  return [...dropTrailingZeros(segments.slice(0, firstLetters)), ...dropTrailingZeros(segments.slice(firstLetters))];
}

const ZERO: Segment = { number: '0' };

function compareSegments(a: Segment, b: Segment): number {
  if ('number' in a && 'number' in b) return compareDigitStrings(a.number, b.number);
  if ('letters' in a && 'letters' in b) return compareCodeUnits(a.letters, b.letters);
  // Letters (a prerelease) sort before any number.
  return 'letters' in a ? -1 : 1;
}

function compareGemVersions(a: readonly Segment[], b: readonly Segment[]): number {
  return comparePadded(a, b, ZERO, compareSegments);
}

export const rubygemsScheme: VersionScheme = schemeFromParser('rubygems', parseGemVersion, compareGemVersions);
