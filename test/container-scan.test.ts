// End to end: `bulwark scan --image` on images built here, matched against OSV records imported
// with `bulwark db import`. Expected matches, checked by hand against the records:
//
// Debian 12 root filesystem = this machine's own /etc/os-release and /var/lib/dpkg/status.
//   coreutils (source coreutils)          DEBIAN-CVE-2016-2781: introduced 0, no fix → affected
//   every package built from openssl      TEST-DEBIAN-OPENSSL-FUTURE: 3.0.0-1 ≤ v < 3.0.99-1~deb12u1 → affected
//                                         DSA-5532-1: fixed 3.0.11-1~deb12u2, bookworm ships 3.0.1x → not
//   TEST-DEBIAN-ELSEWHERE is for Debian:11 → never on Debian 12
//
// Alpine 3.11 docker archive, three layers (apk database, an app, a whiteout), real Alpine records
// of ../shared/advisories/alpine.osv.jsonl.gz:
//   libcrypto1.1, libssl1.1 1.1.1d-r2 (origin openssl)   ALPINE-CVE-2019-1551 fixed 1.1.1d-r3 → affected
//                                                        ALPINE-CVE-2019-1547/1549/1563 fixed 1.1.1d-r1 → not
//   musl 1.1.24-r0      ALPINE-CVE-2019-14697 fixed 1.1.23-r2 → not
//   busybox 1.31.1-r9   ALPINE-CVE-2019-5747 and -2018-20679 fixed 1.29.3-r10 → not
//   app/node_modules/lodash 4.17.15 (npm)   x_NSWG-ECO-516 fixed 4.17.19 → affected
//   app/node_modules/minimist, deleted by a whiteout in layer 3 → not in the image at all
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from './harness.js';
import { archiveOf, dockerArchiveFiles, makeLayer } from './container-images.js';
import { startTestRegistry } from './registry-server.js';
import { cyclonedxValidator, gitlabValidator, sarifValidator } from './schemas.js';

const ADVISORIES = join(REPO_ROOT, '..', 'shared', 'advisories');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'container');
const HOST_IS_DEBIAN_12 = existsSync('/var/lib/dpkg/status') && /^VERSION_ID="?12"?$/m.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');

interface ContainerVulnerability {
  identifiers: { type: string; value: string }[];
  severity: string;
  solution?: string;
  location: { image: string; operating_system: string; dependency: { package: { name: string }; version: string } };
}

function findingKeys(report: { vulnerabilities: ContainerVulnerability[] }): string[] {
  return report.vulnerabilities.map((v) => `${v.location.dependency.package.name}@${v.location.dependency.version} ${v.identifiers[0]!.value}`).sort();
}

/** Binary packages of the dpkg status built from `source`, by a plain stanza scan (not Bulwark's parser). */
function binariesOf(status: string, source: string): string[] {
  const names: string[] = [];
  for (const stanza of status.split(/\n\n+/)) {
    const field = (name: string): string | undefined => new RegExp(`^${name}: (.*)$`, 'm').exec(stanza)?.[1];
    if (!/ installed$/.test(field('Status') ?? '')) continue;
    const from = (field('Source') ?? field('Package') ?? '').split(' ')[0];
    if (from === source) names.push(`${field('Package')}@${field('Version')}`);
  }
  return names.sort();
}

describe('container scanning end to end', () => {
  const work = tempDir('bulwark-image-');
  const db = join(work.path, 'db');

  beforeAll(async () => {
    const run = await runCli(['db', 'import', join(FIXTURES, 'debian-12.osv.json'), join(ADVISORIES, 'alpine.osv.jsonl.gz'), join(ADVISORIES, 'npm.osv.jsonl.gz'), '--db', db]);
    expect(run.code, run.stderr).toBe(0);
  });
  afterAll(() => work.cleanup());

  it.skipIf(!HOST_IS_DEBIAN_12)('matches the packages of a real Debian 12 root filesystem by their source packages', async () => {
    const rootfs = join(work.path, 'debian-rootfs');
    mkdirSync(join(rootfs, 'etc'), { recursive: true });
    mkdirSync(join(rootfs, 'var', 'lib', 'dpkg'), { recursive: true });
    writeFileSync(join(rootfs, 'etc', 'os-release'), readFileSync('/etc/os-release'));
    const status = readFileSync('/var/lib/dpkg/status', 'utf8');
    writeFileSync(join(rootfs, 'var', 'lib', 'dpkg', 'status'), status);

    const out = join(work.path, 'debian-out');
    const run = await runCli(['scan', '--image', rootfs, '--db', db, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'gl-container-scanning-report.json'), 'utf8')) as { vulnerabilities: ContainerVulnerability[] };
    const validate = gitlabValidator('container-scanning-report-format.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

    const coreutils = binariesOf(status, 'coreutils');
    const openssl = binariesOf(status, 'openssl');
    expect(openssl.length).toBeGreaterThan(0);
    const expected = [...coreutils.map((p) => `${p} CVE-2016-2781`), ...openssl.map((p) => `${p} TEST-DEBIAN-OPENSSL-FUTURE`)].sort();
    expect(findingKeys(report)).toEqual(expected);

    const first = report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'CVE-2016-2781')!;
    expect(first.location.operating_system).toBe('debian 12');
    expect(first.identifiers.map((i) => i.value)).toContain('DEBIAN-CVE-2016-2781');
    // CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N scores 6.5.
    expect(first.severity).toBe('Medium');
    const future = report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'TEST-DEBIAN-OPENSSL-FUTURE')!;
    expect(future.solution).toMatch(/3\.0\.99-1~deb12u1/);

    const sbom = JSON.parse(readFileSync(join(out, 'gl-sbom.cdx.json'), 'utf8')) as { components: { purl: string }[] };
    expect(cyclonedxValidator()(sbom)).toBe(true);
    expect(sbom.components.some((c) => c.purl.startsWith('pkg:deb/debian/coreutils@'))).toBe(true);
    expect(sarifValidator()(JSON.parse(readFileSync(join(out, 'bulwark.sarif'), 'utf8')))).toBe(true);
  });

  it('reads a layered docker archive with whiteouts and matches OS and language packages', async () => {
    const installed = [
      ['musl', '1.1.24-r0', 'musl', 'MIT'],
      ['busybox', '1.31.1-r9', 'busybox', 'GPL-2.0-only'],
      ['libcrypto1.1', '1.1.1d-r2', 'openssl', 'OpenSSL'],
      ['libssl1.1', '1.1.1d-r2', 'openssl', 'OpenSSL'],
    ]
      .map(([name, version, origin, license]) => `C:Q1abc=\nP:${name}\nV:${version}\nA:x86_64\nL:${license}\no:${origin}\n`)
      .join('\n');
    const base = await makeLayer(
      [
        { name: 'etc/os-release', content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.11.3\nPRETTY_NAME="Alpine Linux v3.11"\n' },
        { name: 'lib/apk/db/installed', content: `${installed}\n` },
      ],
      { gzip: true },
    );
    const app = await makeLayer([
      { name: 'app/node_modules/lodash/package.json', content: JSON.stringify({ name: 'lodash', version: '4.17.15', license: 'MIT' }) },
      { name: 'app/node_modules/minimist/package.json', content: JSON.stringify({ name: 'minimist', version: '0.0.8', license: 'MIT' }) },
    ]);
    const cleanup = await makeLayer([{ name: 'app/node_modules/.wh.minimist', content: '' }]);
    // Layer 4 installs one more package: the database is rewritten, and only the new package was
    // introduced by this layer (zlib 1.2.11-r3: no Alpine 3.11 record in the snapshot).
    const addZlib = await makeLayer([{ name: 'lib/apk/db/installed', content: `${installed}\nC:Q1def=\nP:zlib\nV:1.2.11-r3\nA:x86_64\nL:Zlib\no:zlib\n\n` }]);
    const archive = join(work.path, 'alpine.tar');
    writeFileSync(archive, await archiveOf(dockerArchiveFiles([base, app, cleanup, addZlib])));

    const out = join(work.path, 'alpine-out');
    const run = await runCli(['scan', '--image', archive, '--db', db, '--out', out, '--fail-on', 'high']);
    const report = JSON.parse(readFileSync(join(out, 'gl-container-scanning-report.json'), 'utf8')) as { vulnerabilities: ContainerVulnerability[] };
    expect(gitlabValidator('container-scanning-report-format.json')(report)).toBe(true);
    expect(findingKeys(report)).toEqual([
      'libcrypto1.1@1.1.1d-r2 CVE-2019-1551',
      'libssl1.1@1.1.1d-r2 CVE-2019-1551',
      'lodash@4.17.15 x_NSWG-ECO-516',
    ]);
    expect(report.vulnerabilities[0]!.location.operating_system).toBe('alpine 3.11.3');
    // The openssl packages came with the base layer, though the database was rewritten later.
    const layerOf = (v: ContainerVulnerability): string | undefined => (v as { details?: { layer?: { value: string } } }).details?.layer?.value;
    expect(layerOf(report.vulnerabilities[0]!)).toBe(base.diffId);
    expect(layerOf(report.vulnerabilities[2]!)).toBe(app.diffId);
    expect(report.vulnerabilities[0]!.solution).toMatch(/1\.1\.1d-r3/);
    // No finding is high or above (the Alpine records carry no severity; ECO-516 is medium).
    expect(run.code).toBe(0);

    const sbom = JSON.parse(readFileSync(join(out, 'gl-sbom.cdx.json'), 'utf8')) as { components: { name: string }[] };
    expect(sbom.components.map((c) => c.name).sort()).toEqual(['busybox', 'libcrypto1.1', 'libssl1.1', 'lodash', 'musl', 'zlib']);
  });

  it('pulls an image from a registry with token auth and scans it', async () => {
    const layer = await makeLayer(
      [
        { name: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.11.6\nNAME="Alpine Linux"\n' },
        { name: 'lib/apk/db/installed', content: 'P:musl\nV:1.1.22-r3\nA:x86_64\nL:MIT\no:musl\n\n' },
      ],
      { gzip: true },
    );
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.diffId] } }));
    const digest = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest(config), size: config.length },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest(layer.bytes), size: layer.bytes.length }],
      }),
    );
    const registry = await startTestRegistry({
      repository: 'shop/api',
      manifests: new Map([['1.0', { mediaType: 'application/vnd.oci.image.manifest.v1+json', body: manifest }]]),
      blobs: new Map([
        [digest(config), config],
        [digest(layer.bytes), layer.bytes],
      ]),
      auth: { scheme: 'bearer', username: 'ci', password: 's3cret-pass' },
    });
    try {
      const image = `${registry.host}/shop/api:1.0`;
      const out = join(work.path, 'pulled-out');
      const denied = await runCli(['scan', '--image', image, '--db', db, '--out', out]);
      expect(denied.code).toBe(2);
      expect(denied.stderr).toMatch(new RegExp(registry.host.replace(/[.]/g, '\\.')));
      const run = await runCli(['scan', '--image', image, '--db', db, '--out', out], { env: { BULWARK_REGISTRY_USERNAME: 'ci', BULWARK_REGISTRY_PASSWORD: 's3cret-pass' } });
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'gl-container-scanning-report.json'), 'utf8')) as { vulnerabilities: ContainerVulnerability[] };
      // musl 1.1.22-r3 < 1.1.23-r2, the fix of ALPINE-CVE-2019-14697 for Alpine 3.11.
      expect(findingKeys(report)).toEqual(['musl@1.1.22-r3 CVE-2019-14697']);
      expect(report.vulnerabilities[0]!.location.image).toBe(image);
    } finally {
      await registry.close();
    }
  });

  it('refuses a file that is not an image with a clear message', async () => {
    const bogus = join(work.path, 'not-an-image.tar');
    writeFileSync(bogus, 'hello');
    const run = await runCli(['scan', '--image', bogus, '--db', db, '--out', join(work.path, 'bogus-out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not-an-image\.tar/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
