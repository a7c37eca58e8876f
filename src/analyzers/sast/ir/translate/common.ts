import type { Problem } from '../../../../core/result.js';
import type { SyntaxNode } from '../../parse/parser.js';
import type { Expr, Language, LiteralType, Param, Span, Stmt } from '../types.js';

export type ExprHandler = (node: SyntaxNode, t: Translator) => Expr;
export type StmtHandler = (node: SyntaxNode, t: Translator) => Stmt | readonly Stmt[];

/** `left = right` / `left op= right`, for grammars that name the fields left, right and operator. */
export const fieldAssignment: ExprHandler = (node, t) => ({
  kind: 'assign',
  op: node.childForFieldName('operator')?.text ?? '=',
  target: t.expr(node.childForFieldName('left')),
  value: t.expr(node.childForFieldName('right')),
  span: t.span(node),
});

/** `condition ? consequence : alternative`, for grammars that name the fields so. */
export const fieldConditional: ExprHandler = (node, t) => ({
  kind: 'conditional',
  test: t.expr(node.childForFieldName('condition')),
  consequent: t.expr(node.childForFieldName('consequence')),
  alternate: t.expr(node.childForFieldName('alternative')),
  span: t.span(node),
});

/** One language's translation: handlers by tree-sitter node type; anything else becomes `other`. */
export interface LanguageHandlers {
  readonly expr: Readonly<Record<string, ExprHandler>>;
  readonly stmt: Readonly<Record<string, StmtHandler>>;
  /** Node types that carry nothing (comments, punctuation-like named nodes). */
  readonly skip: ReadonlySet<string>;
}

/**
 * Names the translators write into the IR that need not appear in the source text (`this` for a
 * class field, PHP's backticks as `shell_exec`, Ruby's as a call to `` ` ``…). The matcher skips a
 * pattern in a file that lacks one of the pattern's names (match/search.ts), except these: a
 * translator that makes up a new name must add it here.
 */
export const NAMES_NOT_IN_SOURCE: ReadonlySet<string> = new Set(['this', '$this', 'super', 'base', 'self', 'shell_exec', 'echo', '`']);

// Placeholders that pattern snippets put where `$X`, `$...X` and `...` were (see snippet.ts).
export const MV_PREFIX = '__BW_MV_';
export const MV_ELLIPSIS_PREFIX = '__BW_MV_ELL_';
export const ELLIPSIS_PLACEHOLDER = '__BW_ELLIPSIS__';

export function spanOf(node: SyntaxNode): Span {
  const start = node.startPosition;
  const end = node.endPosition;
  return { startLine: start.row + 1, startColumn: start.column, endLine: end.row + 1, endColumn: end.column, startByte: node.startIndex, endByte: node.endIndex };
}

/** Walks a tree-sitter tree into IR, with a depth limit so that hostile nesting cannot exhaust the stack. */
export class Translator {
  readonly problems: Problem[] = [];
  private depth = 0;
  private deepReported = false;

  constructor(
    readonly language: Language,
    private readonly handlers: LanguageHandlers,
    private readonly maxDepth: number,
    readonly isSnippet: boolean,
    readonly path: string,
  ) {}

  span(node: SyntaxNode): Span {
    return spanOf(node);
  }

  private tooDeep(node: SyntaxNode): boolean {
    if (this.depth < this.maxDepth) return false;
    if (!this.deepReported) {
      this.deepReported = true;
      this.problems.push({
        code: 'sast-nesting-too-deep',
        message: `${this.path}: syntax nested deeper than ${this.maxDepth} levels at line ${node.startPosition.row + 1}; the code below that depth is not analyzed`,
        file: this.path,
        line: node.startPosition.row + 1,
        level: 'info',
      });
    }
    return true;
  }

  expr(node: SyntaxNode | null | undefined): Expr {
    if (!node) return { kind: 'other', type: 'missing', children: [], span: ZERO_SPAN };
    if (this.tooDeep(node)) return { kind: 'other', type: node.type, children: [], span: spanOf(node) };
    this.depth++;
    try {
      const handler = this.handlers.expr[node.type];
      if (handler) return handler(node, this);
      return this.otherExpr(node);
    } finally {
      this.depth--;
    }
  }

  /** An unmodelled expression: its named children as expressions, so values inside still count. */
  otherExpr(node: SyntaxNode, children: readonly SyntaxNode[] = this.named(node)): Expr {
    return { kind: 'other', type: node.type, children: children.map((child) => this.expr(child)), span: spanOf(node) };
  }

  stmt(node: SyntaxNode): readonly Stmt[] {
    if (this.handlers.skip.has(node.type)) return [];
    if (this.tooDeep(node)) return [{ kind: 'other', type: node.type, children: [], span: spanOf(node) }];
    this.depth++;
    try {
      const handler = this.handlers.stmt[node.type];
      if (handler) {
        const out = handler(node, this);
        return isStmtList(out) ? out : [out];
      }
      if (this.handlers.expr[node.type]) return [{ kind: 'expr', expr: this.expr(node), span: spanOf(node) }];
      return [this.otherStmt(node)];
    } finally {
      this.depth--;
    }
  }

  /** An unmodelled statement: children that are statements stay statements, the rest expressions. */
  otherStmt(node: SyntaxNode, children: readonly SyntaxNode[] = this.named(node)): Stmt {
    const out: (Expr | Stmt)[] = [];
    for (const child of children) {
      if (this.handlers.stmt[child.type]) out.push(...this.stmt(child));
      else out.push(this.expr(child));
    }
    return { kind: 'other', type: node.type, children: out, span: spanOf(node) };
  }

  stmts(nodes: readonly SyntaxNode[]): Stmt[] {
    const out: Stmt[] = [];
    for (const node of nodes) out.push(...this.stmt(node));
    return out;
  }

  /** A block's statements; a single statement where a block could be (`if (x) y;`) as a list of one. */
  body(node: SyntaxNode | null | undefined, blockTypes: ReadonlySet<string>): Stmt[] {
    if (!node) return [];
    if (blockTypes.has(node.type)) return this.stmts(this.named(node));
    return [...this.stmt(node)];
  }

  /** Named children without the skipped ones (comments). */
  named(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const child of node.namedChildren) if (!this.handlers.skip.has(child.type)) out.push(child);
    return out;
  }

  field(node: SyntaxNode, name: string): SyntaxNode | null {
    return node.childForFieldName(name);
  }

  /** A name, or in a pattern snippet the metavariable or ellipsis its placeholder stands for. */
  name(node: SyntaxNode, text: string = node.text): Expr {
    if (this.isSnippet) {
      const special = placeholderExpr(text, spanOf(node));
      if (special) return special;
    }
    return { kind: 'name', name: text, span: spanOf(node) };
  }

  /** A parameter or binding name as text, with snippet placeholders turned back into `$X` / `...`. */
  nameText(text: string): string {
    if (!this.isSnippet) return text;
    return placeholderText(text);
  }

  literal(node: SyntaxNode, type: LiteralType, value: string): Expr {
    return { kind: 'literal', type, value, raw: node.text, span: spanOf(node) };
  }

  param(node: SyntaxNode, name: string, extra: Partial<Omit<Param, 'name' | 'span' | 'annotations'>> & { annotations?: readonly string[] } = {}): Param {
    return { annotations: [], ...extra, name: this.nameText(name), span: spanOf(node) };
  }
}

function isStmtList(value: Stmt | readonly Stmt[]): value is readonly Stmt[] {
  return Array.isArray(value);
}

export const ZERO_SPAN: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startByte: 0, endByte: 0 };

function stripSigil(text: string): string {
  return text.startsWith('$') ? text.slice(1) : text;
}

export function placeholderText(text: string): string {
  const bare = stripSigil(text);
  if (bare === ELLIPSIS_PLACEHOLDER) return '...';
  if (bare.startsWith(MV_ELLIPSIS_PREFIX)) return `$...${bare.slice(MV_ELLIPSIS_PREFIX.length)}`;
  if (bare.startsWith(MV_PREFIX)) return `$${bare.slice(MV_PREFIX.length)}`;
  return text;
}

function placeholderExpr(text: string, span: Span): Expr | undefined {
  const mapped = placeholderText(text);
  if (mapped === text) return undefined;
  if (mapped === '...') return { kind: 'ellipsis', span };
  return { kind: 'name', name: mapped, span };
}

/** True when an expression is the pattern ellipsis (also used for `...` call placeholders). */
export function isEllipsisCall(expr: Expr): boolean {
  return expr.kind === 'call' && expr.args.length === 0 && expr.callee.kind === 'ellipsis';
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\x07', e: '\x1b' };

/** Resolve C-family backslash escapes (`\n`, `\x41`, `\u0041`, `\u{1F600}`, octal); unknown ones keep the character. */
export function unescapeString(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,2}|[0-7]{1,3}|\r?\n|[\s\S])/g, (_all, esc: string) => {
    const head = esc[0] ?? '';
    if (head === 'u' || head === 'U') {
      const hex = esc.startsWith('u{') ? esc.slice(2, -1) : esc.slice(1);
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : esc;
    }
    if (head === 'x') return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    if (/^[0-7]+$/.test(esc) && esc !== '0') return String.fromCharCode(Number.parseInt(esc, 8) & 0xff);
    if (head === '\n' || head === '\r') return '';
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

/** A literal string part of a template. */
export function stringPart(node: SyntaxNode, value: string): Expr {
  return { kind: 'literal', type: 'string', value, raw: node.text, span: spanOf(node) };
}

/** Strip matching quotes (`'…'`, `"…"`, triple quotes) from a string token. */
export function unquote(text: string): string {
  for (const quote of ['"""', "'''", '"', "'", '`']) {
    if (text.length >= quote.length * 2 && text.startsWith(quote) && text.endsWith(quote)) return text.slice(quote.length, text.length - quote.length);
  }
  return text;
}

/** Text of a node's type annotation without the leading `:` (TypeScript, Python). */
export function typeText(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  return node.text.replace(/^:\s*/, '');
}

export function countErrors(root: SyntaxNode): number {
  if (!root.hasError) return 0;
  return Math.max(1, root.descendantsOfType('ERROR').length);
}
