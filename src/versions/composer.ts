import { normalizeComposerVersion } from './composer-normalize.js';
import { compareCodeUnits, compareDigitStrings, isDigitCode, isLetterCode, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * Composer / Packagist. A version is first normalised the way Composer does (optional `v`, up to
 * four numbers, stability suffixes, `-dev` branches; see composer-normalize.ts), then ordered with
 * PHP's `version_compare`, as Composer orders normalised versions:
 * dev < alpha = a < beta = b < RC = rc < (number) < patch = pl = p.
 *
 * Named branches (`dev-main`) have no place in that order: Composer never calls one greater or
 * smaller than another. To stay total they sort before every numbered version (where
 * `version_compare` puts them) and among themselves by name.
 */
interface ComposerVersion {
  readonly normalized: string;
  readonly isBranch: boolean;
  readonly parts: readonly string[];
}

/**
 * PHP's canonical form, split at its dots: `-`, `_` and `+` become dots, and a dot goes wherever
 * digits and other characters meet (`1.0.0.0-RC1` → 1, 0, 0, 0, RC, 1).
 */
function canonicalParts(version: string): string[] {
  const parts: string[] = [];
  let current = '';
  let previousIsDigit: boolean | undefined;
  const flush = (): void => {
    if (current.length > 0) parts.push(current);
    current = '';
  };
  for (let i = 0; i < version.length; i++) {
    const c = version.charCodeAt(i);
    const isDigit = isDigitCode(c);
    if (!isDigit && !isLetterCode(c)) {
      flush();
      previousIsDigit = undefined;
      continue;
    }
    if (previousIsDigit !== undefined && previousIsDigit !== isDigit) flush();
    current += version[i];
    previousIsDigit = isDigit;
  }
  flush();
  return parts;
}

/** PHP's special forms, matched by prefix in this order; any other word ranks below them all. */
const SPECIAL_FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const NUMBER_RANK = 4;

function specialRank(word: string): number {
  for (const [form, rank] of SPECIAL_FORMS) if (word.startsWith(form)) return rank;
  return -1;
}

function rankOf(part: string): number {
  return isDigitCode(part.charCodeAt(0)) ? NUMBER_RANK : specialRank(part);
}

function comparePart(a: string, b: string): number {
  if (isDigitCode(a.charCodeAt(0)) && isDigitCode(b.charCodeAt(0))) return compareDigitStrings(a, b);
  return rankOf(a) - rankOf(b);
}

/** PHP's version_compare on canonical parts. */
function versionCompare(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = comparePart(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  // The longer version wins if it goes on with a number; a word that follows decides by its rank
  // against a number (`1.0-beta` < `1.0` < `1.0-pl1`).
  if (a.length > shared) return rankOf(a[shared] ?? '') - NUMBER_RANK || 1;
  if (b.length > shared) return NUMBER_RANK - rankOf(b[shared] ?? '') || -1;
  return 0;
}

function parseComposer(raw: string): ComposerVersion | undefined {
  const normalized = normalizeComposerVersion(raw);
  if (normalized === undefined) return undefined;
  return { normalized, isBranch: normalized.startsWith('dev-'), parts: canonicalParts(normalized) };
}

function compareComposer(a: ComposerVersion, b: ComposerVersion): number {
  if (a.isBranch || b.isBranch) {
    if (a.isBranch && b.isBranch) return compareCodeUnits(a.normalized, b.normalized);
    return a.isBranch ? -1 : 1;
  }
  return versionCompare(a.parts, b.parts);
}

export const composerScheme: VersionScheme = schemeFromParser('composer', parseComposer, compareComposer);
