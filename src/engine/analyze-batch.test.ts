import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import { analyzeBatch } from './analyze-batch.js';

const TOKENS = ['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', 'ghs_4BrMbTBIepkObfaVKVPK197yfBm7A431entV'];

describe('engine/analyze-batch', () => {
  it('finds the same secrets, at the same lines, in a file read in many small chunks as in one', async () => {
    const dir = tempDir();
    try {
      // Secrets every few hundred lines: many fall across chunk edges and inside the overlaps.
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) lines.push(i % 277 === 5 ? `token = "${TOKENS[i % 2] ?? ''}"` : `filler line ${i} ${'x'.repeat(i % 50)}`);
      const path = join(dir.path, 'big.txt');
      writeFileSync(path, lines.join('\n'));
      const run = async (chunkSize: number, overlap: number) => {
        const result = await analyzeBatch({
          files: [{ path: 'big.txt', absPath: path, size: -1 }],
          settings: { scanners: ['secrets'], secrets: {} },
          chunks: { chunkSize, overlap },
        });
        return result.findings.map((f) => `${f.ruleId}@${f.location.kind === 'source' ? `${f.location.startLine}:${f.location.startColumn}` : ''}`).sort();
      };
      const whole = await run(1 << 20, 4096);
      expect(whole).toHaveLength(lines.filter((line) => line.startsWith('token')).length);
      expect(await run(2048, 512)).toEqual(whole);
      expect(await run(4096, 1024)).toEqual(whole);
    } finally {
      dir.cleanup();
    }
  });
});
