import type { Module, Span, Stmt } from './ir/types.js';

/** A named scope (function, method, class) that encloses a finding, outermost first. */
export interface ScopeStep {
  readonly name: string;
  /** Among the scopes of the same name beside it (overloads, redefinitions), which one. */
  readonly index: number;
  readonly span: Span;
}

function contains(outer: Span, line: number): boolean {
  return outer.startLine <= line && line <= outer.endLine;
}

function scopesIn(body: readonly Stmt[]): { name: string; span: Span; body: readonly Stmt[] }[] {
  const out: { name: string; span: Span; body: readonly Stmt[] }[] = [];
  for (const stmt of body) {
    if (stmt.kind === 'function' && stmt.fn.name !== undefined) out.push({ name: stmt.fn.name, span: stmt.fn.span, body: stmt.fn.body });
    else if (stmt.kind === 'class') out.push({ name: stmt.name, span: stmt.span, body: stmt.body });
    else if (stmt.kind === 'export' && stmt.declaration) out.push(...scopesIn([stmt.declaration]));
    else if (stmt.kind === 'assign' && stmt.target.kind === 'name' && stmt.value?.kind === 'function') {
      out.push({ name: stmt.target.name, span: stmt.value.fn.span, body: stmt.value.fn.body });
    } else if (stmt.kind === 'block' || (stmt.kind === 'other' && stmt.type.endsWith('namespace_declaration'))) {
      out.push(...scopesIn(stmt.kind === 'block' ? stmt.body : stmt.children.filter((c): c is Stmt => 'kind' in c && isStmtKind(c.kind))));
    }
  }
  return out;
}

function isStmtKind(kind: string): boolean {
  return ['function', 'class', 'block', 'export', 'assign', 'other'].includes(kind);
}

/** The chain of named scopes around `line`, outermost first (empty at the top level). */
export function enclosingScopes(module: Module, line: number): ScopeStep[] {
  const chain: ScopeStep[] = [];
  let body: readonly Stmt[] = module.body;
  for (let depth = 0; depth < 50; depth++) {
    const scopes = scopesIn(body);
    const found = scopes.find((scope) => contains(scope.span, line));
    if (!found) break;
    const index = scopes.filter((scope) => scope.name === found.name && scope.span.startByte < found.span.startByte).length;
    chain.push({ name: found.name, index, span: found.span });
    body = found.body;
  }
  return chain;
}

/**
 * GitLab's `scope_offset` tracking signature: file, the enclosing scopes with their sibling
 * index, and the line's offset inside the innermost one, so a finding keeps its identity when
 * code above its scope moves.
 */
export function scopeOffsetSignature(path: string, chain: readonly ScopeStep[], line: number): string {
  const innermost = chain[chain.length - 1];
  const offset = innermost ? line - innermost.span.startLine : line;
  return `${path}|${chain.map((step) => `${step.name}[${step.index}]`).join('|')}:${offset}`;
}
