import { compareCodeUnits, compareDigitStrings, comparePadded, isDigitCode, schemeFromParser } from './ordering.js';
import type { VersionScheme } from './types.js';

/**
 * Maven's version order (ComparableVersion), from the rules in the POM reference and the class's
 * documentation:
 * - the lower-cased version is split into items at `.`, at `-` and where digits and non-digits
 *   meet; an empty item is `0`;
 * - a `-` or a digit/non-digit transition starts a nested level, which weighs less than an item
 *   after a `.` (`1-1` < `1.1`); a qualifier always starts one, so `1.foo` = `1-foo` as the POM
 *   reference says (and `1.0.RC2` < `1.0-RC3`, as Maven 3.9 orders them);
 * - qualifiers order alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp,
 *   then unknown qualifiers in lexical order; `a1`, `b1`, `m1` mean alpha-1, beta-1, milestone-1;
 * - trailing "null" items (0, "", and the release qualifiers) are dropped at the end of each level,
 *   so `1.0` = `1.0.0` = `1-ga` = `1`, and `1-ga-1` = `1-1`;
 * - a number beats a qualifier and a nested level; a missing item is a null.
 *
 * ComparableVersion itself is not transitive in corner cases (MNG-5568: a nested list beats any
 * qualifier, yet `sp` beats nothing and a nested list equals nothing). To give a total order, the
 * levels are flattened into one token sequence and compared with one fixed token order:
 * pre-release qualifiers < (end, level start, "") < sp < other qualifiers < numbers. That agrees
 * with Maven wherever Maven is consistent.
 */
type Item =
  | { readonly kind: 'number'; readonly digits: string }
  | { readonly kind: 'qualifier'; readonly value: string }
  | { readonly kind: 'list'; readonly items: Item[] };

/** One token of the flattened version; `category` orders the kinds, `rank`/`text` order within one. */
interface Token {
  readonly category: number;
  readonly rank: number;
  readonly text: string;
}

const PRE_RELEASE_QUALIFIERS: readonly string[] = ['alpha', 'beta', 'milestone', 'rc', 'snapshot'];
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
/** Single letters that stand for a qualifier when a number follows directly (`1.0a1`). */
const SHORT_QUALIFIERS: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };
/** Characters of range syntax and white space: such a string is a range or garbage, not a version. */
const FORBIDDEN = /[\s[\](),]/;

const PRE_RELEASE = 0;
/** The end of a version, the start of a nested level and the "" qualifier weigh the same. */
const NEUTRAL = 1;
const SERVICE_PACK = 2;
const OTHER_QUALIFIER = 3;
const NUMBER = 4;
const END: Token = { category: NEUTRAL, rank: 0, text: '' };

function qualifierItem(text: string, followedByDigit: boolean): Item {
  const expanded = followedByDigit ? (SHORT_QUALIFIERS[text] ?? text) : text;
  return { kind: 'qualifier', value: ALIASES[expanded] ?? expanded };
}

function isNullItem(item: Item): boolean {
  switch (item.kind) {
    case 'number':
      return /^0+$/.test(item.digits);
    case 'qualifier':
      return item.value === '';
    case 'list':
      return item.items.length === 0;
  }
}

/**
 * Drops trailing null items; a nested list is passed over so nulls before it go too. A nested list
 * left holding only another list (`1-ga-1`: the `ga` dropped) takes that list's items, so
 * `1-ga-1` = `1-1` as the POM reference says. The top level keeps its nested list: `0-1` < `1`.
 */
function normalize(list: Item[], isTopLevel: boolean): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item === undefined) continue;
    if (isNullItem(item)) list.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
  const only = list[0];
  if (!isTopLevel && list.length === 1 && only?.kind === 'list') list.splice(0, 1, ...only.items);
}

function parseLevels(text: string): Item[] {
  const root: Item[] = [];
  const lists: Item[][] = [root];
  let list = root;
  let inNumber = false;
  let start = 0;
  const openList = (): void => {
    const nested: Item[] = [];
    list.push({ kind: 'list', items: nested });
    lists.push(nested);
    list = nested;
  };
  const pushNumber = (digits: string): void => {
    list.push({ kind: 'number', digits });
  };
  // A qualifier always starts its own level.
  const pushQualifier = (word: string, followedByDigit: boolean): void => {
    if (list.length > 0) openList();
    list.push(qualifierItem(word, followedByDigit));
  };
  const pushToken = (token: string): void => {
    if (token.length === 0) pushNumber('0');
    else if (inNumber) pushNumber(token);
    else pushQualifier(token, false);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ || c === 45 /* - */) {
      pushToken(text.slice(start, i));
      start = i + 1;
      if (c === 45) openList();
    } else if (isDigitCode(c)) {
      if (!inNumber && i > start) {
        pushQualifier(text.slice(start, i), true);
        start = i;
        openList();
      }
      inNumber = true;
    } else {
      if (inNumber && i > start) {
        pushNumber(text.slice(start, i));
        start = i;
        openList();
      }
      inNumber = false;
    }
  }
  if (text.length > start) pushToken(text.slice(start));
  // Innermost levels first, so a level emptied by normalising is dropped from its parent.
  for (let i = lists.length - 1; i >= 0; i--) normalize(lists[i] ?? [], i === 0);
  return root;
}

function qualifierToken(value: string): Token {
  const rank = PRE_RELEASE_QUALIFIERS.indexOf(value);
  if (rank !== -1) return { category: PRE_RELEASE, rank, text: '' };
  if (value === '') return END;
  if (value === 'sp') return { category: SERVICE_PACK, rank: 0, text: '' };
  return { category: OTHER_QUALIFIER, rank: 0, text: value };
}

/** Levels become one sequence: a level's start is a neutral token, like the end of the version. */
function flatten(items: readonly Item[], into: Token[]): Token[] {
  for (const item of items) {
    if (item.kind === 'number') into.push({ category: NUMBER, rank: 0, text: item.digits });
    else if (item.kind === 'qualifier') into.push(qualifierToken(item.value));
    else {
      into.push(END);
      flatten(item.items, into);
    }
  }
  return into;
}

function parseMaven(raw: string): readonly Token[] | undefined {
  if (raw.length === 0 || FORBIDDEN.test(raw)) return undefined;
  return flatten(parseLevels(raw.toLowerCase()), []);
}

function compareTokens(a: Token, b: Token): number {
  if (a.category !== b.category) return a.category - b.category;
  if (a.category === NUMBER) return compareDigitStrings(a.text, b.text);
  return a.rank - b.rank || compareCodeUnits(a.text, b.text);
}

/** Token by token; the shorter version goes on with neutral tokens. */
function compareMaven(a: readonly Token[], b: readonly Token[]): number {
  return comparePadded(a, b, END, compareTokens);
}

export const mavenScheme: VersionScheme = schemeFromParser('maven', parseMaven, compareMaven);
