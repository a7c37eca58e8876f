import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSecurityReport, type IngestedReport } from '../read/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

function read(name: string, text = fixture(name)): IngestedReport {
  const result = readSecurityReport(text, { fileName: name, maxBytes: 10_000_000 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value[0] as IngestedReport;
}

describe('formats/cyclonedx/reader', () => {
  it('reads a Syft 1.5 SBOM: purls, licenses, direct from the root, shortest paths despite a cycle', () => {
    const report = read('syft.cdx.json');
    expect(report).toMatchObject({ format: 'cyclonedx', schemaVersion: '1.5', reportType: 'dependency_scanning', findings: [] });
    expect(report.scanner).toEqual({ id: 'syft', name: 'syft', version: '0.104.0' });
    const byName = new Map(report.packages.map((p) => [p.name, p]));
    expect(byName.get('express')).toMatchObject({ ecosystem: 'npm', direct: true, licenses: ['MIT'], dependsOn: ['pkg:npm/body-parser@1.20.1'] });
    expect(byName.get('@types/qs')).toMatchObject({ direct: false, path: [{ name: 'express', version: '4.18.2' }, { name: 'body-parser', version: '1.20.1' }] });
    expect(byName.get('libc6')).toMatchObject({ ecosystem: 'Debian', licenses: ['GPL-2', 'LGPL-2.1'] });
  });

  it('reads a cdxgen 1.6 SBOM with GitLab properties: declaring file, development category, expressions', () => {
    const report = read('cdxgen-1.6.cdx.json');
    const byName = new Map(report.packages.map((p) => [p.name, p]));
    expect(byName.get('org.apache.logging.log4j:log4j-core')).toMatchObject({
      ecosystem: 'Maven',
      version: '2.14.1',
      direct: true,
      licenses: ['Apache-2.0'],
      locations: [{ file: 'pom.xml' }],
    });
    expect(byName.get('junit:junit')).toMatchObject({ dev: true, direct: true });
    expect(byName.get('org.apache.logging.log4j:log4j-api')).toMatchObject({ direct: false, via: { name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' } });
    expect(report.scanner.name).toBe('cdxgen');
  });

  it('refuses CycloneDX versions outside 1.4 – 1.6 and components that are not objects', () => {
    const old = readSecurityReport(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2', components: [] }), { maxBytes: 1e6 });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.error[0]).toMatchObject({ code: 'unsupported-version', message: 'specVersion: CycloneDX 1.2 is not supported: this server reads 1.4, 1.5 and 1.6' });
    const bad = readSecurityReport(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'a' }, 7] }), { maxBytes: 1e6 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error[0]?.message).toBe('components[1]: must be an object');
  });
});
