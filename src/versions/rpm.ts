import { compareCodeUnits, compareDigitStrings, isAlphanumericCode, isDigitCode, isLetterCode, schemeFromParser, splitEpochAndRelease } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * RPM package versions, `[epoch:]version[-release]`, ordered as rpm does: the epoch numerically
 * (missing = 0), then version and release each by rpmvercmp — runs of digits and runs of letters
 * compared in turn (other characters only separate them); numbers numerically and beating letters;
 * `~` sorts before anything, even the end (`1.0~rc1` < `1.0`); `^` sorts after the end but before
 * anything else (`1.0` < `1.0^git1` < `1.0.1`); when all runs match, the one with runs left wins.
 *
 * rpm itself skips the release when only one side has one; that is not a total order, so here a
 * missing release is empty and sorts before any release (`1.0` < `1.0-1`).
 */
interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
}

const TILDE = 126;
const CARET = 94;

/** Printable ASCII other than white space; rpm rejects the rest in versions. */
function isAllowedChar(c: number): boolean {
  return c > 32 && c < 127;
}

function parseRpm(raw: string): RpmVersion | undefined {
  const text = raw.trim();
  if (text.length === 0) return undefined;
  for (let i = 0; i < text.length; i++) if (!isAllowedChar(text.charCodeAt(i))) return undefined;
  const parts = splitEpochAndRelease(text);
  if (parts === undefined) return undefined;
  const { epoch, version, release } = parts;
  if (version.length === 0 || version.includes(':')) return undefined;
  // A version must hold at least one digit or letter to have anything to compare.
  if (![...version].some((ch) => isAlphanumericCode(ch.charCodeAt(0)))) return undefined;
  return { epoch, version, release };
}

function skipSeparators(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isAlphanumericCode(c) || c === TILDE || c === CARET) break;
    i++;
  }
  return i;
}

function runEnd(s: string, from: number, digits: boolean): number {
  let i = from;
  while (i < s.length && (digits ? isDigitCode(s.charCodeAt(i)) : isLetterCode(s.charCodeAt(i)))) i++;
  return i;
}

/** rpm's rpmvercmp. */
function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    i = skipSeparators(a, i);
    j = skipSeparators(b, j);
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const aDone = i >= a.length;
    const bDone = j >= b.length;
    if (x === TILDE || y === TILDE) {
      if (x !== TILDE) return 1;
      if (y !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (x === CARET || y === CARET) {
      if (aDone) return -1;
      if (bDone) return 1;
      if (x !== CARET) return 1;
      if (y !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (aDone || bDone) break;
    const numeric = isDigitCode(x);
    const aEnd = runEnd(a, i, numeric);
    const bEnd = runEnd(b, j, numeric);
    // Runs of different kinds: the number is newer.
    if (bEnd === j) return numeric ? 1 : -1;
    const order = numeric ? compareDigitStrings(a.slice(i, aEnd), b.slice(j, bEnd)) : compareCodeUnits(a.slice(i, aEnd), b.slice(j, bEnd));
    if (order !== 0) return order;
    i = aEnd;
    j = bEnd;
  }
  const aDone = i >= a.length;
  const bDone = j >= b.length;
  if (aDone && bDone) return 0;
  return aDone ? -1 : 1;
}

function compareRpm(a: RpmVersion, b: RpmVersion): number {
  return compareDigitStrings(a.epoch, b.epoch) || rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

export const rpmScheme: VersionScheme = schemeFromParser('rpm', parseRpm, compareRpm);
