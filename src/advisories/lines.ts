/** One line of a byte stream: its text, or a note that it was longer than the limit. */
export type Line = { readonly number: number; readonly text: string } | { readonly number: number; readonly tooLong: true };

/**
 * Split a byte stream into lines (LF; a trailing CR stays on the text). A line longer than
 * `maxLineBytes` is not buffered: its bytes are skipped up to the next newline and it comes back
 * as `tooLong`, so one huge line costs no memory.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let number = 0;
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!skipping) {
        if (size + (end - start) > maxLineBytes) {
          skipping = true;
          parts = [];
          size = 0;
        } else {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (newline === -1) break;
      number++;
      yield skipping ? { number, tooLong: true } : { number, text: Buffer.concat(parts, size).toString('utf8') };
      parts = [];
      size = 0;
      skipping = false;
      start = newline + 1;
    }
  }
  if (skipping || size > 0) {
    number++;
    yield skipping ? { number, tooLong: true } : { number, text: Buffer.concat(parts, size).toString('utf8') };
  }
}
