import type { Span } from '../ir/types.js';
import type { FlowStep } from '../rules/types.js';

/**
 * What a value carries: labels mapped to the path that brought each one here. `src` is taint
 * from a rule source; `p0`, `p1`… stand for "whatever the caller passes as parameter i", so one
 * analysis of a function yields both its own findings and its summary.
 */
export type TaintSet = ReadonlyMap<string, readonly FlowStep[]>;

export const CLEAN: TaintSet = new Map();

export const SOURCE_LABEL = 'src';

export function paramLabel(i: number): string {
  return `p${i}`;
}

/** The parameter index of a `p<i>` label, or undefined for the source label. */
export function paramIndexOf(label: string): number | undefined {
  return label.startsWith('p') ? Number(label.slice(1)) : undefined;
}

export function isTainted(t: TaintSet): boolean {
  return t.size > 0;
}

/** Paths longer than this keep their first and last steps; the middle is dropped. */
export const MAX_PATH_LENGTH = 40;

export function capPath(path: readonly FlowStep[]): readonly FlowStep[] {
  if (path.length <= MAX_PATH_LENGTH) return path;
  const head = Math.floor(MAX_PATH_LENGTH / 2);
  return [...path.slice(0, head), ...path.slice(path.length - (MAX_PATH_LENGTH - head))];
}

export function union(a: TaintSet, b: TaintSet): TaintSet {
  if (a.size === 0) return b;
  if (b.size === 0 || a === b) return a;
  const out = new Map(a);
  for (const [label, path] of b) {
    const prev = out.get(label);
    if (!prev || path.length < prev.length) out.set(label, path);
  }
  return out;
}

export function unionAll(sets: readonly TaintSet[]): TaintSet {
  let out = CLEAN;
  for (const s of sets) out = union(out, s);
  return out;
}

/** Adds a step to every path (the value moved through an assignment, a call, a return…). */
export function withStep(t: TaintSet, path: string, span: Span, step: string): TaintSet {
  if (t.size === 0) return t;
  const out = new Map<string, readonly FlowStep[]>();
  for (const [label, steps] of t) {
    const last = steps[steps.length - 1];
    // Two steps at the same place say nothing more than one.
    if (last && last.path === path && last.span.startByte === span.startByte && last.span.endByte === span.endByte) out.set(label, steps);
    else out.set(label, capPath([...steps, { path, span, step }]));
  }
  return out;
}

/** Continues every path of `t` with `after` (a callee's path from its parameter to its return). */
export function extended(t: TaintSet, after: readonly FlowStep[]): TaintSet {
  if (after.length === 0) return t;
  const out = new Map<string, readonly FlowStep[]>();
  for (const [label, steps] of t) out.set(label, capPath([...steps, ...after]));
  return out;
}

/** Same labels and path lengths: used to detect a loop's fixed point. */
export function sameTaint(a: TaintSet | undefined, b: TaintSet | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [label, path] of a) {
    const other = b.get(label);
    if (!other || other.length !== path.length) return false;
  }
  return true;
}
