import type { Finding } from '../../core/finding.js';
import { cweIdentifier, type Identifier, type Identifiers } from '../../core/identifier.js';
import type { Module } from './ir/types.js';
import { owaspTitle } from './rules/owasp.js';
import type { RuleMatch, SastRule } from './rules/types.js';
import { enclosingScopes, scopeOffsetSignature } from './scope.js';

export const SAST_ANALYZER_ID = 'sast';
export const SAST_RULE_IDENTIFIER_TYPE = 'bulwark_sast_rule';

const MAX_SNIPPET_LINES = 5;
const MAX_SNIPPET_CHARS = 600;

export function ruleIdentifiers(rule: SastRule): Identifiers {
  const primary: Identifier = { type: SAST_RULE_IDENTIFIER_TYPE, name: rule.metadata.title, value: rule.id };
  const owasp = rule.metadata.owasp.map((id): Identifier => ({ type: 'owasp', name: owaspTitle(id), value: id }));
  return [primary, ...rule.metadata.cwe.map((cwe) => cweIdentifier(cwe)), ...owasp];
}

/** The rule's message with `$X` replaced by what `$X` matched (shortened). */
export function interpolateMessage(rule: SastRule, match: RuleMatch, source: string): string {
  return rule.message.replace(/\$[A-Z_][A-Z0-9_]*/g, (name) => {
    const binding = match.bindings[name];
    if (!binding) return name;
    const text = binding.text ?? source.slice(binding.span.startByte, binding.span.endByte);
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
  });
}

function snippet(source: string, startLine: number, endLine: number): string {
  const lines = source.split('\n').slice(startLine - 1, Math.min(endLine, startLine + MAX_SNIPPET_LINES - 1));
  const text = lines.join('\n');
  return text.length > MAX_SNIPPET_CHARS ? `${text.slice(0, MAX_SNIPPET_CHARS - 1)}…` : text;
}

/** A rule match as a finding: location with scope, code extract, taint path and scope_offset signature. */
export function toFinding(rule: SastRule, match: RuleMatch, module: Module, source: string): Finding {
  const { span } = match;
  const chain = enclosingScopes(module, span.startLine);
  const scope = chain.map((step) => step.name).join('.');
  const flow = (match.flow ?? []).map((step) => ({ file: step.path, line: step.span.startLine, column: step.span.startColumn + 1, step: step.step }));
  return {
    ruleId: rule.id,
    reportType: 'sast',
    title: rule.metadata.title,
    description: interpolateMessage(rule, match, source),
    severity: rule.severity,
    confidence: rule.confidence,
    identifiers: ruleIdentifiers(rule),
    location: {
      kind: 'source',
      file: match.path,
      startLine: span.startLine,
      endLine: span.endLine,
      startColumn: span.startColumn + 1,
      endColumn: span.endColumn + 1,
      ...(scope === '' ? {} : { scope }),
    },
    evidence: { snippet: snippet(source, span.startLine, span.endLine) },
    signatures: [{ algorithm: 'scope_offset', value: scopeOffsetSignature(match.path, chain, span.startLine) }],
    ...(flow.length > 0 ? { flow } : {}),
    links: rule.metadata.references.map((url) => ({ url })),
    analyzer: SAST_ANALYZER_ID,
  };
}
