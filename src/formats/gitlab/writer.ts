import type { Finding, HttpRequestEvidence, HttpResponseEvidence, ReportType } from '../../core/finding.js';
import type { Package } from '../../core/inventory.js';
import type { Problem } from '../../core/result.js';
import type { ScanReport } from '../../core/report.js';
import { reportJson } from '../json-text.js';
import { reportFindingId } from '../report-id.js';
import type { ReportWriter, WriteOptions } from '../types.js';
import { GITLAB_REPORT_FILES, GITLAB_SCHEMA_VERSION, gitlabSchemaUrl } from './report-file.js';
import { gitlabTime } from './time.js';
import { isGitlabCvssVector } from './cvss-vector.js';

const VENDOR = { name: 'Bulwark' };
// GitLab's own secret detection writes this sha for findings in the working tree.
const WORKING_TREE_SHA = '0000000';
const ANALYZER_NAMES: Readonly<Record<string, string>> = {
  secrets: 'Bulwark secret detection',
  sast: 'Bulwark SAST',
  iac: 'Bulwark IaC',
  dependency: 'Bulwark dependency scanning',
  license: 'Bulwark license compliance',
  dast: 'Bulwark DAST',
  'api-fuzzing': 'Bulwark API fuzzing',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function location(finding: Finding, deps?: DependencyIids): { [key: string]: Json } {
  const loc = finding.location;
  switch (loc.kind) {
    case 'source': {
      const out: { [key: string]: Json } = { file: loc.file, start_line: loc.startLine, end_line: loc.endLine };
      if (finding.reportType === 'secret_detection') {
        const commit: { [key: string]: Json } = { sha: loc.commit?.sha ?? WORKING_TREE_SHA };
        if (loc.commit?.author !== undefined) commit['author'] = loc.commit.author;
        if (loc.commit?.date !== undefined) commit['date'] = loc.commit.date;
        if (loc.commit?.message !== undefined) commit['message'] = loc.commit.message;
        out['commit'] = commit;
      }
      return out;
    }
    case 'dependency': {
      const dependency: { [key: string]: Json } = { package: { name: loc.packageName }, version: loc.version };
      const iids = deps?.get(loc.file);
      const iid = iids?.get(`${loc.packageName}@${loc.version}`);
      if (iid !== undefined) dependency['iid'] = iid;
      if (loc.direct !== undefined) dependency['direct'] = loc.direct;
      const path = (loc.path ?? []).map((step) => iids?.get(`${step.name}@${step.version}`));
      if (path.length > 0 && path.every((step) => step !== undefined)) dependency['dependency_path'] = path.map((step) => ({ iid: step as number }));
      return { file: loc.file, dependency };
    }
    case 'image':
      return {
        image: loc.image,
        operating_system: loc.operatingSystem,
        dependency: { package: { name: loc.packageName }, version: loc.version },
      };
    case 'http':
      return { hostname: loc.hostname, method: loc.method, path: loc.path, param: loc.param };
  }
}

function details(finding: Finding): { [key: string]: Json } | undefined {
  const loc = finding.location;
  if (loc.kind === 'image') {
    const items: { [key: string]: Json } = {};
    if (loc.layer !== undefined && loc.layer !== '') items['layer'] = { name: 'Image layer', type: 'text', value: loc.layer };
    if (loc.file !== undefined) items['package_file'] = { name: 'Package record', type: 'text', value: loc.file };
    return Object.keys(items).length > 0 ? items : undefined;
  }
  const items: { [key: string]: Json } = {};
  if (finding.flow !== undefined && finding.flow.length > 0) {
    // The source → sink path of a taint finding, one file location per step, source first.
    items['taint_path'] = {
      name: 'Data flow (source → sink)',
      type: 'list',
      items: finding.flow.map((step) => ({ type: 'file-location', file_name: step.file, line_start: step.line })),
    };
  }
  const evidence = finding.evidence;
  if (!evidence) return Object.keys(items).length > 0 ? items : undefined;
  if (evidence.secretHash !== undefined) {
    items['secret_sha256'] = { name: 'Secret fingerprint (SHA-256)', type: 'value', value: evidence.secretHash };
  }
  if (evidence.maskedSecret !== undefined) {
    items['masked_secret'] = { name: 'Secret (masked)', type: 'text', value: evidence.maskedSecret };
  }
  if (evidence.entropy !== undefined) {
    items['entropy'] = { name: 'Entropy (bits per character)', type: 'value', value: evidence.entropy };
  }
  items['confidence'] = { name: 'Confidence', type: 'text', value: finding.confidence };
  return items;
}

// GitLab shows evidence bodies as text; a megabyte of HTML helps nobody reading a finding.
const EVIDENCE_BODY_MAX = 10_000;

function httpRequest(request: HttpRequestEvidence): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    headers: request.headers.filter((h) => h.name !== '').map((h) => ({ name: h.name, value: h.value })),
    method: request.method,
    url: request.url,
  };
  if (request.body !== undefined) out['body'] = clip(request.body, EVIDENCE_BODY_MAX);
  return out;
}

function httpResponse(response: HttpResponseEvidence): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    headers: response.headers.filter((h) => h.name !== '').map((h) => ({ name: h.name, value: h.value })),
    reason_phrase: response.reasonPhrase,
    status_code: response.statusCode,
  };
  if (response.body !== undefined) out['body'] = clip(response.body, EVIDENCE_BODY_MAX);
  return out;
}

/** DAST evidence: what proves the finding, the request and response, and the messages that support them. */
function httpEvidence(finding: Finding): { [key: string]: Json } | undefined {
  const evidence = finding.evidence;
  if (!evidence || (evidence.request === undefined && evidence.summary === undefined)) return undefined;
  const out: { [key: string]: Json } = { source: { id: finding.ruleId, name: clip(finding.title, 255) } };
  if (evidence.summary !== undefined) out['summary'] = clip(evidence.summary, 2000);
  if (evidence.request !== undefined) out['request'] = httpRequest(evidence.request);
  if (evidence.response !== undefined) out['response'] = httpResponse(evidence.response);
  if (evidence.supportingMessages !== undefined && evidence.supportingMessages.length > 0) {
    out['supporting_messages'] = evidence.supportingMessages.map((message) => {
      const item: { [key: string]: Json } = { name: message.name };
      if (message.request !== undefined) item['request'] = httpRequest(message.request);
      if (message.response !== undefined) item['response'] = httpResponse(message.response);
      return item;
    });
  }
  return out;
}

function vulnerability(finding: Finding, options: WriteOptions, deps?: DependencyIids): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    id: reportFindingId(finding, options),
    name: clip(finding.title, 255),
    description: clip(finding.description, 1_000_000),
    severity: capitalise(finding.severity),
    identifiers: finding.identifiers.map((identifier) => ({
      type: identifier.type,
      name: identifier.name,
      value: identifier.value,
      ...(identifier.url === undefined ? {} : { url: identifier.url }),
    })),
    links: finding.links.map((link) => ({ ...(link.name === undefined ? {} : { name: link.name }), url: link.url })),
    location: location(finding, deps),
  };
  const vectors = (finding.cvssVectors ?? []).filter((v) => isGitlabCvssVector(v.vector)).slice(0, 10);
  if (vectors.length > 0) out['cvss_vectors'] = vectors.map((v) => ({ vendor: v.vendor, vector: v.vector }));
  if (finding.remediation !== undefined) out['solution'] = clip(finding.remediation, 7000);
  if (finding.evidence?.snippet !== undefined) out['raw_source_code_extract'] = finding.evidence.snippet;
  const detail = details(finding);
  if (detail) out['details'] = detail;
  if (finding.location.kind === 'http') {
    const evidence = httpEvidence(finding);
    if (evidence) out['evidence'] = evidence;
  }
  if (finding.signatures && finding.signatures.length > 0 && finding.location.kind === 'source') {
    out['tracking'] = {
      type: 'source',
      items: [
        {
          file: finding.location.file,
          start_line: finding.location.startLine,
          end_line: finding.location.endLine,
          signatures: finding.signatures.map((s) => ({ algorithm: s.algorithm, value: s.value })),
        },
      ],
    };
  }
  return out;
}

/** Per dependency file: `name@version` → the package's iid in that file (its 1-based position). */
type DependencyIids = Map<string, Map<string, number>>;

/** GitLab's dependency_files: each file's packages with iids, and paths as lists of iids. */
function dependencyFiles(report: ScanReport): { files: Json[]; iids: DependencyIids } {
  const iids: DependencyIids = new Map();
  const byFile = new Map<string, Package[]>();
  for (const pkg of report.inventory.packages) {
    const file = pkg.locations[0]?.file;
    if (file === undefined) continue;
    const list = byFile.get(file) ?? [];
    list.push(pkg);
    byFile.set(file, list);
  }
  const files: Json[] = [];
  for (const file of report.inventory.dependencyFiles) {
    const packages = byFile.get(file.path) ?? [];
    const ids = new Map<string, number>();
    packages.forEach((pkg, i) => {
      if (!ids.has(`${pkg.name}@${pkg.version}`)) ids.set(`${pkg.name}@${pkg.version}`, i + 1);
    });
    iids.set(file.path, ids);
    files.push({
      path: file.path,
      package_manager: file.packageManager,
      dependencies: packages.map((pkg, i) => {
        const out: { [key: string]: Json } = { package: { name: pkg.name }, version: pkg.version, iid: i + 1 };
        if (pkg.direct !== undefined) out['direct'] = pkg.direct;
        const path = (pkg.path ?? []).map((step) => ids.get(`${step.name}@${step.version}`));
        if (path.length > 0 && path.every((step) => step !== undefined)) out['dependency_path'] = path.map((step) => ({ iid: step as number }));
        return out;
      }),
    });
  }
  return { files, iids };
}

/** Warnings one by one; expected skips (binary, too large) summed per kind. */
function messages(problems: readonly Problem[]): Json[] {
  const out: Json[] = [];
  const infoCounts = new Map<string, number>();
  for (const problem of problems) {
    if (problem.level === 'info') infoCounts.set(problem.code, (infoCounts.get(problem.code) ?? 0) + 1);
    else out.push({ level: 'warn', value: clip(problem.message, 2000) });
  }
  for (const [code, count] of [...infoCounts].sort()) out.push({ level: 'info', value: `${code}: ${count} file(s)` });
  return out;
}

export const gitlabWriter: ReportWriter = {
  id: 'gitlab',
  fileName: (reportType: ReportType) => GITLAB_REPORT_FILES[reportType].fileName,
  write(report: ScanReport, reportType: ReportType, options: WriteOptions): string {
    const runs = report.runs.filter((run) => run.reportType === reportType);
    const first = runs[0];
    const analyzerId = first?.analyzer ?? reportType;
    const findings = report.findings.filter((finding) => finding.reportType === reportType);
    const identifiers = new Map<string, Json>();
    for (const run of runs) {
      for (const id of run.primaryIdentifiers ?? []) identifiers.set(`${id.type}:${id.value}`, { type: id.type, name: id.name, value: id.value });
    }
    const scan: { [key: string]: Json } = {
      analyzer: { id: `bulwark-${analyzerId}`, name: ANALYZER_NAMES[analyzerId] ?? `Bulwark ${analyzerId}`, version: options.toolVersion, vendor: VENDOR },
      scanner: { id: 'bulwark', name: 'Bulwark', version: options.toolVersion, vendor: VENDOR },
      type: reportType,
      start_time: gitlabTime(report.startedAt),
      end_time: gitlabTime(report.finishedAt),
      status: runs.some((run) => run.status === 'failed') ? 'failure' : 'success',
      messages: messages([...report.problems, ...runs.flatMap((run) => run.problems)]),
    };
    if (identifiers.size > 0) scan['primary_identifiers'] = [...identifiers.values()];
    if (reportType === 'dast' || reportType === 'api_fuzzing') {
      scan['scanned_resources'] = (report.scannedResources ?? []).map((r) => ({ method: r.method, url: r.url, type: r.type }));
    }
    const document: { [key: string]: Json } = {
      version: GITLAB_SCHEMA_VERSION,
      schema: gitlabSchemaUrl(reportType),
      scan,
      vulnerabilities: [],
    };
    if (reportType === 'dependency_scanning') {
      const { files, iids } = dependencyFiles(report);
      document['vulnerabilities'] = findings.map((finding) => vulnerability(finding, options, iids));
      document['dependency_files'] = files;
    } else {
      document['vulnerabilities'] = findings.map((finding) => vulnerability(finding, options));
    }
    return reportJson(document, findings.length + (reportType === 'dependency_scanning' ? report.inventory.packages.length : 0));
  },
};
