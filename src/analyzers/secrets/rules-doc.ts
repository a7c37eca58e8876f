import type { SecretRule } from './rule.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** The rule reference (docs/secret-rules.md), generated from each rule's meta so it cannot drift. */
export function renderSecretRulesDoc(families: Readonly<Record<string, readonly SecretRule[]>>): string {
  const all = Object.values(families).flat();
  const lines: string[] = [
    '# Secret detection rules',
    '',
    `Bulwark's secret detector has ${all.length} rules in ${Object.keys(families).length} families. Every finding is`,
    'reported as critical (as GitLab does) with the rule id as its primary identifier. Disable a rule, or',
    're-grade it, in `.bulwark.yml` (`rules.disable`, `rules.severity`); generic rules give way to a',
    "provider's rule that matches the same secret.",
    '',
    'This page is generated from the rules (`src/analyzers/secrets/rules/`); `UPDATE_GOLDEN=1 npm test`',
    'rewrites it.',
    '',
  ];
  for (const [family, rules] of Object.entries(families).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`## ${family}`, '', '| rule id | what it finds | CWE | confidence | reference |', '| --- | --- | --- | --- | --- |');
    for (const rule of rules) {
      const { meta } = rule;
      const reference = meta.references[0] === undefined ? '' : `[docs](${meta.references[0]})`;
      const kind = rule.isGeneric === true ? ' (generic)' : '';
      lines.push(
        `| \`${meta.id}\` | ${cell(meta.title)}${kind} | ${meta.cwe.map((c) => `CWE-${c}`).join(', ')} | ${meta.confidence} | ${reference} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
