import type { FnCtx } from './context.js';
import { TaintEnv } from './env.js';
import type { FnInfo } from './modules.js';
import type { Program, Summary } from './program.js';
import { bindParams, execStmts } from './stmts.js';
import { CLEAN, paramLabel, SOURCE_LABEL } from './taint-set.js';

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
  execStmts(ctx, fn.body);
  const returns = new Map([...ctx.returns].filter(([label]) => label === SOURCE_LABEL || label.startsWith('p')));
  return { returns, paramSinks: ctx.paramSinks };
}
