/**
 * The pattern matcher: rule formulas compiled once per rule × language, matched against the IR
 * of one module through an index built once per module. See README.md for the semantics.
 */
import type { Problem, Result } from '../../../core/result.js';
import { translateSnippet } from '../ir/translate/snippet.js';
import type { Language, Module } from '../ir/types.js';
import type { Formula, RuleMatch, SearchRule } from '../rules/types.js';
import type { CompiledFormula } from './compile.js';
import { compileCached, matchCompiled, matchRuleWith, type MatchHit } from './engine.js';

export type { CompiledFormula } from './compile.js';
export type { MatchHit } from './engine.js';
export type { Bindings, Bound } from './bindings.js';
export { bindingsToRecord } from './engine.js';
export { indexModule, scopeOf, type ModuleIndex } from './module-index.js';

/** Translates and checks a formula for one language (cached per formula object). */
export function compilePattern(language: Language, formula: Formula): Result<CompiledFormula, Problem> {
  return compileCached(formula, language, translateSnippet);
}

/** A search rule over one module. `source` is the module's text (for metavariable text and regexes). */
export function matchRule(rule: SearchRule, module: Module, source: string): RuleMatch[] {
  return matchRuleWith(translateSnippet, rule, module, source);
}

/** Hits of an already compiled formula, with bindings as IR nodes and the enclosing scope. */
export function matchFormula(compiled: CompiledFormula, module: Module, source: string): MatchHit[] {
  return matchCompiled(compiled, module, source);
}
