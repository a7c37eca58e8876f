/**
 * Calls `visit` for each line of `text` that holds something (not blank, not a `#` comment), in
 * order: the line without its `\n` or `\r\n`, the line without its indent, the indent's length,
 * and the 1-based line number. pnpm-lock.yaml and yarn.lock are both read this way.
 */
export function forEachContentLine(text: string, visit: (line: string, body: string, indent: number, lineNumber: number) => void): void {
  let lineNumber = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = end + 1;
    lineNumber++;
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    visit(line, body, line.length - body.length, lineNumber);
  }
}
