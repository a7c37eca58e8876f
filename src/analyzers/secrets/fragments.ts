/**
 * Pattern pieces shared by rule families: the ways code and config assign a value to a name.
 * Used inside `String.raw` / template patterns, so they are source text, not RegExps.
 */

/** `key = value`, `key: value`, `"key": "value"`, `key => value`, `key := value` on one line. */
export const ASSIGN = `[ \\t'"]{0,3}(?:=>|:=|[:=])[ \\t'"]{0,3}`;

/** The same, also across a line break or extra blanks (`\s`), with one optional quote each side. */
export const ASSIGN_LOOSE = String.raw`['"]?\s{0,3}(?:=>|[:=])\s{0,3}['"]?`;

/** The SHA-1 of empty input: a 40-hex value that turns up in test data next to token settings. */
export const WELL_KNOWN_HASHES: readonly RegExp[] = [/^da39a3ee5e6b4b0d3255bfef95601890afd80709$/i];
