import type { Expr, Stmt } from '../ir/types.js';

/** The expressions directly inside an expression, in source order (function bodies excluded). */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'name':
    case 'literal':
    case 'ellipsis':
    case 'function':
      return [];
    case 'member':
      return [e.object];
    case 'index':
      return [e.object, e.index];
    case 'call':
      return [e.callee, ...e.args.map((a) => a.value)];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'template':
      return e.parts;
    case 'array':
      return e.elements;
    case 'object':
      return e.entries.flatMap((entry) => (entry.computedKey ? [entry.computedKey, entry.value] : [entry.value]));
    case 'conditional':
      return [e.test, e.consequent, e.alternate];
    case 'assign':
      return [e.target, e.value];
    case 'cast':
    case 'type-test':
    case 'await':
      return [e.value];
    case 'other':
      return e.children;
  }
}

/** The expressions a statement holds itself (not those of nested statements), in source order. */
export function stmtExprs(s: Stmt): readonly Expr[] {
  switch (s.kind) {
    case 'expr':
      return [s.expr];
    case 'assign':
      return s.value ? [s.target, s.value] : [s.target];
    case 'return':
    case 'throw':
      return s.value ? [s.value] : [];
    case 'if':
      return [s.test];
    case 'loop': {
      const out: Expr[] = [];
      if (s.binding) out.push(s.binding);
      if (s.iterable) out.push(s.iterable);
      if (s.test) out.push(s.test);
      return out;
    }
    case 'switch':
      return [s.discriminant, ...s.cases.flatMap((c) => c.tests)];
    case 'try':
      return s.handlers.flatMap((h) => (h.binding ? [h.binding] : []));
    case 'class':
      return s.decorators;
    case 'export':
      return s.value ? [s.value] : [];
    case 'other':
      return s.children.filter(isExpr);
    case 'block':
    case 'function':
    case 'import':
      return [];
  }
}

/** The statement lists directly inside a statement (blocks of if/loop/try/…, not function bodies). */
export function stmtBlocks(s: Stmt): readonly (readonly Stmt[])[] {
  switch (s.kind) {
    case 'if':
      return s.alternate ? [s.consequent, s.alternate] : [s.consequent];
    case 'loop':
    case 'block':
      return [s.body];
    case 'switch':
      return s.cases.map((c) => c.body);
    case 'try': {
      const out: (readonly Stmt[])[] = [s.body, ...s.handlers.map((h) => h.body)];
      if (s.finalizer) out.push(s.finalizer);
      return out;
    }
    case 'class':
      return [s.body];
    case 'export':
      return s.declaration ? [[s.declaration]] : [];
    case 'other': {
      const stmts = s.children.filter((c): c is Stmt => !isExpr(c));
      return stmts.length > 0 ? [stmts] : [];
    }
    default:
      return [];
  }
}

// Kinds that only exist as expressions. `assign`, `function` and `other` exist in both unions
// with the same fields; inside `OtherStmt.children` we treat those as statements, whose walk
// covers the same expressions.
const EXPR_ONLY_KINDS = new Set<string>([
  'name', 'literal', 'member', 'index', 'call', 'binary', 'unary', 'template', 'array', 'object',
  'conditional', 'cast', 'type-test', 'await', 'ellipsis',
]);

/** Tells an expression from a statement among `OtherStmt.children`. */
export function isExpr(node: Expr | Stmt): node is Expr {
  return EXPR_ONLY_KINDS.has(node.kind);
}
