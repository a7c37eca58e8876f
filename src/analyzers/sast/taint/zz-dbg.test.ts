import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { loadRules } from '../rules/loader.js';
import { loadLanguages, parseModule } from '../match/test-support.js';
import { compilePattern, matchFormula } from '../match/index.js';
import { runTaint } from './index.js';
it('dbg', async () => {
  await loadLanguages(['python']);
  const dir = 'src/analyzers/sast/rules/python/';
  const rules = loadRules(dir + 'python-trust-boundary-violation.yaml').rules;
  const code = readFileSync(dir + 'python-trust-boundary-violation.py', 'utf8');
  const m = parseModule('python', 'x.py', code);
  const rule = rules[0];
  if (!rule || rule.mode !== 'taint') return;
  for (const s of rule.taint.sinks) {
    const c = compilePattern('python', s.formula);
    if (!c.ok) { console.log('ERR', c.error); continue; }
    console.log('sinks', matchFormula(c.value, m, code).map((h) => h.span.startLine + ':' + code.slice(h.span.startByte, h.span.endByte)));
  }
  console.log(runTaint(rule, [m], new Map([['x.py', code]])).map((r) => r.span.startLine));
});
