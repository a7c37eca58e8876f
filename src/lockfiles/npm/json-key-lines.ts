const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

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
      const end = closingQuote(text, i);
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

/** Index of the quote that closes the string opening at `start` (quotes after an odd run of backslashes are escaped). */
function closingQuote(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    const decoded: unknown = JSON.parse(text.slice(start, end + 1));
    return typeof decoded === 'string' ? decoded : raw;
  } catch {
    // The text passed JSON.parse as a whole, so this cannot happen; the raw text is a fine fallback.
    return raw;
  }
}
