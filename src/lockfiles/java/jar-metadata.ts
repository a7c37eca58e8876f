// The two small text formats Java archives carry their own metadata in: Maven's pom.properties
// (Java properties syntax) and META-INF/MANIFEST.MF. Text in, key/value maps out.

/**
 * Java's `.properties` format: `key=value`, `key: value` or `key value`; `#`/`!` comments; a
 * trailing odd backslash continues the line; `\t \n \r \f \uXXXX` escapes.
 */
export function parseProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = trimLeadingBlanks(lines[index] ?? '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (endsWithOddBackslashes(line) && index + 1 < lines.length) {
      line = line.slice(0, -1) + trimLeadingBlanks(lines[++index] ?? '');
    }
    const { key, rest } = splitKey(line);
    properties.set(unescapeProperty(key), unescapeProperty(rest));
  }
  return properties;
}

function trimLeadingBlanks(line: string): string {
  let start = 0;
  while (start < line.length && ' \t\f'.includes(line.charAt(start))) start++;
  return line.slice(start);
}

function endsWithOddBackslashes(line: string): boolean {
  let count = 0;
  for (let index = line.length - 1; index >= 0 && line.charAt(index) === '\\'; index--) count++;
  return count % 2 === 1;
}

/** The key ends at the first unescaped `=`, `:` or blank; one `=`/`:` between blanks may follow it. */
function splitKey(line: string): { readonly key: string; readonly rest: string } {
  let end = 0;
  while (end < line.length && !'=: \t\f'.includes(line.charAt(end))) end += line.charAt(end) === '\\' ? 2 : 1;
  const key = line.slice(0, Math.min(end, line.length));
  let rest = trimLeadingBlanks(line.slice(end));
  if (rest.startsWith('=') || rest.startsWith(':')) rest = trimLeadingBlanks(rest.slice(1));
  return { key, rest };
}

function unescapeProperty(raw: string): string {
  const named: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) =>
    escaped.length === 5 ? String.fromCharCode(parseInt(escaped.slice(1), 16)) : (named[escaped] ?? escaped),
  );
}

/** The main section of a manifest: `Name: value` headers, continuation lines start with a space. */
export function parseJarManifest(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line === '') break; // the main section ends at the first blank line
    if (line.startsWith(' ')) {
      if (last !== undefined) headers.set(last, (headers.get(last) ?? '') + line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    last = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : undefined;
    if (last !== undefined) headers.set(last, line.slice(colon + 1).replace(/^ /, ''));
  }
  return headers;
}
