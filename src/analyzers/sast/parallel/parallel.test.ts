// The per-file stage on worker threads must give the same report as on the calling thread:
// search findings made on a worker, modules shipped back as JSON for taint flows that cross files.
// The worker script is bundled here the way the build bundles it (tests run from the sources,
// where there is none).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEntry } from '../../types.js';
import { createSastAnalyzer } from '../analyzer.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
// Under node_modules, so that the bundle finds web-tree-sitter and piscina as the built CLI does.
const WORK = join(REPO, 'node_modules', '.cache', `bulwark-sast-parallel-${process.pid}`);
const WORKER = join(WORK, 'sast-worker.js');
const PROJECT = join(WORK, 'project');

function entries(root: string, dir = root, out: FileEntry[] = []): FileEntry[] {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const stat = statSync(abs);
    if (stat.isDirectory()) entries(root, abs, out);
    else out.push({ path: relative(root, abs), absPath: abs, size: stat.size });
  }
  return out;
}

async function scan(threads: number): Promise<string[]> {
  const analyzer = createSastAnalyzer({ disabledRules: [], threads, workerFile: WORKER, poolMinBytes: 0 });
  const files = entries(PROJECT).filter((file) => analyzer.claims(file));
  const result = await analyzer.analyzeTree({
    root: PROJECT,
    files,
    readFile: (path) => readFileSync(join(PROJECT, path), 'utf8'),
    inventory: { packages: [], dependencyFiles: [] },
  });
  expect(result.problems.filter((p) => p.level !== 'info')).toEqual([]);
  return result.findings.map((f) => (f.location.kind === 'source' ? `${f.location.file}:${f.location.startLine} ${f.ruleId}` : f.ruleId)).sort();
}

describe('analyzers/sast/parallel', () => {
  beforeAll(async () => {
    mkdirSync(WORK, { recursive: true });
    await build({
      entryPoints: [join(REPO, 'src/analyzers/sast/parallel/sast-worker.ts')],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['piscina'],
      logLevel: 'error',
      banner: { js: "import { createRequire as __bulwarkCreateRequire } from 'node:module'; const require = __bulwarkCreateRequire(import.meta.url);" },
    });
    cpSync(join(REPO, 'test', 'fixtures', 'sast-project'), PROJECT, { recursive: true });
    // Modules spread over the threads, each with a flow from a Flask request to a shell command
    // through a helper in another module.
    writeFileSync(join(PROJECT, 'flask-app', 'shop', 'shell.py'), 'import os\n\n\ndef run(cmd):\n    os.system("nice " + cmd)\n');
    for (let i = 0; i < 40; i++) {
      const filler = Array.from({ length: 20 }, (_, j) => `def util_${i}_${j}(a, b):\n    return a * ${j} + b`).join('\n\n');
      const view = `\n\n@app.route("/job/${i}")\ndef job_${i}():\n    run("convert " + request.args["file"])\n`;
      writeFileSync(join(PROJECT, 'flask-app', 'shop', `jobs_${i}.py`), `from flask import Flask, request\n\nfrom shop.shell import run\n\napp = Flask(__name__)\n\n${filler}${view}`);
    }
  }, 120_000);

  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it('reports the same findings on worker threads as on this thread', async () => {
    const here = await scan(1);
    const threaded = await scan(3);
    expect(here.filter((f) => f.endsWith('python-command-injection'))).toEqual(['flask-app/shop/shell.py:5 python-command-injection']);
    expect(here).toContain('express-app/lib/diagnostics.js:7 js-command-injection');
    expect(here).toContain('flask-app/shop/views.py:18 python-sql-injection');
    expect(threaded).toEqual(here);
  }, 180_000);
});
