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

/**
 * `token` with a context word on its line. The match starts at the token when a context word follows it, else at
 * the nearest context word before it: every overlapping chunk that sees the line then agrees on where the match starts.
 */
export function onLineWith(before: string, after: string, token: string, lead = String.raw`(?<![\w-])`, reach = 80): RegExp {
  const follows = String.raw`${token}(?![\w-])[^\n]{0,120}(?:${after})`;
  return new RegExp(
    String.raw`(?:(?:${before})(?:(?!(?:${before}))[^\n]){0,${reach}}?${lead}(?!${follows})|(?=${follows})${lead})(?<secret>${token})(?![\w-])`,
    'i',
  );
}
