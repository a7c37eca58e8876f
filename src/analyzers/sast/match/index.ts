/**
 * The pattern matcher: rule formulas compiled once per rule × language, matched against the IR
 * of one module through an index built once per module. See README.md for the semantics.
 */
import type { Problem, Result } from '../../../core/result.js';
import { translateSnippet } from '../ir/translate/snippet.js';
import type { Language, Module } from '../ir/types.js';
import type { Formula, RuleMatch, SastRule, SearchRule } from '../rules/types.js';
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

/** Hits of an already compiled formula, with bindings as IR nodes and (unless `withScope` is false) the enclosing scope. */
export function matchFormula(compiled: CompiledFormula, module: Module, source: string, withScope = true): MatchHit[] {
  return matchCompiled(compiled, module, source, withScope);
}

/**
 * Compiles every formula of a rule for each of its languages (grammars must be loaded) and
 * returns what does not compile, naming the rule: a rule loader reports these instead of
 * letting a bad pattern match nothing.
 */
export function checkRulePatterns(rule: SastRule): Problem[] {
  const formulas: { key: string; formula: Formula }[] =
    rule.mode === 'search'
      ? [{ key: 'pattern', formula: rule.formula }]
      : (['sources', 'sinks', 'sanitizers', 'propagators'] as const).flatMap((part) =>
          rule.taint[part].map((x, index) => ({ key: `pattern-${part}[${index}]`, formula: x.formula })),
        );
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const language of rule.languages) {
    for (const { key, formula } of formulas) {
      const compiled = compilePattern(language, formula);
      if (compiled.ok) continue;
      // A JavaScript rule also compiles for TypeScript and TSX: one report per distinct error.
      const what = `${key}: ${compiled.error.message}`;
      if (seen.has(what)) continue;
      seen.add(what);
      problems.push({ ...compiled.error, message: `${rule.file}: rule ${rule.id}, ${what} (${language})`, file: rule.file });
    }
  }
  return problems;
}
