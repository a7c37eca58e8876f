/** Test helpers: a taint rule from pattern strings, run over real code translated to IR. */
import type { Language, Module } from '../ir/types.js';
import { parseModule } from '../match/test-support.js';
import type { Formula, RuleMatch, TaintRule } from '../rules/types.js';
import { runTaint } from './index.js';

export interface RuleSpec {
  readonly sources: readonly (string | Formula)[];
  readonly sinks: readonly (string | Formula)[];
  readonly sanitizers?: readonly (string | Formula)[];
  readonly sideEffectSanitizers?: readonly string[];
  readonly propagators?: readonly { readonly pattern: string; readonly from: string; readonly to: string }[];
}

const f = (x: string | Formula): Formula => (typeof x === 'string' ? { kind: 'pattern', source: x } : x);

/** `patterns: [pattern: <p>, focus-metavariable: <mv>]` */
export function focus(pattern: string, metavariable: string): Formula {
  return { kind: 'all', items: [{ kind: 'pattern', source: pattern }, { kind: 'focus', metavariable }] };
}

export function taintRule(language: Language, spec: RuleSpec): TaintRule {
  return {
    id: 'test-taint', languages: language === 'javascript' || language === 'typescript' ? ['javascript', 'typescript'] : [language],
    message: 'm', severity: 'high', confidence: 'high', file: 'test.yaml', mode: 'taint',
    metadata: { title: 't', category: 'security', cwe: [89], owasp: [], references: [] },
    taint: {
      sources: spec.sources.map((s) => ({ formula: f(s) })),
      sinks: spec.sinks.map((s) => ({ formula: f(s) })),
      sanitizers: [...(spec.sanitizers ?? []).map((s) => ({ formula: f(s) })), ...(spec.sideEffectSanitizers ?? []).map((s) => ({ formula: f(s), bySideEffect: true }))],
      propagators: (spec.propagators ?? []).map((p) => ({ formula: f(p.pattern), from: p.from, to: p.to })),
    },
  };
}

export interface Reported {
  readonly path: string;
  readonly line: number;
  /** The sink's source text. */
  readonly text: string;
  readonly flow: readonly string[];
}

function languageOf(path: string): Language {
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.rb')) return 'ruby';
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.java')) return 'java';
  return 'javascript';
}

/** Runs a rule over files given as `{ path: code }` and describes each finding. */
export function runOn(rule: TaintRule, files: Readonly<Record<string, string>>): Reported[] {
  const modules: Module[] = Object.entries(files).map(([path, code]) => parseModule(languageOf(path), path, code));
  const sources = new Map(Object.entries(files));
  return runTaint(rule, modules, sources).map((m: RuleMatch) => {
    const code = files[m.path] ?? '';
    const text = (s: { startByte: number; endByte: number }, file: string): string => (files[file] ?? '').slice(s.startByte, s.endByte);
    return {
      path: m.path,
      line: m.span.startLine,
      text: code.slice(m.span.startByte, m.span.endByte),
      flow: (m.flow ?? []).map((s) => `${s.step}@${s.path}:${s.span.startLine} ${text(s.span, s.path)}`),
    };
  });
}
