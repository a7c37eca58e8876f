import type { Problem, Result } from '../../../core/result.js';
import type { Language, Module, Span } from '../ir/types.js';
import type { Binding, Formula, RuleMatch, SearchRule } from '../rules/types.js';
import type { Bindings } from './bindings.js';
import { compileFormula, type CompiledFormula, type SnippetTranslator } from './compile.js';
import { evaluateFormula, type HitCache } from './evaluate.js';
import { indexModule, scopeOf, type ModuleIndex } from './module-index.js';
import { reportedSpan } from './name-span.js';

/** A hit with everything the analyzer and the taint engine need. */
export interface MatchHit {
  readonly span: Span;
  readonly bindings: Bindings;
  /** The enclosing function and class; set by `matchFormula`, left out where nobody reads it. */
  readonly scope?: { readonly function?: string; readonly class?: string };
}

/** The translated form of a formula for one language, kept per formula object. */
const COMPILED = new WeakMap<Formula, Map<Language, Result<CompiledFormula, Problem>>>();

/** Compiles once per formula object × language; later calls return the same value. */
export function compileCached(formula: Formula, language: Language, translate: SnippetTranslator): Result<CompiledFormula, Problem> {
  let perLanguage = COMPILED.get(formula);
  if (!perLanguage) {
    perLanguage = new Map();
    COMPILED.set(formula, perLanguage);
  }
  const hit = perLanguage.get(language);
  if (hit) return hit;
  const compiled = compileFormula(formula, language, translate);
  perLanguage.set(language, compiled);
  return compiled;
}

/** Metavariable bindings as the report needs them: span and source text. */
export function bindingsToRecord(bindings: Bindings, index: ModuleIndex): Record<string, Binding> {
  const out: Record<string, Binding> = {};
  for (const [name, b] of Object.entries(bindings)) {
    const span = reportedSpan(b, index);
    const text = b.kind === 'name' ? b.name : index.text(span);
    out[name] = text === '' ? { span } : { span, text };
  }
  return out;
}

function byPosition(a: { span: Span }, b: { span: Span }): number {
  return a.span.startByte - b.span.startByte || a.span.endByte - b.span.endByte;
}

/** Hits of a compiled formula in a module, sorted by position, with their scope. */
export function matchCompiled(compiled: CompiledFormula, module: Module, source: string, withScope = true, cache?: HitCache): MatchHit[] {
  const index = indexModule(module, source);
  // The scope is a scan over the module's functions per hit: only when asked for.
  return evaluateFormula(compiled, index, cache)
    .map((h) => (withScope ? { span: h.span, bindings: h.bindings, scope: scopeOf(index, h.span) } : { span: h.span, bindings: h.bindings }))
    .sort(byPosition);
}

/** A search rule over one module: one `RuleMatch` per hit. A formula that does not compile matches nothing. */
export function matchRuleWith(translate: SnippetTranslator, rule: SearchRule, module: Module, source: string): RuleMatch[] {
  const compiled = compileCached(rule.formula, module.language, translate);
  if (!compiled.ok) return [];
  const index = indexModule(module, source);
  // One match per span: two alternatives of a pattern-either that match the same code are one finding.
  const seen = new Set<string>();
  const out: RuleMatch[] = [];
  for (const h of matchCompiled(compiled.value, module, source, false)) {
    const key = `${h.span.startByte}:${h.span.endByte}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: module.path, span: h.span, bindings: bindingsToRecord(h.bindings, index) });
  }
  return out;
}
