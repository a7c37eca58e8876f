import type { Finding, HttpRequestEvidence, HttpResponseEvidence, ReportType, SupportingMessage } from '../../core/finding.js';
import { cweIdentifier, type Identifier, type Identifiers } from '../../core/identifier.js';
import type { DastRuleMeta } from './checks/types.js';
import { redactSecrets } from './checks/sensitive-data.js';
import { splitUrl, urlPath, type Exchange } from './http/types.js';

export const DAST_ANALYZER_ID = 'dast';
export const API_FUZZING_ANALYZER_ID = 'api-fuzzing';
// Bump when the same site gives different findings.
export const DAST_ANALYZER_VERSION = '1.0.0';

// Evidence bodies are for people reading a finding; the writers clip again, this bounds memory.
const EVIDENCE_BODY_MAX = 20_000;
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-api-key']);

export function primaryIdentifier(rule: DastRuleMeta): Identifier {
  return { type: 'bulwark_dast_rule', name: rule.title, value: rule.id };
}

export function identifiersOf(rule: DastRuleMeta): Identifiers {
  const owasp = (rule.owasp ?? []).map((id) => ({ type: 'owasp', name: `OWASP ${id}`, value: id }));
  return [primaryIdentifier(rule), ...rule.cwe.map(cweIdentifier), ...owasp];
}

function clipBody(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  return redactSecrets(body.length <= EVIDENCE_BODY_MAX ? body : `${body.slice(0, EVIDENCE_BODY_MAX)}…`);
}

// Credentials the scan was given must not end up in a report that is shared with the team.
function headerValue(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? `${value.slice(0, 12)}…[redacted]` : value;
}

export function requestEvidence(exchange: Exchange): HttpRequestEvidence {
  const body = clipBody(exchange.request.body);
  return {
    method: exchange.request.method,
    url: exchange.request.url,
    headers: exchange.request.headers.map(([name, value]) => ({ name, value: headerValue(name, value) })),
    ...(body === undefined ? {} : { body }),
  };
}

export function responseEvidence(exchange: Exchange): HttpResponseEvidence {
  const body = clipBody(exchange.response.body);
  return {
    statusCode: exchange.response.status,
    reasonPhrase: exchange.response.reason,
    headers: exchange.response.headers.map(([name, value]) => ({ name, value: headerValue(name, value) })),
    ...(body === undefined ? {} : { body }),
  };
}

export interface FindingPlace {
  readonly method: string;
  readonly url: string;
  readonly param: string;
}

/** A DAST finding: the rule's facts, the place, and the exchanges that prove it. */
export function dastFinding(
  rule: DastRuleMeta,
  reportType: ReportType,
  place: FindingPlace,
  summary: string,
  exchange: Exchange,
  supporting: readonly { readonly name: string; readonly exchange: Exchange }[] = [],
): Finding {
  const messages: SupportingMessage[] = supporting.map((s) => ({ name: s.name, request: requestEvidence(s.exchange), response: responseEvidence(s.exchange) }));
  return {
    ruleId: rule.id,
    reportType,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    confidence: rule.confidence,
    identifiers: identifiersOf(rule),
    location: { kind: 'http', hostname: splitUrl(place.url)?.origin ?? place.url, method: place.method, path: urlPath(place.url), param: place.param },
    evidence: {
      summary,
      request: requestEvidence(exchange),
      response: responseEvidence(exchange),
      ...(messages.length > 0 ? { supportingMessages: messages } : {}),
    },
    remediation: rule.remediation,
    links: rule.references.map((url) => ({ url })),
    analyzer: reportType === 'api_fuzzing' ? API_FUZZING_ANALYZER_ID : DAST_ANALYZER_ID,
  };
}

/** One finding per rule and place, the first kept; sorted by place then rule for stable reports. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const finding of findings) {
    const loc = finding.location;
    const key = loc.kind === 'http' ? `${finding.reportType} ${finding.ruleId} ${loc.hostname} ${loc.method} ${loc.path} ${loc.param}` : finding.ruleId;
    if (!kept.has(key)) kept.set(key, finding);
  }
  const place = (f: Finding): string => (f.location.kind === 'http' ? `${f.location.hostname} ${f.location.path} ${f.location.method} ${f.location.param}` : '');
  return [...kept.values()].sort((a, b) => place(a).localeCompare(place(b)) || a.ruleId.localeCompare(b.ruleId));
}
