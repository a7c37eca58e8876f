import type { Finding } from '../../core/finding.js';
import type { Identifiers } from '../../core/identifier.js';
import type { Problem } from '../../core/result.js';
import { Checker, at, clip, isObject, item, objectsOf, optArray, reqArray, reqObject, reqString, type JsonObject } from '../read/check.js';
import {
  artifactPath,
  inferReportType,
  isSuppressed,
  primaryIdentifier,
  ruleIdentifiers,
  sarifSeverity,
  uniqueIdentifiers,
} from '../read/sarif-rules.js';
import type { IngestedFinding, IngestedReport, IngestReportType } from '../read/types.js';

export interface SarifReadContext {
  readonly checker: Checker;
  readonly maxFindings: number;
  readonly file?: string;
}

/** GitLab's limits for SARIF (spec §1.1). Results per run are bounded by maxFindings instead. */
const MAX_RUNS = 20;
const MAX_RULES_PER_RUN = 25_000;

export function isSarifLog(document: JsonObject): boolean {
  if (!Array.isArray(document['runs'])) return false;
  const schema = document['$schema'];
  return document['version'] === '2.1.0' || (typeof schema === 'string' && /sarif/i.test(schema)) || typeof document['version'] === 'string';
}

const textOf = (value: unknown): string | undefined => (isObject(value) && typeof value['text'] === 'string' ? value['text'] : undefined);

interface RunContext {
  readonly rulesById: Map<string, JsonObject>;
  readonly rules: JsonObject[];
  readonly toolName: string;
  readonly scannerId: string;
}

function ruleOf(run: RunContext, result: JsonObject): { ruleId?: string; rule?: JsonObject } {
  const index = typeof result['ruleIndex'] === 'number' ? result['ruleIndex'] : isObject(result['rule']) && typeof result['rule']['index'] === 'number' ? result['rule']['index'] : undefined;
  const byIndex = index === undefined ? undefined : run.rules[index];
  const ruleId =
    typeof result['ruleId'] === 'string' && result['ruleId'] !== ''
      ? result['ruleId']
      : isObject(result['rule']) && typeof result['rule']['id'] === 'string'
        ? result['rule']['id']
        : typeof byIndex?.['id'] === 'string'
          ? byIndex['id']
          : undefined;
  const rule = (ruleId === undefined ? undefined : run.rulesById.get(ruleId)) ?? byIndex;
  return { ...(ruleId === undefined ? {} : { ruleId }), ...(rule === undefined ? {} : { rule }) };
}

/** One result → a finding, or the reason it cannot be one (GitLab drops such results). */
function readResult(run: RunContext, result: JsonObject): IngestedFinding | string {
  const { ruleId, rule } = ruleOf(run, result);
  if (ruleId === undefined) return 'has no ruleId';
  const locations = Array.isArray(result['locations']) ? result['locations'] : [];
  const first: unknown = locations[0];
  const physical = isObject(first) && isObject(first['physicalLocation']) ? first['physicalLocation'] : undefined;
  if (!physical) return 'has no locations[0].physicalLocation';
  const artifact = isObject(physical['artifactLocation']) ? physical['artifactLocation'] : undefined;
  const uri = typeof artifact?.['uri'] === 'string' ? artifact['uri'] : undefined;
  if (uri === undefined || uri === '') return 'has no artifactLocation.uri';
  const region = isObject(physical['region']) ? physical['region'] : {};
  const line = (key: string): number | undefined => (typeof region[key] === 'number' && Number.isSafeInteger(region[key]) && (region[key] as number) >= 0 ? (region[key] as number) : undefined);
  const startLine = line('startLine');
  const endLine = line('endLine');
  const file = artifactPath(uri);

  const ids = uniqueIdentifiers([primaryIdentifier(ruleId, rule), ...ruleIdentifiers(rule)]);
  const identifiers = ids as unknown as Identifiers; // never empty: the primary identifier is always first
  const reportType = inferReportType(identifiers, run.toolName);
  const message = textOf(result['message']) ?? '';
  const shortDescription = textOf(rule?.['shortDescription']);
  const fullDescription = textOf(rule?.['fullDescription']);
  const helpUri = typeof rule?.['helpUri'] === 'string' ? rule['helpUri'] : undefined;
  const snippet = textOf(region['snippet']);
  const startColumn = line('startColumn');
  const endColumn = line('endColumn');
  const finding: Finding = {
    ruleId,
    reportType: reportType === 'dependency_scanning' || reportType === 'secret_detection' ? reportType : 'sast',
    title: clip(message !== '' ? message : (shortDescription ?? ruleId), 255),
    description: clip(fullDescription ?? message, 2048),
    severity: sarifSeverity(result, rule),
    confidence: 'medium',
    identifiers,
    location: {
      kind: 'source',
      file,
      startLine: startLine ?? 0,
      endLine: endLine ?? startLine ?? 0,
      ...(startColumn === undefined ? {} : { startColumn }),
      ...(endColumn === undefined ? {} : { endColumn }),
    },
    links: helpUri === undefined ? [] : [{ url: clip(helpUri, 2048) }],
    analyzer: run.scannerId,
    ...(snippet === undefined ? {} : { evidence: { snippet } }),
  };
  // GitLab's SARIF location fingerprint is file:startLine:endLine; an absent line is empty, as in Ruby.
  const locationData = `${file}:${startLine ?? ''}:${endLine ?? ''}`;
  return { finding, reportType, locationData, signatures: [], raw: result };
}

function scannerIdOf(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return id === '' ? 'sarif' : id;
}

function readRun(c: Checker, run: JsonObject, path: string, file: string | undefined, budget: { left: number }): IngestedReport[] | undefined {
  const tool = reqObject(c, run, 'tool', path);
  const driver = tool ? reqObject(c, tool, 'driver', at(path, 'tool')) : undefined;
  const name = driver ? reqString(c, driver, 'name', at(path, 'tool.driver'), { nonEmpty: true }) : undefined;
  const rules = driver ? (optArray(c, driver, 'rules', at(path, 'tool.driver')) ?? []) : [];
  const results = optArray(c, run, 'results', path) ?? [];
  if (!driver || name === undefined) return undefined;
  if (rules.length > MAX_RULES_PER_RUN) {
    c.fail(at(path, 'tool.driver.rules'), `${rules.length} rules, more than the limit of ${MAX_RULES_PER_RUN}`, 'report-limit');
    return undefined;
  }
  budget.left -= results.length;
  if (budget.left < 0) {
    c.fail(at(path, 'results'), 'more results than the limit for one report', 'report-limit');
    return undefined;
  }
  const ruleObjects = rules.map((r) => (isObject(r) ? r : {}));
  const rulesById = new Map<string, JsonObject>();
  for (const r of ruleObjects) if (typeof r['id'] === 'string' && !rulesById.has(r['id'])) rulesById.set(r['id'], r);
  const version = typeof driver['semanticVersion'] === 'string' ? driver['semanticVersion'] : typeof driver['version'] === 'string' ? driver['version'] : undefined;
  const vendor = typeof driver['organization'] === 'string' ? driver['organization'] : undefined;
  const context: RunContext = { rulesById, rules: ruleObjects, toolName: name, scannerId: scannerIdOf(name) };

  const byType = new Map<IngestReportType, IngestedFinding[]>();
  const dropped = new Map<string, number>();
  let suppressed = 0;
  for (const raw of results) {
    if (!isObject(raw)) {
      dropped.set('is not an object', (dropped.get('is not an object') ?? 0) + 1);
      continue;
    }
    if (isSuppressed(raw)) {
      suppressed++;
      continue;
    }
    const read = readResult(context, raw);
    if (typeof read === 'string') {
      dropped.set(read, (dropped.get(read) ?? 0) + 1);
      continue;
    }
    const list = byType.get(read.reportType) ?? [];
    list.push(read);
    byType.set(read.reportType, list);
  }
  const droppedTotal = [...dropped.values()].reduce((a, b) => a + b, 0);
  const considered = results.length - suppressed;
  if (considered > 0 && droppedTotal * 2 > considered) {
    const reasons = [...dropped].map(([why, n]) => `${n} ${why}`).join(', ');
    c.fail(at(path, 'results'), `${droppedTotal} of ${considered} results cannot be ingested (${reasons}); more than half, so the run is refused`, 'unprocessable-results');
    return undefined;
  }
  const messages: Problem[] = [...dropped].map(([why, n]) => {
    const problem: Problem = { code: 'sarif-result-dropped', message: `${path}: ${n} result(s) skipped: ${why}`, level: 'warn' };
    return file === undefined ? problem : { ...problem, file };
  });
  const scanner = { id: context.scannerId, name, ...(version === undefined ? {} : { version }), ...(vendor === undefined ? {} : { vendor }) };
  const types = byType.size > 0 ? [...byType.keys()].sort() : (['sast'] as IngestReportType[]);
  return types.map((reportType) => ({
    reportType,
    format: 'sarif' as const,
    schemaVersion: '2.1.0',
    scanner,
    findings: byType.get(reportType) ?? [],
    packages: [],
    messages,
  }));
}

/** A SARIF 2.1.0 log: one report per run and inferred report type (GitLab's scan per run × type). */
export function readSarifDocument(document: JsonObject, ctx: SarifReadContext): IngestedReport[] | undefined {
  const c = ctx.checker;
  const version = document['version'];
  if (version !== '2.1.0') {
    c.fail('version', `SARIF version ${typeof version === 'string' ? `"${clip(version, 20)}"` : 'missing'} is not supported: only 2.1.0 is read`, 'unsupported-version');
    return undefined;
  }
  const runs = reqArray(c, document, 'runs', '');
  if (!runs) return undefined;
  if (runs.length > MAX_RUNS) {
    c.fail('runs', `${runs.length} runs, more than the limit of ${MAX_RUNS}`, 'report-limit');
    return undefined;
  }
  const budget = { left: ctx.maxFindings };
  const reports: IngestedReport[] = [];
  for (const run of objectsOf(c, runs, 'runs')) {
    const read = readRun(c, run.value, item('runs', run.index), ctx.file, budget);
    if (read) reports.push(...read);
  }
  return c.failed ? undefined : reports;
}
