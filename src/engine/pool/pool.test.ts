import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from '../../../test/harness.js';

// A synthetic Stripe webhook secret from the rule's fixture (the line after its `ruleid:` marker).
const fixture = readFileSync(join(REPO_ROOT, 'src/analyzers/secrets/rules/stripe.fixture.txt'), 'utf8').split('\n');
const SECRET_LINE = fixture[fixture.indexOf('# ruleid: stripe-webhook-secret') + 1] as string;

// More files than the scheduler's threshold for starting worker threads (schedule.ts).
const FILES = 2600;
const PLANTED_EVERY = 97;

interface Report {
  vulnerabilities: { location: { file: string; start_line: number } }[];
}

describe('engine/pool', () => {
  const work = tempDir('bulwark-pool-');
  afterAll(() => work.cleanup());
  const tree = join(work.path, 'tree');
  let planted = 0;
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, `d${i % 13}`);
    mkdirSync(dir, { recursive: true });
    const lines = Array.from({ length: 20 + (i % 7) }, (_, k) => `const value${k} = compute(${i}, ${k}); // key token pass`);
    if (i % PLANTED_EVERY === 0) {
      lines.splice(i % lines.length, 0, SECRET_LINE);
      planted++;
    }
    writeFileSync(join(dir, `f${i}.js`), `${lines.join('\n')}\n`);
  }

  const scan = async (jobs: number): Promise<{ stdout: string; report: Report }> => {
    const out = join(work.path, `out-${jobs}`);
    const run = await runCli(['scan', tree, '--scanners', 'secrets', '--jobs', String(jobs), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return { stdout: run.stdout, report: JSON.parse(readFileSync(join(out, 'gl-secret-detection-report.json'), 'utf8')) as Report };
  };

  it('finds the same secrets with worker threads as on one thread, and every file is scanned once', async () => {
    const one = await scan(1);
    const threaded = await scan(3);
    expect(one.stdout).toMatch(`Scanned ${FILES} file(s)`);
    expect(threaded.stdout).toMatch(`Scanned ${FILES} file(s)`);
    expect(one.report.vulnerabilities).toHaveLength(planted);
    expect(threaded.report.vulnerabilities).toEqual(one.report.vulnerabilities);
  }, 120_000);
});
