import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { splitChunks } from '../../engine/chunks.js';
import { createSecretsAnalyzer } from './analyzer.js';
import type { SecretRule } from './rule.js';
import { SECRET_RULES } from './rules/index.js';

it('debug dump', async () => {
  const families = (process.env.FAMS ?? '').split(',').filter(Boolean);
  const rules: SecretRule[] = [...SECRET_RULES];
  for (const f of families) {
    const mod = (await import(`./rules/${f}.ts`)) as Record<string, readonly SecretRule[]>;
    for (const [k, v] of Object.entries(mod)) if (k.endsWith('Rules')) rules.push(...v);
  }
  const file = process.env.FILE as string;
  const text = readFileSync(file, 'latin1');
  const { analyzer } = createSecretsAnalyzer({}, rules);
  const out: string[] = [];
  for (const chunk of splitChunks(Buffer.from(text, 'latin1'))) {
    for (const f of analyzer.analyzeChunk({ path: 'x', absPath: '/x', size: text.length }, chunk).findings) {
      if (f.location.kind === 'source') out.push(`${f.location.startLine}\t${f.ruleId}\t${JSON.stringify(f.evidence.maskedSecret)}\t${f.evidence.entropy}`);
    }
  }
  writeFileSync('/tmp/gen/debug.out', out.join('\n') + '\n');
});
