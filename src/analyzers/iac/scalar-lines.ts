/**
 * Lines inside a YAML scalar. `Located` knows the line of a key, but a `run: |` block spans many
 * lines and a finding must point at the script line that holds the problem, so rules look the
 * text up in the file's own lines, within the scalar's extent (the lines indented deeper than
 * its key or sequence dash).
 */

/** The column a scalar's continuation lines must be indented past. */
function anchorColumn(text: string, key: string | undefined): number {
  const indent = text.search(/\S/);
  if (key !== undefined) {
    const at = text.indexOf(`${key}:`);
    if (at >= 0) return at;
  }
  return Math.max(indent, 0);
}

/**
 * A finder for text inside the scalar that starts on `line` (the line of `key`, or of a sequence
 * item when `key` is omitted). Successive calls search onward from the previous hit, so repeated
 * text maps to successive lines. Text that cannot be found (a quoted scalar with escapes) maps to
 * the scalar's own line.
 */
export function scalarLineFinder(source: readonly string[], line: number, key?: string): (needle: string) => number {
  const first = source[line - 1] ?? '';
  const column = anchorColumn(first, key);
  const region: string[] = [key !== undefined && first.indexOf(`${key}:`) >= 0 ? first.slice(first.indexOf(`${key}:`)) : first];
  for (let at = line; at < source.length; at++) {
    const text = source[at] ?? '';
    const indent = text.search(/\S/);
    if (indent >= 0 && indent <= column) break;
    region.push(text);
  }
  const starts: number[] = [];
  let offset = 0;
  for (const text of region) {
    starts.push(offset);
    offset += text.length + 1;
  }
  const joined = region.join('\n');
  let cursor = 0;
  return (needle: string): number => {
    if (needle.length === 0) return line;
    const found = joined.indexOf(needle, cursor);
    if (found < 0) return line;
    cursor = found + needle.length;
    // The last region line that starts at or before the hit (binary search: regions can be long).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? Infinity) <= found) low = middle;
      else high = middle - 1;
    }
    return line + low;
  };
}

/** Each non-empty line of a script with the file line it sits on. */
export function scriptLines(source: readonly string[], script: string, line: number, key?: string): { text: string; line: number }[] {
  const find = scalarLineFinder(source, line, key);
  return script
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => ({ text, line: find(text) }));
}

/** `curl … | sh`, `wget -O- … | sudo bash`, `bash <(curl …)`: remote code run without a check. */
const PIPE_TO_SHELL = /\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k|a)?sh\b/;
const SHELL_OF_DOWNLOAD = /\b(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b/;

/** Script lines longer than this are generated, not written; pattern checks skip them to stay linear. */
export const MAX_SCRIPT_LINE = 4_096;

export function pipesDownloadToShell(text: string): boolean {
  if (text.length > MAX_SCRIPT_LINE) return false;
  return PIPE_TO_SHELL.test(text) || SHELL_OF_DOWNLOAD.test(text);
}

/** Commands that only reshape text: piping a secret through them still prints it (and unmasked). */
const TRANSFORMS = /^(?:base64|rev|xxd|od|hexdump|sed|tr|cut|awk|cat|fold)\b/;

/**
 * An `echo`/`printf` whose output reaches the job log: not redirected into a file (`> key.pem`)
 * and not piped into a consumer (`| docker login --password-stdin`); piping into `base64` or
 * `rev` still prints it, defeating the runner's masking.
 */
export function printsToLog(text: string): boolean {
  if (text.length > MAX_SCRIPT_LINE) return false;
  const command = /\b(?:echo|printf)\b(.*)$/.exec(text);
  if (!command) return false;
  const rest = (command[1] ?? '').replace(/(?:&&|;).*$/, '').replace(/\|\||>&\s*2|2>&1/g, ' ');
  if (/>/.test(rest)) return false;
  const pipe = rest.indexOf('|');
  if (pipe < 0) return true;
  return TRANSFORMS.test(rest.slice(pipe + 1).trim());
}
