import type { MatchHit } from '../match/index.js';
import type { FlowStep } from '../rules/types.js';
import type { FnInfo, ModuleInfo } from './modules.js';
import { spanKey } from './sites.js';
import type { TaintSet } from './taint-set.js';

export interface TaintOptions {
  /** Expressions and statements evaluated per function before the analysis gives up on it. */
  readonly maxStepsPerFunction: number;
  readonly maxLoopIterations: number;
  /** Summaries computed inside one another (a call chain) before a callee is treated as unknown. */
  readonly maxSummaryDepth: number;
  /** Expression nesting the evaluator follows. */
  readonly maxExpressionDepth: number;
}

export const DEFAULT_TAINT_OPTIONS: TaintOptions = {
  maxStepsPerFunction: 50_000,
  maxLoopIterations: 4,
  maxSummaryDepth: 24,
  maxExpressionDepth: 400,
};

/** A sink inside a module, as the matcher found it. */
export interface SinkRef {
  readonly module: ModuleInfo;
  readonly hit: MatchHit;
}

/** A path from a parameter's entry to a sink. */
export interface SinkReach {
  readonly path: readonly FlowStep[];
  readonly sink: SinkRef;
}

export interface Summary {
  /** `src` (the function returns a source) and `p<i>` (parameter i flows to the return value). */
  readonly returns: TaintSet;
  /** Parameter index → the sinks its value reaches. */
  readonly paramSinks: ReadonlyMap<number, readonly SinkReach[]>;
}

export interface Finding {
  readonly sink: SinkRef;
  readonly path: readonly FlowStep[];
}

/** State shared by every function analysis of one rule run: summaries and findings. */
export class Program {
  private readonly summaries = new Map<FnInfo, Summary | 'running'>();
  private readonly found = new Map<string, Finding>();
  private depth = 0;
  /** Functions that hold a source or call one that does; set by the run before analysis starts. */
  relevant: ReadonlySet<FnInfo> = new Set();

  constructor(
    readonly options: TaintOptions,
    private readonly analyze: (program: Program, fn: FnInfo) => Summary,
  ) {}

  /** The summary of a function, computed on first use; undefined while it is being computed (recursion) or too deep. */
  summaryOf(fn: FnInfo): Summary | undefined {
    const s = this.summaries.get(fn);
    if (s === 'running') return undefined;
    if (s) return s;
    if (this.depth >= this.options.maxSummaryDepth) return undefined;
    this.summaries.set(fn, 'running');
    this.depth++;
    try {
      const result = this.analyze(this, fn);
      this.summaries.set(fn, result);
      return result;
    } finally {
      this.depth--;
    }
  }

  isAnalysed(fn: FnInfo): boolean {
    return this.summaries.has(fn);
  }

  /** One finding per sink; the shortest path wins. */
  report(sink: SinkRef, path: readonly FlowStep[]): void {
    const key = `${sink.module.module.path}|${spanKey(sink.hit.span)}`;
    const prev = this.found.get(key);
    if (!prev || path.length < prev.path.length) this.found.set(key, { sink, path });
  }

  findings(): Finding[] {
    return [...this.found.values()];
  }
}
