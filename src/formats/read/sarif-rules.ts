import { cweIdentifier, type Identifier } from '../../core/identifier.js';
import type { Severity } from '../../core/severity.js';
import { isObject, type JsonObject } from './check.js';
import type { IngestReportType } from './types.js';

/**
 * GitLab's SARIF mapping (spec §1.1): identifiers from the rule id, rule tags and CWE
 * relationships; the report type inferred from them; severity from rank, security-severity or
 * level. Pure functions over already-checked objects.
 */

/** CWEs GitLab treats as "this is a leaked secret". */
const SECRET_CWES = new Set([798, 259, 321, 522, 312, 319, 256, 257, 540]);
/** GitLab reads at most this many tags per rule. */
export const MAX_TAGS_PER_RULE = 10;

const CVE = /^CVE-\d{4}-\d{4,}$/i;
// `CWE-79`, `cwe:79`, `cwe-079`, CodeQL's `external/cwe/cwe-079`, Semgrep's `CWE-78: Improper …`.
const CWE = /^(?:external\/cwe\/)?cwe[-:_/]?0*(\d{1,6})(?::\s.*)?$/is;
const CVE_TAG = /^(?:cve:)?(CVE-\d{4}-\d{4,})$/i;
const SECRET_TOOLS = /gitleaks|trufflehog|detect-secrets|secret/i;

export function cweNumber(text: string): number | undefined {
  const match = CWE.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

function cveIdentifier(id: string): Identifier {
  const value = id.toUpperCase();
  return { type: 'cve', name: value, value, url: `https://www.cve.org/CVERecord?id=${value}` };
}

/** The result's primary identifier: the rule id, typed as a CVE or CWE when it is one. */
export function primaryIdentifier(ruleId: string, rule: JsonObject | undefined): Identifier {
  if (CVE.test(ruleId)) return cveIdentifier(ruleId);
  const cwe = cweNumber(ruleId);
  if (cwe !== undefined) return cweIdentifier(cwe);
  const name = rule && typeof rule['name'] === 'string' && rule['name'] !== '' ? rule['name'] : ruleId;
  const url = rule && typeof rule['helpUri'] === 'string' ? rule['helpUri'] : undefined;
  const id: Identifier = { type: 'sarif_rule_id', name: name.slice(0, 255), value: ruleId };
  return url === undefined ? id : { ...id, url: url.slice(0, 2048) };
}

/** Secondary identifiers: CWE and CVE tags (first ten), then CWE relationships. */
export function ruleIdentifiers(rule: JsonObject | undefined): Identifier[] {
  if (!rule) return [];
  const out: Identifier[] = [];
  const properties = isObject(rule['properties']) ? rule['properties'] : undefined;
  const tags = properties && Array.isArray(properties['tags']) ? properties['tags'].slice(0, MAX_TAGS_PER_RULE) : [];
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const cwe = cweNumber(tag);
    if (cwe !== undefined) out.push(cweIdentifier(cwe));
    const cve = CVE_TAG.exec(tag.trim());
    if (cve?.[1] !== undefined) out.push(cveIdentifier(cve[1]));
  }
  const relationships = Array.isArray(rule['relationships']) ? rule['relationships'] : [];
  for (const relationship of relationships) {
    if (!isObject(relationship) || !isObject(relationship['target'])) continue;
    const target = relationship['target'];
    const component = isObject(target['toolComponent']) ? target['toolComponent'] : undefined;
    if (component?.['name'] === undefined || String(component['name']).toUpperCase() !== 'CWE') continue;
    const cwe = typeof target['id'] === 'string' ? cweNumber(target['id'].includes('-') || target['id'].includes(':') ? target['id'] : `CWE-${target['id']}`) : undefined;
    if (cwe !== undefined) out.push(cweIdentifier(cwe));
  }
  return out;
}

/** Drop later copies of the same (type, value). */
export function uniqueIdentifiers(ids: readonly Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = `${id.type.toLowerCase()}:${id.value.toUpperCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spec §1.1: any CVE → dependency_scanning; any secret CWE → secret_detection; else sast (secret tools by name). */
export function inferReportType(identifiers: readonly Identifier[], toolName: string): IngestReportType {
  if (identifiers.some((id) => id.type === 'cve')) return 'dependency_scanning';
  if (identifiers.some((id) => id.type === 'cwe' && SECRET_CWES.has(Number(id.value)))) return 'secret_detection';
  if (SECRET_TOOLS.test(toolName)) return 'secret_detection';
  return 'sast';
}

/** GitLab's buckets for a 0–100 score. */
export function severityOfScore(score: number): Severity {
  if (score >= 90) return 'critical';
  if (score >= 70) return 'high';
  if (score >= 40) return 'medium';
  if (score >= 10) return 'low';
  return 'info';
}

const LEVELS: Readonly<Record<string, Severity>> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

function securitySeverity(properties: unknown): number | undefined {
  if (!isObject(properties)) return undefined;
  const raw = properties['security-severity'];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 && value <= 10 ? value * 10 : undefined;
}

/**
 * Severity precedence (spec §1.1): result.rank → rule security-severity → result
 * security-severity (both ×10) → result.level → rule default level → medium.
 */
export function sarifSeverity(result: JsonObject, rule: JsonObject | undefined): Severity {
  const rank = result['rank'];
  if (typeof rank === 'number' && rank >= 0 && rank <= 100) return severityOfScore(rank);
  const score = securitySeverity(rule?.['properties']) ?? securitySeverity(result['properties']);
  if (score !== undefined) return severityOfScore(score);
  const level = result['level'];
  if (typeof level === 'string' && LEVELS[level] !== undefined) return LEVELS[level];
  const config = rule && isObject(rule['defaultConfiguration']) ? rule['defaultConfiguration']['level'] : undefined;
  if (typeof config === 'string' && LEVELS[config] !== undefined) return LEVELS[config];
  return 'medium';
}

/** Suppressed results are skipped unless every suppression is still under review or was rejected. */
export function isSuppressed(result: JsonObject): boolean {
  const suppressions = result['suppressions'];
  if (!Array.isArray(suppressions) || suppressions.length === 0) return false;
  return !suppressions.every((s) => isObject(s) && (s['status'] === 'underReview' || s['status'] === 'rejected'));
}

/** A SARIF artifact URI as a repository path: `file://` and `./` prefixes dropped, percent-escapes decoded. */
export function artifactPath(uri: string): string {
  let path = uri.replace(/^file:\/\//i, '').replace(/^\.\//, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray `%` is part of the name; keep the text as written.
  }
  return path;
}
