import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, SeverityText } from '../../db/schema.js';

export interface DependencyFilter {
  readonly projectIds: readonly number[];
  /** Substring of the package name, case-insensitive (LIKE wildcards in it are literal). */
  readonly name?: string;
  /** One license id, case-insensitive exact match against each declared license. */
  readonly license?: string;
  /** OSV ecosystem, case-insensitive; `Debian` matches `Debian:12` too. */
  readonly ecosystem?: string;
  readonly hasVulnerabilities?: boolean;
}

export interface DependencyRow {
  readonly id: number;
  readonly projectId: number;
  readonly projectFullPath: string;
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly packageManager: string | null;
  readonly isDirect: boolean | null;
  readonly isDev: boolean;
  readonly licenses: string[];
  readonly deniedLicenses: string[];
  readonly locations: { file: string; line?: number }[];
  readonly dependencyPath: { name: string; version: string }[] | null;
  readonly dependsOn: string[];
  readonly vulnerabilities: Record<SeverityText, number> & { total: number };
}

const OPEN = sql`v.state in ('detected', 'confirmed')`;

/** `\`, `%` and `_` escaped so user text is matched literally by LIKE … ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereClause(filter: DependencyFilter): RawBuilder<unknown> {
  const parts = [sql`d.project_id = any(${[...filter.projectIds]}::bigint[])`];
  if (filter.name !== undefined) parts.push(sql`d.name ilike ${likeContains(filter.name)} escape '\\'`);
  if (filter.ecosystem !== undefined) parts.push(sql`lower(split_part(d.ecosystem, ':', 1)) = lower(${filter.ecosystem})`);
  if (filter.license !== undefined) parts.push(sql`exists (select 1 from unnest(d.licenses) l where lower(l) = lower(${filter.license}))`);
  const vulnerable = sql`exists (select 1 from vulnerabilities v where v.project_id = d.project_id and v.package_name = d.name and v.package_version = d.version and ${OPEN})`;
  if (filter.hasVulnerabilities === true) parts.push(vulnerable);
  if (filter.hasVulnerabilities === false) parts.push(sql`not ${vulnerable}`);
  return sql.join(parts, sql` and `);
}

interface RawDependency {
  id: number;
  project_id: number;
  full_path: string;
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  package_manager: string | null;
  is_direct: boolean | null;
  is_dev: boolean;
  licenses: string[];
  denied: string[] | null;
  locations: { file: string; line?: number }[];
  dependency_path: { name: string; version: string }[] | null;
  depends_on: string[];
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  unknown: number;
}

/**
 * Packages of the latest default-branch SBOMs of the projects, name order, with the open
 * vulnerabilities of each exact name and version and the licenses the project's policy denies.
 */
export async function listDependencies(db: Kysely<Database>, filter: DependencyFilter, limit: number, offset: number): Promise<{ items: DependencyRow[]; total: number }> {
  if (filter.projectIds.length === 0) return { items: [], total: 0 };
  const where = whereClause(filter);
  const counted = await sql<{ n: number }>`select count(*)::bigint as n from dependencies d where ${where}`.execute(db);
  const result = await sql<RawDependency>`
    select d.id, d.project_id, p.full_path, d.ecosystem, d.name, d.version, d.purl, d.package_manager, d.is_direct, d.is_dev,
           d.licenses, d.locations, d.dependency_path, d.depends_on,
           (select array_agg(l order by l) from unnest(d.licenses) l
             where exists (select 1 from unnest(pol.denied) x where lower(x) = lower(l))) as denied,
           coalesce(vc.critical, 0) as critical, coalesce(vc.high, 0) as high, coalesce(vc.medium, 0) as medium,
           coalesce(vc.low, 0) as low, coalesce(vc.info, 0) as info, coalesce(vc.unknown, 0) as unknown
    from dependencies d
    join projects p on p.id = d.project_id
    left join project_license_policies pol on pol.project_id = d.project_id
    left join lateral (
      select count(*) filter (where v.severity = 'critical')::int as critical, count(*) filter (where v.severity = 'high')::int as high,
             count(*) filter (where v.severity = 'medium')::int as medium, count(*) filter (where v.severity = 'low')::int as low,
             count(*) filter (where v.severity = 'info')::int as info, count(*) filter (where v.severity = 'unknown')::int as unknown
      from vulnerabilities v where v.project_id = d.project_id and v.package_name = d.name and v.package_version = d.version and ${OPEN}
    ) vc on true
    where ${where}
    order by d.name, d.version, p.full_path, d.id
    limit ${limit} offset ${offset}`.execute(db);
  const items = result.rows.map((row): DependencyRow => {
    const counts = { critical: row.critical, high: row.high, medium: row.medium, low: row.low, info: row.info, unknown: row.unknown };
    return {
      id: Number(row.id),
      projectId: Number(row.project_id),
      projectFullPath: row.full_path,
      ecosystem: row.ecosystem,
      name: row.name,
      version: row.version,
      purl: row.purl,
      packageManager: row.package_manager,
      isDirect: row.is_direct,
      isDev: row.is_dev,
      licenses: row.licenses,
      deniedLicenses: row.denied ?? [],
      locations: Array.isArray(row.locations) ? row.locations : [],
      dependencyPath: row.dependency_path,
      dependsOn: row.depends_on,
      vulnerabilities: { ...counts, total: Object.values(counts).reduce((a, b) => a + Number(b), 0) },
    };
  });
  return { items, total: Number(counted.rows[0]?.n ?? 0) };
}

export interface LicenseUse {
  /** The declared license; packages that declare none are counted under `unknown`. */
  readonly license: string;
  readonly packages: number;
  readonly projects: number;
  /** Denied by the license policy of at least one project that uses it. */
  readonly denied: boolean;
}

/** Licenses in use across the projects' dependency lists, most used first. */
export async function listLicenses(db: Kysely<Database>, projectIds: readonly number[]): Promise<LicenseUse[]> {
  if (projectIds.length === 0) return [];
  const result = await sql<{ license: string; packages: number; projects: number; denied: boolean }>`
    select l.license, count(*)::bigint as packages, count(distinct d.project_id)::bigint as projects,
           coalesce(bool_or(exists (select 1 from unnest(pol.denied) x where lower(x) = lower(l.license))), false) as denied
    from dependencies d
    cross join lateral unnest(case when cardinality(d.licenses) = 0 then array['unknown'] else d.licenses end) as l(license)
    left join project_license_policies pol on pol.project_id = d.project_id
    where d.project_id = any(${[...projectIds]}::bigint[])
    group by l.license
    order by packages desc, l.license`.execute(db);
  return result.rows.map((row) => ({ license: row.license, packages: Number(row.packages), projects: Number(row.projects), denied: row.denied }));
}

export async function readLicensePolicy(db: Kysely<Database>, projectId: number): Promise<string[]> {
  const row = await db.selectFrom('project_license_policies').select('denied').where('project_id', '=', projectId).executeTakeFirst();
  return row?.denied ?? [];
}

export async function writeLicensePolicy(db: Kysely<Database>, projectId: number, denied: readonly string[], userId: number): Promise<string[]> {
  const unique = [...new Map(denied.map((id) => [id.toLowerCase(), id.trim()])).values()].filter((id) => id !== '').sort();
  await db
    .insertInto('project_license_policies')
    .values({ project_id: projectId, denied: unique, updated_by: userId, updated_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column('project_id').doUpdateSet((eb) => ({ denied: eb.ref('excluded.denied'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .execute();
  return unique;
}
