import { sql } from 'kysely';
import type { FindingRow } from '../../services/finding-rows.js';
import type { ReportFormat, StoredMessage, StoredReportType } from '../schema.js';
import { forEachBatch, splitBatchesOf, toJsonText } from './json-batches.js';
import type { Db } from './users.js';

/**
 * Serialise writers per project: ingest and triage of one project take this lock first, so their
 * row locks never interleave into a deadlock. Released at commit.
 */
export async function lockProject(db: Db, projectId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('bulwark-project'), ${projectId}::int)`.execute(db);
}

export interface NewUpload {
  readonly pipelineId: number;
  readonly projectId: number;
  readonly fileName: string;
  readonly format: ReportFormat;
  readonly byteSize: number;
  readonly sha256: string;
  readonly createdBy: number | null;
}

/** Undefined when this file name was already uploaded to the pipeline. */
export async function insertUpload(db: Db, upload: NewUpload): Promise<number | undefined> {
  const row = await db
    .insertInto('report_uploads')
    .values({
      pipeline_id: upload.pipelineId,
      project_id: upload.projectId,
      file_name: upload.fileName,
      format: upload.format,
      byte_size: upload.byteSize,
      sha256: upload.sha256,
      created_by: upload.createdBy,
    })
    .onConflict((oc) => oc.columns(['pipeline_id', 'file_name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface NewScan {
  readonly uploadId: number;
  readonly pipelineId: number;
  readonly projectId: number;
  readonly reportType: StoredReportType;
  readonly format: ReportFormat;
  readonly schemaVersion: string;
  readonly scanner: { readonly id: string; readonly name: string; readonly version?: string; readonly vendor?: string };
  readonly analyzer?: { readonly id: string; readonly name: string; readonly version?: string };
  readonly status: 'success' | 'failure';
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly messages: readonly StoredMessage[];
}

export async function insertScan(db: Db, scan: NewScan): Promise<number> {
  const row = await db
    .insertInto('scans')
    .values({
      upload_id: scan.uploadId,
      pipeline_id: scan.pipelineId,
      project_id: scan.projectId,
      report_type: scan.reportType,
      format: scan.format,
      schema_version: scan.schemaVersion,
      scanner_id: scan.scanner.id,
      scanner_name: scan.scanner.name,
      scanner_version: scan.scanner.version ?? null,
      scanner_vendor: scan.scanner.vendor ?? null,
      analyzer_id: scan.analyzer?.id ?? null,
      analyzer_name: scan.analyzer?.name ?? null,
      analyzer_version: scan.analyzer?.version ?? null,
      status: scan.status,
      started_at: scan.startedAt,
      finished_at: scan.finishedAt,
      messages: toJsonText(scan.messages),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setScanCounts(db: Db, scanId: number, findings: number, duplicates: number): Promise<void> {
  await db.updateTable('scans').set({ finding_count: findings, duplicate_count: duplicates }).where('id', '=', scanId).execute();
}

/** What the findings table takes of a row besides its document (the vulnerability columns stay home). */
export function findingColumns(r: FindingRow): Record<string, unknown> {
  return {
    uuid: r.uuid,
    report_type: r.report_type,
    severity: r.severity,
    title: r.title,
    primary_identifier_fingerprint: r.primary_identifier_fingerprint,
    location_fingerprint: r.location_fingerprint,
    signatures: r.signatures,
  };
}

export interface FindingScope {
  readonly scanId: number;
  readonly pipelineId: number;
  readonly projectId: number;
}

/**
 * Insert a scan's findings, in report order; a UUID already in the pipeline (an earlier upload
 * found it) is skipped. Returns how many were inserted. (Default-branch scans that update
 * vulnerabilities use insertFindingsAndUpsert, which does both from the same batch.)
 */
export async function insertFindings(db: Db, scope: FindingScope, rows: Iterable<FindingRow>): Promise<number> {
  const counts = await forEachBatch(splitBatchesOf(rows, findingColumns, (row) => [row.data], 2000, 8 * 1024 * 1024, 200), async (batch) => {
    const [data = '{}'] = batch.documents;
    const result = await sql<{ n: number }>`
      with stored as (
        insert into findings (scan_id, pipeline_id, project_id, uuid, report_type, severity, title,
          primary_identifier_fingerprint, location_fingerprint, signatures, data)
        select ${scope.scanId}, ${scope.pipelineId}, ${scope.projectId}, r.uuid, r.report_type, r.severity, r.title,
          r.primary_identifier_fingerprint, r.location_fingerprint, r.signatures, r.data
        from rows from (
          jsonb_to_recordset(${batch.json}::jsonb) as (uuid uuid, report_type text, severity text, title text,
            primary_identifier_fingerprint text, location_fingerprint text, signatures jsonb),
          unnest(${data}::json[])
        ) as r(uuid, report_type, severity, title, primary_identifier_fingerprint, location_fingerprint, signatures, data)
        on conflict (pipeline_id, uuid) do nothing
        returning 1
      )
      select count(*)::bigint as n from stored`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  });
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * True when a newer default-branch pipeline of the project already has a scan of this type and
 * scanner: an old pipeline uploaded late must not overwrite what the newer one said.
 */
export async function hasNewerDefaultBranchScan(db: Db, projectId: number, pipelineId: number, reportType: string, scannerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('scans as s')
    .innerJoin('pipelines as p', 'p.id', 's.pipeline_id')
    .select('s.id')
    .where('s.project_id', '=', projectId)
    .where('s.report_type', '=', reportType as StoredReportType)
    .where('s.scanner_id', '=', scannerId)
    .where('p.is_default_branch', '=', true)
    .where('s.pipeline_id', '>', pipelineId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
