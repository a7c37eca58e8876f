import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { compileSecretMatcher } from './engine/scan-text.js';
import type { SecretRule } from './rule.js';

const DIR = fileURLToPath(new URL('./rules/', import.meta.url));

async function allRules(): Promise<SecretRule[]> {
  const rules: SecretRule[] = [];
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && !n.endsWith('.test.ts'))) {
    try {
      const mod = (await import(`./rules/${name.slice(0, -3)}.ts`)) as Record<string, readonly SecretRule[]>;
      for (const [k, v] of Object.entries(mod)) if (k.endsWith('Rules')) rules.push(...v);
    } catch (e) {
      console.error('skip', name, String(e).slice(0, 100));
    }
  }
  return rules;
}

function scan(text: string, rules: SecretRule[]): string[] {
  const matcher = compileSecretMatcher(rules);
  const out: string[] = [];
  for (const hit of matcher.find(Buffer.from(text, 'latin1'), text)) {
    const line = text.slice(0, hit.secretStart).split('\n').length;
    out.push(`${line}\t${hit.rule.meta.id}\t${JSON.stringify(hit.secret.slice(0, 6))}`);
  }
  return out;
}

it('debug dump', async () => {
  const rules = await allRules();
  const file = process.env.FILE;
  if (file) {
    writeFileSync('/tmp/gen/debug.out', scan(readFileSync(file, 'latin1'), rules).join('\n') + '\n');
    return;
  }
  // Cross-check every fixture against every rule: report findings on lines not annotated ruleid.
  const report: string[] = [];
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.fixture.txt'))) {
    const text = readFileSync(DIR + name, 'latin1');
    const lines = text.split('\n');
    const expected = new Set<string>();
    lines.forEach((line, i) => {
      const m = /\bruleid:\s*([\w.-]+)/.exec(line);
      if (m && /^\s*(#|\/\/|<!--|;|--)/.test(line)) {
        let j = i + 1;
        while (j < lines.length && /\b(ruleid|ok):/.test(lines[j] ?? '') && /^\s*(#|\/\/|<!--|;|--)/.test(lines[j] ?? '')) j++;
        expected.add(`${j + 1}\t${m[1]}`);
      }
    });
    for (const f of scan(text, rules)) {
      const key = f.split('\t').slice(0, 2).join('\t');
      if (!expected.has(key)) report.push(`${name}:${f}`);
    }
  }
  writeFileSync('/tmp/gen/debug.out', report.join('\n') + '\n');
});
