const MARKER = /(?:bulwark:ignore|nosemgrep|nosec)\b:?([^\n]*)/;

/**
 * Inline suppression: `bulwark:ignore <rule-id>` (or `nosemgrep` / `nosec`) in a comment on the
 * finding's line or the line above. Without a rule id it silences every rule on that line.
 */
export function isSuppressed(source: string, line: number, ruleId: string): boolean {
  const lines = source.split('\n', line);
  for (const text of [lines[line - 1], lines[line - 2]]) {
    if (text === undefined) continue;
    const match = MARKER.exec(text);
    if (!match) continue;
    const ids = (match[1] ?? '').split(/[\s,]+/).filter((id) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id));
    if (ids.length === 0 || ids.includes(ruleId)) return true;
  }
  return false;
}
