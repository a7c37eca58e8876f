import type { Finding } from '../../core/finding.js';
import type { Identifier } from '../../core/identifier.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import type { FileEntry, TreeAnalyzer, TreeInput } from '../types.js';
import { createExcludeTest, DEFAULT_SAST_EXCLUDES } from './excludes.js';
import { ruleIdentifiers, SAST_ANALYZER_ID, toFinding } from './findings.js';
import { translateSource } from './ir/translate/index.js';
import type { Language, Module } from './ir/types.js';
import { matchRule } from './match/index.js';
import { DEFAULT_PARSE_BUDGET } from './parse/budget.js';
import { languageOfPath } from './parse/languages.js';
import { initLanguages } from './parse/parser.js';
import { builtinRulesDir } from './rules/builtin.js';
import { loadRules } from './rules/loader.js';
import type { RuleMatch, SastRule } from './rules/types.js';
import { runTaint } from './taint/index.js';
import { isSuppressed } from './suppress.js';

export interface SastOptions {
  /** Rule ids switched off (`rules.disable` in `.bulwark.yml`). */
  readonly disabledRules: readonly string[];
  /** Folders or files of the user's own rules (`--rules`), added to the packaged ones. */
  readonly rulesPaths?: readonly string[];
  /** Path names or globs left out (GitLab's SAST_EXCLUDED_PATHS); default `spec, test, tests, tmp`. */
  readonly excludedPaths?: readonly string[];
  /** Leave out the packaged rules (tests, `bulwark rules test`). */
  readonly builtinRules?: boolean;
}

const VERSION = '1.0.0';

/** Packaged rules plus the user's, minus the disabled ones; problems name each bad rule file. */
export function loadSastRules(options: SastOptions): { rules: SastRule[]; problems: Problem[] } {
  const rules: SastRule[] = [];
  const problems: Problem[] = [];
  const builtin = options.builtinRules === false ? undefined : builtinRulesDir();
  for (const path of [...(builtin ? [builtin] : []), ...(options.rulesPaths ?? [])]) {
    const loaded = loadRules(path, path === builtin ? builtin : undefined);
    rules.push(...loaded.rules);
    problems.push(...loaded.problems);
  }
  const disabled = new Set(options.disabledRules);
  return { rules: rules.filter((rule) => !disabled.has(rule.id)), problems };
}

interface Parsed {
  readonly module: Module;
  readonly source: string;
}

/**
 * Static analysis of source code: each claimed file is parsed and translated to the IR, search
 * rules run file by file, and taint rules over all modules of a language at once so that flows
 * can cross files through imports. Runs on the main thread.
 */
export function createSastAnalyzer(options: SastOptions): TreeAnalyzer {
  const isExcluded = createExcludeTest(options.excludedPaths ?? DEFAULT_SAST_EXCLUDES);
  let loaded: { rules: SastRule[]; problems: Problem[] } | undefined;
  const rules = (): { rules: SastRule[]; problems: Problem[] } => (loaded ??= loadSastRules(options));
  return {
    id: SAST_ANALYZER_ID,
    version: VERSION,
    reportType: 'sast',
    claims: (file: FileEntry) => languageOfPath(file.path) !== undefined && !isExcluded(file.path),
    primaryIdentifiers: (): Identifier[] => rules().rules.map((rule) => ruleIdentifiers(rule)[0]),
    async analyzeTree(input: TreeInput): Promise<AnalyzerResult> {
      const { rules: all, problems: ruleProblems } = rules();
      const problems: Problem[] = [...ruleProblems];
      const byLanguage = new Map<Language, FileEntry[]>();
      for (const file of input.files) {
        const language = languageOfPath(file.path);
        if (language && all.some((rule) => rule.languages.includes(language))) byLanguage.set(language, [...(byLanguage.get(language) ?? []), file]);
      }
      await initLanguages([...byLanguage.keys()]);
      const parsed = new Map<string, Parsed>();
      const findings: Finding[] = [];
      const report = (rule: SastRule, match: RuleMatch): void => {
        const at = parsed.get(match.path);
        if (!at || isSuppressed(at.source, match.span.startLine, rule.id)) return;
        findings.push(toFinding(rule, match, at.module, at.source));
      };
      for (const [language, files] of byLanguage) {
        const search = all.filter((rule) => rule.mode === 'search' && rule.languages.includes(language));
        for (const file of files) {
          if (input.signal?.aborted) break;
          const source = input.readFile(file.path);
          if (source === undefined) continue;
          const result = translateSource(language, file.path, source, DEFAULT_PARSE_BUDGET);
          problems.push(...result.problems);
          if (!result.module) continue;
          parsed.set(file.path, { module: result.module, source });
          for (const rule of search) {
            if (rule.mode !== 'search') continue;
            for (const match of safely(() => matchRule(rule, result.module as Module, source), rule, file.path, problems)) report(rule, match);
          }
        }
      }
      const modules = [...parsed.values()].map((p) => p.module);
      const texts = new Map([...parsed].map(([path, p]) => [path, p.source]));
      for (const rule of all) {
        if (rule.mode !== 'taint') continue;
        const relevant = modules.filter((module) => rule.languages.includes(module.language));
        if (relevant.length === 0) continue;
        for (const match of safely(() => runTaint(rule, relevant, texts), rule, undefined, problems)) report(rule, match);
      }
      const failed = problems.some((problem) => problem.level === 'error');
      return { findings: dedupe(findings), problems, status: failed ? 'partial' : 'ok' };
    },
  };
}

/** A rule that throws on some input loses that input, not the scan. */
function safely(run: () => RuleMatch[], rule: SastRule, file: string | undefined, problems: Problem[]): RuleMatch[] {
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

/** One finding per rule and span, even when two patterns of a rule matched it. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const loc = finding.location;
    const key = loc.kind === 'source' ? `${finding.ruleId}:${loc.file}:${loc.startLine}:${loc.startColumn ?? 0}:${loc.endLine}:${loc.endColumn ?? 0}` : JSON.stringify(loc);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
