import type { Expr, Span } from '../ir/types.js';
import type { MatchHit } from '../match/index.js';
import type { FlowStep } from '../rules/types.js';
import type { TaintEnv } from './env.js';
import type { FnInfo, ModuleInfo } from './modules.js';
import type { Program, SinkReach, SinkRef } from './program.js';
import { capPath, paramIndexOf, SOURCE_LABEL, type TaintSet } from './taint-set.js';

/** The state of one function's analysis (closures share its budget and parameter-sink table). */
export interface FnCtx {
  readonly program: Program;
  readonly mod: ModuleInfo;
  readonly fn: FnInfo;
  env: TaintEnv;
  returns: TaintSet;
  readonly paramSinks: Map<number, SinkReach[]>;
  readonly budget: { steps: number };
  depth: number;
  /** The argument taint of calls that are sinks, for the sink check after the call is evaluated. */
  readonly callArgs: Map<Expr, TaintSet>;
  /** The receiver name being read as part of a tracked collection operation (collections.ts). */
  keepShape?: Expr | undefined;
}

export function step(ctx: FnCtx, span: Span, note: string): FlowStep {
  return { path: ctx.mod.module.path, span, step: note };
}

function addReach(ctx: FnCtx, param: number, reach: SinkReach): void {
  const list = ctx.paramSinks.get(param) ?? [];
  const same = list.findIndex((r) => r.sink.hit === reach.sink.hit);
  if (same < 0) list.push(reach);
  else if ((list[same] as SinkReach).path.length > reach.path.length) list[same] = reach;
  ctx.paramSinks.set(param, list);
}

/**
 * Tainted data reached a sink: a real source becomes a finding; a parameter label becomes part
 * of the function's summary ("parameter i reaches this sink"), reported when a caller passes taint.
 */
export function reachSink(ctx: FnCtx, taint: TaintSet, sink: SinkRef, tail: readonly FlowStep[]): void {
  for (const [label, path] of taint) {
    const full = capPath([...path, ...tail]);
    if (label === SOURCE_LABEL) ctx.program.report(sink, full);
    else {
      const i = paramIndexOf(label);
      if (i !== undefined) addReach(ctx, i, { path: full, sink });
    }
  }
}

export function sinkHere(ctx: FnCtx, taint: TaintSet, hit: MatchHit): void {
  if (taint.size === 0) return;
  reachSink(ctx, taint, { module: ctx.mod, hit }, [step(ctx, hit.span, 'sink')]);
}
