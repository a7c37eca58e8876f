/**
 * The taint engine: sources → sinks through assignments, string building, collections, fields,
 * calls (function summaries) and imports between files. See README.md.
 */
import type { Module } from '../ir/types.js';
import { bindingsToRecord } from '../match/index.js';
import type { RuleMatch, TaintRule } from '../rules/types.js';
import { analyzeFunction } from './analyze-function.js';
import { linkImports, moduleInfoFor } from './modules.js';
import { DEFAULT_TAINT_OPTIONS, Program, type TaintOptions } from './program.js';
import { defaultResolver, type ImportResolver } from './resolve-import.js';
import { relevantFunctions } from './relevance.js';
import { findSites, type RuleSites } from './sites.js';

export { DEFAULT_TAINT_OPTIONS, type TaintOptions } from './program.js';
export { defaultResolver, type ImportResolver } from './resolve-import.js';

export interface RunTaintOptions extends Partial<TaintOptions> {
  readonly resolver?: ImportResolver;
}

/**
 * Runs one taint rule over the modules of a scan (give all of them at once, so flows can cross
 * files). `sources` maps `Module.path` to the file's text. Findings are reported at the sink.
 */
export function runTaint(rule: TaintRule, modules: readonly Module[], sources: ReadonlyMap<string, string>, options: RunTaintOptions = {}): RuleMatch[] {
  const relevant = modules.filter((m) => rule.languages.includes(m.language));
  const sites = relevant.map((m) => findSites(rule, m, sources.get(m.path) ?? ''));
  // Without a source anywhere (or a sink anywhere) nothing can be found.
  if (!sites.some((s) => s.hasSources) || !sites.some((s) => s.sinks.size > 0)) return [];
  const infos = relevant.map((m, i) => moduleInfoFor(m, sources.get(m.path) ?? '', sites[i] as RuleSites));
  linkImports(infos, options.resolver ?? defaultResolver(infos.map((m) => m.module.path)));
  const program = new Program({ ...DEFAULT_TAINT_OPTIONS, ...stripUndefined(options) }, analyzeFunction);
  const rel = relevantFunctions(infos);
  program.relevant = new Set(rel);
  for (const fn of rel) program.summaryOf(fn);
  return program
    .findings()
    .map((f): RuleMatch => ({
      path: f.sink.module.module.path,
      span: f.sink.hit.span,
      bindings: bindingsToRecord(f.sink.hit.bindings, f.sink.module.index),
      flow: f.path,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.startByte - b.span.startByte));
}

function stripUndefined(o: RunTaintOptions): Partial<TaintOptions> {
  const out: Partial<Record<keyof TaintOptions, number>> = {};
  for (const k of ['maxStepsPerFunction', 'maxLoopIterations', 'maxSummaryDepth', 'maxExpressionDepth'] as const) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
