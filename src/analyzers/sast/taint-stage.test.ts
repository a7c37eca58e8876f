import { describe, expect, it } from 'vitest';
import type { ModuleFacts } from './analyze-file.js';
import type { TaintRule } from './rules/types.js';
import { importGraph, modulesForRule, type StoredModule } from './taint-stage.js';
import { defaultResolver } from './taint/index.js';

const rule = { id: 'r', mode: 'taint', languages: ['python'] } as unknown as TaintRule;

function store(facts: Record<string, Partial<ModuleFacts>>): Map<string, StoredModule> {
  return new Map(
    Object.entries(facts).map(([path, f]) => [path, { text: '', facts: { path, language: 'python', sources: [], sinks: [], imports: [], ...f } }]),
  );
}

function graph(s: Map<string, StoredModule>): ReturnType<typeof importGraph> {
  return importGraph(s, defaultResolver(s.keys()));
}

describe('analyzers/sast/taint-stage: the modules a taint rule needs', () => {
  it('takes the callers of the module with the source and everything they import, nothing else', () => {
    const s = store({
      'app/views.py': { sources: ['r'], imports: ['app.helpers'] },
      'app/helpers.py': { imports: ['app.db'] },
      'app/db.py': { sinks: ['r'] },
      'app/routes.py': { imports: ['app.views', 'app.util'] },
      'app/util.py': {},
      'app/unrelated.py': { sinks: ['r'], imports: ['app.db'] },
    });
    expect(modulesForRule(rule, s, graph(s))).toEqual(['app/db.py', 'app/helpers.py', 'app/routes.py', 'app/util.py', 'app/views.py']);
  });

  it('skips a rule with no source anywhere, no sink anywhere, or no sink the sources can reach', () => {
    expect(modulesForRule(rule, store({ 'a.py': { sinks: ['r'] } }), graph(store({ 'a.py': {} })))).toBeUndefined();
    const noSink = store({ 'a.py': { sources: ['r'] } });
    expect(modulesForRule(rule, noSink, graph(noSink))).toBeUndefined();
    const apart = store({ 'a.py': { sources: ['r'] }, 'b.py': { sinks: ['r'] } });
    expect(modulesForRule(rule, apart, graph(apart))).toBeUndefined();
    const other = store({ 'a.py': { sources: ['other'], sinks: ['other'] } });
    expect(modulesForRule(rule, other, graph(other))).toBeUndefined();
  });
});
