import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Problem } from '../../../core/result.js';
import { translateSource } from '../ir/translate/index.js';
import type { Language, Module } from '../ir/types.js';
import { matchRule } from '../match/index.js';
import { LANGUAGE_SPECS, languageOfPath } from '../parse/languages.js';
import { runTaint } from '../taint/index.js';
import { loadCheckedRules } from './loader.js';
import type { SastRule } from './types.js';

/** The outcome of one rule over its annotated fixture. */
export interface RuleTestResult {
  readonly ruleId: string;
  readonly ruleFile: string;
  readonly fixture?: string;
  readonly passed: boolean;
  /** `file:line message` for each mismatch. */
  readonly mismatches: readonly string[];
  /** Counts over the fixture: expected hits found, expected clean lines left clean, todo markers. */
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  readonly todo: number;
}

const ANNOTATION = /(?:\/\/|#|\/\*|<!--|--)\s*(ruleid|ok|todoruleid|todook):\s*([A-Za-z0-9._,\s-]+)/;

/** `annotations[line]` = what the comment on the line above says about `line` for `ruleId`. */
export function readAnnotations(text: string, ruleId: string): Map<number, 'ruleid' | 'ok' | 'todoruleid' | 'todook'> {
  const out = new Map<number, 'ruleid' | 'ok' | 'todoruleid' | 'todook'>();
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) return;
    const ids = (match[2] ?? '').split(/[\s,]+/).filter((id) => id !== '');
    if (!ids.includes(ruleId)) return;
    // The annotation applies to the next line that is not itself an annotation or blank.
    let target = index + 1;
    while (target < lines.length && (ANNOTATION.test(lines[target] ?? '') || (lines[target] ?? '').trim() === '')) target++;
    out.set(target + 1, match[1] as 'ruleid' | 'ok' | 'todoruleid' | 'todook');
  });
  return out;
}

/** The fixture of a rule file: same base name, an extension of one of the rule's languages. */
export function fixtureFor(ruleFile: string, rule: SastRule): string | undefined {
  const stem = join(dirname(ruleFile), basename(ruleFile).replace(/\.ya?ml$/i, ''));
  for (const language of rule.languages) {
    for (const ext of LANGUAGE_SPECS[language].extensions) if (existsSync(stem + ext)) return stem + ext;
  }
  return undefined;
}

function hitsOf(rule: SastRule, module: Module, source: string): number[] {
  const matches = rule.mode === 'search' ? matchRule(rule, module, source) : runTaint(rule, [module], new Map([[module.path, source]]));
  return matches.map((m) => m.span.startLine);
}

/** Run one rule over its fixture and compare with the annotations. */
export function testRule(rule: SastRule, ruleFile: string): RuleTestResult {
  const base = { ruleId: rule.id, ruleFile, truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0, todo: 0 };
  const fixture = fixtureFor(ruleFile, rule);
  if (!fixture) return { ...base, passed: false, mismatches: [`${ruleFile}: no fixture file beside the rule`] };
  const language = languageOfPath(fixture) as Language;
  const source = readFileSync(fixture, 'utf8');
  const result = translateSource(language, fixture, source);
  if (!result.module) return { ...base, fixture, passed: false, mismatches: result.problems.map((p) => p.message) };
  const hits = hitsOf(rule, result.module, source);
  const annotations = readAnnotations(source, rule.id);
  const mismatches: string[] = [];
  const counts = { ...base };
  const hitCount = new Map<number, number>();
  for (const line of hits) hitCount.set(line, (hitCount.get(line) ?? 0) + 1);
  for (const [line, kind] of annotations) {
    const n = hitCount.get(line) ?? 0;
    if (kind === 'ruleid') {
      if (n === 1) counts.truePositives++;
      else {
        counts.falseNegatives += n === 0 ? 1 : 0;
        mismatches.push(`${fixture}:${line} expected one finding of ${rule.id}, got ${n}`);
      }
    } else if (kind === 'ok') {
      if (n === 0) counts.trueNegatives++;
      else {
        counts.falsePositives++;
        mismatches.push(`${fixture}:${line} expected no finding of ${rule.id}, got ${n}`);
      }
    } else {
      counts.todo++;
      // A known gap that now behaves: promote it.
      if ((kind === 'todoruleid' && n > 0) || (kind === 'todook' && n === 0)) mismatches.push(`${fixture}:${line} ${kind} now passes; change it to ${kind === 'todoruleid' ? 'ruleid' : 'ok'}`);
      if (kind === 'todoruleid' && n === 0) counts.falseNegatives++;
      if (kind === 'todook' && n > 0) counts.falsePositives++;
    }
  }
  for (const [line, n] of hitCount) {
    if (!annotations.has(line)) {
      counts.falsePositives += n;
      mismatches.push(`${fixture}:${line} unexpected finding of ${rule.id}`);
    }
  }
  if (annotations.size === 0) mismatches.push(`${fixture}: no "ruleid: ${rule.id}" annotation`);
  return { ...counts, fixture, passed: mismatches.length === 0, mismatches };
}

/** Load every rule under `dir` and test each against its fixture. */
export async function testRulesIn(dir: string): Promise<{ results: RuleTestResult[]; problems: Problem[] }> {
  // Patterns are compiled first: a rule whose pattern does not compile is a problem, not a silent pass.
  const loaded = await loadCheckedRules(dir);
  const results: RuleTestResult[] = [];
  for (const rule of loaded.rules) results.push(testRule(rule, rule.file));
  return { results, problems: loaded.problems };
}
