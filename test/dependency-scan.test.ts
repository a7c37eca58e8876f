// End to end: `bulwark db import` of the real OSV snapshot, then `bulwark scan` of a project whose
// package-lock.json was made with `npm install --package-lock-only` (see
// test/fixtures/dependency-project). The expected findings were read off the advisories by hand:
//   lodash 4.17.15      x_NSWG-ECO-516  introduced 4.17.15, fixed 4.17.19
//   handlebars 4.5.3    x_NSWG-ECO-519  fixed 4.6.0
//   moment 2.11.1       x_NSWG-ECO-55 = CVE-2016-4055, fixed 2.11.2
//   marked 0.3.5        x_NSWG-ECO-101  last_affected 0.3.5 (ECO-22/23/24 end at 0.3.0–0.3.3: not it)
//   jsonwebtoken 4.2.1  x_NSWG-ECO-17   fixed 4.2.2 (a devDependency)
//   jws 2.0.0           x_NSWG-ECO-88 = CVE-2016-1000223, fixed 3.0.0 (through jsonwebtoken)
//   base64url 0.0.6 and 1.0.6   x_NSWG-ECO-428, last_affected 2.0.0 (through jsonwebtoken → jws)
//   Django 3.2.13       PYSEC-2022-213 = CVE-2022-34265 (fixed 3.2.14) and later ones; not
//                       CVE-2022-28346 (fixed 3.2.13, the installed version)
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './harness.js';
import { cyclonedxValidator, gitlabValidator, sarifValidator } from './schemas.js';

const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'dependency-project');
const ADVISORIES = join(REPO_ROOT, '..', 'shared', 'advisories');

interface GitlabVulnerability {
  identifiers: { type: string; value: string }[];
  severity: string;
  solution?: string;
  location: { file: string; dependency: { package: { name: string }; version: string; direct?: boolean; dependency_path?: { iid: number }[] } };
}

describe('dependency scanning end to end', () => {
  const work = tempDir('bulwark-deps-');
  const db = join(work.path, 'db');

  beforeAll(async () => {
    const run = await runCli(['db', 'import', join(ADVISORIES, 'npm.osv.jsonl.gz'), join(ADVISORIES, 'pypi.osv.jsonl.gz'), '--db', db]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
  });
  afterAll(() => work.cleanup());

  it('finds the vulnerable packages the advisories name, with fixes and paths, in valid reports', async () => {
    const out = join(work.path, 'out');
    const run = await runCli(['scan', PROJECT, '--out', out, '--db', db]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'gl-dependency-scanning-report.json'), 'utf8')) as {
      vulnerabilities: GitlabVulnerability[];
      dependency_files: { path: string; package_manager: string; dependencies: { package: { name: string }; version: string; iid: number }[] }[];
    };
    const validate = gitlabValidator('dependency-scanning-report-format.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

    const found = report.vulnerabilities.map((v) => `${v.location.dependency.package.name}@${v.location.dependency.version} ${v.identifiers[0]!.value}`);
    for (const expected of [
      'lodash@4.17.15 x_NSWG-ECO-516',
      'handlebars@4.5.3 x_NSWG-ECO-519',
      'moment@2.11.1 CVE-2016-4055',
      'marked@0.3.5 x_NSWG-ECO-101',
      'jsonwebtoken@4.2.1 x_NSWG-ECO-17',
      'jws@2.0.0 CVE-2016-1000223',
      'base64url@0.0.6 x_NSWG-ECO-428',
      'base64url@1.0.6 x_NSWG-ECO-428',
      'Django@3.2.13 CVE-2022-34265',
    ]) {
      expect(found).toContain(expected);
    }
    expect(found.filter((f) => f.startsWith('marked@'))).toEqual(['marked@0.3.5 x_NSWG-ECO-101']);
    expect(found).not.toContain('Django@3.2.13 CVE-2022-28346');

    const byKey = (key: string): GitlabVulnerability => report.vulnerabilities.find((v) => `${v.location.dependency.package.name}@${v.location.dependency.version} ${v.identifiers[0]!.value}` === key)!;
    // Aliases are merged into one finding that carries every id.
    expect(byKey('moment@2.11.1 CVE-2016-4055').identifiers.map((i) => i.value)).toContain('x_NSWG-ECO-55');
    expect(byKey('lodash@4.17.15 x_NSWG-ECO-516').solution).toMatch(/Upgrade lodash to 4\.17\.19/);
    expect(byKey('marked@0.3.5 x_NSWG-ECO-101').solution).toMatch(/after 0\.3\.5/);
    expect(byKey('Django@3.2.13 CVE-2022-34265').solution).toMatch(/Upgrade Django to 3\.2\.14/);
    // The CVSS 3.0 vector of ECO-516 (AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:L) scores 6.3: medium.
    expect(byKey('lodash@4.17.15 x_NSWG-ECO-516').severity).toBe('Medium');

    // A transitive package names the direct dependency to upgrade and its path.
    const jws = byKey('jws@2.0.0 CVE-2016-1000223');
    expect(jws.location.dependency.direct).toBe(false);
    expect(jws.solution).toMatch(/through jsonwebtoken 4\.2\.1/);
    const lock = report.dependency_files.find((f) => f.path === 'package-lock.json')!;
    expect(lock.package_manager).toBe('npm');
    const iidOf = (name: string): number => lock.dependencies.find((d) => d.package.name === name)!.iid;
    expect(jws.location.dependency.dependency_path).toEqual([{ iid: iidOf('jsonwebtoken') }]);
    expect(report.dependency_files.find((f) => f.path === 'requirements.txt')?.package_manager).toBe('pip');

    const sarif = JSON.parse(readFileSync(join(out, 'bulwark.sarif'), 'utf8')) as object;
    expect(sarifValidator()(sarif)).toBe(true);
    expect(run.stdout).toMatch(/lodash@4\.17\.15 → 4\.17\.19/);
    // requests>=2.0 cannot be checked: the user is told, not silently passed.
    expect(run.stdout).toMatch(/not pinned.*requests/);
  });

  it('writes a valid CycloneDX SBOM with licenses and the dependency graph', async () => {
    const out = join(work.path, 'sbom');
    expect((await runCli(['scan', PROJECT, '--out', out, '--db', db, '--quiet'])).code).toBe(0);
    const sbom = JSON.parse(readFileSync(join(out, 'gl-sbom.cdx.json'), 'utf8')) as {
      specVersion: string;
      components: { name: string; version: string; purl: string; scope?: string; licenses?: { license?: { id?: string } }[] }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    const validate = cyclonedxValidator();
    expect(validate(sbom), JSON.stringify(validate.errors)).toBe(true);
    expect(sbom.specVersion).toBe('1.6');
    const lodash = sbom.components.find((c) => c.name === 'lodash')!;
    expect(lodash.purl).toBe('pkg:npm/lodash@4.17.15');
    expect(lodash.licenses?.[0]?.license?.id).toBe('MIT');
    expect(sbom.components.find((c) => c.name === 'jsonwebtoken')?.scope).toBe('excluded');
    expect(sbom.dependencies.find((d) => d.ref === 'pkg:npm/jsonwebtoken@4.2.1')?.dependsOn).toContain('pkg:npm/jws@2.0.0');
  });

  it('reports a denied license as a finding and fails on it with --fail-on', async () => {
    const out = join(work.path, 'deny');
    const run = await runCli(['scan', PROJECT, '--out', out, '--db', db, '--scanners', 'licenses', '--licenses-deny', 'bsd-3-clause', '--fail-on', 'high']);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'gl-dependency-scanning-report.json'), 'utf8')) as { vulnerabilities: GitlabVulnerability[] };
    expect(gitlabValidator('dependency-scanning-report-format.json')(report)).toBe(true);
    // The lockfile gives two packages as BSD-3-Clause: buffer-equal-constant-time 1.0.1 and
    // source-map 0.6.1 (uglify-js, BSD-2-Clause, is not denied).
    expect(report.vulnerabilities.map((v) => `${v.location.dependency.package.name} ${v.identifiers[0]!.value}`).sort()).toEqual([
      'buffer-equal-constant-time BSD-3-Clause',
      'source-map BSD-3-Clause',
    ]);
  });

  it('refuses an unknown license id in the deny list, naming it', async () => {
    const run = await runCli(['scan', PROJECT, '--out', join(work.path, 'bad'), '--licenses-deny', 'GPLv3,NotALicense']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/NotALicense/);
  });

  it('without a database, says how to get one and still writes the SBOM', async () => {
    const out = join(work.path, 'nodb');
    const run = await runCli(['scan', PROJECT, '--out', out, '--db', join(work.path, 'missing')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no advisory database.*bulwark db (import|update)/);
    const sbom = JSON.parse(readFileSync(join(out, 'gl-sbom.cdx.json'), 'utf8')) as { components: unknown[] };
    expect(sbom.components.length).toBeGreaterThan(30);
  });

  it('warns when the database is older than the configured age', async () => {
    const stale = join(work.path, 'stale-db');
    cpSync(db, stale, { recursive: true });
    const manifestPath = join(stale, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { builtAt: string };
    manifest.builtAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const run = await runCli(['scan', PROJECT, '--out', join(work.path, 'stale-out'), '--db', stale]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/older than 7 days.*bulwark db update/);
  });

  it('goes on past a malformed lockfile, naming it', async () => {
    const project = join(work.path, 'broken');
    cpSync(PROJECT, project, { recursive: true });
    writeFileSync(join(project, 'package-lock.json'), '{ "lockfileVersion": 3, "packages": { ');
    const run = await runCli(['scan', project, '--out', join(work.path, 'broken-out'), '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/package-lock\.json.*(JSON|json)/);
    expect(run.stdout).toMatch(/Django@3\.2\.13/);
  });
});
