import type { Formula } from './types.js';

/** A rule file problem at a key path (`rules[2].patterns[1]`). */
export class RuleError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const MAX_FORMULA_DEPTH = 20;
const METAVARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function patternText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RuleError(path, 'must be a non-empty string of code');
  if (value.length > 20_000) throw new RuleError(path, 'is longer than 20000 characters');
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new RuleError(path, 'must be a non-empty list');
  return value;
}

function checkMetavariable(value: unknown, path: string): string {
  if (typeof value !== 'string' || !METAVARIABLE.test(value)) throw new RuleError(path, 'must name a metavariable such as $X');
  return value;
}

function checkRegex(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new RuleError(path, 'must be a regular expression string');
  try {
    new RegExp(value);
  } catch (error) {
    throw new RuleError(path, `is not a valid regular expression: ${(error as Error).message}`);
  }
  return value;
}

/** One entry of a `patterns:` list, or a `pattern-either:` alternative: an object with one key. */
function item(value: unknown, path: string, depth: number, inConjunction: boolean): Formula {
  if (!isRecord(value)) throw new RuleError(path, 'must be an object with one key such as "pattern"');
  const keys = Object.keys(value);
  if (keys.length !== 1) throw new RuleError(path, `must have exactly one key (found ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')})`);
  const key = keys[0] as string;
  const inner = value[key];
  const at = `${path}.${key}`;
  const onlyInPatterns = (): void => {
    if (!inConjunction) throw new RuleError(at, `"${key}" is only allowed inside "patterns"`);
  };
  switch (key) {
    case 'pattern':
    case 'patterns':
      return formulaOf(key, inner, at, depth + 1);
    case 'pattern-either': {
      const either = formulaOf(key, inner, at, depth + 1);
      return inConjunction ? insideAlternatives(either, at) : either;
    }
    case 'pattern-not':
      onlyInPatterns();
      return { kind: 'not', item: typeof inner === 'string' ? { kind: 'pattern', source: patternText(inner, at) } : item(inner, at, depth + 1, false) };
    case 'pattern-inside':
      // Also an alternative of pattern-either: the regions it matches (compiled as a positive).
      return { kind: 'inside', item: typeof inner === 'string' ? { kind: 'pattern', source: patternText(inner, at) } : item(inner, at, depth + 1, false) };
    case 'pattern-not-inside':
      onlyInPatterns();
      return { kind: 'not-inside', item: typeof inner === 'string' ? { kind: 'pattern', source: patternText(inner, at) } : item(inner, at, depth + 1, false) };
    case 'metavariable-regex': {
      onlyInPatterns();
      if (!isRecord(inner)) throw new RuleError(at, 'must be an object with "metavariable" and "regex"');
      const extra = Object.keys(inner).filter((k) => k !== 'metavariable' && k !== 'regex');
      if (extra.length > 0) throw new RuleError(`${at}.${extra[0]}`, 'unknown key');
      return { kind: 'metavariable-regex', metavariable: checkMetavariable(inner['metavariable'], `${at}.metavariable`), regex: checkRegex(inner['regex'], `${at}.regex`) };
    }
    case 'focus-metavariable':
      onlyInPatterns();
      return { kind: 'focus', metavariable: checkMetavariable(inner, at) };
    default:
      throw new RuleError(`${path}.${key}`, 'unknown key (expected pattern, patterns, pattern-either, pattern-not, pattern-inside, pattern-not-inside, metavariable-regex or focus-metavariable)');
  }
}

/**
 * A `pattern-either` item of `patterns` whose alternatives are all `pattern-inside`: one filter,
 * "inside A or inside B" (as if written `pattern-inside: {pattern-either: [A, B]}`). Searched as
 * a positive it would match only the regions themselves, never the pattern beside it.
 */
function insideAlternatives(either: Formula, path: string): Formula {
  if (either.kind !== 'any') return either;
  const inside = either.items.filter((f) => f.kind === 'inside');
  if (inside.length === 0) return either;
  if (inside.length < either.items.length) {
    throw new RuleError(path, 'mixes pattern-inside with other alternatives; inside "patterns" use one "pattern-inside" whose value is a "pattern-either", and put the other alternatives in their own "pattern-either"');
  }
  return { kind: 'inside', item: { kind: 'any', items: inside.map((f) => (f as Extract<Formula, { kind: 'inside' }>).item) } };
}

/** The formula under `pattern`, `patterns` or `pattern-either`. */
export function formulaOf(key: 'pattern' | 'patterns' | 'pattern-either', value: unknown, path: string, depth = 0): Formula {
  if (depth > MAX_FORMULA_DEPTH) throw new RuleError(path, `nested deeper than ${MAX_FORMULA_DEPTH} levels`);
  if (key === 'pattern') return { kind: 'pattern', source: patternText(value, path) };
  const items = list(value, path).map((entry, index) => item(entry, `${path}[${index}]`, depth, key === 'patterns'));
  if (key === 'patterns') {
    // With no other positive item, the first pattern-inside is the positive (as the matcher runs it).
    if (!items.some((f) => f.kind === 'pattern' || f.kind === 'all' || f.kind === 'any' || f.kind === 'inside')) {
      throw new RuleError(path, 'needs at least one positive pattern (pattern, patterns, pattern-either or pattern-inside)');
    }
    return { kind: 'all', items };
  }
  return { kind: 'any', items };
}

/** A rule or taint spec entry holds exactly one of `pattern`, `patterns`, `pattern-either`. */
export function formulaIn(holder: Record<string, unknown>, path: string, allowedExtra: readonly string[] = []): Formula {
  const keys = (['pattern', 'patterns', 'pattern-either'] as const).filter((key) => holder[key] !== undefined);
  if (keys.length !== 1) throw new RuleError(path, keys.length === 0 ? 'needs one of "pattern", "patterns" or "pattern-either"' : `has both "${keys[0]}" and "${keys[1]}"`);
  const key = keys[0] as 'pattern' | 'patterns' | 'pattern-either';
  const unknown = Object.keys(holder).filter((k) => k !== key && !allowedExtra.includes(k));
  if (unknown.length > 0) throw new RuleError(`${path}.${unknown[0]}`, 'unknown key');
  return formulaOf(key, holder[key], `${path}.${key}`);
}

export function isRecordValue(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}
