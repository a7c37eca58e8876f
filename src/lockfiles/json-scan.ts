/**
 * Scans of JSON text that build no values: where a text stops being JSON, which line each object
 * key is on, where a string ends. JSON.parse keeps no positions, so lockfile readers use these to
 * give lines to errors and packages.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** V8's message for a JSON.parse failure, without the copy of the input it quotes or the offset. */
export function describeJsonFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unreadable';
  const message = error.message;
  if (message.endsWith(' is not valid JSON')) {
    // `Unexpected token 'x', ..."text around", "a": x}" is not valid JSON`: keep what precedes the quote.
    const token = /^Unexpected token '[\s\S]{1,2}'(?=, )/.exec(message);
    if (token !== null) return token[0];
    const quoted = [message.indexOf(', "'), message.indexOf(', ..."')].filter((at) => at > 0);
    return quoted.length > 0 ? message.slice(0, Math.min(...quoted)) : message;
  }
  const position = message.indexOf(' in JSON at position');
  return position > 0 ? message.slice(0, position) : message;
}

export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type Expectation = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * Offset of the first character that makes the text invalid JSON, or undefined when it is valid.
 * Only run after JSON.parse failed, to tell the user where: V8 does not always say.
 */
export function locateJsonError(text: string): number | undefined {
  const open: number[] = [];
  let expect: Expectation = 'value';
  let i = 0;
  const afterValue = (): Expectation => (open.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    i = skipWhitespace(text, i);
    if (i >= text.length) return expect === 'end' ? undefined : i;
    const c = text.charCodeAt(i);
    const top = open.at(-1);
    if (expect === 'end') return i;
    if (expect === 'colon') {
      if (c !== COLON) return i;
      i++;
      expect = 'value';
    } else if (expect === 'comma-or-close') {
      if (c === COMMA) expect = top === OPEN_BRACE ? 'key' : 'value';
      else if ((c === CLOSE_BRACE && top === OPEN_BRACE) || (c === CLOSE_BRACKET && top === OPEN_BRACKET)) {
        open.pop();
        expect = afterValue();
      } else return i;
      i++;
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === CLOSE_BRACE && expect === 'key-or-close') {
        open.pop();
        i++;
        expect = afterValue();
      } else {
        if (c !== QUOTE) return i;
        const end = endOfValidString(text, i);
        if (end.error) return end.at;
        i = end.at;
        expect = 'colon';
      }
    } else if (c === CLOSE_BRACKET && expect === 'value-or-close') {
      open.pop();
      i++;
      expect = afterValue();
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push(c);
      i++;
      expect = c === OPEN_BRACE ? 'key-or-close' : 'value-or-close';
    } else if (c === QUOTE) {
      const end = endOfValidString(text, i);
      if (end.error) return end.at;
      i = end.at;
      expect = afterValue();
    } else {
      const length = scalarLength(text, i);
      if (length === 0) return i;
      i += length;
      expect = afterValue();
    }
  }
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== NEWLINE && c !== 0x0d) break;
  }
  return i;
}

function scalarLength(text: string, at: number): number {
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, at)) return literal.length;
  NUMBER.lastIndex = at;
  return NUMBER.exec(text)?.[0].length ?? 0;
}

/** Where a string starting at `start` (a quote) ends, or where it first breaks JSON's string rules. */
function endOfValidString(text: string, start: number): { readonly error: boolean; readonly at: number } {
  for (let i = start + 1; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return { error: false, at: i + 1 };
    if (c < 0x20) return { error: true, at: i };
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    const escaped = text.charAt(i + 1);
    if (ESCAPABLE.has(escaped)) i += 2;
    else if (escaped === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
    else return { error: true, at: i };
  }
  return { error: true, at: text.length };
}

/**
 * Index of the `"` that closes the double-quoted string opening at `start` (a quote after an odd
 * run of backslashes is escaped), or undefined when the text ends first.
 */
export function closingQuote(text: string, start: number): number | undefined {
  for (let at = text.indexOf('"', start + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return undefined;
}

/** The value of a JSON string literal, quotes included; undefined when it is not one. */
export function decodeJsonString(quoted: string): string | undefined {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Called for each key whose value is an object, with the key's 1-based line. Returns the state the
 * object's own keys are reported with, or undefined when nothing inside it is wanted.
 */
export type ObjectKeyVisitor<S> = (parent: S, key: string, line: number) => S | undefined;

interface Frame<S> {
  readonly isObject: boolean;
  readonly state: S | undefined;
}

/**
 * One pass over a JSON text already known to be valid (JSON.parse accepted it), finding the lines
 * of object keys. It tracks only nesting and keys, never builds values, so it costs one scan and
 * a stack as deep as the document.
 */
export function visitObjectKeys<S>(text: string, rootState: S, visit: ObjectKeyVisitor<S>): void {
  const frames: Frame<S>[] = [];
  let line = 1;
  let expectKey = false;
  let key: string | undefined;
  let keyLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
    } else if (c === QUOTE) {
      const end = closingQuote(text, i) ?? text.length;
      if (expectKey) {
        key = decodeKey(text, i, end);
        keyLine = line;
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      frames.push({ isObject: c === OPEN_BRACE, state: childState(frames.at(-1), c === OPEN_BRACE, key, keyLine) });
      expectKey = c === OPEN_BRACE;
      key = undefined;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      frames.pop();
      expectKey = false;
      key = undefined;
    } else if (c === COMMA) {
      expectKey = frames.at(-1)?.isObject === true;
      key = undefined;
    }
  }

  function childState(parent: Frame<S> | undefined, isObject: boolean, ownKey: string | undefined, ownLine: number): S | undefined {
    if (!isObject) return undefined;
    if (parent === undefined) return rootState;
    if (!parent.isObject || parent.state === undefined || ownKey === undefined) return undefined;
    return visit(parent.state, ownKey, ownLine);
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  // The text passed JSON.parse as a whole, so decoding cannot fail; the raw text is a fine fallback.
  return decodeJsonString(text.slice(start, end + 1)) ?? raw;
}
