import { isDigitCode } from './ordering.js';

/**
 * Composer's version normalisation (VersionParser::normalize), written as a hand-rolled scanner so
 * that no pattern can backtrack. Results look like Composer's: `v1.2` → `1.2.0.0`,
 * `1.0.0-b2` → `1.0.0.0-beta2`, `1.0-RC1-dev` → `1.0.0.0-RC1-dev`, `2.x-dev` →
 * `2.9999999.9999999.9999999-dev`, `dev-main` → `dev-main`, `2010.01.02` (a date) → `2010.01.02`.
 * Returns undefined for what Composer rejects.
 */

const STABILITY_FLAGS = ['stable', 'rc', 'beta', 'alpha', 'dev'];
/** In the order Composer's pattern tries them: the first that lets the rest match wins. */
const STABILITY_WORDS = ['stable', 'beta', 'b', 'rc', 'alpha', 'a', 'patch', 'pl', 'p'];
const BRANCH_NUMBER_LIMIT = '9999999';

interface Cursor {
  readonly text: string;
  pos: number;
}

function readDigits(c: Cursor, max = Infinity): string {
  const start = c.pos;
  while (c.pos < c.text.length && c.pos - start < max && isDigitCode(c.text.charCodeAt(c.pos))) c.pos++;
  return c.text.slice(start, c.pos);
}

function expandStability(word: string): string {
  const lower = word.toLowerCase();
  switch (lower) {
    case 'a':
      return 'alpha';
    case 'b':
      return 'beta';
    case 'p':
    case 'pl':
      return 'patch';
    case 'rc':
      return 'RC';
    default:
      return lower;
  }
}

/** `([.-]?\d+)*`, taken greedily as Composer's possessive pattern does. */
function readStabilityNumber(text: string, from: number): number {
  let pos = from;
  for (;;) {
    let next = pos;
    if (text[next] === '.' || text[next] === '-') next++;
    const start = next;
    while (next < text.length && isDigitCode(text.charCodeAt(next))) next++;
    if (next === start) return pos;
    pos = next;
  }
}

/** `([.-]?dev)?$` from `pos`: true when it matches to the end, with whether `dev` was there. */
function readDevSuffix(text: string, pos: number): { dev: boolean } | undefined {
  if (pos === text.length) return { dev: false };
  const rest = text.slice(text[pos] === '.' || text[pos] === '-' ? pos + 1 : pos);
  return rest.toLowerCase() === 'dev' ? { dev: true } : undefined;
}

/**
 * Composer's modifier pattern `[._-]?(?:(STABILITY)((?:[.-]?\d+)*))?([.-]?dev)?` matched against
 * the whole rest of the string; returns the normalised suffix (`-beta2`, `-dev`, ``).
 */
function readModifier(text: string, from: number): string | undefined {
  const separated = text[from] === '.' || text[from] === '_' || text[from] === '-';
  const starts = separated ? [from + 1, from] : [from];
  for (const start of starts) {
    const bare = readDevSuffix(text, start);
    if (bare) return bare.dev ? '-dev' : '';
    const lower = text.slice(start, start + 6).toLowerCase();
    for (const word of STABILITY_WORDS) {
      if (!lower.startsWith(word)) continue;
      const wordEnd = start + word.length;
      const numberEnd = readStabilityNumber(text, wordEnd);
      const dev = readDevSuffix(text, numberEnd);
      if (!dev) continue;
      const written = text.slice(start, wordEnd);
      // Composer drops the suffix only for `stable` spelled in lower case.
      const stability = written === 'stable' ? '' : `-${expandStability(written)}${text.slice(wordEnd, numberEnd).replace(/^[.-]/, '')}`;
      return stability + (dev.dev ? '-dev' : '');
    }
  }
  return undefined;
}

/** `v?N(.N)?(.N)?(.N)?` with a first number of at most five digits, then the modifier. */
function normalizeClassical(text: string): string | undefined {
  const c: Cursor = { text, pos: text[0] === 'v' || text[0] === 'V' ? 1 : 0 };
  const major = readDigits(c, 5);
  if (major.length === 0) return undefined;
  const numbers = [major];
  while (numbers.length < 4 && text[c.pos] === '.' && isDigitCode(text.charCodeAt(c.pos + 1))) {
    c.pos++;
    numbers.push(readDigits(c));
  }
  const modifier = readModifier(text, c.pos);
  if (modifier === undefined) return undefined;
  while (numbers.length < 4) numbers.push('0');
  return numbers.join('.') + modifier;
}

/**
 * Date versions: four digits, one to six groups of two digits, up to two groups of one to three
 * digits, each group optionally after `.`, `:` or `-`; then the modifier. Separators become dots.
 */
function normalizeDate(text: string): string | undefined {
  const begin = text[0] === 'v' || text[0] === 'V' ? 1 : 0;
  const ends = new Set<number>();
  const seen = new Set<string>();
  const visit = (pos: number, pairs: number, tails: number): void => {
    const key = `${pos}:${pairs}:${tails}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (pairs >= 1) ends.add(pos);
    const afterSeparator = ':.-'.includes(text[pos] ?? 'x') ? [pos, pos + 1] : [pos];
    for (const start of afterSeparator) {
      let digits = 0;
      while (digits < 3 && isDigitCode(text.charCodeAt(start + digits))) digits++;
      if (tails === 0 && pairs < 6 && digits >= 2) visit(start + 2, pairs + 1, 0);
      if (pairs >= 1 && tails < 2) for (let n = 1; n <= digits; n++) visit(start + n, pairs, tails + 1);
    }
  };
  for (let i = 0; i < 4; i++) if (!isDigitCode(text.charCodeAt(begin + i))) return undefined;
  visit(begin + 4, 0, 0);
  // Prefer the longest date part, as the greedy pattern does.
  for (const end of [...ends].sort((x, y) => y - x)) {
    const modifier = readModifier(text, end);
    if (modifier !== undefined) return text.slice(begin, end).replace(/[^0-9]/g, '.') + modifier;
  }
  return undefined;
}

/** `1.x-dev` style branches: numbers or `x`/`*` wildcards, which become 9999999. */
function normalizeNumericBranch(name: string): string | undefined {
  const parts = (name.startsWith('v') || name.startsWith('V') ? name.slice(1) : name).split('.');
  if (parts.length > 4 || !/^[0-9]+$/.test(parts[0] ?? '')) return undefined;
  const numbers: string[] = [];
  for (const part of parts) {
    if (/^[0-9]+$/.test(part)) numbers.push(part);
    else if (part === 'x' || part === 'X' || part === '*') numbers.push(BRANCH_NUMBER_LIMIT);
    else return undefined;
  }
  while (numbers.length < 4) numbers.push(BRANCH_NUMBER_LIMIT);
  return `${numbers.join('.')}-dev`;
}

function stripAliasAndFlag(version: string): string {
  const words = version.split(/\s+/);
  // `1.0.x-dev as 1.0.0`: the version before `as` is the real one.
  let text = words.length === 3 && words[1] === 'as' ? (words[0] ?? '') : version;
  const at = text.lastIndexOf('@');
  if (at !== -1 && STABILITY_FLAGS.includes(text.slice(at + 1).toLowerCase())) text = text.slice(0, at);
  return text;
}

/** Composer's normalised form of a version, or undefined when Composer would reject it. */
export function normalizeComposerVersion(raw: string): string | undefined {
  let text = stripAliasAndFlag(raw.trim());
  if (text.length === 0) return undefined;
  if (text === 'master' || text === 'trunk' || text === 'default') text = `dev-${text}`;
  if (text.slice(0, 4).toLowerCase() === 'dev-') return text.length > 4 ? `dev-${text.slice(4)}` : undefined;
  // Build metadata (`+sha`) does not take part in the version.
  const plus = text.indexOf('+');
  const metadata = text.slice(plus + 1);
  if (plus > 0 && metadata.length > 0 && !/[,\s]/.test(text.slice(0, plus)) && !/\s/.test(metadata)) text = text.slice(0, plus);
  if (/\s/.test(text)) return undefined;
  const normalized = normalizeClassical(text) ?? normalizeDate(text);
  if (normalized !== undefined) return normalized;
  if (text.length > 3 && text.slice(-3).toLowerCase() === 'dev') {
    const name = text.slice(0, -3);
    return normalizeNumericBranch(name.endsWith('.') || name.endsWith('-') ? name.slice(0, -1) : name);
  }
  return undefined;
}
