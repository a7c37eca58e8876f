import type { Expr, FunctionDecl, Param, Stmt } from '../ir/types.js';
import { isExpr } from '../match/walk.js';
import { sinkHere, step, type FnCtx } from './context.js';
import { accessPath, TaintEnv } from './env.js';
import { evalExpr, isLiteralFalse, isLiteralTrue } from './exprs.js';
import { alwaysExits, guardOf } from './guards.js';
import { spanKey } from './sites.js';
import { assignLiteral, constantSwitch, constantTest, noteAssignment, noteStatement } from './collections.js';
import { CLEAN, SOURCE_LABEL, union, withStep, type TaintSet } from './taint-set.js';

/** Stores a value's taint into an assignment target: variables and fields strongly, collection slots weakly. */
export function assignTo(ctx: FnCtx, target: Expr, value: TaintSet): void {
  switch (target.kind) {
    case 'name':
    case 'member': {
      const path = accessPath(target);
      if (path !== undefined) ctx.env.write(path, withStep(value, ctx.mod.module.path, target.span, 'assignment'));
      else evalExpr(ctx, target);
      return;
    }
    case 'index': {
      // The target's own parts are read (`obj[k1][k2] = v` reads obj[k1] and k2): a sink
      // focused on a key there (prototype pollution) is checked like any other read.
      evalExpr(ctx, target.object);
      evalExpr(ctx, target.index);
      const path = accessPath(target);
      const constant = target.index.kind === 'literal';
      const t = withStep(value, ctx.mod.module.path, target.span, 'assignment');
      if (path === undefined) return;
      if (constant) ctx.env.write(path, t);
      else ctx.env.add(path, t);
      return;
    }
    case 'array':
      for (const el of target.elements) assignTo(ctx, el, value);
      return;
    case 'object':
      for (const entry of target.entries) assignTo(ctx, entry.value, value);
      return;
    case 'assign':
      // A destructuring default: `{ a = 1 } = v`.
      assignTo(ctx, target.target, union(value, evalExpr(ctx, target.value)));
      return;
    case 'cast':
    case 'await':
      assignTo(ctx, target.value, value);
      return;
    case 'unary':
      // `*p = v` (Go, C): the pointer's target.
      assignTo(ctx, target.operand, value);
      return;
    default:
      return;
  }
}

/** Parameters at entry: a parameter matching a source is tainted; `seed` is what a callback receives. */
export function bindParams(ctx: FnCtx, params: readonly Param[], seed: (i: number) => TaintSet): void {
  params.forEach((p, i) => {
    let t = seed(i);
    if (ctx.mod.sites.sources.has(spanKey(p.span))) t = union(t, new Map([[SOURCE_LABEL, [step(ctx, p.span, 'source')]]]));
    if (p.defaultValue) evalExpr(ctx, p.defaultValue);
    ctx.env.write(p.name, t);
  });
}

/** A lambda analysed where it is written: it sees the enclosing variables, its parameters get `seed`. */
export function runClosure(ctx: FnCtx, fn: FunctionDecl, seed: TaintSet): void {
  const saved = { env: ctx.env, returns: ctx.returns };
  ctx.env = ctx.env.copy();
  // A closure may run later, after the enclosing function changed its constants.
  ctx.env.dropFacts();
  ctx.returns = CLEAN;
  try {
    bindParams(ctx, fn.params, () => seed);
    execStmts(ctx, fn.body);
  } finally {
    ctx.env = saved.env;
    ctx.returns = saved.returns;
  }
}

function branch(ctx: FnCtx, body: readonly Stmt[] | undefined, cleanPath?: string): TaintEnv {
  const saved = ctx.env;
  ctx.env = saved.copy();
  if (cleanPath !== undefined) ctx.env.write(cleanPath, CLEAN);
  if (body) execStmts(ctx, body);
  const out = ctx.env;
  ctx.env = saved;
  return out;
}

function execIf(ctx: FnCtx, s: Extract<Stmt, { kind: 'if' }>): void {
  evalExpr(ctx, s.test);
  // A branch that can never run (`if False:`, `if (0)`) cannot carry taint.
  if (isLiteralFalse(s.test)) {
    if (s.alternate) execStmts(ctx, s.alternate);
    return;
  }
  if (isLiteralTrue(s.test)) {
    execStmts(ctx, s.consequent);
    return;
  }
  // `if ((7 * 42) - num > 200)` with `num` a known constant: only one branch can run.
  const decided = constantTest(ctx, s.test);
  if (decided !== undefined) {
    const body = decided ? s.consequent : s.alternate;
    if (body) execStmts(ctx, body);
    return;
  }
  // `if v in ALLOWED:` / `if not v.isdigit(): return`: v is clean where the check passed.
  const guard = guardOf(s.test);
  const a = branch(ctx, s.consequent, guard?.safeWhenTrue ? guard.path : undefined);
  const b = branch(ctx, s.alternate, guard && !guard.safeWhenTrue ? guard.path : undefined);
  const aExits = alwaysExits(s.consequent);
  const bExits = alwaysExits(s.alternate);
  if (aExits && !bExits) ctx.env = b;
  else if (bExits && !aExits) ctx.env = a;
  else {
    a.mergeFrom(b);
    ctx.env = a;
  }
}

function execLoop(ctx: FnCtx, s: Extract<Stmt, { kind: 'loop' }>): void {
  if (s.test && !s.iterable && isLiteralFalse(s.test)) return;
  const items = s.iterable ? evalExpr(ctx, s.iterable) : CLEAN;
  let settled = false;
  for (let i = 0; i < ctx.program.options.maxLoopIterations && !settled; i++) {
    const before = ctx.env.copy();
    if (s.test) evalExpr(ctx, s.test);
    if (s.binding) assignTo(ctx, s.binding, items);
    execStmts(ctx, s.body);
    ctx.env.mergeFrom(before);
    settled = ctx.env.equals(before);
  }
  // Constants a loop that did not settle may still change are unknown after it.
  if (!settled) ctx.env.dropFacts();
}

function execTry(ctx: FnCtx, s: Extract<Stmt, { kind: 'try' }>): void {
  const before = ctx.env.copy();
  execStmts(ctx, s.body);
  const after = ctx.env;
  const start = before.copy();
  start.mergeFrom(after);
  for (const h of s.handlers) {
    ctx.env = start.copy();
    if (h.binding) assignTo(ctx, h.binding, CLEAN);
    execStmts(ctx, h.body);
    after.mergeFrom(ctx.env);
  }
  ctx.env = after;
  if (s.finalizer) execStmts(ctx, s.finalizer);
}

export function execStmt(ctx: FnCtx, s: Stmt): void {
  if (ctx.budget.steps <= 0) return;
  ctx.budget.steps--;
  switch (s.kind) {
    case 'expr':
      evalExpr(ctx, s.expr);
      return;
    case 'assign': {
      if (s.value?.kind === 'function' && ctx.mod.registered.has(s.value.fn)) return;
      // `lst = ["a", p]`, `d = {"k": p}`: elements kept by index / key (collections.ts).
      let v = s.value ? assignLiteral(ctx, s.target, s.value, s.op) : undefined;
      if (v === undefined) {
        v = s.value ? evalExpr(ctx, s.value) : CLEAN;
        if (s.op !== '=' && s.op !== ':=' && s.op !== '') v = union(v, evalExpr(ctx, s.target));
        assignTo(ctx, s.target, v);
        noteAssignment(ctx, s.target, s.value, s.op, s.declared);
      }
      const sink = ctx.mod.sites.starts.has(s.span.startByte) ? ctx.mod.sites.sinks.get(spanKey(s.span)) : undefined;
      if (sink) sinkHere(ctx, v, sink);
      return;
    }
    case 'return':
    case 'throw': {
      const t = s.value ? evalExpr(ctx, s.value) : CLEAN;
      if (s.kind === 'return') ctx.returns = union(ctx.returns, withStep(t, ctx.mod.module.path, s.span, 'return'));
      return;
    }
    case 'if':
      execIf(ctx, s);
      return;
    case 'loop':
      execLoop(ctx, s);
      return;
    case 'switch': {
      evalExpr(ctx, s.discriminant);
      // `switch ("ABC".charAt(1))`: only the matching case (and what it falls into) runs.
      const taken = constantSwitch(ctx, s);
      if (taken) {
        for (const c of taken) execStmts(ctx, c.body);
        return;
      }
      const start = ctx.env.copy();
      for (const c of s.cases) {
        ctx.env = ctx.env.copy();
        for (const t of c.tests) evalExpr(ctx, t);
        execStmts(ctx, c.body);
        start.mergeFrom(ctx.env);
      }
      ctx.env = start;
      return;
    }
    case 'try':
      execTry(ctx, s);
      return;
    case 'block':
      execStmts(ctx, s.body);
      return;
    case 'class':
      for (const m of s.body) if (m.kind !== 'function') execStmt(ctx, m);
      return;
    case 'export':
      if (s.declaration) execStmt(ctx, s.declaration);
      if (s.value && !(s.value.kind === 'function' && ctx.mod.registered.has(s.value.fn))) evalExpr(ctx, s.value);
      return;
    case 'other':
      noteStatement(ctx, s);
      for (const c of s.children) {
        if (isExpr(c)) evalExpr(ctx, c);
        else execStmt(ctx, c);
      }
      return;
    case 'function':
      // Named functions are analysed on their own (their summaries apply where they are called).
      if (!ctx.mod.registered.has(s.fn)) runClosure(ctx, s.fn, CLEAN);
      return;
    case 'import':
      return;
  }
}

export function execStmts(ctx: FnCtx, body: readonly Stmt[]): void {
  for (const s of body) {
    if (ctx.budget.steps <= 0) return;
    execStmt(ctx, s);
  }
}
