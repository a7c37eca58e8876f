/** GitHub Actions `${{ … }}` expressions, and the event fields an outsider controls. */

export interface Expression {
  /** The whole `${{ … }}` text as written. */
  readonly text: string;
  readonly body: string;
}

/** Every `${{ … }}` in a string, in order (a linear scan: no regex over untrusted text). */
export function expressionsIn(value: string): Expression[] {
  const found: Expression[] = [];
  let from = 0;
  for (;;) {
    const start = value.indexOf('${{', from);
    if (start < 0) return found;
    const end = value.indexOf('}}', start + 3);
    if (end < 0) return found;
    found.push({ text: value.slice(start, end + 2), body: value.slice(start + 3, end).trim() });
    from = end + 2;
  }
}

const ANY_INDEX = String.raw`(?:\.\*|\[[^\]\s]{1,12}\])`;

/**
 * Fields of the event payload that whoever opens an issue, pull request or comment (or names a
 * branch or writes a commit message) chooses freely. `inputs.*` are excluded: only people with
 * write access can dispatch a workflow.
 */
const UNTRUSTED = new RegExp(
  [
    String.raw`\bgithub\.head_ref\b`,
    String.raw`\bgithub\.event\.(?:issue|pull_request|discussion)\.(?:title|body)\b`,
    String.raw`\bgithub\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch)\b`,
    String.raw`\bgithub\.event\.(?:comment|review|review_comment)\.body\b`,
    String.raw`\bgithub\.event\.head_commit\.(?:message|author\.(?:email|name))\b`,
    String.raw`\bgithub\.event\.commits${ANY_INDEX}\.(?:message|author\.(?:email|name))\b`,
    String.raw`\bgithub\.event\.pages${ANY_INDEX}\.page_name\b`,
    String.raw`\bgithub\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))\b`,
  ].join('|'),
);

/** The untrusted field an expression reads, if any. */
export function untrustedField(expression: Expression): string | undefined {
  return UNTRUSTED.exec(expression.body)?.[0];
}
