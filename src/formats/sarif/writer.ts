import { reportJson } from '../json-text.js';
import type { Finding, FlowStep } from '../../core/finding.js';
import type { ScanReport } from '../../core/report.js';
import type { Severity } from '../../core/severity.js';
import { reportFindingId } from '../report-id.js';
import type { ReportWriter, WriteOptions } from '../types.js';

export const SARIF_FILE_NAME = 'bulwark.sarif';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// GitHub code scanning reads `security-severity` (0–10) to rank results.
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
  unknown: '0.0',
};
const LEVEL: Readonly<Record<Severity, string>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
  unknown: 'none',
};

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(finding: Finding): { [key: string]: Json } {
  const cwes = finding.identifiers.filter((id) => id.type === 'cwe').map((id) => `external/cwe/cwe-${id.value}`);
  const help = finding.remediation ?? finding.description;
  const descriptor: { [key: string]: Json } = {
    id: finding.ruleId,
    name: finding.ruleId
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(''),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.description },
    help: { text: help, markdown: `${finding.description}\n\n**Remediation:** ${help}` },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: ['security', finding.reportType.replace('_', '-'), ...cwes],
      precision: finding.confidence === 'high' ? 'high' : finding.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
  const helpUri = finding.links[0]?.url;
  if (helpUri !== undefined) descriptor['helpUri'] = helpUri;
  return descriptor;
}

// SARIF keeps web evidence in webRequest/webResponse; bodies are clipped as in the GitLab report.
const WEB_BODY_MAX = 10_000;

/** A SARIF webRequest/webResponse: HTTP/1.1, the message's own fields, headers and body. */
function webMessage(fields: { [key: string]: Json }, headers: readonly { name: string; value: string }[], body: string | undefined): { [key: string]: Json } {
  const web: { [key: string]: Json } = { protocol: 'HTTP', version: '1.1', ...fields, headers: Object.fromEntries(headers.map((h) => [h.name, h.value])) };
  const content = webBody(body);
  if (content) web['body'] = content;
  return web;
}

function webBody(text: string | undefined): { [key: string]: Json } | undefined {
  return text === undefined ? undefined : { text: text.length <= WEB_BODY_MAX ? text : `${text.slice(0, WEB_BODY_MAX - 1)}…` };
}

/** A DAST finding: the URL as the artifact, method and parameter as the logical location, the exchange as web evidence. */
function addHttpLocation(out: { [key: string]: Json }, finding: Finding): void {
  const loc = finding.location;
  if (loc.kind !== 'http') return;
  const url = `${loc.hostname}${loc.path}`;
  out['locations'] = [
    {
      physicalLocation: { artifactLocation: { uri: url } },
      logicalLocations: [{ name: loc.param === '' ? `${loc.method} ${loc.path}` : `${loc.method} ${loc.path} ${loc.param}`, kind: 'resource' }],
    },
  ];
  const props = out['properties'] as { [key: string]: Json };
  props['method'] = loc.method;
  if (loc.param !== '') props['param'] = loc.param;
  const evidence = finding.evidence;
  if (evidence?.summary !== undefined) out['message'] = { text: `${finding.title}: ${evidence.summary}` };
  if (evidence?.request !== undefined) {
    const { url, method, headers, body } = evidence.request;
    out['webRequest'] = webMessage({ target: url, method }, headers, body);
  }
  if (evidence?.response !== undefined) {
    const { statusCode, reasonPhrase, headers, body } = evidence.response;
    out['webResponse'] = webMessage({ statusCode, reasonPhrase }, headers, body);
  }
}

function result(finding: Finding, ruleIndex: number, options: WriteOptions): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.evidence?.maskedSecret ? `${finding.title}: ${finding.evidence.maskedSecret}` : finding.title },
    guid: reportFindingId(finding, options),
    properties: { severity: finding.severity, reportType: finding.reportType },
  };
  const loc = finding.location;
  if (loc.kind === 'source') {
    const region: { [key: string]: Json } = { startLine: loc.startLine, endLine: loc.endLine };
    if (loc.startColumn !== undefined) region['startColumn'] = loc.startColumn;
    if (loc.endColumn !== undefined && loc.endLine === loc.startLine) region['endColumn'] = loc.endColumn;
    if (finding.evidence?.snippet !== undefined) region['snippet'] = { text: finding.evidence.snippet };
    out['locations'] = [{ physicalLocation: { artifactLocation: { uri: encodePath(loc.file), uriBaseId: '%SRCROOT%' }, region } }];
    if (loc.commit) {
      (out['properties'] as { [key: string]: Json })['commit'] = {
        sha: loc.commit.sha,
        ...(loc.commit.author === undefined ? {} : { author: loc.commit.author }),
        ...(loc.commit.date === undefined ? {} : { date: loc.commit.date }),
        ...(loc.commit.message === undefined ? {} : { message: loc.commit.message }),
      };
    }
  } else if (loc.kind === 'dependency') {
    const physical: { [key: string]: Json } = { artifactLocation: { uri: encodePath(loc.file), uriBaseId: '%SRCROOT%' } };
    if (loc.line !== undefined) physical['region'] = { startLine: loc.line };
    out['locations'] = [{ physicalLocation: physical, logicalLocations: [{ name: `${loc.packageName}@${loc.version}`, kind: 'package' }] }];
    const chain = [...(loc.path ?? []), { name: loc.packageName, version: loc.version }].map((step) => `${step.name}@${step.version}`).join(' > ');
    out['message'] = { text: `${finding.title} (${loc.packageName} ${loc.version}${loc.direct === false ? `, through ${chain}` : ''})${finding.remediation ? `. ${finding.remediation}` : ''}` };
    const props = out['properties'] as { [key: string]: Json };
    props['package'] = loc.packageName;
    props['version'] = loc.version;
    if (loc.direct !== undefined) props['direct'] = loc.direct;
    if (finding.cvssVectors?.[0]) props['cvssVector'] = finding.cvssVectors[0].vector;
  } else if (loc.kind === 'http') {
    addHttpLocation(out, finding);
  }
  if (finding.evidence?.secretHash !== undefined) out['partialFingerprints'] = { 'secretHash/v1': finding.evidence.secretHash };
  if (finding.flow !== undefined && finding.flow.length > 0) out['codeFlows'] = [codeFlow(finding.flow)];
  return out;
}

/** A taint finding's source → sink path as one SARIF thread flow, each step with what carried the value. */
function codeFlow(flow: readonly FlowStep[]): { [key: string]: Json } {
  const locations = flow.map((step) => {
    const region: { [key: string]: Json } = { startLine: step.line };
    if (step.column !== undefined) region['startColumn'] = step.column;
    return {
      location: {
        physicalLocation: { artifactLocation: { uri: encodePath(step.file), uriBaseId: '%SRCROOT%' }, region },
        message: { text: step.step },
      },
    };
  });
  return { threadFlows: [{ locations }] };
}

/** One SARIF 2.1.0 run with every finding of the scan, whatever its report type. */
export const sarifWriter: ReportWriter = {
  id: 'sarif',
  fileName: () => SARIF_FILE_NAME,
  write(report: ScanReport, _reportType, options: WriteOptions): string {
    const ruleOrder = [...new Set(report.findings.map((f) => f.ruleId))].sort();
    const ruleIndex = new Map(ruleOrder.map((id, index) => [id, index]));
    const rules = ruleOrder.map((id) => ruleDescriptor(report.findings.find((f) => f.ruleId === id) as Finding));
    const notifications: Json[] = [...report.problems, ...report.runs.flatMap((run) => run.problems)]
      .filter((problem) => problem.level !== 'info')
      .map((problem) => ({
        level: problem.level === 'error' ? 'error' : 'warning',
        message: { text: problem.message },
        descriptor: { id: problem.code },
      }));
    const document: { [key: string]: Json } = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Bulwark', version: options.toolVersion, semanticVersion: options.toolVersion, rules } },
          invocations: [
            {
              executionSuccessful: !report.runs.some((run) => run.status === 'failed'),
              startTimeUtc: report.startedAt.toISOString(),
              endTimeUtc: report.finishedAt.toISOString(),
              toolExecutionNotifications: notifications,
            },
          ],
          columnKind: 'unicodeCodePoints',
          results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId) ?? 0, options)),
        },
      ],
    };
    return reportJson(document, report.findings.length);
  },
};
