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

/** Yielded between slices of a batch being serialised: the consumer lets the event loop run. */
export const PAUSE: unique symbol = Symbol('pause');

/**
 * A batch as one JSON array of the small columns plus, per document column, a PostgreSQL array
 * literal of one JSON text per row (cast to json[] in SQL). The literal is built here: the
 * driver's own array serialisation walks every character and doubled node's CPU for an upload.
 */
export interface SplitBatch {
  readonly json: string;
  readonly documents: readonly string[];
}

/**
 * One element of an array literal: quoted, with backslashes and quotes escaped. For JSON text,
 * which holds no raw control character or lone surrogate, that is exactly what JSON.stringify does
 * to it, natively (a quarter of the CPU of a regular expression replace).
 */
const arrayElement = (jsonText: string): string => JSON.stringify(jsonText);

/**
 * The batches, each serialised only when it is taken (and `rows` read only as far as that): a
 * 100,000-row upload never holds all of its JSON at once. `toRow` picks what a row sends;
 * `documents` (a few JSON columns stored whole) go beside the rows as text arrays, which
 * PostgreSQL checks as json rather than building jsonb values of them while it reads the batch.
 * With `pauseEvery`, PAUSE comes after every that many rows (forEachBatch yields to the event
 * loop there).
 */
export function* splitBatchesOf<T>(
  rows: Iterable<T>,
  toRow: (row: T) => unknown,
  documents: (row: T) => readonly unknown[] = () => [],
  maxRows = 2000,
  maxChars = 8 * 1024 * 1024,
  pauseEvery = Infinity,
): Generator<SplitBatch | typeof PAUSE, void, undefined> {
  let current: string[] = [];
  let columns: string[][] = [];
  let chars = 0;
  const take = (): SplitBatch => ({ json: `[${current.join(',')}]`, documents: columns.map((column) => `{${column.join(',')}}`) });
  for (const row of rows) {
    const text = toJsonText(toRow(row));
    const docs = documents(row).map((doc) => arrayElement(toJsonText(doc)));
    const size = docs.reduce((sum, doc) => sum + doc.length, text.length);
    if (current.length > 0 && (current.length >= maxRows || chars + size > maxChars)) {
      yield take();
      current = [];
      columns = [];
      chars = 0;
    }
    current.push(text);
    docs.forEach((doc, k) => (columns[k] ??= []).push(doc));
    chars += size + 1;
    if (current.length % pauseEvery === 0) yield PAUSE;
  }
  if (current.length > 0) yield take();
}

export function jsonBatches<T>(rows: readonly T[], maxRows = 2000, maxChars = 8 * 1024 * 1024): string[] {
  const batches: string[] = [];
  for (const batch of splitBatchesOf(rows, (row) => row, () => [], maxRows, maxChars)) if (batch !== PAUSE) batches.push(batch.json);
  return batches;
}

const nextTick = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Run `statement` on each batch in turn, serialising the next batch while the database works on
 * the current one. A transaction's connection runs one statement at a time; what overlaps is
 * node's JSON work with PostgreSQL's insert, so on two cores the two stop adding up. The batch
 * is megabytes, more than the socket takes at once: building the next one in one go would hold
 * the rest of it back until done, so the builder pauses (PAUSE) and the socket is written
 * between slices.
 */
export async function forEachBatch<B, R>(batches: Iterator<B | typeof PAUSE, void, undefined>, statement: (batch: B) => Promise<R>): Promise<R[]> {
  const take = async (): Promise<B | undefined> => {
    for (;;) {
      const next = batches.next();
      if (next.done === true) return undefined;
      if (next.value !== PAUSE) return next.value;
      await nextTick();
    }
  };
  const results: R[] = [];
  let batch = await take();
  while (batch !== undefined) {
    const running = statement(batch);
    // Handled below; without this a failure during the next batch's JSON work is "unhandled".
    running.catch(() => undefined);
    // Let the query reach the socket before the synchronous work on the next batch starts.
    await nextTick();
    batch = await take();
    results.push(await running);
  }
  return results;
}
