import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/golden.js';
import { cyclonedxValidator, schemaErrors } from '../../../test/schemas.js';
import { EMPTY_INVENTORY, type Inventory, type Package } from '../../core/inventory.js';
import type { ScanReport } from '../../core/report.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { cyclonedxWriter, SBOM_FILE_NAME, writeSbom } from './writer.js';

const GOLDEN = fileURLToPath(new URL('../__golden__/gl-sbom.cdx.json', import.meta.url));
const MIXED = fileURLToPath(new URL('./__fixtures__/mixed-inventory.json', import.meta.url));
const OPTIONS = { toolVersion: '0.0.0-test' };

/** A scan report around an inventory, with fixed times so output is byte-stable. */
function sbomReport(inventory: Inventory, target = 'examples/acme-shop'): ScanReport {
  return {
    target,
    startedAt: new Date('2026-01-02T03:04:05.000Z'),
    finishedAt: new Date('2026-01-02T03:04:07.000Z'),
    runs: [],
    findings: [],
    inventory,
    stats: { filesScanned: 0, bytesScanned: 0, filesSkipped: 0 },
    problems: [],
  };
}

function mixedInventory(): Inventory {
  return JSON.parse(readFileSync(MIXED, 'utf8')) as Inventory;
}

interface Property {
  name: string;
  value: string;
}
interface Component {
  type: string;
  name: string;
  group?: string;
  version?: string;
  'bom-ref'?: string;
  purl?: string;
  scope?: string;
  licenses?: unknown[];
  properties?: Property[];
}
interface Bom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  version: number;
  metadata: { timestamp: string; tools: { components: Component[] }; component: Component; properties: Property[] };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

function parse(text: string): Bom {
  return JSON.parse(text) as Bom;
}

function component(bom: Bom, purl: string): Component {
  const found = bom.components.find((c) => c.purl === purl);
  if (!found) throw new Error(`no component ${purl}`);
  return found;
}

function dependsOn(bom: Bom, ref: string): string[] | undefined {
  const entry = bom.dependencies.find((d) => d.ref === ref);
  if (!entry) throw new Error(`no dependency entry for ${ref}`);
  return entry.dependsOn;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('formats/cyclonedx/writer', () => {
  it('names the SBOM for dependency scanning only', () => {
    expect(cyclonedxWriter.fileName('dependency_scanning')).toBe('gl-sbom.cdx.json');
    expect(cyclonedxWriter.fileName('secret_detection')).toBeNull();
  });

  it('writes a valid SBOM with only the project and the tool for an empty inventory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sbom-'));
    tempDirs.push(dir);
    const path = join(dir, SBOM_FILE_NAME);
    await writeFileAtomic(path, cyclonedxWriter.write(sbomReport(EMPTY_INVENTORY), 'dependency_scanning', OPTIONS));
    const bom = parse(readFileSync(path, 'utf8'));
    expect(schemaErrors(cyclonedxValidator(), bom)).toEqual([]);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 });
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.metadata.timestamp).toBe('2026-01-02T03:04:07.000Z');
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'Bulwark', version: '0.0.0-test' }]);
    expect(bom.metadata.component).toMatchObject({ type: 'application', name: 'acme-shop' });
    expect(bom.metadata.properties).toEqual([{ name: 'gitlab:meta:schema_version', value: '1' }]);
    expect(bom.components).toEqual([]);
    expect(bom.dependencies).toEqual([{ ref: bom.metadata.component['bom-ref'] }]);
  });

  it('describes a mixed inventory: names, groups, licenses, scopes, files and the graph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sbom-'));
    tempDirs.push(dir);
    const path = join(dir, SBOM_FILE_NAME);
    await writeFileAtomic(path, writeSbom(sbomReport(mixedInventory()), OPTIONS));
    const bom = parse(readFileSync(path, 'utf8'));
    expect(schemaErrors(cyclonedxValidator(), bom)).toEqual([]);

    // One component per distinct purl (ms appears in two lockfiles), sorted by purl.
    expect(bom.components.map((c) => c['bom-ref'])).toEqual([
      'pkg:composer/monolog/monolog@3.5.0',
      'pkg:golang/github.com/gorilla/mux@v1.8.1',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1',
      'pkg:npm/%40babel/core@7.24.0',
      'pkg:npm/cycle-a@1.0.0',
      'pkg:npm/cycle-b@1.0.0',
      'pkg:npm/debug@4.3.4',
      'pkg:npm/express@4.19.2',
      'pkg:npm/ms@2.1.2',
      'pkg:pypi/acme-internal@1.0.0',
      'pkg:pypi/cryptography@42.0.5',
    ]);
    for (const c of bom.components) expect(c.purl).toBe(c['bom-ref']);
    for (const c of bom.components) expect(c.type).toBe('library');

    expect(component(bom, 'pkg:npm/%40babel/core@7.24.0')).toMatchObject({ group: '@babel', name: 'core', version: '7.24.0', scope: 'excluded' });
    expect(component(bom, 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1')).toMatchObject({ group: 'org.apache.logging.log4j', name: 'log4j-core' });
    expect(component(bom, 'pkg:composer/monolog/monolog@3.5.0')).toMatchObject({ group: 'monolog', name: 'monolog', scope: 'required' });
    const mux = component(bom, 'pkg:golang/github.com/gorilla/mux@v1.8.1');
    expect(mux.name).toBe('github.com/gorilla/mux');
    expect(mux.group).toBeUndefined();
    // Not marked as development, so a runtime package.
    expect(mux.scope).toBe('required');

    // The three license shapes, and the two ways several declarations combine.
    expect(component(bom, 'pkg:npm/express@4.19.2').licenses).toEqual([{ license: { id: 'MIT' } }]);
    expect(component(bom, 'pkg:pypi/cryptography@42.0.5').licenses).toEqual([{ expression: 'Apache-2.0 OR BSD-3-Clause' }]);
    expect(component(bom, 'pkg:pypi/acme-internal@1.0.0').licenses).toEqual([{ license: { name: 'Proprietary; all rights reserved' } }]);
    expect(component(bom, 'pkg:npm/cycle-a@1.0.0').licenses).toEqual([{ license: { id: 'MIT' } }, { license: { name: 'See LICENSE in the repository' } }]);
    expect(component(bom, 'pkg:npm/cycle-b@1.0.0').licenses).toEqual([{ expression: 'MIT AND (Apache-2.0 OR MIT)' }]);
    expect(bom.metadata.component.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);

    // ms is runtime in package-lock.json and development-only in tools/: runtime wins.
    const ms = component(bom, 'pkg:npm/ms@2.1.2');
    expect(ms.scope).toBe('required');
    const msProps = ms.properties ?? [];
    expect(msProps.filter((p) => p.name === 'gitlab:dependency_scanning:input_file:path').map((p) => p.value)).toEqual(['package-lock.json', 'tools/package-lock.json']);
    expect(msProps.filter((p) => p.name === 'bulwark:location').map((p) => p.value)).toEqual(['package-lock.json:80', 'tools/package-lock.json:9']);
    expect(msProps).toContainEqual({ name: 'bulwark:dependency_path', value: 'express@4.19.2 > debug@4.3.4 > ms@2.1.2' });
    expect(component(bom, 'pkg:npm/%40babel/core@7.24.0').properties).toContainEqual({ name: 'gitlab:dependency_scanning:category', value: 'development' });
    expect(component(bom, 'pkg:npm/debug@4.3.4').properties).toContainEqual({ name: 'bulwark:direct', value: 'false' });

    // Every file read is listed in metadata with its package manager.
    const metaProps = bom.metadata.properties;
    expect(metaProps[0]).toEqual({ name: 'gitlab:meta:schema_version', value: '1' });
    expect(metaProps.filter((p) => p.name === 'gitlab:dependency_scanning:input_file:path').map((p) => p.value)).toEqual([
      'composer.lock',
      'go.mod',
      'package-lock.json',
      'pom.xml',
      'requirements.txt',
      'tools/package-lock.json',
    ]);
    expect(metaProps).toContainEqual({ name: 'gitlab:dependency_scanning:package_manager:name', value: 'maven' });

    // The graph: an entry for every component plus the project; the cycle is two plain entries;
    // an edge to a purl that is not a component is left out.
    expect(bom.dependencies).toHaveLength(bom.components.length + 1);
    expect(dependsOn(bom, 'pkg:npm/cycle-a@1.0.0')).toEqual(['pkg:npm/cycle-b@1.0.0']);
    expect(dependsOn(bom, 'pkg:npm/cycle-b@1.0.0')).toEqual(['pkg:npm/cycle-a@1.0.0']);
    expect(dependsOn(bom, 'pkg:npm/express@4.19.2')).toEqual(['pkg:npm/debug@4.3.4']);
    expect(dependsOn(bom, 'pkg:npm/ms@2.1.2')).toBeUndefined();
    const project = bom.metadata.component['bom-ref'] ?? '';
    expect(dependsOn(bom, project)).toEqual([
      'pkg:composer/monolog/monolog@3.5.0',
      'pkg:golang/github.com/gorilla/mux@v1.8.1',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1',
      'pkg:npm/%40babel/core@7.24.0',
      'pkg:npm/cycle-a@1.0.0',
      'pkg:npm/express@4.19.2',
      'pkg:npm/ms@2.1.2',
      'pkg:pypi/acme-internal@1.0.0',
      'pkg:pypi/cryptography@42.0.5',
    ]);
  });

  it('matches the golden file for the sample inventory', () => {
    expectGolden(GOLDEN, writeSbom(sbomReport(mixedInventory()), OPTIONS));
  });

  it('is byte-stable for the same scan and gets a new serial number for another scan', () => {
    const first = writeSbom(sbomReport(mixedInventory()), OPTIONS);
    const shuffled = { ...mixedInventory(), packages: [...mixedInventory().packages].reverse() };
    expect(writeSbom(sbomReport(shuffled), OPTIONS)).toBe(first);
    const later = { ...sbomReport(mixedInventory()), startedAt: new Date('2026-01-03T00:00:00.000Z') };
    expect(parse(writeSbom(later, OPTIONS)).serialNumber).not.toBe(parse(first).serialNumber);
  });

  it('names the project after the scanned folder, also when scanned as "."', () => {
    expect(parse(writeSbom(sbomReport(EMPTY_INVENTORY, '/srv/repos/payments/'), OPTIONS)).metadata.component.name).toBe('payments');
    const here = parse(writeSbom(sbomReport(EMPTY_INVENTORY, '.'), OPTIONS)).metadata.component.name;
    expect(here).toBe(process.cwd().split('/').pop());
  });

  it('serialises 10,000 components quickly', () => {
    const licenses = [['MIT'], ['Apache-2.0 OR MIT'], ['BSD-3-Clause', 'ISC'], ['Some custom licence']];
    const packages: Package[] = Array.from({ length: 10_000 }, (_, i) => ({
      ecosystem: 'npm',
      name: `pkg-${i}`,
      version: '1.0.0',
      purl: `pkg:npm/pkg-${i}@1.0.0`,
      direct: i < 50,
      dev: i % 7 === 0,
      licenses: licenses[i % licenses.length] ?? [],
      locations: [{ file: 'package-lock.json', line: i + 1 }],
      // Two edges each, wrapping round, so the graph is full of cycles.
      dependsOn: [`pkg:npm/pkg-${(i + 1) % 10_000}@1.0.0`, `pkg:npm/pkg-${(i * 7) % 10_000}@1.0.0`],
    }));
    const report = sbomReport({ packages, dependencyFiles: [{ path: 'package-lock.json', packageManager: 'npm', packages: packages.map((p) => p.purl) }] });
    const started = performance.now();
    const text = writeSbom(report, OPTIONS);
    const elapsed = performance.now() - started;
    console.log(`CycloneDX SBOM of 10,000 components: ${elapsed.toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} MB`);
    const bom = parse(text);
    expect(bom.components).toHaveLength(10_000);
    expect(bom.dependencies).toHaveLength(10_001);
    expect(elapsed).toBeLessThan(5000);
  });
});
