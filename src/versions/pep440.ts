import { explain } from '@renovatebot/pep440';
import { compareCodeUnits, compareDigitStrings, compareLists, compareNumbers, isDigitCode, isDigits, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * PEP 440 (PyPI). `@renovatebot/pep440` decides what is a version and normalises the spellings
 * (`1.0RC1` = `1.0rc1`, `1.0-1` = `1.0.post1`, `alpha` = `a`, `c`/`pre`/`preview` = `rc`); the
 * order is PEP 440's: epoch, release (trailing zeros ignored), then
 * `.devN` < `aN` < `bN` < `rcN` < release < `.postN`, then the local version.
 *
 * Two details differ from the library's own `compare`, which converts every number to a float:
 * the epoch and release numbers here are compared as digit strings (exact at any length), and local
 * segments are numeric only when all digits (the library would read `0x10` as 16).
 */
interface Pep440Version {
  readonly epoch: string;
  /** Release numbers with trailing zeros removed, so `1.0` and `1` compare equal. */
  readonly release: readonly string[];
  /** 0 = a, 1 = b, 2 = rc. */
  readonly pre?: { readonly rank: number; readonly n: number };
  readonly post?: number;
  readonly dev?: number;
  readonly local?: readonly string[];
}

const PRE_RANKS: Readonly<Record<string, number>> = { a: 0, b: 1, rc: 2 };

/** Epoch and release as written, read from a string the library has already accepted. */
function readEpochAndRelease(normalised: string): { epoch: string; release: string[] } {
  const unprefixed = normalised.startsWith('v') ? normalised.slice(1) : normalised;
  const bang = unprefixed.indexOf('!');
  const epoch = bang === -1 ? '0' : unprefixed.slice(0, bang);
  const rest = unprefixed.slice(bang + 1);
  let end = 0;
  while (end < rest.length && (isDigitCode(rest.charCodeAt(end)) || rest[end] === '.')) end++;
  // A separator before a pre/post/dev tag (`1.0.post1`) is not part of the release.
  const release = rest.slice(0, end).replace(/\.$/, '').split('.');
  while (release.length > 0 && /^0+$/.test(release[release.length - 1] ?? '')) release.pop();
  return { epoch, release };
}

function readTag(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function parsePep440(raw: string): Pep440Version | undefined {
  const trimmed = raw.trim().toLowerCase();
  const explained = explain(trimmed) as unknown as Record<string, unknown> | null;
  if (explained === null) return undefined;
  const { epoch, release } = readEpochAndRelease(trimmed);
  const pre = explained.pre;
  const plus = trimmed.indexOf('+');
  const version: {
    epoch: string;
    release: readonly string[];
    pre?: { rank: number; n: number };
    post?: number;
    dev?: number;
    local?: readonly string[];
  } = { epoch, release };
  if (Array.isArray(pre) && typeof pre[0] === 'string' && typeof pre[1] === 'number') {
    version.pre = { rank: PRE_RANKS[pre[0]] ?? 0, n: pre[1] };
  }
  const post = readTag(explained.post);
  if (post !== undefined) version.post = post;
  const dev = readTag(explained.dev);
  if (dev !== undefined) version.dev = dev;
  if (plus !== -1) version.local = trimmed.slice(plus + 1).split(/[-_.]/);
  return version;
}

/**
 * Where the pre-release part puts a version: a bare `.devN` release sorts before every pre-release
 * of the same release, and a version without a pre-release after all of them.
 */
function preKey(v: Pep440Version): readonly [number, number] {
  if (v.pre) return [v.pre.rank, v.pre.n];
  if (v.post === undefined && v.dev !== undefined) return [-1, 0];
  return [3, 0];
}

function compareLocalSegments(a: string, b: string): number {
  const aNumeric = isDigits(a);
  const bNumeric = isDigits(b);
  if (aNumeric && bNumeric) return compareDigitStrings(a, b);
  // Alphanumeric segments sort before numeric ones.
  if (aNumeric !== bNumeric) return aNumeric ? 1 : -1;
  return compareCodeUnits(a, b);
}

function compareLocal(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  // A version without a local part sorts before the same version with one.
  if (a === undefined || b === undefined) return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  return compareLists(a, b, compareLocalSegments);
}

function comparePep440(a: Pep440Version, b: Pep440Version): number {
  const [aPreRank, aPreN] = preKey(a);
  const [bPreRank, bPreN] = preKey(b);
  return (
    compareDigitStrings(a.epoch, b.epoch) ||
    // Trailing zeros are already gone, so the longer release is the greater.
    compareLists(a.release, b.release, compareDigitStrings) ||
    compareNumbers(aPreRank, bPreRank) ||
    compareNumbers(aPreN, bPreN) ||
    // No post-release sorts before any post-release.
    compareNumbers(a.post ?? -1, b.post ?? -1) ||
    // No dev-release sorts after any dev-release.
    compareNumbers(a.dev ?? Infinity, b.dev ?? Infinity) ||
    compareLocal(a.local, b.local)
  );
}

export const pep440Scheme: VersionScheme = schemeFromParser('pep440', parsePep440, comparePep440);
