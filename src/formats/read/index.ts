import { identifierFingerprint } from '../../core/identity/fingerprint.js';
import { identitySubject } from '../../core/identity/dedupe.js';
import { ingestFindingUuid, type IngestIdentityOptions } from '../../core/identity/signature.js';
import { err, ok, type Problem, type Result } from '../../core/result.js';
import { isCyclonedxBom, readCyclonedxDocument } from '../cyclonedx/reader.js';
import { isGitlabReport, readGitlabDocument } from '../gitlab/reader.js';
import { isSarifLog, readSarifDocument } from '../sarif/reader.js';
import { Checker, type JsonObject } from './check.js';
import { decodeReportBytes, parseReportText } from './parse.js';
import { DEFAULT_READ_LIMITS, type IngestedFinding, type IngestedReport, type ReadOptions } from './types.js';

export * from './types.js';

type Format = 'gitlab' | 'sarif' | 'cyclonedx';

function detect(document: JsonObject, fileName: string | undefined): Format | undefined {
  if (isCyclonedxBom(document) || document['bomFormat'] !== undefined) return 'cyclonedx';
  if (isSarifLog(document)) return 'sarif';
  if (isGitlabReport(document)) return 'gitlab';
  // Damaged reports still get the reader their name promises, so its errors say what is wrong.
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.cdx.json') || name.includes('sbom')) return 'cyclonedx';
  if (/^gl-.*\.json$/.test(name.split('/').pop() ?? '')) return 'gitlab';
  if (document['scan'] !== undefined || document['vulnerabilities'] !== undefined) return 'gitlab';
  return undefined;
}

/**
 * Read one security report of any supported format: a GitLab report (every type, schema
 * 14.0.0 – 15.x), SARIF 2.1.0 (one report per inferred type, spec §1.1) or a CycloneDX 1.4 – 1.6
 * SBOM. Everything is bounded by `opts`; hostile input gives Problems, never a throw.
 */
export function readSecurityReport(text: string, opts: ReadOptions): Result<IngestedReport[], Problem[]> {
  const file = opts.fileName;
  const limits = { ...DEFAULT_READ_LIMITS, ...opts };
  const parsed = parseReportText(text, file, { maxBytes: opts.maxBytes, maxStringLength: limits.maxStringLength, maxDepth: limits.maxDepth });
  if (!parsed.ok) return parsed;
  const { document, warnings } = parsed.value;
  const checker = new Checker(file);
  const format = detect(document, file);
  let reports: IngestedReport[] | undefined;
  const ctx = { checker, maxFindings: limits.maxFindings, maxPackages: limits.maxPackages, ...(file === undefined ? {} : { file }) };
  switch (format) {
    case 'gitlab': {
      const report = readGitlabDocument(document, ctx);
      reports = report ? [report] : undefined;
      break;
    }
    case 'sarif':
      reports = readSarifDocument(document, ctx);
      break;
    case 'cyclonedx': {
      const report = readCyclonedxDocument(document, ctx);
      reports = report ? [report] : undefined;
      break;
    }
    case undefined:
      checker.fail('', 'not a GitLab security report, SARIF log or CycloneDX SBOM (no `scan`+`vulnerabilities`, `runs` or `bomFormat`)', 'unknown-format');
  }
  if (!reports || checker.failed) return err(checker.result());
  return ok(reports.map((report) => (warnings.length === 0 ? report : { ...report, messages: [...warnings, ...report.messages] })));
}

/** The same for raw bytes: strict UTF-8 first (invalid UTF-8 is refused, not replaced). */
export function readSecurityReportBytes(bytes: Uint8Array, opts: ReadOptions): Result<IngestedReport[], Problem[]> {
  const text = decodeReportBytes(bytes, opts.fileName, opts.maxBytes);
  return text.ok ? readSecurityReport(text.value, opts) : text;
}

/** GitLab's finding UUID for an ingested finding in a project (spec §2.2, §2.3). */
export function ingestedFindingUuid(finding: IngestedFinding, options: IngestIdentityOptions): string {
  return ingestFindingUuid(identitySubject(finding), finding.signatures, options);
}

/** SHA-1 of the primary identifier, as GitLab stores it. */
export function primaryIdentifierFingerprint(finding: IngestedFinding): string {
  return identifierFingerprint(finding.finding.identifiers[0]);
}
