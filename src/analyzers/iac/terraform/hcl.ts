/**
 * A small synchronous reader for the HCL2 subset Terraform checks need: blocks with labels,
 * attributes, literal strings/numbers/bools/null, lists, objects, function calls, references and
 * heredocs, each with its 1-based line. Any other expression (operators, conditionals, `for`,
 * templates with interpolation) is kept as raw text and is unknown to rules.
 */

export type HclExpr =
  | { readonly kind: 'string'; readonly value: string; readonly line: number }
  | { readonly kind: 'number'; readonly value: number; readonly line: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly line: number }
  | { readonly kind: 'null'; readonly line: number }
  | { readonly kind: 'list'; readonly items: readonly HclExpr[]; readonly line: number }
  | { readonly kind: 'object'; readonly entries: readonly HclEntry[]; readonly line: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly HclExpr[]; readonly line: number }
  /** `var.x`, `local.y`, `aws_s3_bucket.logs.id`: a plain traversal by names. */
  | { readonly kind: 'ref'; readonly path: string; readonly line: number }
  | { readonly kind: 'unknown'; readonly text: string; readonly line: number };

/** One `key = value` of an object; `key` is undefined when the key is itself computed. */
export interface HclEntry {
  readonly key: string | undefined;
  readonly line: number;
  readonly value: HclExpr;
}

export interface HclAttribute {
  readonly name: string;
  readonly line: number;
  readonly value: HclExpr;
}

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  /** The header's line (`resource "aws_s3_bucket" "logs" {`). */
  readonly line: number;
  readonly body: HclBody;
}

/** What a file holds: every top-level block read before the first error, and that error. */
export interface HclFile {
  readonly blocks: readonly HclBlock[];
  readonly error?: { readonly message: string; readonly line: number };
}

class HclError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'newline' | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Decoded value of a string or heredoc. */
  readonly value: string;
  /** A string or heredoc with `${…}` or `%{…}` in it. */
  readonly template: boolean;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** Deep nesting is hostile input, not Terraform: stop well before the JS stack does. */
const MAX_DEPTH = 64;
const PUNCT3 = ['...'];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||', '=>', '::'];
const PUNCT1 = '{}[]()=,:.?!+-*/%<>';
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_-]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

class Lexer {
  private pos = 0;
  private line = 1;
  readonly tokens: Token[] = [];

  constructor(private readonly src: string) {}

  /** The tokens up to the end, or up to the first lexical error (then ended by an eof token). */
  run(): { tokens: Token[]; error?: HclError } {
    for (;;) {
      let token: Token;
      try {
        token = this.next();
      } catch (error) {
        this.tokens.push({ kind: 'eof', text: '', value: '', template: false, start: this.pos, end: this.pos, line: this.line });
        return { tokens: this.tokens, error: error instanceof HclError ? error : new HclError(String(error), this.line) };
      }
      this.tokens.push(token);
      if (token.kind === 'eof') return { tokens: this.tokens };
    }
  }

  private token(kind: TokenKind, start: number, line: number, value = '', template = false): Token {
    return { kind, text: this.src.slice(start, this.pos), value, template, start, end: this.pos, line };
  }

  private next(): Token {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) return this.token('eof', this.pos, this.line);
      if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
        this.pos++;
      } else if (c === '#' || (c === '/' && src[this.pos + 1] === '/')) {
        const end = src.indexOf('\n', this.pos);
        this.pos = end === -1 ? src.length : end;
      } else if (c === '/' && src[this.pos + 1] === '*') {
        const end = src.indexOf('*/', this.pos + 2);
        if (end === -1) throw new HclError('unterminated /* comment', this.line);
        this.countLines(this.pos, end + 2);
        this.pos = end + 2;
      } else {
        break;
      }
    }
    const start = this.pos;
    const line = this.line;
    const c = src[start] ?? '';
    if (c === '\n') {
      this.pos++;
      this.line++;
      return this.token('newline', start, line);
    }
    if (isDigit(c)) {
      const match = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(start, start + 400));
      this.pos += match?.[0].length ?? 1;
      return this.token('number', start, line);
    }
    if (isIdentStart(c)) {
      while (this.pos < src.length && isIdentPart(src[this.pos] ?? '')) this.pos++;
      return this.token('ident', start, line);
    }
    if (c === '"') {
      const { value, template } = this.quoted(0);
      return this.token('string', start, line, value, template);
    }
    if (c === '<' && src[start + 1] === '<') {
      const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(src.slice(start, start + 300));
      if (heredoc) return this.heredoc(start, line, heredoc[1] === '-', heredoc[2] ?? '', heredoc[0].length);
    }
    for (const group of [PUNCT3, PUNCT2]) {
      const op = group.find((candidate) => src.startsWith(candidate, start));
      if (op !== undefined) {
        this.pos += op.length;
        return this.token('punct', start, line);
      }
    }
    if (PUNCT1.includes(c)) {
      this.pos++;
      return this.token('punct', start, line);
    }
    throw new HclError(`unexpected character ${JSON.stringify(c)}`, line);
  }

  private countLines(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.src[i] === '\n') this.line++;
  }

  /** A quoted template starting at `pos` (the opening quote); interpolations are skipped whole. */
  private quoted(depth: number): { value: string; template: boolean } {
    if (depth > MAX_DEPTH) throw new HclError('strings nested too deeply', this.line);
    const src = this.src;
    const startLine = this.line;
    this.pos++;
    let value = '';
    let template = false;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || c === '\n') throw new HclError('unterminated string', startLine);
      if (c === '"') {
        this.pos++;
        return { value, template };
      }
      if (c === '\\') {
        const e = src[this.pos + 1] ?? '';
        if (e === 'u' || e === 'U') {
          const digits = e === 'u' ? 4 : 8;
          const hex = src.slice(this.pos + 2, this.pos + 2 + digits);
          const code = /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
          if (Number.isNaN(code) || code > 0x10ffff || hex.length < digits) throw new HclError('invalid \\u escape in string', this.line);
          value += String.fromCodePoint(code);
          this.pos += 2 + digits;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) throw new HclError(`invalid escape \\${e} in string`, this.line);
          value += decoded;
          this.pos += 2;
        }
      } else if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
        value += `${c}{`;
        this.pos += 3;
      } else if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
        template = true;
        const from = this.pos;
        value += src.slice(from, this.skipInterpolation(depth));
      } else {
        value += c;
        this.pos++;
      }
    }
  }

  /** Skips `${ … }` (with nested braces and strings); returns where it ended. */
  private skipInterpolation(depth: number): number {
    const src = this.src;
    const startLine = this.line;
    this.pos += 2;
    let braces = 1;
    while (braces > 0) {
      const c = src[this.pos];
      if (c === undefined) throw new HclError('unterminated ${ interpolation', startLine);
      if (c === '"') {
        this.quoted(depth + 1);
        continue;
      }
      if (c === '{') braces++;
      else if (c === '}') braces--;
      else if (c === '\n') this.line++;
      this.pos++;
    }
    return this.pos;
  }

  private heredoc(start: number, line: number, indented: boolean, marker: string, headerLength: number): Token {
    const src = this.src;
    let cursor = start + headerLength;
    const lines: string[] = [];
    for (;;) {
      if (cursor >= src.length) throw new HclError(`heredoc <<${marker} is never closed`, line);
      const newline = src.indexOf('\n', cursor);
      const end = newline === -1 ? src.length : newline;
      const text = src.slice(cursor, end).replace(/\r$/, '');
      if (text.trim() === marker) {
        this.pos = end;
        break;
      }
      lines.push(text);
      cursor = end + 1;
    }
    this.line += lines.length + 1;
    const indent = indented ? Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)) : 0;
    const body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
    const value = lines.length > 0 ? `${body}\n` : '';
    return this.token('string', start, line, value, /(^|[^$])\$\{|(^|[^%])%\{/.test(value));
  }
}

interface Stops {
  readonly puncts: readonly string[];
  /** A newline at bracket depth 0 ends the expression (attributes, object values). */
  readonly newline: boolean;
}

const ATTRIBUTE_END: Stops = { puncts: ['}'], newline: true };
const LIST_ITEM_END: Stops = { puncts: [',', ']'], newline: false };
const ARG_END: Stops = { puncts: [',', ')', '...'], newline: false };
const OBJECT_VALUE_END: Stops = { puncts: [',', '}'], newline: true };
const OBJECT_KEY_END: Stops = { puncts: ['=', ':'], newline: false };
const OPEN = '([{';
const CLOSE = ')]}';
const SIMPLE_REF = /^\$\{\s*((?:var|local)\.[A-Za-z_][A-Za-z0-9_-]*)\s*\}$/;

class Parser {
  private pos = 0;
  private depth = 0;
  readonly blocks: HclBlock[] = [];

  constructor(
    private readonly src: string,
    private readonly tokens: readonly Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  private is(token: Token, punct: string): boolean {
    return token.kind === 'punct' && token.text === punct;
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.pos++;
  }

  private fail(message: string, token = this.peek()): never {
    throw new HclError(message, token.line);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('nested too deeply');
  }

  file(): void {
    for (;;) {
      this.skipNewlines();
      if (this.peek().kind === 'eof') return;
      const item = this.bodyItem();
      if ('labels' in item) this.blocks.push(item);
      else this.fail(`attribute "${item.name}" outside any block`);
    }
  }

  /** The items of a `{ … }` body; the opening brace is already taken. */
  private body(): HclBody {
    this.enter();
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.kind === 'eof') this.fail('missing } at end of file');
      if (this.is(token, '}')) {
        this.take();
        break;
      }
      const item = this.bodyItem();
      if ('labels' in item) blocks.push(item);
      else attributes.push(item);
    }
    this.depth--;
    return { attributes, blocks };
  }

  private bodyItem(): HclAttribute | HclBlock {
    const name = this.take();
    if (name.kind !== 'ident') this.fail(`expected an attribute or block name, found ${JSON.stringify(name.text)}`, name);
    if (this.is(this.peek(), '=')) {
      this.take();
      const value = this.expression(ATTRIBUTE_END);
      this.endOfItem();
      return { name: name.text, line: name.line, value };
    }
    const labels: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'ident' || (token.kind === 'string' && !token.template)) {
        labels.push(token.kind === 'ident' ? token.text : token.value);
        this.take();
      } else if (this.is(token, '{')) {
        this.take();
        break;
      } else {
        this.fail(`expected "=" or "{" after ${JSON.stringify(name.text)}`, token);
      }
    }
    const body = this.body();
    this.endOfItem();
    return { type: name.text, labels, line: name.line, body };
  }

  /** An attribute or block ends at a newline, the end of file, or its body's closing brace. */
  private endOfItem(): void {
    const token = this.peek();
    if (token.kind === 'newline') this.take();
    else if (token.kind !== 'eof' && !this.is(token, '}')) this.fail(`unexpected ${JSON.stringify(token.text)} after attribute or block`, token);
  }

  private atStop(stops: Stops): boolean {
    const token = this.peek();
    if (token.kind === 'eof') return true;
    if (token.kind === 'newline') return stops.newline;
    return token.kind === 'punct' && stops.puncts.includes(token.text);
  }

  private expression(stops: Stops): HclExpr {
    const first = this.peek();
    if (!stops.newline) this.skipNewlines();
    const mark = this.pos;
    const depth = this.depth;
    const literal = this.primary();
    if (!stops.newline) this.skipNewlines();
    if (literal !== undefined && this.atStop(stops)) return literal;
    this.pos = mark;
    this.depth = depth;
    const start = this.peek();
    const end = this.skipTo(stops);
    if (end === undefined) this.fail('expected an expression', first);
    return { kind: 'unknown', text: this.src.slice(start.start, end.end), line: start.line };
  }

  /** Skips a compound expression up to a stop at bracket depth 0; returns its last token. */
  private skipTo(stops: Stops): Token | undefined {
    const brackets: string[] = [];
    let last: Token | undefined;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') {
        if (brackets.length > 0) this.fail(`missing ${brackets[brackets.length - 1] ?? ''}`, token);
        return last;
      }
      if (brackets.length === 0 && this.atStop(stops)) return last;
      if (token.kind === 'punct' && OPEN.includes(token.text)) {
        brackets.push(CLOSE[OPEN.indexOf(token.text)] ?? '');
        if (brackets.length > MAX_DEPTH) this.fail('nested too deeply', token);
      } else if (token.kind === 'punct' && CLOSE.includes(token.text)) {
        if (brackets.pop() !== token.text) this.fail(`unexpected ${token.text}`, token);
      }
      if (token.kind !== 'newline') last = token;
      this.take();
    }
  }

  /** A literal, call or plain reference; undefined (position unspecified) for anything else. */
  private primary(): HclExpr | undefined {
    const token = this.take();
    const line = token.line;
    if (token.kind === 'string') {
      if (!token.template) return { kind: 'string', value: token.value, line };
      const ref = SIMPLE_REF.exec(token.value);
      return ref?.[1] !== undefined ? { kind: 'ref', path: ref[1], line } : undefined;
    }
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text), line };
    if (this.is(token, '-') && this.peek().kind === 'number') return { kind: 'number', value: -Number(this.take().text), line };
    if (this.is(token, '[')) return this.list(line);
    if (this.is(token, '{')) return this.object(line);
    if (token.kind !== 'ident') return undefined;
    if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true', line };
    if (token.text === 'null') return { kind: 'null', line };
    if (this.is(this.peek(), '(')) return this.call(token.text, line);
    let path = token.text;
    while (this.is(this.peek(), '.') && this.peek(1).kind === 'ident') {
      this.take();
      path += `.${this.take().text}`;
    }
    return { kind: 'ref', path, line };
  }

  private list(line: number): HclExpr | undefined {
    this.enter();
    const items: HclExpr[] = [];
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().text === 'for') return undefined;
    while (!this.is(this.peek(), ']')) {
      items.push(this.expression(LIST_ITEM_END));
      if (this.is(this.peek(), ',')) this.take();
      this.skipNewlines();
      if (this.peek().kind === 'eof') this.fail('missing ]');
    }
    this.take();
    this.depth--;
    return { kind: 'list', items, line };
  }

  private object(line: number): HclExpr | undefined {
    this.enter();
    const entries: HclEntry[] = [];
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().text === 'for') return undefined;
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (this.is(token, '}')) break;
      if (token.kind === 'eof') this.fail('missing }');
      const key = this.objectKey();
      this.take(); // `=` or `:`
      const value = this.expression(OBJECT_VALUE_END);
      entries.push({ key, line: token.line, value });
      if (this.is(this.peek(), ',')) this.take();
      else if (this.peek().kind !== 'newline' && !this.is(this.peek(), '}')) this.fail(`unexpected ${JSON.stringify(this.peek().text)} in object`);
    }
    this.take();
    this.depth--;
    return { kind: 'object', entries, line };
  }

  private objectKey(): string | undefined {
    const token = this.peek();
    const next = this.peek(1);
    if ((token.kind === 'ident' || (token.kind === 'string' && !token.template)) && (this.is(next, '=') || this.is(next, ':'))) {
      this.take();
      return token.kind === 'ident' ? token.text : token.value;
    }
    if (this.skipTo(OBJECT_KEY_END) === undefined || this.peek().kind === 'eof') this.fail('expected an object key', token);
    return undefined;
  }

  private call(name: string, line: number): HclExpr | undefined {
    this.enter();
    this.take(); // `(`
    const args: HclExpr[] = [];
    this.skipNewlines();
    while (!this.is(this.peek(), ')')) {
      args.push(this.expression(ARG_END));
      if (this.is(this.peek(), '...')) return undefined;
      if (this.is(this.peek(), ',')) this.take();
      this.skipNewlines();
      if (this.peek().kind === 'eof') this.fail('missing )');
    }
    this.take();
    this.depth--;
    return { kind: 'call', name, args, line };
  }
}

/** Reads an HCL file; never throws. A syntax error keeps the blocks read before it. */
export function parseHcl(src: string): HclFile {
  const lexed = new Lexer(src).run();
  const parser = new Parser(src, lexed.tokens);
  try {
    parser.file();
    return lexed.error ? { blocks: parser.blocks, error: describe(lexed.error) } : { blocks: parser.blocks };
  } catch (error) {
    // Running out of tokens early is the lexer's error, which says more.
    return { blocks: parser.blocks, error: describe(lexed.error ?? error) };
  }
}

function describe(error: unknown): { message: string; line: number } {
  if (error instanceof HclError) return { message: error.message, line: error.line };
  // A stack overflow or other surprise in hostile input is still just unreadable HCL.
  return { message: error instanceof Error ? error.message : String(error), line: 1 };
}
