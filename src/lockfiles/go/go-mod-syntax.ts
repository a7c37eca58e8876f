import { LockfileError } from '../types.js';

/** One directive of a go.mod, after block expansion: `require (` … `)` gives one entry per line. */
export interface GoDirective {
  readonly verb: string;
  readonly args: readonly string[];
  /** Text of a trailing `//` comment, trimmed (`indirect` marks a transitive requirement). */
  readonly comment: string;
  readonly line: number;
}

interface TokenizedLine {
  readonly tokens: readonly string[];
  readonly comment: string;
}

/**
 * Split a go.mod into directives. go.mod is line-oriented: tokens are bare words or Go-quoted
 * strings, `//` starts a comment, and `verb (` opens a block closed by a lone `)`.
 */
export function readGoDirectives(text: string, fileName: string): GoDirective[] {
  const directives: GoDirective[] = [];
  let block: { readonly verb: string; readonly line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const { tokens, comment } = tokenizeLine(raw.replace(/\r$/, ''), fileName, line);
    const [first, ...rest] = tokens;
    if (first === undefined) return;
    if (block !== undefined) {
      if (first === ')' && rest.length === 0) block = undefined;
      else directives.push({ verb: block.verb, args: tokens, comment, line });
      return;
    }
    if (first === ')') throw new LockfileError(`${fileName}:${line}: ")" without an open block`, line);
    if (rest.length === 1 && rest[0] === '(') {
      block = { verb: first, line };
      return;
    }
    // `require ()` is an empty block written on one line.
    if (rest.length === 2 && rest[0] === '(' && rest[1] === ')') return;
    directives.push({ verb: first, args: rest, comment, line });
  });
  if (block !== undefined) throw new LockfileError(`${fileName}:${block.line}: the "${block.verb} (" block is never closed`, block.line);
  return directives;
}

function tokenizeLine(text: string, fileName: string, line: number): TokenizedLine {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === ' ' || char === '\t') {
      i++;
    } else if (text.startsWith('//', i)) {
      return { tokens, comment: text.slice(i + 2).trim() };
    } else if (char === '(' || char === ')') {
      tokens.push(char);
      i++;
    } else if (char === '"' || char === '`') {
      const end = findClosingQuote(text, i, char);
      if (end < 0) throw new LockfileError(`${fileName}:${line}: unterminated quoted string`, line);
      tokens.push(unquote(text.slice(i + 1, end), char));
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !' \t()"`'.includes(text[end] ?? ' ') && !text.startsWith('//', end)) end++;
      tokens.push(text.slice(i, end));
      i = end;
    }
  }
  return { tokens, comment: '' };
}

function findClosingQuote(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function unquote(body: string, quote: string): string {
  return quote === '`' ? body : body.replace(/\\(.)/g, '$1');
}
