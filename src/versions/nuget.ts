import { compareCodeUnits, compareDigitStrings, comparePadded, comparePrereleases, isDigits, isIdentifier, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * NuGet (NuGetVersion): one to four numbers (missing ones are 0, so `1.0` = `1.0.0.0`), then an
 * optional SemVer 2 prerelease (`-beta.2`) and build metadata (`+sha`). Numbers order numerically,
 * a release after its prereleases, prerelease labels one by one: numeric labels by value and before
 * alphanumeric ones, alphanumeric labels case-insensitively; more labels win when the shared ones
 * are equal. Metadata does not take part in the order.
 */
interface NuGetVersion {
  /** Always four numbers. */
  readonly numbers: readonly string[];
  readonly labels: readonly string[];
}

/** NuGet stores each number as a 32-bit signed integer. */
const MAX_INT32 = '2147483647';

function isInt32(s: string): boolean {
  return isDigits(s) && compareDigitStrings(s, MAX_INT32) <= 0;
}

function parseNuGet(raw: string): NuGetVersion | undefined {
  const text = raw.trim();
  const plus = text.indexOf('+');
  const withoutMetadata = plus === -1 ? text : text.slice(0, plus);
  if (plus !== -1 && !text.slice(plus + 1).split('.').every(isIdentifier)) return undefined;
  const dash = withoutMetadata.indexOf('-');
  const numbers = (dash === -1 ? withoutMetadata : withoutMetadata.slice(0, dash)).split('.');
  if (numbers.length > 4 || !numbers.every(isInt32)) return undefined;
  const labels = dash === -1 ? [] : withoutMetadata.slice(dash + 1).split('.');
  if (!labels.every(isIdentifier)) return undefined;
  while (numbers.length < 4) numbers.push('0');
  return { numbers, labels };
}

function compareLabels(a: string, b: string): number {
  const aNumeric = isInt32(a);
  const bNumeric = isInt32(b);
  if (aNumeric && bNumeric) return compareDigitStrings(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  // Ordinal, ignoring case: NuGet folds to upper case before comparing.
  return compareCodeUnits(a.toUpperCase(), b.toUpperCase());
}

function compareNuGet(a: NuGetVersion, b: NuGetVersion): number {
  return comparePadded(a.numbers, b.numbers, '0', compareDigitStrings) || comparePrereleases(a.labels, b.labels, compareLabels);
}

export const nugetScheme: VersionScheme = schemeFromParser('nuget', parseNuGet, compareNuGet);
