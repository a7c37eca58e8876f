import { compareDigitStrings, isDigitCode, isLetterCode, schemeFromParser, splitEpochAndRelease } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * Debian and Ubuntu package versions, `[epoch:]upstream[-revision]`, ordered as dpkg does: the
 * epoch numerically, then upstream and revision each by dpkg's algorithm — alternately a run of
 * non-digits, compared character by character with `~` before everything (even the end of the
 * string), then letters, then other characters; and a run of digits, compared numerically. A
 * missing revision equals `0`.
 */
interface DpkgVersion {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

function isUpstreamChar(c: number): boolean {
  // Letters, digits and . + ~ - : (a colon or hyphen only where epoch and revision allow it).
  return isDigitCode(c) || isLetterCode(c) || c === 46 || c === 43 || c === 126 || c === 45 || c === 58;
}

function isRevisionChar(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c) || c === 46 || c === 43 || c === 126;
}

function parseDpkg(raw: string): DpkgVersion | undefined {
  const parts = splitEpochAndRelease(raw.trim());
  if (parts === undefined) return undefined;
  const { epoch, version: upstream, release: revision } = parts;
  // dpkg requires the upstream version to start with a digit.
  if (!isDigitCode(upstream.charCodeAt(0))) return undefined;
  for (let i = 0; i < upstream.length; i++) if (!isUpstreamChar(upstream.charCodeAt(i))) return undefined;
  for (let i = 0; i < revision.length; i++) if (!isRevisionChar(revision.charCodeAt(i))) return undefined;
  return { epoch, upstream, revision };
}

/** dpkg's weight of a character in a non-digit run; 0 stands for the end of the run. */
function order(c: number | undefined): number {
  if (c === undefined || isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 126 /* ~ */) return -1;
  return c + 256;
}

/** dpkg's verrevcmp. */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigitCode(a.charCodeAt(i))) || (j < b.length && !isDigitCode(b.charCodeAt(j)))) {
      const diff = order(i < a.length ? a.charCodeAt(i) : undefined) - order(j < b.length ? b.charCodeAt(j) : undefined);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    const aStart = i;
    const bStart = j;
    while (i < a.length && isDigitCode(a.charCodeAt(i))) i++;
    while (j < b.length && isDigitCode(b.charCodeAt(j))) j++;
    const diff = compareDigitStrings(a.slice(aStart, i) || '0', b.slice(bStart, j) || '0');
    if (diff !== 0) return diff;
  }
  return 0;
}

function compareDpkg(a: DpkgVersion, b: DpkgVersion): number {
  return compareDigitStrings(a.epoch, b.epoch) || compareFragment(a.upstream, b.upstream) || compareFragment(a.revision, b.revision);
}

export const dpkgScheme: VersionScheme = schemeFromParser('dpkg', parseDpkg, compareDpkg);
