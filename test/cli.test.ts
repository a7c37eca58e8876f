import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './harness.js';
import { gitlabValidator, sarifValidator, schemaErrors } from './schemas.js';

const TOKEN = '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';

describe('cli scan', () => {
  let work: { path: string; cleanup: () => void };
  let src: string;
  let out: string;
  beforeEach(() => {
    work = tempDir();
    src = join(work.path, 'project');
    out = join(work.path, 'out');
    mkdirSync(join(src, 'config'), { recursive: true });
    writeFileSync(join(src, 'config', 'settings.py'), `DEBUG = False\nGITHUB_TOKEN = "${TOKEN}"\n`);
    writeFileSync(join(src, 'README.md'), '# demo\nSet GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx in your shell.\n');
  });
  afterEach(() => work.cleanup());

  const readJson = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(out, name), 'utf8')) as Record<string, unknown>;

  it('writes schema-valid GitLab and SARIF reports and prints a masked summary', async () => {
    const run = await runCli(['scan', src, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('config/settings.py:2');
    expect(run.stdout).toContain('critical 1');
    expect(run.stdout).not.toContain(TOKEN);
    const gitlab = readJson('gl-secret-detection-report.json');
    expect(schemaErrors(gitlabValidator('secret-detection-report-format.json'), gitlab)).toEqual([]);
    expect(gitlab['vulnerabilities']).toHaveLength(1);
    expect(schemaErrors(sarifValidator(), readJson('bulwark.sarif'))).toEqual([]);
  });

  it('exits 1 when a finding is at or above --fail-on, 0 when below', async () => {
    expect((await runCli(['scan', src, '--out', out, '--fail-on', 'high'])).code).toBe(1);
    expect((await runCli(['scan', src, '--out', out, '--fail-on', 'CRITICAL'])).code).toBe(1);
    writeFileSync(join(src, '.bulwark.yml'), 'rules:\n  severity:\n    github-pat: low\n');
    const run = await runCli(['scan', src, '--out', out, '--fail-on', 'medium']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LOW');
  });

  it('gives identical reports for identical input, apart from the scan times', async () => {
    await runCli(['scan', src, '--out', out]);
    const first = readFileSync(join(out, 'gl-secret-detection-report.json'), 'utf8').replace(/"(start|end)_time": "[^"]+"/g, '');
    await runCli(['scan', src, '--out', out, '--jobs', '1']);
    const second = readFileSync(join(out, 'gl-secret-detection-report.json'), 'utf8').replace(/"(start|end)_time": "[^"]+"/g, '');
    expect(second).toBe(first);
  });

  it.each([
    [['scan', '/nonexistent/path'], 'cannot read /nonexistent/path'],
    [['scan', '.', '--fail-on', 'severe'], '--fail-on must be one of'],
    [['scan', '.', '--scanners', 'secretz'], 'unknown scanner "secretz"'],
    [['scan', '.', '--scanners', 'container'], 'not available'],
    [['scan', '.', '--format', 'xml'], 'unknown format "xml"'],
    [['scan', '.', '--max-file-size', 'huge'], '--max-file-size'],
    [['scan', '.', '--jobs', '0'], '--jobs'],
    [['scan', '.', '--config', '/nonexistent.yml'], 'cannot read configuration'],
    [['scan', '.', '--baseline', '/nonexistent.json'], 'cannot read baseline'],
    [['scan', '.', '--since', 'HEAD~1'], '--since only applies with --history'],
    [['scan', '/', '--history'], 'is not a git repository (--history needs one)'],
    [['scan', '.', '--bogus'], "unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const argv = args[0] === 'scan' ? [...args.map((a) => (a === '.' ? src : a)), '--out', out] : args;
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the offending key of a bad .bulwark.yml', async () => {
    writeFileSync(join(src, '.bulwark.yml'), 'secrets:\n  allowlist:\n    pathz: [x]\n');
    const run = await runCli(['scan', src, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "secrets.allowlist.pathz"');
  });

  it('applies excludes, disabled rules, custom rules and allowlists from .bulwark.yml', async () => {
    writeFileSync(join(src, 'internal.txt'), 'key: acme_k3j9x2m8q7w4e6r1t5y0u2i8o3p9a7s4\n');
    mkdirSync(join(src, 'fixtures'));
    writeFileSync(join(src, 'fixtures', 'leak.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    writeFileSync(
      join(src, '.bulwark.yml'),
      [
        'exclude: ["fixtures/**"]',
        'rules:',
        '  disable: [github-pat, generic-token]',
        'secrets:',
        '  rules:',
        '    - id: acme-internal-token',
        '      pattern: "acme_[a-z0-9]{32}"',
        '      keywords: [acme_]',
      ].join('\n'),
    );
    await runCli(['scan', src, '--out', out]);
    const vulns = readJson('gl-secret-detection-report.json')['vulnerabilities'] as { identifiers: { value: string }[]; location: { file: string } }[];
    expect(vulns.map((v) => [v.identifiers[0]?.value, v.location.file])).toEqual([['acme-internal-token', 'internal.txt']]);
  });

  it('falls back to the generic token rule when only the provider rule is disabled', async () => {
    writeFileSync(join(src, '.bulwark.yml'), 'rules:\n  disable: [github-pat]\n');
    await runCli(['scan', src, '--out', out]);
    const vulns = readJson('gl-secret-detection-report.json')['vulnerabilities'] as { identifiers: { value: string }[] }[];
    expect(vulns.map((v) => v.identifiers[0]?.value)).toEqual(['generic-token']);
  });

  it('honours an inline bulwark:allow comment', async () => {
    writeFileSync(join(src, 'config', 'settings.py'), `GITHUB_TOKEN = "${TOKEN}"  # bulwark:allow test fixture\n`);
    await runCli(['scan', src, '--out', out]);
    expect(readJson('gl-secret-detection-report.json')['vulnerabilities']).toEqual([]);
  });

  it('reports only new secrets against a --baseline', async () => {
    await runCli(['scan', src, '--out', out]);
    const baseline = join(work.path, 'baseline.json');
    writeFileSync(baseline, readFileSync(join(out, 'gl-secret-detection-report.json')));
    writeFileSync(join(src, 'new.env'), 'GH_INSTALLATION_TOKEN=ghs_4BrMbTBIepkObfaVKVPK197yfBm7A431entV\n');
    const run = await runCli(['scan', src, '--out', out, '--baseline', baseline, '--fail-on', 'critical']);
    expect(run.code).toBe(1);
    const vulns = readJson('gl-secret-detection-report.json')['vulnerabilities'] as { location: { file: string } }[];
    expect(vulns.map((v) => v.location.file)).toEqual(['new.env']);
  });

  it('prints help and version with exit 0', async () => {
    const help = await runCli(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <severity>');
    expect((await runCli(['--version'])).code).toBe(0);
  });
});
