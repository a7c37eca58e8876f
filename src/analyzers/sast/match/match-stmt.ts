import { placeholderText } from '../ir/translate/common.js';
import type { Expr, FunctionDecl, Param, Stmt } from '../ir/types.js';
import { bind, isEllipsisMetavar, type Bindings } from './bindings.js';
import { matchExpr, matchIdent, matchList, type MatchContext } from './match-expr.js';
import { childExprs, stmtExprs } from './walk.js';

/** A statement-level `...`: an expression statement holding an ellipsis (or `$...X`). */
export function stmtEllipsis(s: Stmt): string | undefined {
  if (s.kind !== 'expr') return undefined;
  if (s.expr.kind === 'ellipsis') return '';
  if (s.expr.kind === 'name' && isEllipsisMetavar(s.expr.name)) return s.expr.name;
  return undefined;
}

function optExpr(p: Expr | undefined, t: Expr | undefined, b: Bindings, ctx: MatchContext): Bindings | undefined {
  if (p === undefined) return b;
  if (t === undefined) return p.kind === 'ellipsis' ? b : undefined;
  return matchExpr(p, t, b, ctx);
}

/** A body: `...` alone matches any body; otherwise statements in order with `...` runs. */
export function matchBody(ps: readonly Stmt[], ts: readonly Stmt[], b: Bindings, ctx: MatchContext): Bindings | undefined {
  return matchList(ps, ts, b, stmtEllipsis, (p, t, bb) => matchStmt(p, t, bb, ctx), (_name, _run, bb) => bb);
}

function optBody(ps: readonly Stmt[] | undefined, ts: readonly Stmt[] | undefined, b: Bindings, ctx: MatchContext): Bindings | undefined {
  if (ps === undefined) return b;
  return matchBody(ps, ts ?? [], b, ctx);
}

/** Some translators leave a placeholder in type positions of a pattern (Go `func f(...)` gives a parameter typed `...`). */
function patternText(text: string | undefined): string | undefined {
  return text !== undefined && text.includes('__BW_') ? placeholderText(text) : text;
}

function paramEllipsis(p: Param): string | undefined {
  if (p.name === '...' || patternText(p.type) === '...') return '';
  return isEllipsisMetavar(p.name) ? p.name : undefined;
}

function matchParam(p: Param, t: Param, b: Bindings, ctx: MatchContext): Bindings | undefined {
  let bb = matchIdent(p.name, t.name, t.span, b);
  const type = patternText(p.type);
  if (bb && type !== undefined) bb = t.type === undefined ? undefined : matchIdent(type, t.type, t.span, bb);
  if (bb && p.defaultValue) bb = optExpr(p.defaultValue, t.defaultValue, bb, ctx);
  if (bb) for (const a of p.annotations) if (!t.annotations.includes(a)) return undefined;
  return bb;
}

/** Each pattern decorator must match some decorator of the target. */
function matchDecorators(ps: readonly Expr[], ts: readonly Expr[], b: Bindings, ctx: MatchContext): Bindings | undefined {
  let bb: Bindings | undefined = b;
  for (const p of ps) {
    let found: Bindings | undefined;
    for (const t of ts) {
      found = matchExpr(p, t, bb, ctx);
      if (found) break;
    }
    if (!found) return undefined;
    bb = found;
  }
  return bb;
}

export function matchFunction(p: FunctionDecl, t: FunctionDecl, b: Bindings, ctx: MatchContext): Bindings | undefined {
  let bb: Bindings | undefined = b;
  if (p.name !== undefined) bb = t.name === undefined ? undefined : matchIdent(p.name, t.name, t.span, b, 'first');
  if (!bb) return undefined;
  bb = matchList(p.params, t.params, bb, paramEllipsis, (pp, tp, b2) => matchParam(pp, tp, b2, ctx), (name, run, b2) =>
    run.length === 0 ? b2 : bind(b2, name, { kind: 'name', name: run.map((x) => x.name).join(', '), span: (run[0] as Param).span }),
  );
  if (!bb) return undefined;
  bb = matchDecorators(p.decorators, t.decorators, bb, ctx);
  return bb && matchBody(p.body, t.body, bb, ctx);
}

/** One pattern statement against one target statement of the same shape. */
export function matchStmt(p: Stmt, t: Stmt, b: Bindings, ctx: MatchContext): Bindings | undefined {
  switch (p.kind) {
    case 'expr':
      if (t.kind === 'expr') return matchExpr(p.expr, t.expr, b, ctx);
      if (t.kind === 'assign' && p.expr.kind === 'assign' && t.value) {
        const bb = matchExpr(p.expr.target, t.target, b, ctx);
        return bb && matchExpr(p.expr.value, t.value, bb, ctx);
      }
      return undefined;
    case 'assign': {
      if (t.kind !== 'assign' || !sameAssignOp(p.op, t.op)) return undefined;
      const bb = matchExpr(p.target, t.target, b, ctx);
      return bb && optExpr(p.value, t.value, bb, ctx);
    }
    case 'return':
    case 'throw':
      return t.kind === p.kind ? optExpr(p.value, t.value, b, ctx) : undefined;
    case 'if': {
      if (t.kind !== 'if') return undefined;
      const bb = matchExpr(p.test, t.test, b, ctx);
      const b2 = bb && matchBody(p.consequent, t.consequent, bb, ctx);
      return b2 && optBody(p.alternate, t.alternate, b2, ctx);
    }
    case 'loop': {
      if (t.kind !== 'loop') return undefined;
      let bb = optExpr(p.binding, t.binding, b, ctx);
      bb = bb && optExpr(p.iterable, t.iterable, bb, ctx);
      bb = bb && optExpr(p.test, t.test, bb, ctx);
      return bb && matchBody(p.body, t.body, bb, ctx);
    }
    case 'block':
      return t.kind === 'block' ? matchBody(p.body, t.body, b, ctx) : undefined;
    case 'try': {
      if (t.kind !== 'try') return undefined;
      const bb = matchBody(p.body, t.body, b, ctx);
      return bb && optBody(p.finalizer, t.finalizer, bb, ctx);
    }
    case 'switch':
      return t.kind === 'switch' ? matchExpr(p.discriminant, t.discriminant, b, ctx) : undefined;
    case 'function':
      return t.kind === 'function' ? matchFunction(p.fn, t.fn, b, ctx) : undefined;
    case 'class': {
      if (t.kind !== 'class') return undefined;
      let bb = matchIdent(p.name, t.name, t.span, b, 'first');
      for (const base of p.bases) if (bb && !base.startsWith('$') && !t.bases.includes(base)) bb = undefined;
      bb = bb && matchDecorators(p.decorators, t.decorators, bb, ctx);
      return bb && matchBody(p.body, t.body, bb, ctx);
    }
    case 'import':
      if (t.kind !== 'import' || t.module !== p.module) return undefined;
      return p.bindings.every((pb) => t.bindings.some((tb) => tb.imported === pb.imported && tb.local === pb.local)) ? b : undefined;
    case 'export':
      if (t.kind !== 'export') return undefined;
      if (p.declaration) return t.declaration ? matchStmt(p.declaration, t.declaration, b, ctx) : undefined;
      return optExpr(p.value, t.value, b, ctx);
    case 'other':
      return t.kind === 'other' && t.type === p.type ? b : undefined;
  }
}

function sameAssignOp(p: string, t: string): boolean {
  return p === t || ((p === '=' || p === ':=') && (t === '=' || t === ':='));
}

/**
 * In a statement sequence, `bar($X)` also matches a statement that holds that expression at its
 * own level (`y = bar(x)`, `return bar(x)`, `if bar(x):`), not inside a nested block or lambda.
 */
export function matchSeqStmt(p: Stmt, t: Stmt, b: Bindings, ctx: MatchContext): Bindings | undefined {
  const direct = matchStmt(p, t, b, ctx);
  if (direct || p.kind !== 'expr' || p.expr.kind === 'assign') return direct;
  const stack: Expr[] = [...stmtExprs(t)];
  let budget = 10_000;
  while (stack.length > 0 && budget-- > 0) {
    const e = stack.pop() as Expr;
    const r = matchExpr(p.expr, e, b, ctx);
    if (r) return r;
    stack.push(...childExprs(e));
  }
  return undefined;
}
