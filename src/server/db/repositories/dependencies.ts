import { sql } from 'kysely';
import type { Package } from '../../../core/inventory.js';
import { jsonBatches } from './json-batches.js';
import type { Db } from './users.js';

/**
 * Store a default-branch pipeline's packages as the project's dependency list. Rows of older
 * pipelines go; if a newer pipeline already wrote the list, this older one changes nothing.
 * Returns the number of packages stored.
 */
export async function replaceDependencies(
  db: Db,
  scope: { readonly projectId: number; readonly pipelineId: number; readonly scanId: number; readonly packageManager: string | null },
  packages: readonly Package[],
): Promise<number> {
  const newer = await db
    .selectFrom('dependencies')
    .select('id')
    .where('project_id', '=', scope.projectId)
    .where('pipeline_id', '>', scope.pipelineId)
    .limit(1)
    .executeTakeFirst();
  if (newer !== undefined) return 0;
  await db.deleteFrom('dependencies').where('project_id', '=', scope.projectId).where('pipeline_id', '<', scope.pipelineId).execute();
  const rows = packages.map((p) => ({
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    purl: p.purl,
    is_direct: p.direct ?? null,
    is_dev: p.dev === true,
    licenses: p.licenses ?? [],
    locations: p.locations,
    dependency_path: p.path ?? null,
    depends_on: p.dependsOn,
  }));
  for (const batch of jsonBatches(rows, 5000)) {
    await sql`
      insert into dependencies (project_id, pipeline_id, scan_id, ecosystem, name, version, purl, package_manager,
        is_direct, is_dev, licenses, locations, dependency_path, depends_on)
      select ${scope.projectId}, ${scope.pipelineId}, ${scope.scanId}, r.ecosystem, r.name, r.version, r.purl, ${scope.packageManager},
        r.is_direct, coalesce(r.is_dev, false), array(select jsonb_array_elements_text(r.licenses)), coalesce(r.locations, '[]'::jsonb),
        r.dependency_path, array(select jsonb_array_elements_text(r.depends_on))
      from jsonb_to_recordset(${batch}::jsonb) as r(ecosystem text, name text, version text, purl text, is_direct boolean,
        is_dev boolean, licenses jsonb, locations jsonb, dependency_path jsonb, depends_on jsonb)`.execute(db);
  }
  return rows.length;
}
