import type { Argument, CallExpr, Expr, FunctionDecl, Span } from '../ir/types.js';
import { COLLECTION_WRITERS, LENGTHS, LOOKUPS, isCleanBinary, isCleanUnary, isNumberConversion, isNumericCast } from './builtins.js';
import { applySummary, resolveCall } from './calls.js';
import { sinkHere, step, type FnCtx } from './context.js';
import { accessPath } from './env.js';
import { qualifiedName } from '../match/resolve.js';
import type { MatchHit } from '../match/index.js';
import { spanOfBound } from '../match/bindings.js';
import { spanKey } from './sites.js';
import { guardOf } from './guards.js';
import { collectionCall, constantTest, noteAssignment, noteMutation, noteUse, shapedReceiver } from './collections.js';
import { assignTo, runClosure } from './stmts.js';
import { CLEAN, SOURCE_LABEL, union, unionAll, type TaintSet } from './taint-set.js';

export function isLiteralFalse(e: Expr): boolean {
  if (e.kind !== 'literal') return false;
  if (e.type === 'boolean') return e.value === 'false' || e.value === 'False';
  if (e.type === 'number') return Number(e.value) === 0;
  return e.type === 'null';
}

export function isLiteralTrue(e: Expr): boolean {
  if (e.kind !== 'literal') return false;
  if (e.type === 'boolean') return e.value === 'true' || e.value === 'True';
  if (e.type === 'number') return Number(e.value) !== 0 && !Number.isNaN(Number(e.value));
  return false;
}

function sourceTaint(ctx: FnCtx, span: Span): TaintSet {
  return new Map([[SOURCE_LABEL, [step(ctx, span, 'source')]]]);
}

/** The taint of an expression's value; checks the rule's sites at this span on the way. */
/** A branch of a conditional expression where the value at `path` has passed a check. */
function guardedBranch(ctx: FnCtx, branch: Expr, path: string | undefined): TaintSet {
  if (path === undefined) return evalExpr(ctx, branch);
  const saved = ctx.env;
  ctx.env = saved.copy();
  ctx.env.write(path, CLEAN);
  try {
    const t = evalExpr(ctx, branch);
    // The checked expression itself (`$_GET['sort']`, a source read again) is clean here too.
    return accessPath(branch) === path ? CLEAN : t;
  } finally {
    ctx.env = saved;
  }
}

export function evalExpr(ctx: FnCtx, e: Expr, asBase = false): TaintSet {
  if (ctx.budget.steps <= 0 || ctx.depth > ctx.program.options.maxExpressionDepth) return CLEAN;
  ctx.budget.steps--;
  ctx.depth++;
  try {
    const sites = ctx.mod.sites;
    let t = evalKind(ctx, e, asBase);
    if (!sites.starts.has(e.span.startByte)) return t;
    const key = spanKey(e.span);
    if (sites.sources.has(key)) t = union(t, sourceTaint(ctx, e.span));
    const sanitized = sites.sanitizers.has(key);
    if (sanitized) t = CLEAN;
    const sink = sanitized ? undefined : sites.sinks.get(key);
    // A call matched as a whole (`exec(...)`) is hit by a tainted argument; a focused expression
    // that happens to be a call (`$URL` bound to `c.QueryParam("next")`) by its own value.
    if (sink) sinkHere(ctx, e.kind === 'call' && !isFocused(sink) ? union(t, ctx.callArgs.get(e) ?? CLEAN) : t, sink);
    const props = sites.propagators.get(key);
    if (props) {
      for (const p of props) {
        const from = p.bindings[p.from];
        const to = p.bindings[p.to];
        if (from?.kind !== 'expr' || to?.kind !== 'expr') continue;
        const path = accessPath(to.expr);
        const ft = evalExpr(ctx, from.expr);
        if (path !== undefined && ft.size > 0) ctx.env.add(path, ft);
      }
    }
    return t;
  } finally {
    ctx.depth--;
  }
}

/** A sink reported at the span of one of its metavariables (`focus-metavariable`). */
function isFocused(hit: MatchHit): boolean {
  return Object.values(hit.bindings).some((b) => {
    const s = spanOfBound(b);
    return s.startByte === hit.span.startByte && s.endByte === hit.span.endByte;
  });
}

function evalAll(ctx: FnCtx, list: readonly Expr[]): TaintSet {
  let t = CLEAN;
  for (const e of list) t = union(t, evalExpr(ctx, e));
  return t;
}

/** `asBase`: the object of a member access, whose other fields do not matter. */
function evalKind(ctx: FnCtx, e: Expr, asBase: boolean): TaintSet {
  switch (e.kind) {
    case 'name':
      noteUse(ctx, e);
      return asBase ? ctx.env.readOwn(e.name) : ctx.env.read(e.name);
    case 'literal':
    case 'ellipsis':
      return CLEAN;
    case 'member':
    case 'index': {
      // `s.length`, `list.size`: a number whatever the string held.
      if (e.kind === 'member' && LENGTHS.has(e.property)) {
        evalExpr(ctx, e.object);
        return CLEAN;
      }
      const path = accessPath(e);
      // `lst[1]`, `d["k"]` read one element of a tracked collection: its shape stays known.
      if (e.kind === 'index' && e.index.kind === 'literal') ctx.keepShape = e.object;
      const base = evalExpr(ctx, e.object, path !== undefined);
      ctx.keepShape = undefined;
      if (e.kind === 'index') evalExpr(ctx, e.index);
      if (path === undefined) return base;
      return union(base, asBase ? ctx.env.readOwn(path) : ctx.env.read(path));
    }
    case 'call':
      return evalCall(ctx, e);
    case 'binary': {
      const l = evalExpr(ctx, e.left);
      const r = evalExpr(ctx, e.right);
      // `list << x`, `buf << x` (Ruby): the right side goes into the left.
      if (e.op === '<<' && r.size > 0) {
        const path = accessPath(e.left);
        if (path !== undefined) ctx.env.add(path, r);
      }
      return isCleanBinary(e.op, e.left, e.right, ctx.mod.module.language) ? CLEAN : union(l, r);
    }
    case 'unary': {
      const t = evalExpr(ctx, e.operand);
      if (e.op === '++' || e.op === '--') noteMutation(ctx, e.operand);
      return isCleanUnary(e.op) ? CLEAN : t;
    }
    case 'template':
      return evalAll(ctx, e.parts);
    case 'array':
      return evalAll(ctx, e.elements);
    case 'object':
      return evalAll(ctx, e.entries.flatMap((x) => (x.computedKey ? [x.computedKey, x.value] : [x.value])));
    case 'conditional': {
      evalExpr(ctx, e.test);
      if (isLiteralFalse(e.test)) return evalExpr(ctx, e.alternate);
      if (isLiteralTrue(e.test)) return evalExpr(ctx, e.consequent);
      // `(7 * 18) + num > 200 ? a : b` with `num` a known constant.
      const decided = constantTest(ctx, e.test);
      if (decided !== undefined) return evalExpr(ctx, decided ? e.consequent : e.alternate);
      // `in_array($v, $ok) ? $v : 'name'`: the branch where the check holds has the value clean.
      const guard = guardOf(e.test);
      return union(
        guardedBranch(ctx, e.consequent, guard?.safeWhenTrue === true ? guard.path : undefined),
        guardedBranch(ctx, e.alternate, guard?.safeWhenTrue === false ? guard.path : undefined),
      );
    }
    case 'assign': {
      let v = evalExpr(ctx, e.value);
      if (e.op !== '=' && e.op !== ':=') v = union(v, evalExpr(ctx, e.target));
      assignTo(ctx, e.target, v);
      noteAssignment(ctx, e.target, e.value, e.op, false);
      return v;
    }
    case 'function':
      if (!ctx.mod.registered.has(e.fn)) runClosure(ctx, e.fn, CLEAN);
      return CLEAN;
    case 'cast': {
      const t = evalExpr(ctx, e.value);
      return isNumericCast(e.type) ? CLEAN : t;
    }
    case 'type-test':
      evalExpr(ctx, e.value);
      return CLEAN;
    case 'await':
      return evalExpr(ctx, e.value);
    case 'other':
      return evalAll(ctx, e.children);
  }
}

/** `sb.append(a).append(b)`: the builder the chain writes into. */
function builderRoot(e: Expr): Expr {
  let cur = e;
  for (let i = 0; i < 64 && cur.kind === 'call' && cur.callee.kind === 'member' && COLLECTION_WRITERS.has(cur.callee.property); i++) cur = cur.callee.object;
  return cur;
}

function argTaints(ctx: FnCtx, args: readonly Argument[]): TaintSet[] {
  return args.map((a) => (a.value.kind === 'function' ? CLEAN : evalExpr(ctx, a.value)));
}

function lambdas(args: readonly Argument[]): FunctionDecl[] {
  return args.flatMap((a) => (a.value.kind === 'function' ? [a.value.fn] : []));
}

/** A call: sinks see the arguments; a known function applies its summary; anything else passes taint through. */
function evalCall(ctx: FnCtx, e: CallExpr): TaintSet {
  const callee = e.callee;
  const shaped = shapedReceiver(ctx, e);
  const recv = callee.kind === 'member' ? evalExpr(ctx, callee.object) : callee.kind === 'name' ? CLEAN : evalExpr(ctx, callee);
  ctx.keepShape = undefined;
  const args = argTaints(ctx, e.args);
  const argsUnion = unionAll(args);
  const atSite = ctx.mod.sites.starts.has(e.span.startByte);
  if (atSite && ctx.mod.sites.sinks.has(spanKey(e.span))) ctx.callArgs.set(e, argsUnion);
  const everything = union(recv, argsUnion);
  // Callbacks (`items.forEach(x => …)`, `app.get('/', (req, res) => …)`) see what the call carries.
  for (const fn of lambdas(e.args)) if (!ctx.mod.registered.has(fn)) runClosure(ctx, fn, everything);
  if (atSite && ctx.mod.sites.sideEffectSanitizers.has(spanKey(e.span))) {
    for (const a of e.args) {
      const path = accessPath(a.value);
      if (path !== undefined) ctx.env.write(path, CLEAN);
    }
  }
  if (shaped !== undefined) {
    const t = collectionCall(ctx, e, shaped, args);
    if (t !== undefined) return t;
  }
  if (callee.kind === 'member' && COLLECTION_WRITERS.has(callee.property) && argsUnion.size > 0) {
    const path = accessPath(builderRoot(callee.object));
    if (path !== undefined) ctx.env.add(path, argsUnion);
  }
  if (isNumberConversion(e)) return CLEAN;
  // `ALLOWED.get(key, default)`: a lookup returns what the collection holds, not the key.
  if (callee.kind === 'member' && LOOKUPS.has(callee.property) && e.args.length <= 2 && qualifiedName(callee.object, ctx.mod.index.aliases) === undefined) {
    return union(recv, unionAll(args.slice(1)));
  }
  const target = resolveCall(ctx, e);
  // Clean data into a function that holds no source cannot come out tainted: skip its summary.
  if (target && everything.size === 0 && !ctx.program.relevant.has(target.fn)) return CLEAN;
  if (target) {
    const summary = ctx.program.summaryOf(target.fn);
    if (summary) return applySummary(ctx, e, target, summary, recv, args);
  }
  return everything;
}
