import type { Span } from '../ir/types.js';
import { resolveCallIn } from './calls.js';
import type { FnInfo, ModuleInfo } from './modules.js';

function contains(outer: Span, inner: Span): boolean {
  return outer.startByte <= inner.startByte && inner.endByte <= outer.endByte;
}

const SORTED = new WeakMap<ModuleInfo, FnInfo[]>();

/** The innermost named function around a span, or the module's top level. */
function enclosing(m: ModuleInfo, span: Span): FnInfo {
  let sorted = SORTED.get(m);
  if (!sorted) {
    sorted = [...m.functions].sort((a, b) => a.span.startByte - b.span.startByte);
    SORTED.set(m, sorted);
  }
  // The last function starting at or before the span; walking back, the first that contains it is the innermost.
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as FnInfo).span.startByte <= span.startByte) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0; i--) {
    const fn = sorted[i] as FnInfo;
    if (contains(fn.span, span)) return fn;
  }
  return m.body;
}

/**
 * The functions worth analysing up front: those holding a source, and (transitively) those that
 * call one of them, which may receive tainted data from its return value. Every other function
 * is analysed only when one of these calls it (its summary is computed on demand), so code far
 * from any source costs nothing.
 */
export function relevantFunctions(modules: readonly ModuleInfo[]): FnInfo[] {
  const relevant = new Set<FnInfo>();
  const queue: FnInfo[] = [];
  const add = (fn: FnInfo): void => {
    if (relevant.has(fn)) return;
    relevant.add(fn);
    if (!fn.isModuleBody) queue.push(fn);
  };
  for (const m of modules) for (const span of m.sites.sourceSpans) add(enclosing(m, span));
  while (queue.length > 0) {
    const target = queue.pop() as FnInfo;
    for (const m of modules) {
      for (const call of m.index.callsByName.get(target.name) ?? []) {
        // Only `self.f()` and receiver-less method calls need the caller's class to resolve; find the caller only then.
        const o = call.callee.kind === 'member' ? call.callee.object : undefined;
        const needsClass = call.callee.kind === 'name' || (o?.kind === 'name' && (o.name === 'self' || o.name === 'this' || o.name === 'cls'));
        if (!needsClass && resolveCallIn(m, undefined, call)?.fn !== target) continue;
        const caller = enclosing(m, call.span);
        if (relevant.has(caller)) continue;
        if (!needsClass || resolveCallIn(m, caller.className, call)?.fn === target) add(caller);
      }
    }
  }
  return [...relevant];
}
