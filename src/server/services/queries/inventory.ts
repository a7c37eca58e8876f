import { sql, type Kysely } from 'kysely';
import type { Database, Project } from '../../db/schema.js';
import { KNOWN_REPORT_TYPES, type KnownReportType } from '../../schemas/inventory.js';
import type { ProjectScope } from './scope.js';

/** The settings key of the instance's required report types. */
export const REQUIRED_REPORT_TYPES_KEY = 'required_report_types';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Known types only, each once, in the canonical order (a stored value is not trusted blindly). */
export function canonicalReportTypes(values: readonly unknown[]): KnownReportType[] {
  return KNOWN_REPORT_TYPES.filter((t) => values.includes(t));
}

export async function readRequiredReportTypes(db: Kysely<Database>): Promise<{ requiredReportTypes: KnownReportType[]; updatedAt: string | null }> {
  const row = await db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', REQUIRED_REPORT_TYPES_KEY).executeTakeFirst();
  if (row === undefined) return { requiredReportTypes: [], updatedAt: null };
  return { requiredReportTypes: Array.isArray(row.value) ? canonicalReportTypes(row.value) : [], updatedAt: iso(row.updated_at) };
}

export async function writeRequiredReportTypes(db: Kysely<Database>, types: readonly KnownReportType[]): Promise<{ requiredReportTypes: KnownReportType[]; updatedAt: string | null }> {
  const value = canonicalReportTypes(types);
  const row = await sql<{ updated_at: Date }>`
    insert into settings (key, value, updated_at) values (${REQUIRED_REPORT_TYPES_KEY}, ${JSON.stringify(value)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
    returning updated_at`.execute(db);
  return { requiredReportTypes: value, updatedAt: iso(row.rows[0]?.updated_at ?? null) };
}

export interface ReportTypeConfiguration {
  reportType: KnownReportType;
  enabled: boolean;
  everRan: boolean;
  required: boolean;
  lastRunAt: string | null;
  lastPipelineId: number | null;
  lastStatus: 'success' | 'failure' | null;
  scanners: { id: string; name: string; version: string | null }[];
}

/**
 * A project's security configuration, from its default branch: per known report type whether one
 * of the latest `window` default-branch pipelines ran it, and the scanners and status of the last
 * pipeline that did (project_scan_coverage, migration 012).
 */
export async function securityConfiguration(db: Kysely<Database>, project: Project, window: number, required: readonly KnownReportType[]) {
  const recent = await db
    .selectFrom('pipelines')
    .select(['id', 'ref', 'sha', 'created_at'])
    .where('project_id', '=', project.id)
    .where('is_default_branch', '=', true)
    .orderBy('id', 'desc')
    .limit(window)
    .execute();
  const recentIds = recent.map((p) => p.id);
  const enabled = new Set(
    recentIds.length === 0
      ? []
      : (await db.selectFrom('scans').select('report_type').distinct().where('pipeline_id', 'in', recentIds).execute()).map((r) => r.report_type as string),
  );
  const coverage = await db.selectFrom('project_scan_coverage').selectAll().where('project_id', '=', project.id).execute();
  const lastOf = new Map(coverage.map((c) => [c.report_type as string, c]));
  const scans =
    coverage.length === 0
      ? []
      : await sql<{ report_type: string; scanner_id: string; scanner_name: string; scanner_version: string | null; failed: boolean }>`
          select s.report_type, s.scanner_id, min(s.scanner_name) as scanner_name, max(s.scanner_version) as scanner_version, bool_or(s.status = 'failure') as failed
          from scans s join project_scan_coverage c
            on c.project_id = s.project_id and c.report_type = s.report_type and c.last_pipeline_id = s.pipeline_id
          where c.project_id = ${project.id}
          group by s.report_type, s.scanner_id order by s.report_type, s.scanner_id`.execute(db).then((r) => r.rows);
  const reportTypes = KNOWN_REPORT_TYPES.map((reportType): ReportTypeConfiguration => {
    const last = lastOf.get(reportType);
    const mine = scans.filter((s) => s.report_type === reportType);
    return {
      reportType,
      enabled: enabled.has(reportType),
      everRan: last !== undefined,
      required: required.includes(reportType),
      lastRunAt: last === undefined ? null : iso(last.last_run_at),
      lastPipelineId: last === undefined ? null : Number(last.last_pipeline_id),
      lastStatus: last === undefined ? null : mine.some((s) => s.failed) ? 'failure' : 'success',
      scanners: mine.map((s) => ({ id: s.scanner_id, name: s.scanner_name, version: s.scanner_version })),
    };
  });
  const latest = recent[0];
  return {
    projectId: project.id,
    defaultBranch: project.default_branch,
    window,
    latestDefaultBranchPipeline: latest === undefined ? null : { id: latest.id, ref: latest.ref, sha: latest.sha, createdAt: latest.created_at.toISOString() },
    reportTypes,
  };
}

type Coverage = { ran: boolean; lastRunAt: string | null; lastPipelineId: number | null };

export interface InventoryItem {
  projectId: number;
  name: string;
  fullPath: string;
  defaultBranch: string;
  reportTypes: Record<KnownReportType, Coverage>;
  missing: KnownReportType[];
}

export interface InventoryPage {
  requiredReportTypes: KnownReportType[];
  totals: { projects: number; compliant: number; missingSomething: number };
  total: number;
  nextOffset: number | null;
  items: InventoryItem[];
}

/**
 * Which report types each project in scope ran on its default branch, and which required ones
 * it lacks. Totals count every project in scope; `missingOnly` keeps those lacking something;
 * pages are ordered by full path.
 */
export async function securityInventory(
  db: Kysely<Database>,
  scope: ProjectScope,
  required: readonly KnownReportType[],
  options: { missingOnly: boolean; limit: number; offset: number },
): Promise<InventoryPage> {
  const empty: InventoryPage = { requiredReportTypes: [...required], totals: { projects: 0, compliant: 0, missingSomething: 0 }, total: 0, nextOffset: null, items: [] };
  if (scope.kind === 'projects' && scope.ids.length === 0) return empty;
  const inScope = scope.kind === 'all' ? sql`true` : sql`p.id = any(${[...scope.ids]}::bigint[])`;
  // A project is compliant when the required types are a subset of the types it ran.
  const ran = sql`coalesce((select array_agg(c.report_type) from project_scan_coverage c where c.project_id = p.id), '{}'::text[])`;
  const compliant = sql`${[...required]}::text[] <@ ${ran}`;
  const counted = await sql<{ projects: number; compliant: number }>`
    select count(*)::int as projects, count(*) filter (where ${compliant})::int as compliant
    from projects p where ${inScope}`.execute(db);
  const projects = Number(counted.rows[0]?.projects ?? 0);
  const compliantCount = Number(counted.rows[0]?.compliant ?? 0);
  const totals = { projects, compliant: compliantCount, missingSomething: projects - compliantCount };
  const total = options.missingOnly ? totals.missingSomething : projects;
  const page = await sql<{ id: number; name: string; full_path: string; default_branch: string }>`
    select p.id, p.name, p.full_path, p.default_branch from projects p
    where ${inScope} ${options.missingOnly ? sql`and not (${compliant})` : sql``}
    order by p.full_path, p.id limit ${options.limit} offset ${options.offset}`.execute(db);
  const ids = page.rows.map((r) => Number(r.id));
  const coverage =
    ids.length === 0 ? [] : await db.selectFrom('project_scan_coverage').selectAll().where('project_id', 'in', ids).execute();
  const byProject = new Map<number, Map<string, { last_pipeline_id: number; last_run_at: Date }>>();
  for (const row of coverage) {
    const id = Number(row.project_id);
    const entry = byProject.get(id) ?? new Map<string, { last_pipeline_id: number; last_run_at: Date }>();
    entry.set(row.report_type, row);
    byProject.set(id, entry);
  }
  const items = page.rows.map((row): InventoryItem => {
    const id = Number(row.id);
    const mine = byProject.get(id) ?? new Map<string, { last_pipeline_id: number; last_run_at: Date }>();
    const reportTypes = Object.fromEntries(
      KNOWN_REPORT_TYPES.map((t) => {
        const c = mine.get(t);
        return [t, { ran: c !== undefined, lastRunAt: c === undefined ? null : iso(c.last_run_at), lastPipelineId: c === undefined ? null : Number(c.last_pipeline_id) }];
      }),
    ) as Record<KnownReportType, Coverage>;
    return { projectId: id, name: row.name, fullPath: row.full_path, defaultBranch: row.default_branch, reportTypes, missing: required.filter((t) => !mine.has(t)) };
  });
  const nextOffset = options.offset + items.length < total && items.length > 0 ? options.offset + items.length : null;
  return { requiredReportTypes: [...required], totals, total, nextOffset, items };
}
