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

/**
 * The batches, each serialised only when it is taken (and `rows` read only as far as that): a
 * 100,000-row upload never holds all of its JSON at once. `toRow` picks what a row sends.
 */
export function* jsonBatchesOf<T>(
  rows: Iterable<T>,
  toRow: (row: T) => unknown = (row) => row,
  maxRows = 2000,
  maxChars = 8 * 1024 * 1024,
): Generator<string, void, undefined> {
  let current: string[] = [];
  let chars = 0;
  for (const row of rows) {
    const text = toJsonText(toRow(row));
    if (current.length > 0 && (current.length >= maxRows || chars + text.length > maxChars)) {
      yield `[${current.join(',')}]`;
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length + 1;
  }
  if (current.length > 0) yield `[${current.join(',')}]`;
}

export function jsonBatches<T>(rows: readonly T[], maxRows = 2000, maxChars = 8 * 1024 * 1024): string[] {
  return [...jsonBatchesOf(rows, (row) => row, maxRows, maxChars)];
}

/**
 * Run `statement` on each batch in turn, serialising the next batch while the database works on
 * the current one. A transaction's connection runs one statement at a time; what overlaps is
 * node's JSON work with PostgreSQL's insert, so on two cores the two stop adding up.
 */
export async function forEachBatch<R>(batches: Iterator<string, void, undefined>, statement: (batch: string) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = batches.next();
  while (next.done !== true) {
    const running = statement(next.value);
    // Handled below; without this a failure during the next batch's JSON work is "unhandled".
    running.catch(() => undefined);
    // Let the query reach the socket before the synchronous work on the next batch starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
    next = batches.next();
    results.push(await running);
  }
  return results;
}
