import { closingQuote, decodeJsonString } from '../json-scan.js';
import { LockfileError } from '../types.js';
import { forEachContentLine } from './indented-lines.js';

/** A pnpm lockfile as plain data, with the line of each key of its `packages` and `snapshots` maps. */
export interface PnpmDocument {
  readonly data: Readonly<Record<string, unknown>>;
  readonly keyLines: { readonly packages: ReadonlyMap<string, number>; readonly snapshots: ReadonlyMap<string, number> };
}

/** importers → folder → list → name → { specifier, version } is the deepest thing read; deeper lines are skipped. */
const MAX_DEPTH = 5;
const SECTIONS_WITH_LINES = new Set(['packages', 'snapshots']);

interface Frame {
  readonly indent: number;
  readonly depth: number;
  /** Undefined for lines whose insides are not read: scalars' continuations, sequences, too-deep maps. */
  readonly map: Record<string, unknown> | undefined;
  /** The top-level section this frame is in, for the line numbers of its keys. */
  readonly section: string | undefined;
}

/**
 * Reads pnpm-lock.yaml in one pass over its lines. pnpm writes a small, regular subset of YAML
 * (block maps indented by spaces, quoted or plain scalars, one-line flow values, `- item` lists), so
 * this reader keeps only block maps and scalars. A general YAML library costs several times the
 * time and memory, too much for lockfiles of tens of megabytes. pnpm 10 may write two documents
 * separated by `---`; the project's lockfile is the last one.
 */
export function readPnpmDocument(text: string): PnpmDocument {
  if (!/\S/.test(text)) throw new LockfileError('the file is empty');
  let root = newMap();
  let keyLines = { packages: new Map<string, number>(), snapshots: new Map<string, number>() };
  let frames: Frame[] = [{ indent: -1, depth: 0, map: root, section: undefined }];
  forEachContentLine(text, (line, body, indent, lineNumber) => {
    if (indent === 0 && (body === '---' || body.startsWith('--- ') || body === '...')) {
      if (body !== '...') {
        root = newMap();
        keyLines = { packages: new Map(), snapshots: new Map() };
        frames = [{ indent: -1, depth: 0, map: root, section: undefined }];
      }
      return;
    }
    if (line.slice(0, indent).includes('\t')) throw new LockfileError(`not valid YAML: a tab indents line ${lineNumber}`, lineNumber);
    while ((frames.at(-1)?.indent ?? -1) >= indent) frames.pop();
    const parent = frames.at(-1) ?? { indent: -1, depth: 0, map: root, section: undefined };
    if (parent.map === undefined || body.startsWith('- ') || body === '-') {
      frames.push({ indent, depth: parent.depth + 1, map: undefined, section: undefined });
      return;
    }
    const entry = parseMappingLine(body, lineNumber);
    const section = parent.depth === 0 ? entry.key : parent.section;
    if (parent.depth === 1 && section !== undefined && SECTIONS_WITH_LINES.has(section)) {
      const lines = section === 'packages' ? keyLines.packages : keyLines.snapshots;
      if (!lines.has(entry.key)) lines.set(entry.key, lineNumber);
    }
    if (entry.value !== undefined) {
      parent.map[entry.key] = entry.value;
      frames.push({ indent, depth: parent.depth + 1, map: undefined, section });
    } else {
      const child = parent.depth + 1 < MAX_DEPTH ? newMap() : undefined;
      if (child !== undefined) parent.map[entry.key] = child;
      frames.push({ indent, depth: parent.depth + 1, map: child, section });
    }
  });
  return { data: root, keyLines };
}

/** Objects without a prototype, so that a key such as `__proto__` is only a key. */
function newMap(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** `key: value` or `key:`; keys and values are plain, 'single-' or "double-quoted". */
function parseMappingLine(body: string, lineNumber: number): { readonly key: string; readonly value?: unknown } {
  let key: string;
  let rest: string;
  if (body.startsWith("'") || body.startsWith('"')) {
    const quoted = readQuoted(body);
    if (quoted === undefined) throw new LockfileError(`not valid YAML: unterminated quoted key on line ${lineNumber}`, lineNumber);
    if (body.charAt(quoted.end) !== ':') throw notMapping(lineNumber);
    key = quoted.text;
    rest = body.slice(quoted.end + 1);
  } else {
    const colon = body.search(/:(?:\s|$)/);
    if (colon <= 0) throw notMapping(lineNumber);
    key = body.slice(0, colon);
    rest = body.slice(colon + 1);
  }
  const valueText = rest.trim();
  if (valueText === '') return { key };
  // A quoted value may go on over the next, deeper lines, which are skipped: keep what this line has.
  if (valueText.startsWith("'") || valueText.startsWith('"')) return { key, value: readQuoted(valueText)?.text ?? valueText };
  return { key, value: plainScalar(valueText) };
}

function plainScalar(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === '~' || text === 'null') return null;
  // Numbers stay text: `lockfileVersion: 5.4` and versions are compared as text anyway.
  return text;
}

/** A quoted scalar at the start of `text`, or undefined when it does not end on this line. */
function readQuoted(text: string): { readonly text: string; readonly end: number } | undefined {
  const quote = text.charAt(0);
  if (quote === "'") {
    // In single quotes, '' stands for one quote and nothing else is an escape.
    for (let at = text.indexOf("'", 1); at >= 0; at = text.indexOf("'", at + 2)) {
      if (text.charAt(at + 1) !== "'") return { text: text.slice(1, at).replaceAll("''", "'"), end: at + 1 };
    }
    return undefined;
  }
  const end = closingQuote(text, 0);
  if (end === undefined) return undefined;
  // A YAML escape JSON lacks (\x41, \e): keep the text as written.
  return { text: decodeJsonString(text.slice(0, end + 1)) ?? text.slice(1, end), end: end + 1 };
}

function notMapping(lineNumber: number): LockfileError {
  return new LockfileError(`not valid pnpm-lock.yaml: line ${lineNumber} is not a "key: value" line`, lineNumber);
}
