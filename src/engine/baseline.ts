import type { Finding } from '../core/finding.js';
import { err, ok, type Result } from '../core/result.js';

/** Findings of an earlier report: matched by secret fingerprint where known, else by line. */
export interface Baseline {
  readonly byFingerprint: ReadonlySet<string>;
  readonly byLine: ReadonlySet<string>;
  readonly size: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface Entry {
  readonly ruleId: string;
  readonly file: string;
  readonly line?: number;
  readonly fingerprint?: string;
}

function gitlabEntries(doc: Record<string, unknown>): Entry[] {
  const out: Entry[] = [];
  for (const vuln of Array.isArray(doc['vulnerabilities']) ? doc['vulnerabilities'] : []) {
    if (!isObject(vuln) || !Array.isArray(vuln['identifiers']) || !isObject(vuln['location'])) continue;
    const primary = vuln['identifiers'][0];
    const ruleId = isObject(primary) ? str(primary['value']) : undefined;
    const file = str(vuln['location']['file']);
    if (ruleId === undefined || file === undefined) continue;
    const line = vuln['location']['start_line'];
    const details = isObject(vuln['details']) ? vuln['details'] : {};
    const hash = isObject(details['secret_sha256']) ? str(details['secret_sha256']['value']) : undefined;
    out.push({ ruleId, file, ...(typeof line === 'number' ? { line } : {}), ...(hash ? { fingerprint: hash } : {}) });
  }
  return out;
}

function sarifEntries(doc: Record<string, unknown>): Entry[] {
  const out: Entry[] = [];
  for (const run of Array.isArray(doc['runs']) ? doc['runs'] : []) {
    if (!isObject(run) || !Array.isArray(run['results'])) continue;
    for (const result of run['results']) {
      if (!isObject(result)) continue;
      const ruleId = str(result['ruleId']);
      const location = Array.isArray(result['locations']) ? result['locations'][0] : undefined;
      const physical = isObject(location) && isObject(location['physicalLocation']) ? location['physicalLocation'] : undefined;
      const artifact = physical && isObject(physical['artifactLocation']) ? physical['artifactLocation'] : undefined;
      const uri = artifact ? str(artifact['uri']) : undefined;
      if (ruleId === undefined || uri === undefined) continue;
      const region = physical && isObject(physical['region']) ? physical['region'] : {};
      const prints = isObject(result['partialFingerprints']) ? result['partialFingerprints'] : {};
      const hash = str(prints['secretHash/v1']);
      const line = region['startLine'];
      out.push({ ruleId, file: decodeURIComponent(uri), ...(typeof line === 'number' ? { line } : {}), ...(hash ? { fingerprint: hash } : {}) });
    }
  }
  return out;
}

/** Read a previous `gl-*-report.json` or SARIF file. */
export function parseBaseline(text: string, source: string): Result<Baseline, string> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return err(`baseline ${source} is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(doc)) return err(`baseline ${source} is not a report object`);
  let entries: Entry[];
  if (Array.isArray(doc['vulnerabilities'])) entries = gitlabEntries(doc);
  else if (Array.isArray(doc['runs'])) entries = sarifEntries(doc);
  else return err(`baseline ${source} is neither a GitLab security report nor SARIF (no "vulnerabilities" or "runs")`);
  const byFingerprint = new Set<string>();
  const byLine = new Set<string>();
  for (const entry of entries) {
    if (entry.fingerprint !== undefined) byFingerprint.add(`${entry.ruleId}|${entry.file}|${entry.fingerprint}`);
    else if (entry.line !== undefined) byLine.add(`${entry.ruleId}|${entry.file}|${entry.line}`);
  }
  return ok({ byFingerprint, byLine, size: entries.length });
}

/** Keep only findings the baseline does not already know. A moved secret is still known. */
export function subtractBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  return findings.filter((finding) => {
    const loc = finding.location;
    const file = loc.kind === 'source' || loc.kind === 'dependency' ? loc.file : '';
    const hash = finding.evidence?.secretHash;
    if (hash !== undefined && baseline.byFingerprint.has(`${finding.ruleId}|${file}|${hash}`)) return false;
    const line = loc.kind === 'source' ? loc.startLine : 0;
    return !baseline.byLine.has(`${finding.ruleId}|${file}|${line}`);
  });
}
