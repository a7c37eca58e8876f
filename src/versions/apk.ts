import { compareDigitStrings, compareNumbers, isDigitCode, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * Alpine package versions, ordered as apk-tools does:
 * `N(.N)*[letter](_suffix[N])*[-rN]`, suffixes `_alpha` < `_beta` < `_pre` < `_rc` < (none) <
 * `_cvs` < `_svn` < `_git` < `_hg` < `_p`.
 *
 * The version is read as a list of tokens and compared token by token. Where one version has a
 * token the other lacks (or a token of another kind), apk-tools decides by the kind of token: a
 * pre-release suffix makes its version smaller, otherwise the kind that comes earlier in the
 * grammar (number, letter, suffix, revision, end) makes its version greater. So
 * `1.2_rc1` < `1.2` < `1.2-r1` < `1.2_p1`: the revision only separates builds of the same upstream
 * version. A number after a dot with leading zeros is compared as apk-tools does: by the count of
 * zeros first (more zeros is smaller), then by the rest.
 */
const enum Kind {
  /** A number after a dot. */
  DotNumber = 0,
  Number = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNumber = 4,
  Revision = 5,
  End = 6,
}

interface Token {
  readonly kind: Kind;
  /** Digits for numbers; a rank for suffixes and letters. */
  readonly value: string | number;
}

const PRE_SUFFIXES: readonly string[] = ['alpha', 'beta', 'pre', 'rc'];
const POST_SUFFIXES: readonly string[] = ['cvs', 'svn', 'git', 'hg', 'p'];

function readDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Suffix rank: negative for pre-release suffixes, as in apk-tools; -Infinity when unknown. */
function suffixAt(text: string, from: number): { rank: number; end: number } | undefined {
  for (const [index, word] of PRE_SUFFIXES.entries()) {
    if (text.startsWith(word, from)) return { rank: index - PRE_SUFFIXES.length, end: from + word.length };
  }
  for (const [index, word] of POST_SUFFIXES.entries()) {
    if (text.startsWith(word, from)) return { rank: index, end: from + word.length };
  }
  return undefined;
}

/** Pushes the tokens of one `.N` number: a leading-zero count token, then the rest, as apk does. */
function pushDotNumber(tokens: Token[], digits: string): void {
  let zeros = 0;
  while (zeros < digits.length && digits.charCodeAt(zeros) === 48) zeros++;
  if (zeros === 0) {
    tokens.push({ kind: Kind.DotNumber, value: digits });
    return;
  }
  tokens.push({ kind: Kind.DotNumber, value: -zeros });
  if (zeros < digits.length) tokens.push({ kind: Kind.Number, value: digits.slice(zeros) });
}

/**
 * Reads the tokens with apk-tools' grammar: a number; then `.N` numbers; a lower-case letter, which
 * may be followed by more digits (`6.6.2p1`, as apk-tools accepts); `_suffix[N]` parts; `-rN`.
 */
function parseApk(text: string): readonly Token[] | undefined {
  const tokens: Token[] = [];
  let i = readDigits(text, 0);
  if (i === 0) return undefined;
  tokens.push({ kind: Kind.Number, value: text.slice(0, i) });
  let previous = Kind.Number;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ && (previous === Kind.Number || previous === Kind.DotNumber)) {
      const end = readDigits(text, i + 1);
      if (end === i + 1) return undefined;
      pushDotNumber(tokens, text.slice(i + 1, end));
      previous = Kind.DotNumber;
      i = end;
    } else if (c >= 97 && c <= 122 && (previous === Kind.Number || previous === Kind.DotNumber)) {
      tokens.push({ kind: Kind.Letter, value: c });
      previous = Kind.Letter;
      i++;
    } else if (isDigitCode(c) && previous === Kind.Letter) {
      const end = readDigits(text, i);
      tokens.push({ kind: Kind.Number, value: text.slice(i, end) });
      previous = Kind.Number;
      i = end;
    } else if (c === 95 /* _ */ && previous !== Kind.Revision) {
      const suffix = suffixAt(text, i + 1);
      if (suffix === undefined) return undefined;
      tokens.push({ kind: Kind.Suffix, value: suffix.rank });
      i = suffix.end;
      const end = readDigits(text, i);
      if (end > i) tokens.push({ kind: Kind.SuffixNumber, value: text.slice(i, end) });
      previous = Kind.Suffix;
      i = end;
    } else if (text.startsWith('-r', i) && previous !== Kind.Revision) {
      const end = readDigits(text, i + 2);
      if (end === i + 2) return undefined;
      tokens.push({ kind: Kind.Revision, value: text.slice(i + 2, end) });
      previous = Kind.Revision;
      i = end;
    } else {
      return undefined;
    }
  }
  tokens.push({ kind: Kind.End, value: 0 });
  return tokens;
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'string' && typeof b === 'string') return compareDigitStrings(a, b);
  // A leading-zero count (negative) is below any plain number.
  return compareNumbers(typeof a === 'number' ? a : Infinity, typeof b === 'number' ? b : Infinity);
}

function isPreReleaseSuffix(token: Token): boolean {
  return token.kind === Kind.Suffix && typeof token.value === 'number' && token.value < 0;
}

function compareApk(a: readonly Token[], b: readonly Token[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) break;
    if (x.kind !== y.kind) {
      if (isPreReleaseSuffix(x)) return -1;
      if (isPreReleaseSuffix(y)) return 1;
      // The token kind later in the grammar belongs to the version that stopped earlier.
      return y.kind - x.kind;
    }
    const order = compareValues(x.value, y.value);
    if (order !== 0) return order;
  }
  return 0;
}

export const apkScheme: VersionScheme = schemeFromParser('apk', parseApk, compareApk);
