import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PipelineDedupe } from '../../core/identity/dedupe.js';
import type { IngestIdentityOptions } from '../../core/identity/signature.js';
import type { Problem } from '../../core/result.js';
import type { IngestedFinding, IngestedReport } from '../../formats/read/types.js';
import type { ServerConfig } from '../config.js';
import { refreshDailyCounts } from '../db/repositories/daily-counts.js';
import { replaceDependencies } from '../db/repositories/dependencies.js';
import { hasNewerDefaultBranchScan, insertFindings, insertScan, insertUpload, lockProject, setScanCounts } from '../db/repositories/ingest.js';
import { insertFindingsAndUpsert, markNoLongerDetected } from '../db/repositories/vulnerability-upsert.js';
import type { Database, Pipeline, StoredMessage, StoredReportType } from '../db/schema.js';
import { HttpError } from '../http-error.js';
import { findingRow, type FindingRow } from './finding-rows.js';
import type { ReportReader } from './report-reader.js';

export interface IngestRequest {
  readonly pipeline: Pipeline;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly userId: number | null;
}

export interface ScanSummary {
  id: number;
  reportType: string;
  format: string;
  findings: number;
  duplicates: number;
  packages: number;
}

export interface IngestSummary {
  uploadId: number;
  pipelineId: number;
  fileName: string;
  scans: ScanSummary[];
  vulnerabilities: { created: number; updated: number; noLongerDetected: number; redetected: number };
  messages: StoredMessage[];
}

const MAX_PROBLEMS_RETURNED = 50;

function toMessage(problem: Problem): StoredMessage {
  return problem.level === undefined ? { code: problem.code, message: problem.message } : { code: problem.code, message: problem.message, level: problem.level };
}

/** Parse and check the file before any database work: a bad report costs no transaction. */
export function readUpload(readReport: ReportReader, request: IngestRequest, maxBytes: number): IngestedReport[] {
  if (request.bytes.length === 0) throw new HttpError(400, 'empty-report', `${request.fileName} is empty`);
  const read = readReport(request.bytes, { fileName: request.fileName, maxBytes });
  if (!read.ok) {
    const problems = read.error.slice(0, MAX_PROBLEMS_RETURNED);
    const first = problems[0];
    const more = read.error.length > 1 ? ` (and ${read.error.length - 1} more problem(s))` : '';
    const code = first?.code === 'report-too-large' ? 'report-too-large' : 'invalid-report';
    throw new HttpError(code === 'report-too-large' ? 413 : 400, code, `${request.fileName} was not stored: ${first?.message ?? 'unreadable report'}${more}`, problems);
  }
  if (read.value.length === 0) throw new HttpError(400, 'invalid-report', `${request.fileName} holds no report`);
  return read.value;
}

/** What a scan's row stream dropped as duplicates, known once the stream has been drained. */
interface Tally {
  rows: number;
  duplicates: number;
}

/**
 * A scan's rows, made as they are taken: dedupe (spec §2.4) hashes each finding once and the row
 * reuses its UUID and fingerprints. Streaming lets node build the next batch while PostgreSQL
 * stores the previous one, instead of preparing 100,000 rows before the first insert.
 */
function* scanRows(report: IngestedReport, identity: IngestIdentityOptions, tally: Tally): Generator<FindingRow, void, undefined> {
  const dedupe = new PipelineDedupe<IngestedFinding>(identity);
  // Distinct findings can still share a UUID (same primary identifier and location); keep the first.
  const seen = new Set<string>();
  for (const finding of report.findings) {
    const offered = dedupe.offer(finding);
    if ('of' in offered || seen.has(offered.identity.uuid)) {
      tally.duplicates++;
      continue;
    }
    seen.add(offered.identity.uuid);
    tally.rows++;
    yield findingRow(finding, offered.identity);
  }
}

/**
 * Store one uploaded report: upload, scans and findings, and — for a default-branch pipeline —
 * the project's vulnerabilities, "no longer detected" flags, dependency list and today's counts.
 * All in one transaction: a failure anywhere leaves the database as it was.
 */
export async function ingestUpload(
  db: Kysely<Database>,
  config: ServerConfig,
  request: IngestRequest,
  reports: readonly IngestedReport[],
): Promise<IngestSummary> {
  const { pipeline } = request;
  const identity = { projectId: pipeline.project_id, namespace: config.uuidNamespace, useSignatures: config.useSignatures };
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  const format = reports[0]?.format ?? 'gitlab';
  return db.transaction().execute(async (trx) => {
    await lockProject(trx, pipeline.project_id);
    const uploadId = await insertUpload(trx, {
      pipelineId: pipeline.id,
      projectId: pipeline.project_id,
      fileName: request.fileName,
      format,
      byteSize: request.bytes.length,
      sha256,
      createdBy: request.userId,
    });
    if (uploadId === undefined) {
      throw new HttpError(409, 'report-already-uploaded', `${request.fileName} was already uploaded to pipeline ${pipeline.id}`);
    }
    const summary: IngestSummary = {
      uploadId,
      pipelineId: pipeline.id,
      fileName: request.fileName,
      scans: [],
      vulnerabilities: { created: 0, updated: 0, noLongerDetected: 0, redetected: 0 },
      messages: [],
    };
    for (const report of reports) {
      const reportType: StoredReportType = report.format === 'cyclonedx' ? 'sbom' : report.reportType;
      const messages = report.messages.map(toMessage);
      summary.messages.push(...messages);
      const status = report.status ?? 'success';
      const scanId = await insertScan(trx, {
        uploadId,
        pipelineId: pipeline.id,
        projectId: pipeline.project_id,
        reportType,
        format: report.format,
        schemaVersion: report.schemaVersion,
        scanner: report.scanner,
        ...(report.analyzer === undefined ? {} : { analyzer: report.analyzer }),
        status,
        startedAt: report.startedAt ?? null,
        finishedAt: report.finishedAt ?? null,
        messages: messages.slice(0, 1000),
      });
      const findingScope = { scanId, pipelineId: pipeline.id, projectId: pipeline.project_id };
      const scope = { ...findingScope, scannerId: report.scanner.id, scannerName: report.scanner.name };
      // A late upload from an older pipeline stores its findings but leaves vulnerabilities alone.
      const updatesVulnerabilities =
        pipeline.is_default_branch && reportType !== 'sbom' && !(await hasNewerDefaultBranchScan(trx, pipeline.project_id, pipeline.id, reportType, report.scanner.id));
      const tally: Tally = { rows: 0, duplicates: 0 };
      const rows = scanRows(report, identity, tally);
      let stored: number;
      if (updatesVulnerabilities) {
        const counts = await insertFindingsAndUpsert(trx, scope, rows);
        stored = counts.inserted;
        summary.vulnerabilities.created += counts.created;
        summary.vulnerabilities.updated += counts.updated;
        summary.vulnerabilities.redetected += counts.redetected;
        // A failed scan lacks findings for its own reasons; it proves nothing gone.
        if (status === 'success') summary.vulnerabilities.noLongerDetected += await markNoLongerDetected(trx, scope, reportType);
      } else {
        stored = await insertFindings(trx, findingScope, rows);
      }
      const scanDuplicates = tally.duplicates + (tally.rows - stored);
      await setScanCounts(trx, scanId, stored, scanDuplicates);
      let packages = 0;
      if (pipeline.is_default_branch && report.packages.length > 0) {
        packages = await replaceDependencies(trx, { projectId: pipeline.project_id, pipelineId: pipeline.id, scanId, packageManager: null }, report.packages);
      }
      summary.scans.push({ id: scanId, reportType, format: report.format, findings: stored, duplicates: scanDuplicates, packages });
    }
    if (pipeline.is_default_branch) await refreshDailyCounts(trx, [pipeline.project_id]);
    return summary;
  });
}
