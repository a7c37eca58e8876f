import { closingQuote, decodeJsonString } from '../json-scan.js';
import { LockfileError } from '../types.js';
import { forEachContentLine } from './indented-lines.js';
import type { ProblemList } from './problem-list.js';

/** One top-level block of a yarn.lock: the descriptors of its header and the fields below it. */
export interface YarnBlock {
  readonly line: number;
  /** Header keys (`"a@^1.0.0", a@^1.1.0:`), unquoted. */
  readonly descriptors: readonly string[];
  /** Indented `key value` (classic) or `key: value` (Berry) lines. */
  readonly fields: ReadonlyMap<string, string>;
  /** Indented maps such as `dependencies:`, one level deep; deeper levels are not needed. */
  readonly maps: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Yarn classic writes `key value`; Berry writes YAML, `key: value`. Both indent by two spaces. */
export type YarnSyntax = 'classic' | 'berry';

interface ParsedLine {
  /** Keys of a line that opens a block (`header:`); undefined for `key value` lines. */
  readonly opens?: readonly string[];
  readonly key?: string;
  readonly value?: string;
}

interface OpenBlock {
  readonly line: number;
  readonly descriptors: readonly string[];
  readonly fields: Map<string, string>;
  readonly maps: Map<string, Map<string, string>>;
  currentMap: Map<string, string> | undefined;
}

/** Berry's lockfile always starts its data with `__metadata:`; classic files never have it. */
export function isBerryLockfile(text: string): boolean {
  return /^__metadata:/m.test(text);
}

/**
 * Reads a yarn.lock line by line. Only the shapes Yarn writes are understood; other lines are
 * reported and skipped, and a file with content but no block at all is not a yarn.lock.
 */
export function readYarnBlocks(text: string, syntax: YarnSyntax, problems: ProblemList): YarnBlock[] {
  const blocks: OpenBlock[] = [];
  let current: OpenBlock | undefined;
  let contentLines = 0;
  forEachContentLine(text, (raw, body, indent, lineNumber) => {
    contentLines++;
    const parsed = indent % 2 === 0 && !raw.startsWith('\t') ? parseLine(body.trimEnd(), syntax) : undefined;
    if (parsed === undefined) {
      problems.add('lockfile-line-unreadable', `line ${lineNumber} is not in yarn.lock form; skipped`, lineNumber);
      return;
    }
    if (indent === 0) {
      if (parsed.opens === undefined) {
        // Berry's top-level scalars (none today) and stray text: not a package.
        if (syntax === 'classic') problems.add('lockfile-line-unreadable', `line ${lineNumber} is not in yarn.lock form; skipped`, lineNumber);
        current = undefined;
        return;
      }
      current = { line: lineNumber, descriptors: parsed.opens, fields: new Map(), maps: new Map(), currentMap: undefined };
      blocks.push(current);
    } else if (current === undefined) {
      problems.add('lockfile-line-unreadable', `line ${lineNumber} is indented but belongs to no entry; skipped`, lineNumber);
    } else if (indent === 2) {
      addField(current, parsed);
    } else if (indent === 4 && current.currentMap !== undefined && parsed.key !== undefined && parsed.value !== undefined) {
      current.currentMap.set(parsed.key, parsed.value);
    }
    // Deeper lines (dependenciesMeta, peerDependenciesMeta) carry nothing a scanner needs.
  });
  if (blocks.length === 0 && contentLines > 0) throw new LockfileError('not a yarn.lock: no entries found');
  return blocks;
}

function addField(block: OpenBlock, parsed: ParsedLine): void {
  if (parsed.opens !== undefined) {
    const name = parsed.opens[0] ?? '';
    const map = new Map<string, string>();
    block.maps.set(name, map);
    block.currentMap = map;
    return;
  }
  block.currentMap = undefined;
  if (parsed.key !== undefined && parsed.value !== undefined) block.fields.set(parsed.key, parsed.value);
}

function parseLine(body: string, syntax: YarnSyntax): ParsedLine | undefined {
  if (syntax === 'berry') return parseBerryLine(body);
  if (body.endsWith(':')) {
    const opens = splitHeader(body.slice(0, -1));
    return opens === undefined ? undefined : { opens };
  }
  const key = readToken(body, 0);
  if (key === undefined) return undefined;
  const rest = body.slice(key.end).trim();
  const value = rest === '' ? undefined : readToken(rest, 0);
  if (value === undefined || value.end !== rest.length) return undefined;
  return { key: key.text, value: value.text };
}

/** Berry: `key:` opens, `key: value` sets; keys and values are plain or double-quoted. */
function parseBerryLine(body: string): ParsedLine | undefined {
  let key: string;
  let afterKey: number;
  if (body.startsWith('"')) {
    const token = readToken(body, 0);
    if (token === undefined || body.charAt(token.end) !== ':') return undefined;
    key = token.text;
    afterKey = token.end + 1;
  } else {
    const colon = body.search(/:(?: |$)/);
    if (colon <= 0) return undefined;
    key = body.slice(0, colon);
    afterKey = colon + 1;
  }
  const rest = body.slice(afterKey).trim();
  if (rest === '') return { opens: key.split(',').map((part) => part.trim()) };
  const value = readToken(rest, 0, true);
  return value === undefined ? undefined : { key, value: value.text };
}

/** Classic headers list descriptors separated by commas, each quoted when it needs to be. */
function splitHeader(header: string): readonly string[] | undefined {
  const descriptors: string[] = [];
  let at = 0;
  while (at < header.length) {
    while (header.charAt(at) === ' ') at++;
    const token = readToken(header, at, false, ',');
    if (token === undefined) return undefined;
    descriptors.push(token.text.trim());
    at = token.end;
    while (header.charAt(at) === ' ') at++;
    if (at < header.length && header.charAt(at) !== ',') return undefined;
    at++;
  }
  return descriptors.length > 0 ? descriptors : undefined;
}

/**
 * A double-quoted string (JSON escapes, as both Yarns write them) or a plain run of text. Plain
 * runs stop at a space, or at `stop`, unless `toEnd` says the rest of the line is the value.
 */
function readToken(text: string, start: number, toEnd = false, stop = ' '): { readonly text: string; readonly end: number } | undefined {
  if (text.charAt(start) === '"') {
    const end = closingQuote(text, start);
    // Unclosed, or an escape JSON does not know: the line is not in Yarn's form.
    const decoded = end === undefined ? undefined : decodeJsonString(text.slice(start, end + 1));
    return end === undefined || decoded === undefined ? undefined : { text: decoded, end: end + 1 };
  }
  if (toEnd) return { text: text.slice(start), end: text.length };
  let end = start;
  while (end < text.length && text.charAt(end) !== stop && (stop === ' ' || text.charAt(end) !== ' ')) end++;
  return end === start ? undefined : { text: text.slice(start, end), end };
}
