import type { Problem, Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';

const MAX_REGEX_LENGTH = 2000;

/** Texts handed to rule regexes are cut to this length, so even a slow regex has bounded input. */
export const MAX_REGEX_INPUT = 4096;

function problem(message: string): Problem {
  return { code: 'sast-bad-regex', message, level: 'error' };
}

/**
 * Finds a quantified group that itself holds an unbounded quantifier (`(a+)+`, `(\w*x)*`,
 * `(a|b+){2,}`), the shape behind catastrophic backtracking in a backtracking engine.
 */
export function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let inner = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      groups.push(inner);
      inner = false;
    } else if (c === ')') {
      const held: boolean = inner;
      inner = groups.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && !/^\{[01](,[01])?\}/.test(source.slice(i + 1)));
      if (held && quantified) return true;
      inner = inner || held;
    } else if (c === '*' || c === '+') inner = true;
    else if (c === '{' && /^\{\d+,\d*\}/.test(source.slice(i))) inner = true;
  }
  return false;
}

/**
 * Inline flags of PCRE / Go / Python syntax, which JavaScript lacks: `(?i)` anywhere (outside a
 * character class) is removed and `(?i:...)` becomes `(?:...)`, the flags applying to the whole
 * regex. Applying `i` to the whole regex rather than the rest of it can only widen a match.
 */
function liftInlineFlags(source: string): { body: string; flags: string } {
  let body = '';
  let flags = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      body += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      body += c;
      continue;
    }
    if (c === '[') inClass = true;
    const inline = c === '(' ? /^\(\?([imsx]+)([):])/.exec(source.slice(i)) : null;
    if (inline) {
      for (const f of inline[1] ?? '') if ((f === 'i' || f === 'm' || f === 's') && !flags.includes(f)) flags += f;
      if (inline[2] === ':') body += '(?:';
      i += inline[0].length - 1;
      continue;
    }
    body += c;
  }
  return { body, flags };
}

/** Compiles a rule regex (JS syntax; inline `(?i)` / `(?i:...)` become the `i` flag) after the safety checks. */
export function compileSafeRegex(source: string): Result<RegExp, Problem> {
  if (source.length > MAX_REGEX_LENGTH) return err(problem(`regex longer than ${MAX_REGEX_LENGTH} characters`));
  const { body, flags } = liftInlineFlags(source);
  if (hasNestedQuantifier(body)) return err(problem(`regex ${JSON.stringify(source)} nests quantifiers, which can take exponential time`));
  try {
    return ok(new RegExp(body, flags));
  } catch (e) {
    return err(problem(`regex ${JSON.stringify(source)} does not compile: ${e instanceof Error ? e.message : String(e)}`));
  }
}
