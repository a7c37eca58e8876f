import type { Finding } from '../../../core/finding.js';
import type { Problem } from '../../../core/result.js';
import { analyzeFile, type ModuleFacts, type SourceFile } from '../analyze-file.js';
import type { Language, Module } from '../ir/types.js';
import { initLanguages } from '../parse/parser.js';
import { loadSastRules, type SastRuleSettings } from '../rule-set.js';
import type { SastRule } from '../rules/types.js';

export interface SastBatchTask {
  readonly rules: SastRuleSettings;
  readonly files: readonly SourceFile[];
}

/** One file's result as it crosses threads: the module as JSON (a flat string copies far faster than an object graph). */
export interface SastBatchOutcome {
  readonly path: string;
  readonly findings: Finding[];
  readonly problems: Problem[];
  readonly facts?: ModuleFacts;
  readonly json?: string;
  readonly module?: Module;
}

/** Rules the main thread already loaded, handed to a worker when it starts (see pool.ts). */
export interface PreloadedRules {
  readonly key: string;
  readonly rules: readonly SastRule[];
}

export function rulesKey(settings: SastRuleSettings): string {
  return JSON.stringify(settings);
}

let cached: { key: string; byLanguage: Map<Language, SastRule[]> } | undefined;

/**
 * Rules by language, once per thread and settings. A worker takes them from the main thread
 * rather than reading and parsing every YAML file again (most of a second of CPU per thread).
 */
function rulesFor(settings: SastRuleSettings, preloaded: PreloadedRules | undefined): Map<Language, SastRule[]> {
  const key = rulesKey(settings);
  if (cached?.key === key) return cached.byLanguage;
  const byLanguage = new Map<Language, SastRule[]>();
  for (const rule of preloaded?.key === key ? preloaded.rules : loadSastRules(settings).rules) {
    for (const language of rule.languages) byLanguage.set(language, [...(byLanguage.get(language) ?? []), rule]);
  }
  cached = { key, byLanguage };
  return byLanguage;
}

/**
 * The per-file stage over a batch. On a worker (`live` false) each module comes back as JSON for
 * the taint stage; on the main thread it stays a live object. A file that throws is a notice.
 */
export async function runSastBatch(task: SastBatchTask, live: boolean, preloaded?: PreloadedRules): Promise<SastBatchOutcome[]> {
  const byLanguage = rulesFor(task.rules, preloaded);
  await initLanguages([...new Set(task.files.map((file) => file.language))].filter((language) => byLanguage.has(language)));
  return task.files.map((file): SastBatchOutcome => {
    const rules = byLanguage.get(file.language) ?? [];
    try {
      const outcome = analyzeFile(file, rules);
      const keep = outcome.module !== undefined && rules.some((rule) => rule.mode === 'taint');
      const base = { path: file.path, findings: outcome.findings, problems: outcome.problems, ...(outcome.facts ? { facts: outcome.facts } : {}) };
      if (!keep || !outcome.module) return base;
      return live ? { ...base, module: outcome.module } : { ...base, json: JSON.stringify(outcome.module) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { path: file.path, findings: [], problems: [{ code: 'sast-file-failed', message: `${file.path}: not analyzed: ${message}`, file: file.path, level: 'warn' }] };
    }
  });
}
