import type { Finding } from '../../core/finding.js';
import type { Problem } from '../../core/result.js';
import { toFinding } from './findings.js';
import { translateSource } from './ir/translate/index.js';
import type { Language, Module } from './ir/types.js';
import { indexModule, matchRule } from './match/index.js';
import { DEFAULT_PARSE_BUDGET } from './parse/budget.js';
import type { RuleMatch, SastRule, TaintRule } from './rules/types.js';
import { isSuppressed } from './suppress.js';
import { findSites } from './taint/sites.js';

/** A source file handed to the per-file stage: its text is read by the main thread. */
export interface SourceFile {
  readonly path: string;
  readonly language: Language;
  readonly text: string;
}

/**
 * What the taint stage needs to know about a module without holding it: which taint rules have a
 * source or a sink in it (a rule with no source anywhere, or no sink, cannot report), and the
 * imports it names, to find the modules a flow can cross.
 */
export interface ModuleFacts {
  readonly path: string;
  readonly language: Language;
  /** Ids of the taint rules with a source match in this module. */
  readonly sources: readonly string[];
  /** Ids of the taint rules with a sink match in this module. */
  readonly sinks: readonly string[];
  /** Import specifiers as written, plus `spec.name` for each imported name (it may be a submodule). */
  readonly imports: readonly string[];
}

export interface FileOutcome {
  readonly path: string;
  readonly findings: Finding[];
  readonly problems: Problem[];
  /** Absent when the file was not translated (too large, minified, parse timeout). */
  readonly module?: Module;
  readonly facts?: ModuleFacts;
}

/** A rule that throws on some input loses that input, not the scan. */
export function safely(run: () => RuleMatch[], rule: SastRule, file: string | undefined, problems: Problem[]): RuleMatch[] {
  try {
    return run();
  } catch (error) {
    problems.push({
      code: 'sast-rule-failed',
      message: `rule ${rule.id} failed${file ? ` on ${file}` : ''}: ${error instanceof Error ? error.message : String(error)}`,
      ...(file ? { file } : {}),
      level: 'warn',
    });
    return [];
  }
}

function importSpecs(module: Module, source: string): string[] {
  const specs = new Set<string>();
  for (const stmt of indexModule(module, source).stmtsByKind.get('import') ?? []) {
    if (stmt.kind !== 'import') continue;
    specs.add(stmt.module);
    // `from . import helpers`, `from pkg import mod`: the name may be a module of the package.
    for (const binding of stmt.bindings) specs.add(stmt.module.endsWith('.') ? `${stmt.module}${binding.imported}` : `${stmt.module}.${binding.imported}`);
  }
  return [...specs];
}

function factsOf(module: Module, source: string, taint: readonly TaintRule[], problems: Problem[]): ModuleFacts {
  const sources: string[] = [];
  const sinks: string[] = [];
  for (const rule of taint) {
    try {
      const sites = findSites(rule, module, source);
      if (sites.hasSources) sources.push(rule.id);
      if (sites.sinks.size > 0) sinks.push(rule.id);
    } catch (error) {
      // Keep the rule in play for this module: the taint stage will meet (and report) the failure.
      sources.push(rule.id);
      sinks.push(rule.id);
      problems.push({ code: 'sast-rule-failed', message: `rule ${rule.id} failed on ${module.path}: ${error instanceof Error ? error.message : String(error)}`, file: module.path, level: 'warn' });
    }
  }
  return { path: module.path, language: module.language, sources, sinks, imports: importSpecs(module, source) };
}

/**
 * The per-file stage, the same on a worker thread and on the main thread: translate to the IR,
 * run the search rules (findings are final here), and note the facts the taint stage needs.
 * `rules` are those of the file's language.
 */
export function analyzeFile(file: SourceFile, rules: readonly SastRule[]): FileOutcome {
  const result = translateSource(file.language, file.path, file.text, DEFAULT_PARSE_BUDGET);
  const problems: Problem[] = [...result.problems];
  const findings: Finding[] = [];
  const module = result.module;
  if (!module) return { path: file.path, findings, problems };
  const taint: TaintRule[] = [];
  for (const rule of rules) {
    if (rule.mode === 'taint') {
      taint.push(rule);
      continue;
    }
    for (const match of safely(() => matchRule(rule, module, file.text), rule, file.path, problems)) {
      if (!isSuppressed(file.text, match.span.startLine, rule.id)) findings.push(toFinding(rule, match, module, file.text));
    }
  }
  return { path: file.path, findings, problems, module, facts: factsOf(module, file.text, taint, problems) };
}
