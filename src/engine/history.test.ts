import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import { HistoryError, runHistoryScan } from './history.js';

const TOKEN = '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';
const OTHER = 'ghs_4BrMbTBIepkObfaVKVPK197yfBm7A431entV';
const settings = { scanners: ['secrets' as const], secrets: {} };

describe('engine/history', () => {
  const dir = tempDir('bulwark-history-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', dir.path, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z' },
    }).trim();
  const commit = (message: string, author: string): string => {
    git('add', '-A');
    git('-c', `user.name=${author}`, '-c', `user.email=${author.toLowerCase()}@example.com`, 'commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const shas: Record<string, string> = {};

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir.path, 'README.md'), 'hello\n');
    shas['init'] = commit('initial', 'Ann');
    mkdirSync(join(dir.path, 'src'));
    writeFileSync(join(dir.path, 'src', 'app.js'), `const a = 1;\nconst b = 2;\nconst token = '${TOKEN}';\n`);
    shas['leak'] = commit('add app with token', 'Bob');
    writeFileSync(join(dir.path, 'src', 'app.js'), `// moved down\nconst a = 1;\nconst b = 2;\nconst token = '${TOKEN}';\nconst c = 3;\n`);
    shas['edit'] = commit('edit around the token', 'Cid');
    writeFileSync(join(dir.path, 'src', 'app.js'), 'const a = 1;\n');
    shas['remove'] = commit('remove token', 'Bob');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir.path, 'deploy.sh'), `export GH_TOKEN=${OTHER}\n`);
    shas['branch'] = commit('leak on a branch', 'Dee');
    git('checkout', '-q', 'main');
    rmSync(join(dir.path, 'deploy.sh'), { force: true });
  });
  afterAll(() => dir.cleanup());

  it('reports a secret once, at the commit that introduced it, with author, date and message, on all refs', async () => {
    const report = await runHistoryScan({ root: dir.path, settings });
    const summary = report.findings.map((f) => (f.location.kind === 'source' ? [f.ruleId, f.location.file, f.location.startLine, f.location.commit?.sha, f.location.commit?.author, f.location.commit?.message] : []));
    expect(summary).toEqual([
      ['github-server-to-server-token', 'deploy.sh', 1, shas['branch'], 'Dee <dee@example.com>', 'leak on a branch'],
      ['github-pat', 'src/app.js', 3, shas['leak'], 'Bob <bob@example.com>', 'add app with token'],
    ]);
    const first = report.findings[1];
    expect(first?.location.kind === 'source' && first.location.commit?.date).toBe('2024-05-01T10:00:00+00:00');
  });

  it('limits the walk with --since a revision', async () => {
    const report = await runHistoryScan({ root: dir.path, settings, since: shas['leak'] as string });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['github-server-to-server-token']);
  });

  it('honours excludes', async () => {
    const report = await runHistoryScan({ root: dir.path, settings, exclude: ['src/**'] });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['github-server-to-server-token']);
  });

  it('refuses a folder that is not a repository', async () => {
    const plain = tempDir();
    try {
      await expect(runHistoryScan({ root: plain.path, settings })).rejects.toBeInstanceOf(HistoryError);
    } finally {
      plain.cleanup();
    }
  });
});
