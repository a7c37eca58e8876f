import type { Span } from '../ir/types.js';
import { spanOfBound, type Bound } from './bindings.js';
import type { ModuleIndex } from './module-index.js';

const MAX_SCAN = 4096;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\w$]/.test(c);
}

/** Where `name` occurs as a whole word in `text`: the first occurrence, or the last with `last`. */
function wordAt(text: string, name: string, last: boolean): number {
  let at = last ? text.lastIndexOf(name) : text.indexOf(name);
  while (at >= 0) {
    const before = text[at - 1];
    // A declared name follows a keyword or type (`def f`, `func (r T) f`, `function* f`): this
    // skips a decorator argument such as `@route('/f')` that spells the same word.
    const declared = last || before === undefined || /[\s*.&]/.test(before);
    if (declared && !isWordChar(before) && !isWordChar(text[at + name.length])) return at;
    at = last ? (at === 0 ? -1 : text.lastIndexOf(name, at - 1)) : text.indexOf(name, at + 1);
  }
  return -1;
}

/**
 * A name binding (`$F` of `def $F(...)`, `$PROP` of `$O.$PROP`) is made with the span of the
 * whole function or member, which has no node of its own for the name: narrow it to where the
 * name is written, so a focus or a report points at the name. Scans at most 4 KB of text.
 */
export function narrowNameSpan(b: Bound & { kind: 'name' }, index: ModuleIndex): Span {
  const span = b.span;
  if (b.at === undefined || b.name === '' || span.endByte - span.startByte === b.name.length) return span;
  const whole = index.text(span);
  const tail = b.at === 'last' && whole.length > MAX_SCAN;
  const text = tail ? whole.slice(-MAX_SCAN) : whole.slice(0, MAX_SCAN);
  const found = wordAt(text, b.name, b.at === 'last');
  if (found < 0) return span;
  const before = tail ? whole.slice(0, whole.length - MAX_SCAN) + text.slice(0, found) : text.slice(0, found);
  // Offsets and columns count UTF-16 code units, as string lengths do.
  const startByte = span.startByte + before.length;
  const newline = before.lastIndexOf('\n');
  const startLine = span.startLine + (before.match(/\n/g)?.length ?? 0);
  const startColumn = newline < 0 ? span.startColumn + before.length : before.length - newline - 1;
  const length = b.name.length;
  return { startLine, startColumn, endLine: startLine, endColumn: startColumn + length, startByte, endByte: startByte + length };
}

/** The span a binding reports: a name binding narrowed to the name itself. */
export function reportedSpan(b: Bound, index: ModuleIndex): Span {
  return b.kind === 'name' ? narrowNameSpan(b, index) : spanOfBound(b);
}
