import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { DEFAULT_UUID_NAMESPACE, uuidV5 } from '../../core/identity/uuid.js';
import type { ScanReport } from '../../core/report.js';
import type { WriteOptions } from '../types.js';
import { compareText, componentProperties, GITLAB_PROPERTY, mergePackages, splitPackageName, type MergedPackage } from './components.js';
import type { CdxBom, CdxComponent, CdxDependency, CdxLicenses, CdxProperty, CdxScope } from './document.js';
import { licenseChoice } from './licenses.js';

const TOOL_NAME = 'Bulwark';

/** The scanned folder's own name; `.` and friends are resolved to the real folder first. */
export function projectName(target: string): string {
  const own = basename(target);
  const name = own === '' || own === '.' || own === '..' ? basename(resolve(target)) : own;
  return name === '' ? 'project' : name;
}

/**
 * A serial number that is a pure function of the report: the same scan always gets the same
 * one (byte-stable goldens), a different scan (other time, project or packages) another.
 */
export function sbomSerialNumber(report: ScanReport, purls: readonly string[], options: WriteOptions): string {
  const digest = createHash('sha256').update(purls.join('\n')).digest('hex');
  const name = ['cyclonedx', projectName(report.target), report.startedAt.toISOString(), String(options.projectId ?? ''), digest].join('\n');
  return `urn:uuid:${uuidV5(name, options.uuidNamespace ?? DEFAULT_UUID_NAMESPACE)}`;
}

function cdxLicenses(texts: readonly string[]): CdxLicenses | undefined {
  const choice = licenseChoice(texts);
  if (choice === null) return undefined;
  if (choice.kind === 'expression') return [{ expression: choice.expression }];
  return choice.licenses.map((entry) => (entry.kind === 'id' ? { license: { id: entry.id } } : { license: { name: entry.name } }));
}

function scopeOf(pkg: MergedPackage): CdxScope {
  // CycloneDX: `excluded` is for test and other non-runtime use, `optional` for code that may not
  // be installed at all; a development dependency is the former.
  return pkg.dev ? 'excluded' : 'required';
}

function libraryComponent(pkg: MergedPackage, packageManagers: ReadonlyMap<string, string>): CdxComponent {
  const { group, name } = splitPackageName(pkg.ecosystem, pkg.name);
  const licenses = cdxLicenses(pkg.licenses);
  const properties = componentProperties(pkg, packageManagers);
  return {
    type: 'library',
    'bom-ref': pkg.purl,
    ...(group === undefined ? {} : { group }),
    name,
    ...(pkg.version === '' ? {} : { version: pkg.version }),
    scope: scopeOf(pkg),
    ...(licenses === undefined ? {} : { licenses }),
    purl: pkg.purl,
    ...(properties.length === 0 ? {} : { properties }),
  };
}

function projectComponent(report: ScanReport): CdxComponent {
  const name = projectName(report.target);
  const licenses = cdxLicenses((report.inventory.projectLicenses ?? []).map((found) => found.license));
  // purls start with `pkg:`, so this reference cannot collide with a package's.
  return { type: 'application', 'bom-ref': `project:${name}`, name, ...(licenses === undefined ? {} : { licenses }) };
}

/** Metadata properties: the schema version GitLab needs, then every file read, path and package manager paired. */
function metadataProperties(report: ScanReport): CdxProperty[] {
  const out: CdxProperty[] = [{ name: GITLAB_PROPERTY.schemaVersion, value: '1' }];
  const files = [...report.inventory.dependencyFiles].sort((a, b) => compareText(a.path, b.path));
  for (const file of files) {
    out.push({ name: GITLAB_PROPERTY.inputFilePath, value: file.path });
    out.push({ name: GITLAB_PROPERTY.packageManagerName, value: file.packageManager });
  }
  return out;
}

function dependency(ref: string, targets: readonly string[]): CdxDependency {
  return targets.length === 0 ? { ref } : { ref, dependsOn: targets };
}

/**
 * The SBOM of a scan: components by purl, the dependency graph as plain references (a cycle is
 * just two entries naming each other), and the project as the metadata component depending on
 * the direct packages. Pure apart from resolving a target of `.` to its folder name.
 */
export function buildSbom(report: ScanReport, options: WriteOptions): CdxBom {
  const packages = mergePackages(report.inventory);
  const known = new Set(packages.map((pkg) => pkg.purl));
  const packageManagers = new Map(report.inventory.dependencyFiles.map((file) => [file.path, file.packageManager]));
  const project = projectComponent(report);
  const projectRef = project['bom-ref'] ?? '';
  // mergePackages sorts packages and their edges, so filtering keeps every list in purl order.
  const direct = packages.filter((pkg) => pkg.direct === true).map((pkg) => pkg.purl);
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: sbomSerialNumber(report, [...known], options),
    version: 1,
    metadata: {
      timestamp: report.finishedAt.toISOString(),
      tools: { components: [{ type: 'application', name: TOOL_NAME, version: options.toolVersion }] },
      component: project,
      properties: metadataProperties(report),
    },
    components: packages.map((pkg) => libraryComponent(pkg, packageManagers)),
    dependencies: [
      dependency(projectRef, direct),
      ...packages.map((pkg) => dependency(pkg.purl, pkg.dependsOn.filter((target) => known.has(target)))),
    ],
  };
}
