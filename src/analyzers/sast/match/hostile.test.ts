import { beforeAll, describe, expect, it } from 'vitest';
import { translateSnippet } from '../ir/translate/snippet.js';
import type { Formula, SearchRule } from '../rules/types.js';
import { matchRuleWith } from './engine.js';
import { loadLanguages, parseModule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python']);
});

function rule(source: string): SearchRule {
  return {
    id: 'h', languages: ['python'], message: 'm', severity: 'low', confidence: 'low', file: 'h.yaml', mode: 'search', formula: { kind: 'pattern', source } as Formula,
    metadata: { title: 't', category: 'security', cwe: [1], owasp: [], references: [] },
  };
}

describe('analyzers/sast/match: bounded cost on hostile input', () => {
  it('matches expression, statement and sequence patterns over a 50,000-line file in bounded time', () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `    v${i} = f${i % 7}(v${i > 0 ? i - 1 : 0})\n    if v${i}:\n        g(v${i}, x=${i})\n`).join('');
    const code = `def big(v0):\n${body}    return v0\n`;
    expect(code.split('\n').length).toBeGreaterThan(30_000);
    const module = parseModule('python', 'big.py', code);
    const patterns = ['g(..., x=1, ...)', '$X == $X', '$A = $F($B)\n...\ng($A, ...)', '$A = f1($B)\n...\nreturn $B', 'if $C:\n    ...'];
    const start = process.cpuUsage();
    const counts = patterns.map((p) => matchRuleWith(translateSnippet, rule(p), module, code).length);
    const used = process.cpuUsage(start);
    expect(counts[0]).toBe(1);
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBeGreaterThan(100);
    expect(counts[4]).toBe(10_000);
    // About 1 s on the reference machine (index included); the bound leaves room for a loaded CI runner.
    expect((used.user + used.system) / 1000).toBeLessThan(15_000);
  });
});
