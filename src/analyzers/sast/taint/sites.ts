import type { Language, Module, Span } from '../ir/types.js';
import { compilePattern, matchFormula, type Bindings, type MatchHit } from '../match/index.js';
import type { Formula, TaintRule } from '../rules/types.js';

export function spanKey(span: Span): string {
  return `${span.startByte}:${span.endByte}`;
}

export interface PropagatorSite {
  readonly bindings: Bindings;
  readonly from: string;
  readonly to: string;
}

/** Where in one module the rule's sources, sinks, sanitizers and propagators matched, by span. */
export interface RuleSites {
  readonly sources: ReadonlySet<string>;
  readonly sinks: ReadonlyMap<string, MatchHit>;
  readonly sanitizers: ReadonlySet<string>;
  readonly sideEffectSanitizers: ReadonlySet<string>;
  readonly propagators: ReadonlyMap<string, readonly PropagatorSite[]>;
  readonly hasSources: boolean;
  /** Start bytes of every site: most expressions are at none, and this check is cheap. */
  readonly starts: ReadonlySet<number>;
  /** Spans of the source matches, for deciding which functions need analysing. */
  readonly sourceSpans: readonly Span[];
}

function hitsOf(formula: Formula, language: Language, module: Module, source: string): MatchHit[] {
  const compiled = compilePattern(language, formula);
  return compiled.ok ? matchFormula(compiled.value, module, source, false) : [];
}

/** Runs every pattern of the rule once over the module (through the shared module index). */
export function findSites(rule: TaintRule, module: Module, source: string): RuleSites {
  const sources = new Set<string>();
  const starts = new Set<number>();
  const sourceSpans: Span[] = [];
  const sinks = new Map<string, MatchHit>();
  const sanitizers = new Set<string>();
  const sideEffectSanitizers = new Set<string>();
  const propagators = new Map<string, PropagatorSite[]>();
  const lang = module.language;
  for (const s of rule.taint.sources) for (const h of hitsOf(s.formula, lang, module, source)) {
      sources.add(spanKey(h.span));
      sourceSpans.push(h.span);
      starts.add(h.span.startByte);
    }
  for (const s of rule.taint.sinks) {
    for (const h of hitsOf(s.formula, lang, module, source)) {
      starts.add(h.span.startByte);
      if (!sinks.has(spanKey(h.span))) sinks.set(spanKey(h.span), h);
    }
  }
  for (const s of rule.taint.sanitizers) {
    for (const h of hitsOf(s.formula, lang, module, source)) {
      starts.add(h.span.startByte);
      (s.bySideEffect ? sideEffectSanitizers : sanitizers).add(spanKey(h.span));
    }
  }
  for (const p of rule.taint.propagators) {
    for (const h of hitsOf(p.formula, lang, module, source)) {
      const k = spanKey(h.span);
      starts.add(h.span.startByte);
      const list = propagators.get(k) ?? [];
      list.push({ bindings: h.bindings, from: p.from, to: p.to });
      propagators.set(k, list);
    }
  }
  return { sources, sinks, sanitizers, sideEffectSanitizers, propagators, hasSources: sources.size > 0, starts, sourceSpans };
}
