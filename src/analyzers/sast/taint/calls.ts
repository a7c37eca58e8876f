import type { CallExpr, Param } from '../ir/types.js';
import { reachSink, step, type FnCtx } from './context.js';
import { exportedFunction, instanceClass, type FnInfo, type ModuleInfo } from './modules.js';
import type { Summary } from './program.js';
import { CLEAN, extended, paramIndexOf, SOURCE_LABEL, union, withStep, type TaintSet } from './taint-set.js';

export interface CallTarget {
  readonly fn: FnInfo;
  /** The receiver is the callee's first parameter (`self`, `cls`): argument i is parameter i + 1. */
  readonly receiverIsParam: boolean;
}

const SELF_NAMES = new Set(['self', 'this', 'cls']);

function takesSelf(fn: FnInfo): boolean {
  const first = fn.params[0];
  return first !== undefined && (first.name === 'self' || first.name === 'cls');
}

/** `f(x)`, `self.f(x)`, `this.f(x)`, `Cls.f(x)`, `helpers.f(x)` (an imported module), `f` imported from another file. */
export function resolveCall(ctx: FnCtx, e: CallExpr): CallTarget | undefined {
  return resolveCallIn(ctx.mod, ctx.fn.className, e);
}

/** The same, for a call written in module `mod`, inside a method of `className` (if any). */
export function resolveCallIn(mod: ModuleInfo, className: string | undefined, e: CallExpr): CallTarget | undefined {
  const callee = e.callee;
  if (callee.kind === 'name') {
    const local = mod.byName.get(callee.name);
    if (local) return { fn: local, receiverIsParam: false };
    const imp = mod.imports.get(callee.name);
    if (imp) {
      const fn = exportedFunction(imp.target, imp.name);
      return fn ? { fn, receiverIsParam: false } : undefined;
    }
    // Ruby, Java, C#, PHP traits: a method of the same class called without a receiver.
    const method = className !== undefined ? mod.methods.get(className)?.get(callee.name) : undefined;
    return method && !takesSelf(method) ? { fn: method, receiverIsParam: false } : undefined;
  }
  if (callee.kind !== 'member') return undefined;
  const method = callee.property;
  // `new Users(pool).byName(x)`, `users.byName(x)` with `users = new Users(pool)`.
  const made = instanceClass(mod, callee.object) ?? (callee.object.kind === 'name' ? mod.instances.get(callee.object.name) : undefined);
  if (made !== undefined) {
    const fn = mod.methods.get(made)?.get(method);
    return fn ? { fn, receiverIsParam: takesSelf(fn) } : undefined;
  }
  if (callee.object.kind !== 'name') return undefined;
  const objName = callee.object.name;
  if (SELF_NAMES.has(objName)) {
    const fn = className !== undefined ? mod.methods.get(className)?.get(method) : undefined;
    return fn ? { fn, receiverIsParam: takesSelf(fn) } : undefined;
  }
  const staticMethod = mod.methods.get(objName)?.get(method);
  if (staticMethod) return { fn: staticMethod, receiverIsParam: false };
  const imp = mod.imports.get(objName);
  if (imp && (imp.name === '*' || imp.name === 'default')) {
    const fn = imp.target.exports.get(method) ?? imp.target.byName.get(method);
    return fn ? { fn, receiverIsParam: false } : undefined;
  }
  return undefined;
}

/** Parameter index of each argument: positional in order (a rest parameter takes the tail), keywords by name. */
function paramIndexes(params: readonly Param[], e: CallExpr, offset: number): number[] {
  const restAt = params.findIndex((p) => p.rest);
  let pos = offset;
  return e.args.map((a) => {
    if (a.name !== undefined) {
      const i = params.findIndex((p) => p.name === a.name);
      return i;
    }
    const i = restAt >= 0 && pos >= restAt ? restAt : pos;
    pos++;
    return i < params.length ? i : -1;
  });
}

/**
 * Applies a callee's summary at a call: what flows to its return value comes out of the call,
 * and tainted arguments that reach a sink inside it are reported (or become this function's summary).
 */
export function applySummary(ctx: FnCtx, e: CallExpr, target: CallTarget, summary: Summary, recv: TaintSet, args: readonly TaintSet[]): TaintSet {
  const offset = target.receiverIsParam ? 1 : 0;
  const indexes = paramIndexes(target.fn.params, e, offset);
  const byParam = new Map<number, TaintSet>();
  if (offset === 1) byParam.set(0, recv);
  indexes.forEach((p, i) => {
    if (p >= 0) byParam.set(p, union(byParam.get(p) ?? CLEAN, args[i] ?? CLEAN));
  });
  const callStep = step(ctx, e.span, 'call');
  for (const [p, taint] of byParam) {
    if (taint.size === 0) continue;
    for (const reach of summary.paramSinks.get(p) ?? []) {
      reachSink(ctx, withStep(taint, ctx.mod.module.path, e.span, 'call'), reach.sink, reach.path);
    }
  }
  let result = CLEAN;
  for (const [label, path] of summary.returns) {
    if (label === SOURCE_LABEL) {
      result = union(result, new Map([[SOURCE_LABEL, [...path, callStep]]]));
      continue;
    }
    const p = paramIndexOf(label);
    const taint = p === undefined ? undefined : byParam.get(p);
    if (!taint || taint.size === 0) continue;
    result = union(result, extended(withStep(taint, ctx.mod.module.path, e.span, 'call'), path));
  }
  return result;
}
