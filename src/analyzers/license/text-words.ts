/** Texts are cut here: every license in the SPDX list is shorter, so only junk is lost. */
export const MAX_LICENSE_TEXT_CHARS = 256 * 1024;

/**
 * A copyright line, which names the holder and years and so differs in every copy of a license:
 * `Copyright (c) 2020 Jane`, `Copyright 2019-2024 Acme`, `(C) 2001 …`, `© Jane`, and the SPDX
 * placeholders (`Copyright [yyyy] [name of copyright owner]`, `Copyright (C) YEAR by AUTHOR`).
 * A wrapped sentence that starts with the word ("copyright notice and this permission …") is
 * not one: the word must be followed by a symbol, a year or a placeholder.
 */
const COPYRIGHT_LINE = /^(?:copyright\b[\s:]*(?:\(c\)|©|\d{4}|\[yyyy\]|<year>|\{year\}|year\b|\[year\])|\(c\)\s*\d|©)/i;

const ALL_RIGHTS_RESERVED_LINE = /^all rights reserved\.?$/i;

/** Markdown and reStructuredText decoration, quote marks and bullets at the start of a line. */
const LEADING_DECORATION = /^[\s#>*+\-•=_|`~]+/;

/** A list label at the start of a line: `1.`, `(a)`, `b)`, `iv.`, `1)`. */
const LIST_LABEL = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+/i;

/**
 * What separates words: anything but ASCII letters and digits and the characters past Latin-1's
 * symbols, less the general punctuation block (curly quotes, dashes, bullets). Splitting on this
 * is several times cheaper than matching a Unicode property class.
 */
const NOT_WORD = /[^a-z0-9\u00c0-\u1fff\u2070-\uffff]+/;

/** Spelling differences that do not change a license (SPDX matching guidelines, equivalent words). */
const EQUIVALENT_WORDS: ReadonlyMap<string, string> = new Map([
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['licenced', 'licensed'],
  ['https', 'http'],
]);

/** A line without its decoration and list label, or undefined when it carries no license words. */
function stripLine(line: string): string | undefined {
  let text = line;
  for (let round = 0; round < 3; round += 1) {
    const stripped = text.replace(LEADING_DECORATION, '').replace(LIST_LABEL, '');
    if (stripped === text) break;
    text = stripped;
  }
  if (COPYRIGHT_LINE.test(text) || ALL_RIGHTS_RESERVED_LINE.test(text.trim())) return undefined;
  return text;
}

/**
 * The words of a license text as they matter for matching: lower case, without copyright lines,
 * Markdown, bullets, list labels, punctuation or line breaks (so reflowed text compares equal).
 */
export function licenseWords(text: string): string[] {
  const words: string[] = [];
  for (const line of text.slice(0, MAX_LICENSE_TEXT_CHARS).split(/\r\n|\r|\n/)) {
    const kept = stripLine(line);
    if (kept === undefined) continue;
    for (const word of kept.toLowerCase().split(NOT_WORD)) {
      if (word !== '') words.push(EQUIVALENT_WORDS.get(word) ?? word);
    }
  }
  return words;
}
