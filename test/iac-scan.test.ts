// End to end: `bulwark scan --scanners iac` on a small project written in the style of public
// vulnerable-by-design repositories (test/fixtures/iac-project/vulnerable) and on its hardened
// twin. Every misconfiguration planted in the vulnerable files must be found at its line, and
// nothing reported on the hardened files.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './harness.js';
import { gitlabValidator, sarifValidator } from './schemas.js';

const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'iac-project');

/** What was planted, file:line rule — read off the fixture files by hand. */
const PLANTED = [
  'k8s/payments.yaml:14 k8s-host-network',
  'k8s/payments.yaml:17 k8s-image-latest-tag',
  'k8s/payments.yaml:19 k8s-privileged-container',
  'k8s/payments.yaml:21 k8s-dangerous-capability-added',
  'k8s/payments.yaml:24 k8s-secret-in-env-value',
  'k8s/payments.yaml:31 k8s-container-runtime-socket',
  'k8s/payments.yaml:38 k8s-rbac-wildcard',
  'Dockerfile:1 dockerfile-image-latest-tag',
  'Dockerfile:1 dockerfile-runs-as-root',
  'Dockerfile:2 dockerfile-add-from-url',
  'Dockerfile:3 dockerfile-curl-pipe-shell',
  'Dockerfile:4 dockerfile-secret-in-env',
  'docker-compose.yml:4 compose-privileged',
  'docker-compose.yml:6 compose-docker-socket-mount',
  'docker-compose.yml:8 compose-secret-in-environment',
  'docker-compose.yml:10 compose-image-latest-tag',
  'docker-compose.yml:12 compose-database-port-public',
  '.github/workflows/triage.yml:6 gha-permissions-write-all',
  '.github/workflows/triage.yml:13 gha-pull-request-target-checkout',
  '.github/workflows/triage.yml:14 gha-unpinned-action',
  '.github/workflows/triage.yml:15 gha-script-injection',
  '.github/workflows/triage.yml:16 gha-secret-echoed',
  '.gitlab-ci.yml:2 gitlab-ci-secret-in-variables',
  '.gitlab-ci.yml:4 gitlab-ci-image-latest',
  '.gitlab-ci.yml:6 gitlab-ci-curl-pipe-shell',
  'cloudformation/storage.yaml:5 cfn-s3-bucket-unencrypted',
  'cloudformation/storage.yaml:5 cfn-s3-public-access-block',
  'cloudformation/storage.yaml:7 cfn-s3-public-write-acl',
  'cloudformation/storage.yaml:16 cfn-sg-admin-port-open',
  'cloudformation/storage.yaml:18 cfn-rds-storage-unencrypted',
  'cloudformation/storage.yaml:25 cfn-rds-publicly-accessible',
  'cloudformation/storage.yaml:33 cfn-iam-wildcard-action',
  'terraform/main.tf:7 tf-s3-public-read-acl',
  'terraform/main.tf:16 tf-sg-admin-port-open',
  'terraform/main.tf:20 tf-rds-storage-unencrypted',
  'terraform/main.tf:24 tf-rds-publicly-accessible',
  'terraform/main.tf:27 tf-instance-imdsv1',
  'terraform/main.tf:33 tf-module-source-unpinned',
];

interface SastVulnerability {
  identifiers: { type: string; value: string }[];
  severity: string;
  location: { file: string; start_line: number };
}

function found(out: string): string[] {
  const report = JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as { vulnerabilities: SastVulnerability[] };
  return report.vulnerabilities.map((v) => `${v.location.file}:${v.location.start_line} ${v.identifiers[0]!.value}`);
}

describe('IaC scanning end to end', () => {
  const work = tempDir('bulwark-iac-');
  afterAll(() => work.cleanup());

  it('finds every planted misconfiguration, in a valid SAST report and SARIF', async () => {
    const out = join(work.path, 'vulnerable');
    const run = await runCli(['scan', join(PROJECT, 'vulnerable'), '--scanners', 'iac', '--out', out, '--fail-on', 'critical']);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as object;
    const validate = gitlabValidator('sast-report-format.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(sarifValidator()(JSON.parse(readFileSync(join(out, 'bulwark.sarif'), 'utf8')))).toBe(true);
    const findings = found(out);
    for (const planted of PLANTED) expect(findings).toContain(planted);
    expect(run.stdout).not.toMatch(/warning/);
  });

  it('reports nothing on the hardened variant', async () => {
    const out = join(work.path, 'hardened');
    const run = await runCli(['scan', join(PROJECT, 'hardened'), '--scanners', 'iac', '--out', out]);
    expect(run.code).toBe(0);
    expect(found(out)).toEqual([]);
    expect(run.stdout).not.toMatch(/warning/);
  });

  it('honours bulwark:ignore comments, disabled rules and severity overrides from .bulwark.yml', async () => {
    const project = join(work.path, 'configured');
    cpSync(join(PROJECT, 'vulnerable'), project, { recursive: true });
    const compose = join(project, 'docker-compose.yml');
    writeFileSync(compose, readFileSync(compose, 'utf8').replace('    privileged: true', '    # bulwark:ignore compose-privileged needed for the e2e harness\n    privileged: true'));
    writeFileSync(join(project, '.bulwark.yml'), 'version: 1\nrules:\n  disable: [gitlab-ci-image-latest]\n  severity:\n    dockerfile-add-from-url: critical\n');
    const out = join(work.path, 'configured-out');
    expect((await runCli(['scan', project, '--scanners', 'iac', '--out', out])).code).toBe(0);
    const findings = found(out);
    expect(findings.some((f) => f.endsWith(' compose-privileged'))).toBe(false);
    expect(findings.some((f) => f.endsWith(' gitlab-ci-image-latest'))).toBe(false);
    expect(findings).toContain('docker-compose.yml:7 compose-docker-socket-mount');
    const report = JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as { vulnerabilities: SastVulnerability[] };
    expect(report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'dockerfile-add-from-url')?.severity).toBe('Critical');
  });

  it('goes on past malformed YAML and an alias bomb, naming the files', async () => {
    const project = join(work.path, 'broken');
    cpSync(join(PROJECT, 'vulnerable'), project, { recursive: true });
    writeFileSync(join(project, 'k8s', 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n');
    let bomb = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: bomb }\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0, previous = 'a'; i < 9; previous = `b${i}`, i++) bomb += `b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    writeFileSync(join(project, 'k8s', 'bomb.yaml'), bomb);
    const out = join(work.path, 'broken-out');
    const run = await runCli(['scan', project, '--scanners', 'iac', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/broken\.yaml:\d+: not valid YAML/);
    expect(run.stdout).toMatch(/bomb\.yaml: .*alias/i);
    expect(found(out)).toContain('Dockerfile:3 dockerfile-curl-pipe-shell');
  });
});
