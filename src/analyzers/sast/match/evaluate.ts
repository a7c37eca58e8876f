import type { Span } from '../ir/types.js';
import { boundEqual, spanOfBound, type Bindings, type Bound } from './bindings.js';
import type { CompiledFormula } from './compile.js';
import type { ModuleIndex } from './module-index.js';
import { reportedSpan } from './name-span.js';
import { MAX_REGEX_INPUT } from './safe-regex.js';
import { searchPattern, type Hit } from './search.js';

/** The text a metavariable bound: an identifier's own name, otherwise the source of its span. */
export function boundText(b: Bound, index: ModuleIndex): string {
  return b.kind === 'name' ? b.name : index.text(spanOfBound(b));
}

/** Bindings of two hits merged, or undefined when a shared metavariable disagrees. */
export function unify(a: Bindings, b: Bindings): Bindings | undefined {
  let out: Record<string, Bindings[string]> | undefined;
  for (const [k, v] of Object.entries(b)) {
    const prev = a[k];
    if (prev === undefined) {
      out ??= { ...a };
      out[k] = v;
    } else if (!boundEqual(prev, v)) return undefined;
  }
  return out ?? a;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.startByte === b.startByte && a.endByte === b.endByte;
}

function within(inner: Span, outer: Span): boolean {
  return outer.startByte <= inner.startByte && inner.endByte <= outer.endByte;
}

function key(h: Hit): string {
  return `${h.span.startByte}:${h.span.endByte}`;
}

function dedupe(hits: readonly Hit[]): Hit[] {
  const seen = new Set<string>();
  const out: Hit[] = [];
  for (const h of hits) {
    const k = `${key(h)}|${Object.keys(h.bindings).sort().map((n) => {
      const s = spanOfBound(h.bindings[n] as Bindings[string]);
      return `${n}=${s.startByte}:${s.endByte}`;
    }).join(',')}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(h);
  }
  return out;
}

/** Hits of each pattern text, per module index (the index is per module, so the language is fixed). */
const LEAF_HITS = new WeakMap<ModuleIndex, Map<string, Hit[]>>();

/** A per-run memo: the same sub-formula object is searched once per module. */
export type HitCache = Map<CompiledFormula, Hit[]>;

function evalAll(items: readonly CompiledFormula[], index: ModuleIndex, cache: HitCache): Hit[] {
  const positives = items.filter((i) => i.kind === 'pattern' || i.kind === 'all' || i.kind === 'any');
  const firstInside = positives.length === 0 ? items.find((i) => i.kind === 'inside') : undefined;
  const seeds = firstInside && firstInside.kind === 'inside' ? [firstInside.item] : positives;
  let hits: Hit[] | undefined;
  for (const p of seeds) {
    const found = evaluateFormula(p, index, cache);
    if (hits === undefined) {
      hits = found;
      continue;
    }
    const next: Hit[] = [];
    for (const h of hits) {
      for (const f of found) {
        if (!sameSpan(h.span, f.span)) continue;
        const u = unify(h.bindings, f.bindings);
        if (u) next.push({ span: h.span, bindings: u });
      }
    }
    hits = next;
  }
  let out = hits ?? [];
  const focus: string[] = [];
  for (const item of items) {
    if (out.length === 0) break;
    switch (item.kind) {
      case 'not': {
        const neg = evaluateFormula(item.item, index, cache);
        out = out.filter((h) => !neg.some((n) => sameSpan(n.span, h.span) && unify(h.bindings, n.bindings)));
        break;
      }
      case 'inside': {
        if (item === firstInside) break;
        const ctx = evaluateFormula(item.item, index, cache);
        const next: Hit[] = [];
        for (const h of out) {
          for (const c of ctx) {
            if (!within(h.span, c.span)) continue;
            const u = unify(h.bindings, c.bindings);
            if (u) {
              next.push({ span: h.span, bindings: u });
              break;
            }
          }
        }
        out = next;
        break;
      }
      case 'not-inside': {
        const ctx = evaluateFormula(item.item, index, cache);
        out = out.filter((h) => !ctx.some((c) => within(h.span, c.span) && unify(h.bindings, c.bindings)));
        break;
      }
      case 'metavariable-regex':
        out = out.filter((h) => {
          const b = h.bindings[item.metavariable];
          if (!b) return false;
          item.regex.lastIndex = 0;
          return item.regex.test(boundText(b, index).slice(0, MAX_REGEX_INPUT));
        });
        break;
      case 'focus':
        focus.push(item.metavariable);
        break;
      default:
        break;
    }
  }
  for (const name of focus) {
    out = out.flatMap((h) => {
      const b = h.bindings[name];
      return b ? [{ span: reportedSpan(b, index), bindings: h.bindings }] : [];
    });
  }
  return dedupe(out);
}

/** All hits of a compiled formula in one module. */
export function evaluateFormula(f: CompiledFormula, index: ModuleIndex, cache: HitCache = new Map()): Hit[] {
  const cached = cache.get(f);
  if (cached) return cached;
  let hits: Hit[];
  switch (f.kind) {
    case 'pattern': {
      // Rules repeat the same patterns (every injection rule lists the same sources): search each once per module.
      let leaves = LEAF_HITS.get(index);
      if (!leaves) {
        leaves = new Map();
        LEAF_HITS.set(index, leaves);
      }
      const known = leaves.get(f.source);
      hits = known ?? searchPattern(f.pattern, index);
      if (!known) leaves.set(f.source, hits);
      break;
    }
    case 'any':
      hits = dedupe(f.items.flatMap((i) => evaluateFormula(i, index, cache)));
      break;
    case 'all':
      hits = evalAll(f.items, index, cache);
      break;
    default:
      // `not`, `inside`, `metavariable-regex`… alone are filters without anything to filter.
      hits = [];
  }
  cache.set(f, hits);
  return hits;
}
