import type { Confidence, Evidence, Finding, HttpHeader, HttpRequestEvidence, HttpResponseEvidence, SupportingMessage, TrackingSignature } from '../../core/finding.js';
import type { Identifier, Identifiers } from '../../core/identifier.js';
import { joinTrackingSignatures } from '../../core/identity/signature.js';
import type { Package, PackageRef } from '../../core/inventory.js';
import type { DependencyLocation } from '../../core/location.js';
import type { Problem } from '../../core/result.js';
import { isSeverity, type Severity } from '../../core/severity.js';
import { Checker, at, clip, isObject, item, objectsOf, optArray, optObject, optString, reqArray, reqObject, reqString, type JsonObject } from '../read/check.js';
import { readDependencyFiles } from '../read/gitlab-dependencies.js';
import { readGitlabLocation, type ReadLocation } from '../read/gitlab-location.js';
import { INGEST_REPORT_TYPES, type IngestedFinding, type IngestedReport, type IngestReportType } from '../read/types.js';

export interface GitlabReadContext {
  readonly checker: Checker;
  readonly maxFindings: number;
  readonly maxPackages: number;
  readonly file?: string;
}

/** Majors this reader understands: 14.0.0 – 15.x (additional properties tolerated). */
const SUPPORTED_MAJORS = new Set([14, 15]);
const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const CONFIDENCES = new Set<string>(['high', 'medium', 'low']);

/** Core's report type for a GitLab one: the two types core lacks are filed as their nearest kin. */
function coreReportType(type: IngestReportType): Finding['reportType'] {
  if (type === 'cluster_image_scanning') return 'container_scanning';
  if (type === 'coverage_fuzzing') return 'api_fuzzing';
  return type;
}

function readIdentifiers(c: Checker, vulnerability: JsonObject, path: string): Identifiers | undefined {
  const raw = reqArray(c, vulnerability, 'identifiers', path, 1);
  if (!raw) return undefined;
  const out: Identifier[] = [];
  const p = at(path, 'identifiers');
  for (const entry of objectsOf(c, raw, p)) {
    const type = reqString(c, entry.value, 'type', entry.path, { nonEmpty: true });
    const name = reqString(c, entry.value, 'name', entry.path);
    const value = reqString(c, entry.value, 'value', entry.path, { nonEmpty: true });
    const url = optString(c, entry.value, 'url', entry.path);
    if (type === undefined || name === undefined || value === undefined) continue;
    out.push(url === undefined ? { type, name, value } : { type, name, value, url });
  }
  const [first, ...rest] = out;
  return first === undefined || out.length !== raw.length ? undefined : [first, ...rest];
}

function readSignatures(c: Checker, vulnerability: JsonObject, path: string): TrackingSignature[] {
  const tracking = optObject(c, vulnerability, 'tracking', path);
  if (!tracking) return [];
  const items = optArray(c, tracking, 'items', at(path, 'tracking')) ?? [];
  const folded: { signatures: TrackingSignature[] }[] = [];
  for (const entry of objectsOf(c, items, at(at(path, 'tracking'), 'items'))) {
    const signatures = optArray(c, entry.value, 'signatures', entry.path) ?? [];
    const list: TrackingSignature[] = [];
    for (const s of objectsOf(c, signatures, at(entry.path, 'signatures'))) {
      const algorithm = reqString(c, s.value, 'algorithm', s.path);
      const value = reqString(c, s.value, 'value', s.path);
      if (algorithm !== undefined && value !== undefined) list.push({ algorithm, value });
    }
    folded.push({ signatures: list });
  }
  return joinTrackingSignatures(folded);
}

function severityOf(raw: unknown): Severity {
  const lower = typeof raw === 'string' ? raw.toLowerCase() : '';
  return isSeverity(lower) ? lower : 'unknown';
}

/** GitLab's name fallback: name → message → "<CVE, CWE or first identifier> in <path>". */
function findingName(vulnerability: JsonObject, identifiers: Identifiers, where: ReadLocation): string {
  for (const key of ['message', 'name']) {
    const value = vulnerability[key];
    if (typeof value === 'string' && value.trim() !== '') return clip(value, 255);
  }
  const pick = identifiers.find((i) => i.type.toLowerCase() === 'cve') ?? identifiers.find((i) => i.type.toLowerCase() === 'cwe') ?? identifiers[0];
  return clip(`${pick.name} in ${where.fingerprintPath}`, 255);
}

function links(vulnerability: JsonObject): Finding['links'] {
  const raw = vulnerability['links'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((link) => {
    if (!isObject(link) || typeof link['url'] !== 'string') return [];
    return [typeof link['name'] === 'string' ? { name: link['name'], url: link['url'] } : { url: link['url'] }];
  });
}

function cvssVectors(vulnerability: JsonObject): Finding['cvssVectors'] {
  const raw = vulnerability['cvss_vectors'];
  if (!Array.isArray(raw)) return undefined;
  const out = raw.flatMap((v) => (isObject(v) && typeof v['vector'] === 'string' ? [{ vendor: typeof v['vendor'] === 'string' ? v['vendor'] : 'unknown', vector: v['vector'] }] : []));
  return out.length > 0 ? out : undefined;
}

/**
 * Evidence bounds. The report's own object stays in `raw`; what goes into `Finding.evidence` is
 * what a page shows, so a 10 MB response body or ten thousand headers cannot bloat every row.
 */
export const EVIDENCE_LIMITS = { body: 65_536, text: 8_192, summary: 10_000, headers: 100, supportingMessages: 20 } as const;

/** Cut at `max` UTF-16 units (never inside a surrogate pair) and say how much was left out. */
export function capText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}\n[… truncated by Bulwark: ${value.length - end} more characters]`;
}

const textOf = (o: JsonObject, key: string, max: number = EVIDENCE_LIMITS.text): string | undefined => (typeof o[key] === 'string' ? capText(o[key], max) : undefined);

function headersOf(value: unknown): HttpHeader[] {
  if (!Array.isArray(value)) return [];
  const out: HttpHeader[] = [];
  for (const h of value) {
    if (out.length >= EVIDENCE_LIMITS.headers) break;
    if (isObject(h) && typeof h['name'] === 'string') out.push({ name: capText(h['name'], EVIDENCE_LIMITS.text), value: textOf(h, 'value') ?? '' });
  }
  return out;
}

function httpRequestOf(value: unknown): HttpRequestEvidence | undefined {
  if (!isObject(value)) return undefined;
  const method = textOf(value, 'method');
  const url = textOf(value, 'url');
  if (method === undefined && url === undefined) return undefined;
  const body = textOf(value, 'body', EVIDENCE_LIMITS.body);
  return { method: method ?? '', url: url ?? '', headers: headersOf(value['headers']), ...(body === undefined ? {} : { body }) };
}

function httpResponseOf(value: unknown): HttpResponseEvidence | undefined {
  if (!isObject(value)) return undefined;
  const status = value['status_code'];
  const statusCode = typeof status === 'number' && Number.isSafeInteger(status) ? status : undefined;
  const reasonPhrase = textOf(value, 'reason_phrase');
  if (statusCode === undefined && reasonPhrase === undefined) return undefined;
  const body = textOf(value, 'body', EVIDENCE_LIMITS.body);
  return { statusCode: statusCode ?? 0, reasonPhrase: reasonPhrase ?? '', headers: headersOf(value['headers']), ...(body === undefined ? {} : { body }) };
}

/**
 * GitLab's DAST / API fuzzing `evidence` in core's shape (camelCase, bounded). Evidence is for
 * people, not identity: a malformed part is left out rather than refusing the report.
 */
function httpEvidenceOf(raw: JsonObject): Evidence | undefined {
  const evidence = raw['evidence'];
  if (!isObject(evidence)) return undefined;
  const summary = textOf(evidence, 'summary', EVIDENCE_LIMITS.summary);
  const request = httpRequestOf(evidence['request']);
  const response = httpResponseOf(evidence['response']);
  const supporting: SupportingMessage[] = [];
  const messages = evidence['supporting_messages'];
  if (Array.isArray(messages)) {
    for (const m of messages) {
      if (supporting.length >= EVIDENCE_LIMITS.supportingMessages) break;
      if (!isObject(m)) continue;
      const req = httpRequestOf(m['request']);
      const res = httpResponseOf(m['response']);
      supporting.push({ name: textOf(m, 'name', 255) ?? '', ...(req === undefined ? {} : { request: req }), ...(res === undefined ? {} : { response: res }) });
    }
  }
  if (summary === undefined && request === undefined && response === undefined && supporting.length === 0) return undefined;
  return {
    ...(summary === undefined ? {} : { summary }),
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
    ...(supporting.length === 0 ? {} : { supportingMessages: supporting }),
  };
}

function readVulnerability(c: Checker, raw: JsonObject, path: string, reportType: IngestReportType, scannerId: string): IngestedFinding | undefined {
  optString(c, raw, 'id', path);
  const identifiers = readIdentifiers(c, raw, path);
  const where = readGitlabLocation(c, raw, path, reportType);
  const signatures = readSignatures(c, raw, path);
  const description = optString(c, raw, 'description', path);
  const solution = optString(c, raw, 'solution', path);
  const extract = optString(c, raw, 'raw_source_code_extract', path);
  if (!identifiers || !where) return undefined;
  const confidence = typeof raw['confidence'] === 'string' ? raw['confidence'].toLowerCase() : '';
  const vectors = cvssVectors(raw);
  const http = where.location.kind === 'http' ? httpEvidenceOf(raw) : undefined;
  const evidence: Evidence | undefined = extract === undefined ? http : { ...http, snippet: extract };
  const finding: Finding = {
    ruleId: identifiers[0].value,
    reportType: coreReportType(reportType),
    title: findingName(raw, identifiers, where),
    description: description ?? '',
    severity: severityOf(raw['severity']),
    // 15.x dropped confidence; GitLab shows such findings as unknown confidence, core has no such level.
    confidence: CONFIDENCES.has(confidence) ? (confidence as Confidence) : 'medium',
    identifiers,
    location: where.location,
    links: links(raw),
    analyzer: scannerId,
    ...(evidence === undefined ? {} : { evidence }),
    ...(signatures.length > 0 ? { signatures } : {}),
    ...(solution === undefined ? {} : { remediation: solution }),
    ...(vectors === undefined ? {} : { cvssVectors: vectors }),
  };
  return { finding, reportType, locationData: where.locationData, signatures, raw };
}

function scanMessages(scan: JsonObject, file: string | undefined): Problem[] {
  const raw = scan['messages'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((m) => {
    if (!isObject(m) || typeof m['value'] !== 'string') return [];
    const level = m['level'] === 'fatal' ? 'error' : m['level'] === 'warn' ? 'warn' : 'info';
    const problem: Problem = { code: 'scanner-message', message: clip(m['value'], 2000), level };
    return [file === undefined ? problem : { ...problem, file }];
  });
}

function component(raw: JsonObject | undefined): { id: string; name: string; version?: string; vendor?: string } | undefined {
  if (!raw || typeof raw['id'] !== 'string' || typeof raw['name'] !== 'string') return undefined;
  const vendor = isObject(raw['vendor']) && typeof raw['vendor']['name'] === 'string' ? raw['vendor']['name'] : undefined;
  return {
    id: raw['id'],
    name: raw['name'],
    ...(typeof raw['version'] === 'string' ? { version: raw['version'] } : {}),
    ...(vendor === undefined ? {} : { vendor }),
  };
}

/**
 * GitLab puts a vulnerable package's path on its dependency_files entry; the finding's location
 * often has none. Give each dependency finding without a path the path of the package with the
 * same file, name and version, so the vulnerability page can say how the package got in.
 */
function withDependencyPaths(findings: IngestedFinding[], packages: readonly Package[]): void {
  // Index only what the findings ask for, by package name (no joined string keys: at 100,000
  // packages hashing fresh strings costs more than the whole lookup).
  interface Wanted {
    readonly file: string;
    readonly version: string;
    readonly indexes: number[];
    path?: readonly PackageRef[];
  }
  const byName = new Map<string, Wanted[]>();
  findings.forEach(({ finding }, index) => {
    const loc = finding.location;
    if (loc.kind !== 'dependency' || (loc.path !== undefined && loc.path.length > 0)) return;
    const list = byName.get(loc.packageName) ?? [];
    const same = list.find((w) => w.file === loc.file && w.version === loc.version);
    if (same) same.indexes.push(index);
    else {
      list.push({ file: loc.file, version: loc.version, indexes: [index] });
      byName.set(loc.packageName, list);
    }
  });
  if (byName.size === 0) return;
  for (const pkg of packages) {
    if (pkg.path === undefined || pkg.path.length === 0) continue;
    const list = byName.get(pkg.name);
    if (list === undefined) continue;
    const file = pkg.locations[0]?.file;
    const wanted = list.find((w) => w.path === undefined && w.file === file && w.version === pkg.version);
    if (wanted) wanted.path = pkg.path;
  }
  for (const list of byName.values()) {
    for (const { path, indexes } of list) {
      if (path === undefined) continue;
      for (const index of indexes) {
        const ingested = findings[index] as IngestedFinding;
        findings[index] = { ...ingested, finding: { ...ingested.finding, location: { ...(ingested.finding.location as DependencyLocation), path } } };
      }
    }
  }
}

/** True when the document looks like a GitLab security report (the format sniff). */
export function isGitlabReport(document: JsonObject): boolean {
  return typeof document['version'] === 'string' && Array.isArray(document['vulnerabilities']) && isObject(document['scan']);
}

/** Read a parsed GitLab security report of any type, schema 14.0.0 – 15.x. Problems go to the checker. */
export function readGitlabDocument(document: JsonObject, ctx: GitlabReadContext): IngestedReport | undefined {
  const c = ctx.checker;
  const version = reqString(c, document, 'version', '');
  if (version === undefined) return undefined;
  const parts = VERSION.exec(version);
  if (!parts) {
    c.fail('version', `"${clip(version, 40)}" is not a schema version (expected MAJOR.MINOR.PATCH)`);
    return undefined;
  }
  if (!SUPPORTED_MAJORS.has(Number(parts[1]))) {
    c.fail('version', `GitLab report schema ${version} is not supported: this server reads versions 14.0.0 to 15.x`, 'unsupported-version');
    return undefined;
  }
  const scan = reqObject(c, document, 'scan', '');
  if (!scan) return undefined;
  const type = reqString(c, scan, 'type', 'scan');
  if (type === undefined) return undefined;
  if (!(INGEST_REPORT_TYPES as readonly string[]).includes(type)) {
    c.fail('scan.type', `"${clip(type, 60)}" is not a GitLab report type (${INGEST_REPORT_TYPES.join(', ')})`, 'unsupported-report-type');
    return undefined;
  }
  const reportType = type as IngestReportType;
  const scannerRaw = reqObject(c, scan, 'scanner', 'scan');
  const scanner = component(scannerRaw);
  if (scannerRaw && !scanner) {
    reqString(c, scannerRaw, 'id', 'scan.scanner', { nonEmpty: true });
    reqString(c, scannerRaw, 'name', 'scan.scanner');
  }
  const vulnerabilities = reqArray(c, document, 'vulnerabilities', '');
  if (vulnerabilities && vulnerabilities.length > ctx.maxFindings) {
    c.fail('vulnerabilities', `${vulnerabilities.length} vulnerabilities, more than the limit of ${ctx.maxFindings}`, 'report-limit');
    return undefined;
  }
  const files = reportType === 'dependency_scanning' ? optArray(c, document, 'dependency_files', '') : undefined;
  if (!scanner || !vulnerabilities || c.failed) return undefined;

  const findings: IngestedFinding[] = [];
  vulnerabilities.forEach((raw, index) => {
    if (!isObject(raw)) c.fail(item('vulnerabilities', index), 'must be an object');
    else {
      const read = readVulnerability(c, raw, item('vulnerabilities', index), reportType, scanner.id);
      if (read) findings.push(read);
    }
  });
  const packages = files ? readDependencyFiles(c, files, ctx.maxPackages) : [];
  if (c.failed) return undefined;
  if (packages.length > 0) withDependencyPaths(findings, packages);

  const messages = scanMessages(scan, ctx.file);
  if (Number(parts[1]) === 15) {
    const missing = ['analyzer', 'start_time', 'end_time', 'status'].filter((key) => scan[key] === undefined);
    if (missing.length > 0) messages.push({ code: 'schema-warning', message: `scan lacks ${missing.join(', ')}, required by schema ${version}`, level: 'warn' });
  }
  const analyzer = component(optObject(c, scan, 'analyzer', 'scan'));
  const startedAt = optString(c, scan, 'start_time', 'scan');
  const finishedAt = optString(c, scan, 'end_time', 'scan');
  const status = scan['status'];
  return {
    reportType,
    format: 'gitlab',
    schemaVersion: version,
    scanner,
    findings,
    packages,
    messages,
    ...(analyzer === undefined ? {} : { analyzer: { id: analyzer.id, name: analyzer.name, ...(analyzer.version === undefined ? {} : { version: analyzer.version }) } }),
    ...(startedAt === undefined ? {} : { startedAt }),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(status === 'success' || status === 'failure' ? { status } : {}),
  };
}
