/** The WWW-Authenticate header of a registry's 401 answer: which scheme, and for a token, where and for what. */

export interface Challenge {
  /** Lower-cased: `bearer` or `basic`. */
  readonly scheme: string;
  /** Lower-cased parameter names. */
  readonly params: ReadonlyMap<string, string>;
}

/** The first challenge of a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string): Challenge | undefined {
  const text = header.slice(0, 8192);
  const scheme = /^\s*([A-Za-z][\w-]*)/.exec(text);
  if (scheme?.[1] === undefined) return undefined;
  const params = new Map<string, string>();
  let i = scheme[0].length;
  const skip = (chars: string): void => {
    while (i < text.length && chars.includes(text.charAt(i))) i++;
  };
  while (i < text.length) {
    skip(' \t,');
    const key = /^[\w-]+/.exec(text.slice(i, i + 256))?.[0];
    if (key === undefined) break;
    i += key.length;
    skip(' \t');
    // A token not followed by `=` starts the next challenge.
    if (text.charAt(i) !== '=') break;
    i++;
    skip(' \t');
    let value = '';
    if (text.charAt(i) === '"') {
      for (i++; i < text.length && text.charAt(i) !== '"'; i++) {
        if (text.charAt(i) === '\\') i++;
        value += text.charAt(i);
      }
      i++;
    } else {
      while (i < text.length && !', \t'.includes(text.charAt(i))) value += text.charAt(i++);
    }
    params.set(key.toLowerCase(), value);
  }
  return { scheme: scheme[1].toLowerCase(), params };
}
