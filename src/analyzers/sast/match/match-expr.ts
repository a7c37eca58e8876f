import type { Argument, Expr, ObjectEntry, Span } from '../ir/types.js';
import { bind, isEllipsisMetavar, isMetavar, type Bindings } from './bindings.js';
import { matchFunction } from './match-stmt.js';
import { dottedName, qualifiedName, type AliasTable } from './resolve.js';

export interface MatchContext {
  readonly aliases: AliasTable;
}

/** `...` or `$...X` where a list element is expected: the name to bind, or '' for a bare `...`. */
export function listEllipsis(e: Expr): string | undefined {
  if (e.kind === 'ellipsis') return '';
  if (e.kind === 'name' && isEllipsisMetavar(e.name)) return e.name;
  return undefined;
}

function hasMetavar(e: Expr): boolean {
  if (e.kind === 'name') return e.name.startsWith('$');
  if (e.kind === 'member') return e.property.startsWith('$') || hasMetavar(e.object);
  return true;
}

function spanCover(first: Span, last: Span): Span {
  return { startLine: first.startLine, startColumn: first.startColumn, startByte: first.startByte, endLine: last.endLine, endColumn: last.endColumn, endByte: last.endByte };
}

function emptySpanAt(s: Span): Span {
  return { startLine: s.startLine, startColumn: s.startColumn, startByte: s.startByte, endLine: s.startLine, endColumn: s.startColumn, endByte: s.startByte };
}

/** Binds a metavariable or compares a plain identifier (property, function, parameter name). */
export function matchIdent(p: string, t: string, span: Span, b: Bindings, at?: 'first' | 'last'): Bindings | undefined {
  if (isMetavar(p)) return bind(b, p, at ? { kind: 'name', name: t, span, at } : { kind: 'name', name: t, span });
  return p === t ? b : undefined;
}

/**
 * Generic ordered list matching with `...` runs. `ellipsisOf` says which pattern items are
 * ellipses (and the metavariable binding the run); `one` matches one item.
 */
export function matchList<P, T>(
  ps: readonly P[],
  ts: readonly T[],
  b: Bindings,
  ellipsisOf: (p: P) => string | undefined,
  one: (p: P, t: T, b: Bindings) => Bindings | undefined,
  bindRun: (name: string, run: readonly T[], b: Bindings) => Bindings | undefined,
): Bindings | undefined {
  const go = (pi: number, ti: number, bb: Bindings): Bindings | undefined => {
    if (pi === ps.length) return ti === ts.length ? bb : undefined;
    const p = ps[pi] as P;
    const ell = ellipsisOf(p);
    if (ell !== undefined) {
      if (pi === ps.length - 1) return ell === '' ? bb : bindRun(ell, ts.slice(ti), bb);
      for (let end = ti; end <= ts.length; end++) {
        const bound = ell === '' ? bb : bindRun(ell, ts.slice(ti, end), bb);
        if (bound === undefined) continue;
        const r = go(pi + 1, end, bound);
        if (r) return r;
      }
      return undefined;
    }
    if (ti >= ts.length) return undefined;
    const r = one(p, ts[ti] as T, bb);
    return r ? go(pi + 1, ti + 1, r) : undefined;
  };
  return go(0, 0, b);
}

function matchExprList(ps: readonly Expr[], ts: readonly Expr[], b: Bindings, ctx: MatchContext, at: Span): Bindings | undefined {
  return matchList(ps, ts, b, listEllipsis, (p, t, bb) => matchExpr(p, t, bb, ctx), (name, run, bb) =>
    bind(bb, name, { kind: 'args', args: run.map((value) => ({ value })), span: run.length > 0 ? spanCover((run[0] as Expr).span, (run[run.length - 1] as Expr).span) : emptySpanAt(at) }),
  );
}

/** Arguments: keyword arguments by name in any order, positional ones in order with `...` runs. */
export function matchArgs(ps: readonly Argument[], ts: readonly Argument[], b: Bindings, ctx: MatchContext, at: Span): Bindings | undefined {
  const pPos = ps.filter((a) => a.name === undefined);
  const tPos = ts.filter((a) => a.name === undefined);
  const pKw = ps.filter((a) => a.name !== undefined);
  const tKw = ts.filter((a) => a.name !== undefined);
  const open = pPos.some((a) => listEllipsis(a.value) !== undefined);
  if (!open && pKw.length !== tKw.length) return undefined;
  let bb: Bindings | undefined = b;
  for (const kw of pKw) {
    const target = tKw.find((a) => a.name === kw.name);
    if (!target || !bb) return undefined;
    bb = matchExpr(kw.value, target.value, bb, ctx);
  }
  if (!bb) return undefined;
  return matchList(
    pPos,
    tPos,
    bb,
    (a) => listEllipsis(a.value),
    (p, t, b2) => (Boolean(p.spread) && !t.spread ? undefined : matchExpr(p.value, t.value, b2, ctx)),
    (name, run, b2) => bind(b2, name, { kind: 'args', args: run, span: run.length > 0 ? spanCover((run[0] as Argument).value.span, (run[run.length - 1] as Argument).value.span) : emptySpanAt(at) }),
  );
}

function isEllipsisEntry(e: ObjectEntry): boolean {
  // Translators give a shorthand `...` entry the key `...`.
  return (e.key === undefined || e.key === '...') && e.computedKey === undefined && listEllipsis(e.value) !== undefined;
}

function matchEntries(ps: readonly ObjectEntry[], ts: readonly ObjectEntry[], b: Bindings, ctx: MatchContext): Bindings | undefined {
  const open = ps.some(isEllipsisEntry);
  const wanted = ps.filter((e) => !isEllipsisEntry(e));
  if (!open && wanted.length !== ts.length) return undefined;
  const used = new Set<number>();
  let bb: Bindings | undefined = b;
  for (const p of wanted) {
    let found: Bindings | undefined;
    for (let i = 0; i < ts.length && !found; i++) {
      const t = ts[i] as ObjectEntry;
      if (used.has(i) || Boolean(p.spread) !== Boolean(t.spread)) continue;
      let kb: Bindings | undefined = bb;
      if (p.key !== undefined) kb = t.key === undefined ? undefined : matchIdent(p.key, t.key, t.value.span, bb as Bindings);
      else if (p.computedKey && t.computedKey) kb = matchExpr(p.computedKey, t.computedKey, bb as Bindings, ctx);
      found = kb ? matchExpr(p.value, t.value, kb, ctx) : undefined;
      if (found) used.add(i);
    }
    if (!found) return undefined;
    bb = found;
  }
  return bb;
}

function isTextEllipsis(e: Expr): boolean {
  return (e.kind === 'literal' && e.type === 'string' && e.value.trim() === '...') || e.kind === 'ellipsis';
}

/**
 * Does pattern `p` match target `t`? Returns the extended bindings, or undefined. `ctx.aliases`
 * lets a dotted pattern (`os.system`) match a target written through an import alias.
 */
export function matchExpr(p: Expr, t: Expr, b: Bindings, ctx: MatchContext): Bindings | undefined {
  switch (p.kind) {
    case 'ellipsis':
      return b;
    case 'name':
      if (isMetavar(p.name) || isEllipsisMetavar(p.name)) return bind(b, p.name, { kind: 'expr', expr: t });
      if (t.kind === 'name' && t.name === p.name) return b;
      return qualifiedName(t, ctx.aliases) === p.name ? b : undefined;
    case 'literal':
      if (t.kind !== 'literal') return undefined;
      if (p.type === 'string' && p.value === '...') return t.type === 'string' ? b : undefined;
      // `"$X"`: any string literal, binding its content.
      if (p.type === 'string' && isMetavar(p.value)) return t.type === 'string' ? bind(b, p.value, { kind: 'name', name: t.value, span: t.span }) : undefined;
      return p.type === t.type && p.value === t.value ? b : undefined;
    case 'member': {
      if (!hasMetavar(p)) {
        const d = dottedName(p);
        if (d !== undefined && (dottedName(t) === d || qualifiedName(t, ctx.aliases) === d)) return b;
      }
      if (t.kind !== 'member') return undefined;
      const bb = matchIdent(p.property, t.property, t.span, b, 'last');
      return bb && matchExpr(p.object, t.object, bb, ctx);
    }
    case 'index': {
      if (t.kind !== 'index') return undefined;
      const bb = matchExpr(p.object, t.object, b, ctx);
      return bb && matchExpr(p.index, t.index, bb, ctx);
    }
    case 'call': {
      if (t.kind !== 'call' || (p.isNew && !t.isNew)) return undefined;
      const bb = matchExpr(p.callee, t.callee, b, ctx);
      return bb && matchArgs(p.args, t.args, bb, ctx, t.span);
    }
    case 'binary': {
      if (t.kind !== 'binary' || t.op !== p.op) return undefined;
      const bb = matchExpr(p.left, t.left, b, ctx);
      return bb && matchExpr(p.right, t.right, bb, ctx);
    }
    case 'unary':
      return t.kind === 'unary' && t.op === p.op ? matchExpr(p.operand, t.operand, b, ctx) : undefined;
    case 'template':
      if (t.kind === 'literal' && t.type === 'string') return p.parts.every(isTextEllipsis) ? b : undefined;
      if (t.kind !== 'template') return undefined;
      return matchList(p.parts, t.parts, b, (e) => (isTextEllipsis(e) ? '' : listEllipsis(e)), (pp, tt, bb) => matchExpr(pp, tt, bb, ctx), () => undefined);
    case 'array':
      return t.kind === 'array' ? matchExprList(p.elements, t.elements, b, ctx, t.span) : undefined;
    case 'object':
      // An open pattern with no entries (`T{...}`) also matches a positional literal (`T{a, b}`).
      if (t.kind === 'array' && p.entries.length > 0 && p.entries.every(isEllipsisEntry)) return b;
      return t.kind === 'object' ? matchEntries(p.entries, t.entries, b, ctx) : undefined;
    case 'conditional': {
      if (t.kind !== 'conditional') return undefined;
      const b1 = matchExpr(p.test, t.test, b, ctx);
      const b2 = b1 && matchExpr(p.consequent, t.consequent, b1, ctx);
      return b2 && matchExpr(p.alternate, t.alternate, b2, ctx);
    }
    case 'assign': {
      if (t.kind !== 'assign' || t.op !== p.op) return undefined;
      const bb = matchExpr(p.target, t.target, b, ctx);
      return bb && matchExpr(p.value, t.value, bb, ctx);
    }
    case 'cast':
    case 'type-test': {
      if (t.kind !== p.kind) return undefined;
      const bb = matchIdent(p.type, t.type, t.span, b);
      return bb && matchExpr(p.value, t.value, bb, ctx);
    }
    case 'await':
      return t.kind === 'await' ? matchExpr(p.value, t.value, b, ctx) : undefined;
    case 'function':
      return t.kind === 'function' ? matchFunction(p.fn, t.fn, b, ctx) : undefined;
    case 'other':
      return t.kind === 'other' && t.type === p.type ? matchExprList(p.children, t.children, b, ctx, t.span) : undefined;
  }
}
