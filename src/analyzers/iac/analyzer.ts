import type { Finding } from '../../core/finding.js';
import { cweIdentifier, type Identifier } from '../../core/identifier.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import type { FileEntry, TreeAnalyzer, TreeInput } from '../types.js';
import { IAC_FRAMEWORKS } from './frameworks.js';
import type { AnyIacFramework, IacRule, Violation } from './types.js';

export interface IacOptions {
  /** Rule ids switched off in `.bulwark.yml` (`rules.disable`). */
  readonly disabledRules: readonly string[];
}

const ANALYZER_ID = 'iac';
const VERSION = '1.0.0';
const IGNORE = /bulwark:ignore\b([^\n]*)/;

/** Rule ids a `bulwark:ignore` comment on this line or the one above names (`*` when it names none). */
function ignoredOn(lines: readonly string[], line: number): Set<string> {
  const ids = new Set<string>();
  for (const at of [line - 1, line - 2]) {
    const match = IGNORE.exec(lines[at] ?? '');
    if (!match) continue;
    const named = (match[1] ?? '').split(/[\s,]+/).filter((id) => /^[a-z0-9][a-z0-9-]*$/i.test(id));
    if (named.length === 0) ids.add('*');
    for (const id of named) ids.add(id);
  }
  return ids;
}

function identifiers(rule: IacRule<unknown>): [Identifier, ...Identifier[]] {
  return [{ type: 'bulwark_iac_rule', name: rule.title, value: rule.id }, cweIdentifier(rule.cwe)];
}

function finding(rule: IacRule<unknown>, file: string, violation: Violation): Finding {
  return {
    ruleId: rule.id,
    reportType: 'sast',
    title: rule.title,
    description: `${rule.description}\n\nResource: ${violation.resource}${violation.detail ? ` (${violation.detail})` : ''}`,
    severity: rule.severity,
    confidence: 'high',
    identifiers: identifiers(rule),
    location: { kind: 'source', file, startLine: violation.line, endLine: violation.line, scope: violation.resource },
    remediation: rule.remediation,
    links: [],
    analyzer: ANALYZER_ID,
  };
}

function frameworksFor(path: string): AnyIacFramework[] {
  return IAC_FRAMEWORKS.filter((framework) => framework.claims(path));
}

/**
 * Infrastructure-as-code checks: each claimed file is parsed by every framework that claims it
 * (a YAML file may be a Kubernetes manifest or not; the framework decides from its content), and
 * each framework's rules run over what it parsed. Findings go to the SAST report, as GitLab's do.
 */
export function createIacAnalyzer(options: IacOptions): TreeAnalyzer {
  const disabled = new Set(options.disabledRules);
  return {
    id: ANALYZER_ID,
    version: VERSION,
    reportType: 'sast',
    claims: (file: FileEntry) => frameworksFor(file.path).length > 0,
    primaryIdentifiers: () => IAC_FRAMEWORKS.flatMap((framework) => framework.rules.map((rule) => identifiers(rule)[0])),
    async analyzeTree(input: TreeInput): Promise<AnalyzerResult> {
      const findings: Finding[] = [];
      const problems: Problem[] = [];
      for (const file of input.files) {
        const frameworks = frameworksFor(file.path);
        if (frameworks.length === 0) continue;
        const text = input.readFile(file.path);
        if (text === undefined) continue;
        let lines: string[] | undefined;
        for (const framework of frameworks) {
          const parsed = framework.parse(text, file.path);
          problems.push(...parsed.problems);
          for (const target of parsed.targets) {
            for (const rule of framework.rules) {
              if (disabled.has(rule.id)) continue;
              for (const violation of rule.check(target)) {
                lines ??= text.split('\n');
                const ignored = ignoredOn(lines, violation.line);
                if (ignored.has(rule.id) || ignored.has('*')) continue;
                findings.push(finding(rule, file.path, violation));
              }
            }
          }
        }
      }
      return { findings, problems, status: 'ok' };
    },
  };
}
