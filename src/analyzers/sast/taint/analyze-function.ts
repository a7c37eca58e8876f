import type { FnCtx } from './context.js';
import { TaintEnv } from './env.js';
import type { FnInfo } from './modules.js';
import type { Program, Summary } from './program.js';
import { bindParams, execStmts } from './stmts.js';
import type { Language } from '../ir/types.js';
import { evalExpr } from './exprs.js';
import { CLEAN, paramLabel, SOURCE_LABEL, union, withStep } from './taint-set.js';

const IMPLICIT_RETURN = new Set<Language>(['ruby']);

/**
 * One pass over a function with each parameter carrying its own label: `src` reaching a sink is
 * a finding; `p<i>` reaching a sink or the return value is the function's summary.
 */
export function analyzeFunction(program: Program, fn: FnInfo): Summary {
  const ctx: FnCtx = {
    program, mod: fn.module, fn, env: new TaintEnv(), returns: CLEAN, paramSinks: new Map(),
    budget: { steps: program.options.maxStepsPerFunction }, depth: 0, callArgs: new Map(),
  };
  bindParams(ctx, fn.params, (i) => new Map([[paramLabel(i), []]]));
  const last = fn.body[fn.body.length - 1];
  if (last?.kind === 'expr' && IMPLICIT_RETURN.has(fn.module.module.language) && !fn.isModuleBody) {
    // Ruby returns the value of a method's last expression.
    execStmts(ctx, fn.body.slice(0, -1));
    const t = evalExpr(ctx, last.expr);
    ctx.returns = union(ctx.returns, withStep(t, fn.module.module.path, last.span, 'return'));
  } else execStmts(ctx, fn.body);
  const returns = new Map([...ctx.returns].filter(([label]) => label === SOURCE_LABEL || label.startsWith('p')));
  return { returns, paramSinks: ctx.paramSinks };
}
