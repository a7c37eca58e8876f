import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LockfileError } from '../types.js';

/**
 * Entity expansion is off and the DOCTYPE is blanked out before parsing, so an internal subset
 * (billion laughs, external entities) is never read. Tag values stay strings: `1.10` is not 1.1.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => tagName === 'dependency',
});

export interface XmlDocument {
  readonly root: Record<string, unknown>;
  /** The text with comments and DOCTYPE blanked, for position scans that must skip them too. */
  readonly blankedText: string;
}

/** Parse an XML document, with a LockfileError naming the line when it is not well-formed. */
export function parseXmlDocument(text: string, fileName: string): XmlDocument {
  const blanked = blankCommentsAndDoctype(text, fileName);
  const validation = XMLValidator.validate(blanked);
  if (validation !== true) {
    const { line, msg } = validation.err;
    throw new LockfileError(`${fileName} is not well-formed XML (line ${line}): ${msg}`, line);
  }
  const document: unknown = parser.parse(blanked);
  if (typeof document !== 'object' || document === null) throw new LockfileError(`${fileName} holds no XML element`);
  return { root: document as Record<string, unknown>, blankedText: blanked };
}

/** The text of a leaf element, with the five predefined XML entities and character references decoded. */
export function elementText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (whole, named?: string, decimal?: string, hex?: string) => {
    if (named !== undefined) return NAMED_ENTITIES[named] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Replace comments and the DOCTYPE declaration with spaces (newlines kept, so lines still count):
 * commented-out dependencies must not be found by the line scan, and the DOCTYPE must not be parsed.
 */
export function blankCommentsAndDoctype(text: string, fileName: string): string {
  const parts: string[] = [];
  let position = 0;
  for (let start = text.indexOf('<!', position); start >= 0; start = text.indexOf('<!', position)) {
    let end: number;
    if (text.startsWith('<!--', start)) end = endOf(text, '-->', start + 4);
    else if (text.startsWith('<!DOCTYPE', start)) end = doctypeEnd(text, start + 9);
    else if (text.startsWith('<![CDATA[', start)) {
      position = endOf(text, ']]>', start + 9);
      if (position < 0) throw unclosed(text, fileName, start, 'CDATA section');
      continue;
    } else {
      position = start + 2;
      continue;
    }
    if (end < 0) throw unclosed(text, fileName, start, text.startsWith('<!--', start) ? 'comment' : 'DOCTYPE');
    parts.push(text.slice(position, start), text.slice(start, end).replace(/[^\n]/g, ' '));
    position = end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/** Index just past `terminator`, or -1. */
function endOf(text: string, terminator: string, from: number): number {
  const index = text.indexOf(terminator, from);
  return index < 0 ? -1 : index + terminator.length;
}

/** Index just past the DOCTYPE's closing `>`: skips quoted literals, comments and the `[…]` subset. */
function doctypeEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = text.indexOf(char, i + 1);
      if (i < 0) return -1;
    } else if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i < 0) return -1;
    } else if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function unclosed(text: string, fileName: string, start: number, what: string): LockfileError {
  const line = lineAt(text, start);
  return new LockfileError(`${fileName} is not well-formed XML (line ${line}): the ${what} is never closed`, line);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * For every element at `path` (e.g. project/dependencies/dependency), in document order, the line of
 * its `childName` child, or of the element itself when that child is missing. fast-xml-parser keeps no
 * positions, so this walks the tags of the validated text (comments blanked, see XmlDocument) once.
 */
export function findElementLines(text: string, path: readonly string[], childName: string): number[] {
  const found: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let counted = 0;
  const lineOf = (index: number): number => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
  let childSeen = false;
  for (let start = text.indexOf('<'); start >= 0; start = text.indexOf('<', start + 1)) {
    if (text.startsWith('<![CDATA[', start)) {
      start = Math.max(start, text.indexOf(']]>', start));
      continue;
    }
    if (text.startsWith('<?', start) || text.startsWith('<!', start)) continue;
    const end = tagEnd(text, start);
    if (end < 0) break;
    const body = text.slice(start + 1, end);
    const name = /^\/?([^\s/>]+)/.exec(body)?.[1] ?? '';
    if (body.startsWith('/')) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else {
      if (isPath(stack, path.slice(0, -1)) && name === path[path.length - 1]) {
        found.push(lineOf(start));
        childSeen = false;
      } else if (!childSeen && name === childName && isPath(stack, path) && found.length > 0) {
        found[found.length - 1] = lineOf(start);
        childSeen = true;
      }
      if (!body.endsWith('/')) stack.push(name);
    }
    start = end;
  }
  return found;
}

function isPath(stack: readonly string[], path: readonly string[]): boolean {
  return stack.length === path.length && stack.every((name, index) => name === path[index]);
}

/** Index of the `>` closing the tag at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = text.indexOf(char, i + 1);
      if (i < 0) return -1;
    } else if (char === '>') return i;
  }
  return -1;
}
