import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CdxBom, CdxComponent, CdxDependency, CdxLicenses, CdxProperty } from '../../../formats/cyclonedx/document.js';
import { GITLAB_PROPERTY, BULWARK_PROPERTY } from '../../../formats/cyclonedx/components.js';
import { licenseChoice } from '../../../formats/cyclonedx/licenses.js';
import type { Database, Project } from '../../db/schema.js';
import { SERVER_VERSION } from '../../version.js';

/** Largest dependency list exported in one document; a project past it is cut with a property saying so. */
export const MAX_SBOM_COMPONENTS = 100_000;

interface SbomRow {
  name: string;
  version: string;
  purl: string;
  package_manager: string | null;
  is_direct: boolean | null;
  is_dev: boolean;
  licenses: string[];
  locations: { file: string; line?: number }[];
  depends_on: string[];
}

function cdxLicenses(texts: readonly string[]): CdxLicenses | undefined {
  const choice = licenseChoice(texts);
  if (choice === null) return undefined;
  if (choice.kind === 'expression') return [{ expression: choice.expression }];
  return choice.licenses.map((entry) => (entry.kind === 'id' ? { license: { id: entry.id } } : { license: { name: entry.name } }));
}

interface Merged {
  row: SbomRow;
  licenses: Set<string>;
  files: Set<string>;
  dependsOn: Set<string>;
  direct: boolean | null;
  dev: boolean;
}

/**
 * The project's dependency list as a CycloneDX 1.6 BOM: one component per purl (rows of the same
 * purl from several lockfiles are merged), the project as the metadata component depending on
 * its direct packages, and GitLab's property taxonomy for the files read.
 */
export async function projectSbom(db: Kysely<Database>, project: Project, now: Date): Promise<CdxBom> {
  const result = await sql<SbomRow>`
    select name, version, purl, package_manager, is_direct, is_dev, licenses, locations, depends_on
    from dependencies where project_id = ${project.id} order by purl, id limit ${MAX_SBOM_COMPONENTS + 1}`.execute(db);
  const truncated = result.rows.length > MAX_SBOM_COMPONENTS;
  const merged = new Map<string, Merged>();
  const inputFiles = new Map<string, string>();
  for (const row of result.rows.slice(0, MAX_SBOM_COMPONENTS)) {
    let entry = merged.get(row.purl);
    if (entry === undefined) {
      entry = { row, licenses: new Set(), files: new Set(), dependsOn: new Set(), direct: row.is_direct, dev: row.is_dev };
      merged.set(row.purl, entry);
    } else {
      if (row.is_direct === true || entry.direct === null) entry.direct = row.is_direct ?? entry.direct;
      // Development-only when every occurrence is.
      entry.dev = entry.dev && row.is_dev;
    }
    for (const license of row.licenses) entry.licenses.add(license);
    for (const target of row.depends_on) entry.dependsOn.add(target);
    for (const location of Array.isArray(row.locations) ? row.locations : []) {
      entry.files.add(location.file);
      if (!inputFiles.has(location.file)) inputFiles.set(location.file, row.package_manager ?? '');
    }
  }
  const components: CdxComponent[] = [];
  for (const [purl, entry] of merged) {
    const licenses = cdxLicenses([...entry.licenses].sort());
    const properties: CdxProperty[] = [
      ...(entry.direct === null ? [] : [{ name: BULWARK_PROPERTY.direct, value: String(entry.direct) }]),
      ...[...entry.files].sort().map((file) => ({ name: BULWARK_PROPERTY.location, value: file })),
    ];
    components.push({
      type: 'library',
      'bom-ref': purl,
      name: entry.row.name,
      ...(entry.row.version === '' ? {} : { version: entry.row.version }),
      scope: entry.dev ? 'excluded' : 'required',
      ...(licenses === undefined ? {} : { licenses }),
      purl,
      ...(properties.length === 0 ? {} : { properties }),
    });
  }
  const projectRef = `project:${project.full_path}`;
  const direct = [...merged].filter(([, e]) => e.direct === true).map(([purl]) => purl);
  const dependencies: CdxDependency[] = [
    direct.length === 0 ? { ref: projectRef } : { ref: projectRef, dependsOn: direct },
    ...[...merged].map(([purl, e]): CdxDependency => {
      const targets = [...e.dependsOn].filter((t) => merged.has(t) && t !== purl).sort();
      return targets.length === 0 ? { ref: purl } : { ref: purl, dependsOn: targets };
    }),
  ];
  const properties: CdxProperty[] = [{ name: GITLAB_PROPERTY.schemaVersion, value: '1' }];
  for (const [file, manager] of [...inputFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    properties.push({ name: GITLAB_PROPERTY.inputFilePath, value: file });
    if (manager !== '') properties.push({ name: GITLAB_PROPERTY.packageManagerName, value: manager });
  }
  if (truncated) properties.push({ name: 'bulwark:truncated', value: `only the first ${MAX_SBOM_COMPONENTS} packages are listed` });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: now.toISOString(),
      tools: { components: [{ type: 'application', name: 'Bulwark', version: SERVER_VERSION }] },
      component: { type: 'application', 'bom-ref': projectRef, name: project.full_path },
      properties,
    },
    components,
    dependencies,
  };
}
