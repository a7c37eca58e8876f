import { sql, type Kysely } from 'kysely';
import { compareFindings, type ComparableFinding } from '../../../core/compare.js';
import type { TrackingSignature } from '../../../core/finding.js';
import type { Identifier } from '../../../core/identifier.js';
import type { Location } from '../../../core/location.js';
import type { Severity } from '../../../core/severity.js';
import type { ServerConfig } from '../../config.js';
import type { Database, Pipeline, StoredReportType } from '../../db/schema.js';
import { HttpError } from '../../http-error.js';
import type { ComparableReportType } from '../../schemas/compare.js';

/** GitLab's ACCEPTABLE_REPORT_AGE: an older base is flagged out of date. */
const BASE_MAX_AGE_MS = 7 * 86_400_000;
/** GitLab looks at this many pipelines for one with security reports when it picks the base. */
const BASE_CANDIDATES = 10;
/** Findings read per pipeline; past it the comparison is refused rather than done half. */
export const MAX_COMPARE_FINDINGS = 200_000;

/** What matching needs of a stored finding: no JSON but the signatures. */
interface FindingRecord {
  readonly id: number;
  readonly uuid: string;
  readonly report_type: StoredReportType;
  readonly severity: Severity;
  readonly primary_identifier_fingerprint: string;
  readonly location_fingerprint: string;
  readonly signatures: TrackingSignature[];
}

/** What a listed finding shows, read only for the findings listed. */
interface FindingDetails {
  readonly id: number;
  readonly title: string;
  readonly primary_identifier: Identifier;
  readonly location: Location;
  readonly scanner_id: string;
  readonly scanner_name: string;
}

interface Item extends ComparableFinding {
  readonly record: FindingRecord;
}

export interface CompareRequest {
  readonly projectId: number;
  readonly headId: number;
  readonly baseId?: number;
  /** Only these types; default every type base or head ran. */
  readonly reportTypes?: readonly ComparableReportType[];
  readonly limit: number;
  readonly includeDismissed: boolean;
  readonly now: Date;
}

export interface FindingSummary {
  uuid: string;
  title: string;
  severity: Severity;
  reportType: string;
  scanner: { id: string; name: string };
  primaryIdentifier: Identifier;
  location: Record<string, string | number>;
  locationText: string;
  vulnerabilityId: number | null;
  state: string | null;
}

export interface TypeComparison {
  reportType: string;
  status: 'parsed' | 'missing_base' | 'missing_head';
  added: FindingSummary[];
  fixed: FindingSummary[];
  addedCount: number;
  fixedCount: number;
  dismissedCount: number;
  unchangedCount: number;
  truncated: boolean;
}

const pipelineRef = (p: Pipeline) => ({ id: p.id, ref: p.ref, sha: p.sha, isDefaultBranch: p.is_default_branch, createdAt: p.created_at.toISOString() });

export interface CompareResult {
  base: ReturnType<typeof pipelineRef> | null;
  head: ReturnType<typeof pipelineRef>;
  baseChosen: 'requested' | 'latest-default-branch' | 'none';
  baseOutOfDate: boolean;
  reportTypes: TypeComparison[];
}

async function projectPipeline(db: Kysely<Database>, projectId: number, id: number, what: string): Promise<Pipeline> {
  const pipeline = await db.selectFrom('pipelines').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  if (pipeline === undefined) throw new HttpError(404, 'pipeline-not-found', `${what} pipeline ${id} is not a pipeline of this project`);
  return pipeline;
}

/**
 * The merge-base stand-in (spec §4.2): of the latest completed default-branch pipelines before
 * head (sources webide and parent_pipeline excluded), the newest that stored a scan.
 */
export async function latestDefaultBranchBase(db: Kysely<Database>, projectId: number, headId: number): Promise<Pipeline | undefined> {
  return db
    .with('candidates', (qb) =>
      qb
        .selectFrom('pipelines')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('is_default_branch', '=', true)
        .where('id', '<', headId)
        .where('status', 'in', ['success', 'failed', 'canceled', 'skipped'])
        .where('source', 'not in', ['webide', 'parent_pipeline'])
        .orderBy('id', 'desc')
        .limit(BASE_CANDIDATES),
    )
    .selectFrom('candidates as p')
    .selectAll()
    .where(({ exists, selectFrom }) => exists(selectFrom('scans as s').select(sql`1`.as('one')).whereRef('s.pipeline_id', '=', 'p.id')))
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst() as Promise<Pipeline | undefined>;
}

async function scannedTypes(db: Kysely<Database>, pipelineId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('scans').select('report_type').distinct().where('pipeline_id', '=', pipelineId).where('report_type', '<>', 'sbom').execute();
  return new Set(rows.map((r) => r.report_type));
}

/** A pipeline's findings of some report types, as matching needs them. */
async function loadFindings(db: Kysely<Database>, pipelineId: number, types: readonly string[]): Promise<FindingRecord[]> {
  if (types.length === 0) return [];
  const result = await sql<FindingRecord>`
    select f.id, f.uuid, f.report_type, f.severity, f.primary_identifier_fingerprint, f.location_fingerprint, f.signatures
    from findings f
    where f.pipeline_id = ${pipelineId} and f.report_type = any(${[...types]}::text[])
    order by f.id
    limit ${MAX_COMPARE_FINDINGS + 1}`.execute(db);
  if (result.rows.length > MAX_COMPARE_FINDINGS) {
    throw new HttpError(422, 'comparison-too-large', `pipeline ${pipelineId} has more than ${MAX_COMPARE_FINDINGS} findings of the compared types; narrow it with report_type`);
  }
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

async function loadDetails(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, FindingDetails>> {
  const out = new Map<number, FindingDetails>();
  if (ids.length === 0) return out;
  const result = await sql<FindingDetails>`
    select f.id, f.title, f.data -> 'identifiers' -> 0 as primary_identifier, f.data -> 'location' as location, s.scanner_id, s.scanner_name
    from findings f join scans s on s.id = f.scan_id
    where f.id = any(${[...ids]}::bigint[])`.execute(db);
  for (const row of result.rows) out.set(Number(row.id), row);
  return out;
}

function toItem(record: FindingRecord): Item {
  return {
    record,
    reportType: record.report_type,
    // Identity only compares hashes of the primary identifier and the location text, so the
    // stored fingerprints stand in for both: equal fingerprints give equal hashes, the findings'
    // JSON is not read, and the location text of types core's Location cannot express (coverage
    // fuzzing, cluster images) was never stored anyway.
    finding: {
      identifiers: [{ type: 'fingerprint', name: '', value: record.primary_identifier_fingerprint }],
      location: { kind: 'source', file: '', startLine: 0, endLine: 0 },
      severity: record.severity,
    },
    locationData: record.location_fingerprint,
    signatures: record.signatures,
  };
}

function locationSummary(location: Location): { location: Record<string, string | number>; text: string } {
  switch (location.kind) {
    case 'source': {
      const line = location.startLine > 0 ? `:${location.startLine}` : '';
      return { location: { kind: 'source', file: location.file, startLine: location.startLine, endLine: location.endLine }, text: `${location.file}${line}` };
    }
    case 'dependency':
      return {
        location: { kind: 'dependency', file: location.file, packageName: location.packageName, packageVersion: location.version },
        text: `${location.file} ${location.packageName}@${location.version}`,
      };
    case 'image':
      return {
        location: { kind: 'image', image: location.image, packageName: location.packageName, packageVersion: location.version },
        text: `${location.image} ${location.packageName}@${location.version}`,
      };
    case 'http': {
      const url = `${location.hostname}${location.path}`;
      return {
        location: { kind: 'http', method: location.method, url, param: location.param },
        text: `${location.method} ${url}${location.param === '' ? '' : ` (${location.param})`}`,
      };
    }
  }
}

function summary(record: FindingRecord, details: FindingDetails | undefined, vulnerability: { id: number; state: string } | undefined): FindingSummary {
  const where = details === undefined ? { location: { kind: 'unknown' }, text: '' } : locationSummary(details.location);
  const p = details?.primary_identifier ?? { type: '', name: '', value: '' };
  return {
    uuid: record.uuid,
    title: details?.title ?? '',
    severity: record.severity,
    reportType: record.report_type,
    scanner: { id: details?.scanner_id ?? '', name: details?.scanner_name ?? '' },
    primaryIdentifier: p.url === undefined ? { type: p.type, name: p.name, value: p.value } : { type: p.type, name: p.name, value: p.value, url: p.url },
    location: where.location,
    locationText: where.text,
    vulnerabilityId: vulnerability?.id ?? null,
    state: vulnerability?.state ?? null,
  };
}

async function vulnerabilitiesByUuid(db: Kysely<Database>, projectId: number, uuids: readonly string[]): Promise<Map<string, { id: number; state: string }>> {
  const out = new Map<string, { id: number; state: string }>();
  if (uuids.length === 0) return out;
  const result = await sql<{ id: number; uuid: string; state: string }>`
    select id, uuid, state from vulnerabilities where project_id = ${projectId} and uuid = any(${[...uuids]}::uuid[])`.execute(db);
  for (const row of result.rows) out.set(row.uuid, { id: Number(row.id), state: row.state });
  return out;
}

/**
 * The merge-request comparison of two stored pipelines (spec §4.2), with the semantics of
 * `bulwark compare`: per report type, head findings no base finding matches (signatures of the
 * same algorithm first, then UUID) are added, base findings no head finding matches are fixed.
 * A head finding whose project vulnerability is dismissed is left out of `added` (counted in
 * `dismissedCount`) unless asked for.
 */
export async function comparePipelines(db: Kysely<Database>, config: ServerConfig, request: CompareRequest): Promise<CompareResult> {
  const head = await projectPipeline(db, request.projectId, request.headId, 'head');
  let base: Pipeline | undefined;
  let baseChosen: CompareResult['baseChosen'];
  if (request.baseId !== undefined) {
    base = await projectPipeline(db, request.projectId, request.baseId, 'base');
    baseChosen = 'requested';
  } else {
    base = await latestDefaultBranchBase(db, request.projectId, head.id);
    baseChosen = base === undefined ? 'none' : 'latest-default-branch';
  }
  const headTypes = await scannedTypes(db, head.id);
  const baseTypes = base === undefined ? new Set<string>() : await scannedTypes(db, base.id);
  const types = request.reportTypes === undefined ? [...new Set([...headTypes, ...baseTypes])].sort() : [...new Set(request.reportTypes)].sort();
  // A type head did not run proves nothing fixed, so its base findings are not even read.
  const baseRecords = base === undefined ? [] : await loadFindings(db, base.id, types.filter((t) => headTypes.has(t)));
  const headRecords = await loadFindings(db, head.id, types);
  const compared = new Map(
    compareFindings(baseRecords.map(toItem), headRecords.map(toItem), {
      useSignatures: config.useSignatures,
      projectId: request.projectId,
      namespace: config.uuidNamespace,
    }).map((c) => [c.reportType, c]),
  );
  const touched = [...compared.values()].flatMap((c) => [...c.added, ...c.fixed].map((item) => item.record.uuid));
  const vulnerabilities = await vulnerabilitiesByUuid(db, request.projectId, touched);

  const lists = types.map((reportType) => {
    const status: TypeComparison['status'] = !headTypes.has(reportType) ? 'missing_head' : !baseTypes.has(reportType) ? 'missing_base' : 'parsed';
    const result = compared.get(reportType);
    const added: Item[] = [];
    let dismissedCount = 0;
    for (const item of result?.added ?? []) {
      const dismissed = vulnerabilities.get(item.record.uuid)?.state === 'dismissed';
      if (dismissed) dismissedCount += 1;
      if (!dismissed || request.includeDismissed) added.push(item);
    }
    const fixed = status === 'parsed' ? (result?.fixed ?? []) : [];
    return { reportType, status, added, fixed, dismissedCount, unchanged: result?.unchanged.length ?? 0 };
  });
  const shown = lists.flatMap((l) => [...l.added.slice(0, request.limit), ...l.fixed.slice(0, request.limit)]);
  const details = await loadDetails(db, shown.map((item) => item.record.id));
  const describe = (item: Item) => summary(item.record, details.get(item.record.id), vulnerabilities.get(item.record.uuid));
  const reportTypes = lists.map(
    (l): TypeComparison => ({
      reportType: l.reportType,
      status: l.status,
      added: l.added.slice(0, request.limit).map(describe),
      fixed: l.fixed.slice(0, request.limit).map(describe),
      addedCount: l.added.length,
      fixedCount: l.fixed.length,
      dismissedCount: l.dismissedCount,
      unchangedCount: l.unchanged,
      truncated: l.added.length > request.limit || l.fixed.length > request.limit,
    }),
  );
  return {
    base: base === undefined ? null : pipelineRef(base),
    head: pipelineRef(head),
    baseChosen,
    baseOutOfDate: base !== undefined && request.now.getTime() - base.created_at.getTime() > BASE_MAX_AGE_MS,
    reportTypes,
  };
}

/** Per pipeline and report type, the scans' finding counts and whether any failed (for a pipeline picker). */
export async function pipelineReportSummaries(
  db: Kysely<Database>,
  pipelineIds: readonly number[],
): Promise<Map<number, { reportType: string; findings: number; status: 'success' | 'failure' }[]>> {
  const out = new Map<number, { reportType: string; findings: number; status: 'success' | 'failure' }[]>();
  if (pipelineIds.length === 0) return out;
  const result = await sql<{ pipeline_id: number; report_type: string; findings: number; failed: boolean }>`
    select pipeline_id, report_type, sum(finding_count)::int as findings, bool_or(status = 'failure') as failed
    from scans where pipeline_id = any(${[...pipelineIds]}::bigint[])
    group by pipeline_id, report_type order by pipeline_id, report_type`.execute(db);
  for (const row of result.rows) {
    const id = Number(row.pipeline_id);
    const list = out.get(id) ?? [];
    list.push({ reportType: row.report_type, findings: Number(row.findings), status: row.failed ? 'failure' : 'success' });
    out.set(id, list);
  }
  return out;
}
