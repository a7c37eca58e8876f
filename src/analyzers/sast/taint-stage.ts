import type { Finding } from '../../core/finding.js';
import type { Problem } from '../../core/result.js';
import type { ModuleFacts } from './analyze-file.js';
import { safely } from './analyze-file.js';
import { toFinding } from './findings.js';
import type { Module } from './ir/types.js';
import type { SastRule, TaintRule } from './rules/types.js';
import { isSuppressed } from './suppress.js';
import { defaultResolver, runTaint } from './taint/index.js';

/**
 * A translated module kept for the taint stage: live when it was translated on this thread, as
 * JSON when a worker translated it (parsed only if a taint rule needs it), or neither when the
 * memory budget for the taint stage ran out.
 */
export interface StoredModule {
  readonly facts: ModuleFacts;
  readonly text: string;
  module?: Module;
  json?: string;
}

type Edges = Map<string, string[]>;

/** Import edges between the stored modules, both ways, as the taint engine's resolver sees them. */
export function importGraph(store: ReadonlyMap<string, StoredModule>, resolve: ReturnType<typeof defaultResolver>): { forward: Edges; backward: Edges } {
  const forward: Edges = new Map();
  const backward: Edges = new Map();
  for (const [path, stored] of store) {
    const targets = new Set<string>();
    for (const spec of stored.facts.imports) {
      const target = resolve(path, spec, stored.facts.language);
      if (target !== undefined && target !== path && store.has(target)) targets.add(target);
    }
    forward.set(path, [...targets]);
    for (const target of targets) backward.set(target, [...(backward.get(target) ?? []), path]);
  }
  return { forward, backward };
}

function closure(start: Iterable<string>, edges: Edges): Set<string> {
  const seen = new Set(start);
  const queue = [...seen];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const target of edges.get(next) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

function materialize(stored: StoredModule): Module | undefined {
  if (stored.module === undefined && stored.json !== undefined) {
    stored.module = JSON.parse(stored.json) as Module;
    delete stored.json;
  }
  return stored.module;
}

/**
 * The modules one taint rule has to see: a flow starts at a source, goes up to the callers of the
 * function holding it (modules that import that module, transitively) and down into whatever
 * those call (modules they import, transitively). The taint engine links modules only through
 * imports, so a module outside this set cannot take part in a flow; on a large tree the set is
 * usually much smaller than every module of the language.
 */
export function modulesForRule(rule: TaintRule, store: ReadonlyMap<string, StoredModule>, graph: { forward: Edges; backward: Edges }): string[] | undefined {
  const starts: string[] = [];
  let anySink = false;
  for (const [path, stored] of store) {
    if (!rule.languages.includes(stored.facts.language)) continue;
    if (stored.facts.sources.includes(rule.id)) starts.push(path);
    if (stored.facts.sinks.includes(rule.id)) anySink = true;
  }
  if (starts.length === 0 || !anySink) return undefined;
  const needed = [...closure(closure(starts, graph.backward), graph.forward)].filter((path) => {
    const stored = store.get(path);
    return stored !== undefined && rule.languages.includes(stored.facts.language);
  });
  return needed.some((path) => store.get(path)?.facts.sinks.includes(rule.id)) ? needed.sort() : undefined;
}

/** Runs every taint rule over the modules it needs; findings are reported at the sink. */
export function runTaintStage(rules: readonly SastRule[], store: ReadonlyMap<string, StoredModule>, problems: Problem[]): Finding[] {
  const taint = rules.filter((rule): rule is TaintRule => rule.mode === 'taint');
  if (taint.length === 0 || store.size === 0) return [];
  const resolver = defaultResolver(store.keys());
  const graph = importGraph(store, resolver);
  const texts = new Map([...store].map(([path, stored]) => [path, stored.text]));
  const findings: Finding[] = [];
  for (const rule of taint) {
    const paths = modulesForRule(rule, store, graph);
    if (!paths) continue;
    const modules: Module[] = [];
    for (const path of paths) {
      const module = materialize(store.get(path) as StoredModule);
      if (module) modules.push(module);
    }
    for (const match of safely(() => runTaint(rule, modules, texts, { resolver }), rule, undefined, problems)) {
      const stored = store.get(match.path);
      const module = stored?.module;
      if (!stored || !module || isSuppressed(stored.text, match.span.startLine, rule.id)) continue;
      findings.push(toFinding(rule, match, module, stored.text));
    }
  }
  return findings;
}
