import type { CallExpr, Expr, FunctionDecl, Module, Span, Stmt } from '../ir/types.js';
import { AliasCollector, qualifiedName, type AliasTable } from './resolve.js';
import { childExprs, isExpr, stmtBlocks, stmtExprs } from './walk.js';

/** A function or class whose span encloses a match: the finding's scope. */
export interface ScopeEntry {
  readonly span: Span;
  readonly function?: string;
  readonly class?: string;
}

/** One walk of a module, shared by every rule run on it. */
export interface ModuleIndex {
  readonly module: Module;
  readonly aliases: AliasTable;
  /** Every expression, in source order. */
  readonly exprs: readonly Expr[];
  readonly exprsByKind: ReadonlyMap<string, readonly Expr[]>;
  /** Calls by the last name of the callee as written and as resolved through imports. */
  readonly callsByName: ReadonlyMap<string, readonly CallExpr[]>;
  readonly stmtsByKind: ReadonlyMap<string, readonly Stmt[]>;
  /** Member accesses by property name, names by name: candidates for dotted patterns. */
  readonly membersByProperty: ReadonlyMap<string, readonly Expr[]>;
  readonly namesByName: ReadonlyMap<string, readonly Expr[]>;
  /** Local aliases by the last segment of what they stand for (`run` for `from os import system as run` under `system`). */
  readonly aliasesByLast: ReadonlyMap<string, readonly string[]>;
  /** Every statement list: the module body, function bodies, branches, loop bodies… */
  readonly blocks: readonly (readonly Stmt[])[];
  readonly functions: readonly FunctionDecl[];
  readonly scopes: readonly ScopeEntry[];
  /** Source text of a span (empty when the source was not given). */
  text(span: Span): string;
  /** Whether `word` is one of the source's identifier-like tokens (true when the source was not given). */
  mentions(word: string): boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lastName(e: Expr): string | undefined {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'member') return e.property;
  return undefined;
}

// Span offsets are UTF-16 code units (web-tree-sitter's indices), the units of a JS string.
function makeText(source: string): (span: Span) => string {
  return (span) => source.slice(span.startByte, span.endByte);
}

const STMT = 0;
const EXPR = 1;
const FN = 2;

/** An explicit stack of nodes with a tag per entry (no wrapper objects: this walk sees every node). */
class WalkStack {
  readonly nodes: (Expr | Stmt | FunctionDecl)[] = [];
  readonly tags: number[] = [];

  expr(e: Expr): void {
    this.nodes.push(e);
    this.tags.push(EXPR);
  }

  stmt(s: Stmt): void {
    this.nodes.push(s);
    this.tags.push(STMT);
  }

  fn(f: FunctionDecl): void {
    this.nodes.push(f);
    this.tags.push(FN);
  }

  exprs(list: readonly Expr[]): void {
    for (const e of list) this.expr(e);
  }

  stmts(list: readonly Stmt[]): void {
    for (const x of list) this.stmt(x);
  }

  /** The children of an expression; order does not matter, hits are sorted by position later. */
  children(e: Expr): void {
    switch (e.kind) {
      case 'member':
        this.expr(e.object);
        return;
      case 'index':
        this.expr(e.object);
        this.expr(e.index);
        return;
      case 'call':
        this.expr(e.callee);
        for (const a of e.args) this.expr(a.value);
        return;
      case 'binary':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'function':
        this.fn(e.fn);
        return;
      default:
        this.exprs(childExprs(e));
    }
  }
}

/** One walk over the module, with an explicit stack so deep nesting cannot overflow the host stack. */
export function buildIndex(module: Module, source: string): ModuleIndex {
  const exprs: Expr[] = [];
  const exprsByKind = new Map<string, Expr[]>();
  const stmtsByKind = new Map<string, Stmt[]>();
  const blocks: (readonly Stmt[])[] = [module.body];
  const functions: FunctionDecl[] = [];
  const scopes: ScopeEntry[] = [];
  const calls: CallExpr[] = [];
  const membersByProperty = new Map<string, Expr[]>();
  const namesByName = new Map<string, Expr[]>();
  const aliases = new AliasCollector();
  const stack = new WalkStack();
  stack.stmts(module.body);

  while (stack.nodes.length > 0) {
    const node = stack.nodes.pop() as Expr | Stmt | FunctionDecl;
    const tag = stack.tags.pop();
    if (tag === EXPR) {
      const e = node as Expr;
      exprs.push(e);
      push(exprsByKind, e.kind, e);
      if (e.kind === 'call') calls.push(e);
      else if (e.kind === 'member') push(membersByProperty, e.property, e);
      else if (e.kind === 'name') push(namesByName, e.name, e);
      else if (e.kind === 'assign') aliases.visitAssignExpr(e.target, e.value);
      stack.children(e);
    } else if (tag === STMT) {
      const s = node as Stmt;
      push(stmtsByKind, s.kind, s);
      aliases.visit(s);
      if (s.kind === 'function') stack.fn(s.fn);
      else if (s.kind === 'class') scopes.push({ span: s.span, class: s.name });
      if (s.kind === 'other') {
        for (const c of s.children) {
          if (isExpr(c)) stack.expr(c);
          else stack.stmt(c);
        }
        const inner = s.children.filter((c): c is Stmt => !isExpr(c));
        if (inner.length > 0) blocks.push(inner);
        continue;
      }
      for (const b of stmtBlocks(s)) {
        blocks.push(b);
        stack.stmts(b);
      }
      stack.exprs(stmtExprs(s));
    } else {
      const fn = node as FunctionDecl;
      functions.push(fn);
      scopes.push({ span: fn.span, ...(fn.name !== undefined ? { function: fn.name } : {}), ...(fn.className !== undefined ? { class: fn.className } : {}) });
      blocks.push(fn.body);
      stack.stmts(fn.body);
      for (const p of fn.params) if (p.defaultValue) stack.expr(p.defaultValue);
      stack.exprs(fn.decorators);
    }
  }

  const table = aliases.finish();
  const callsByName = new Map<string, CallExpr[]>();
  for (const call of calls) {
    const written = lastName(call.callee);
    if (written !== undefined) push(callsByName, written, call);
    const resolved = qualifiedName(call.callee, table);
    if (resolved !== undefined) {
      const last = resolved.slice(resolved.lastIndexOf('.') + 1);
      if (last !== written) push(callsByName, last, call);
    }
  }
  const aliasesByLast = new Map<string, string[]>();
  for (const [local, q] of table) push(aliasesByLast, q.slice(q.lastIndexOf('.') + 1), local);
  return {
    module, aliases: table, exprs, exprsByKind, callsByName, stmtsByKind, membersByProperty, namesByName, aliasesByLast, blocks, functions, scopes,
    text: makeText(source),
    mentions: makeMentions(source),
  };
}

function makeMentions(source: string): (word: string) => boolean {
  if (source === '') return () => true;
  // The file's identifier-like tokens, split as pattern words are (search.ts): one pass over the
  // text, where a substring search per word and file cost more than the searches it saved.
  let tokens: Set<string> | undefined;
  return (word) => (tokens ??= new Set(source.split(/[^A-Za-z0-9_]+/))).has(word);
}

const CACHE = new WeakMap<Module, { source: string; index: ModuleIndex }>();

/** The index of a module, built on first use and kept as long as the module object lives. */
export function indexModule(module: Module, source: string): ModuleIndex {
  const hit = CACHE.get(module);
  if (hit && hit.source === source) return hit.index;
  const index = buildIndex(module, source);
  CACHE.set(module, { source, index });
  return index;
}

/** The innermost function and class around a span. */
export function scopeOf(index: ModuleIndex, span: Span): { function?: string; class?: string } {
  let fn: ScopeEntry | undefined;
  let cls: ScopeEntry | undefined;
  for (const s of index.scopes) {
    if (s.span.startByte > span.startByte || s.span.endByte < span.endByte) continue;
    if (s.function !== undefined && (!fn || s.span.startByte >= fn.span.startByte)) fn = s;
    if (s.class !== undefined && s.function === undefined && (!cls || s.span.startByte >= cls.span.startByte)) cls = s;
  }
  const out: { function?: string; class?: string } = {};
  if (fn?.function !== undefined) out.function = fn.function;
  const className = fn?.class ?? cls?.class;
  if (className !== undefined) out.class = className;
  return out;
}
