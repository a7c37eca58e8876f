/**
 * Rows go to PostgreSQL as one JSON parameter per batch (`jsonb_to_recordset`): one round trip
 * per few thousand rows, and no 65,535-parameter ceiling. Batches are cut by count and by size.
 */
/** jsonb cannot hold U+0000: an escaped NUL (not an escaped backslash before "u0000") becomes U+FFFD. */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? text.replace(ESCAPED_NUL, '$1\\ufffd') : text;
}

export function jsonBatches<T>(rows: readonly T[], maxRows = 2000, maxChars = 8 * 1024 * 1024): string[] {
  const batches: string[] = [];
  let current: string[] = [];
  let chars = 0;
  for (const row of rows) {
    const text = toJsonText(row);
    if (current.length > 0 && (current.length >= maxRows || chars + text.length > maxChars)) {
      batches.push(`[${current.join(',')}]`);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length + 1;
  }
  if (current.length > 0) batches.push(`[${current.join(',')}]`);
  return batches;
}
