/**
 * Report text: indented for people to read, unless the document is large (a 100,000-package
 * lockfile), where indentation alone would triple a file of hundreds of megabytes.
 */
const INDENT_UP_TO_ENTRIES = 20_000;

export function reportJson(document: unknown, entries: number): string {
  return `${JSON.stringify(document, null, entries <= INDENT_UP_TO_ENTRIES ? 2 : undefined)}\n`;
}
