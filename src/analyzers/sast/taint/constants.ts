import type { Expr, Language } from '../ir/types.js';

/**
 * What the analysis knows about a local variable besides its taint: a constant value
 * (`num = 106`, `c = "ABC".charAt(1)`), or the shape of a collection it holds (a list of known
 * length, a map or config whose constant keys are tracked as fields). Kept per variable in the
 * TaintEnv, so branches copy it and merges keep only what both sides agree on.
 */
export type Fact =
  | { readonly kind: 'value'; readonly value: number | string | boolean }
  | { readonly kind: 'list'; readonly length: number }
  | { readonly kind: 'map' }
  | { readonly kind: 'config' };

export function sameFact(a: Fact | undefined, b: Fact | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'value') return a.value === (b as typeof a).value;
  if (a.kind === 'list') return a.length === (b as typeof a).length;
  return true;
}

type Value = number | string | boolean;
type Lookup = (name: string) => Value | undefined;

/** Integer literals only (`106`, `0x1F` is left out): folding must never guess. */
function numberLiteral(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function arith(op: string, a: number, b: number): number | undefined {
  let r: number;
  switch (op) {
    case '+': r = a + b; break;
    case '-': r = a - b; break;
    case '*': r = a * b; break;
    // Integer division differs by language (Java truncates, Python `/` gives a float): fold exact ones only.
    case '/': case '//': if (b === 0 || a % b !== 0) return undefined; r = a / b; break;
    // Remainder signs differ by language for negatives.
    case '%': if (b <= 0 || a < 0) return undefined; r = a % b; break;
    default: return undefined;
  }
  return Number.isSafeInteger(r) ? r : undefined;
}

function compare(op: string, a: Value, b: Value, language: Language): boolean | undefined {
  if (typeof a !== typeof b) return undefined;
  switch (op) {
    case '==': case '===': case '!=': case '!==': {
      // Java compares strings by reference; one-character strings stand for `char` values there.
      if (language === 'java' && typeof a === 'string' && (a.length !== 1 || (b as string).length !== 1)) return undefined;
      const eq = a === b;
      return op === '==' || op === '===' ? eq : !eq;
    }
    case '<': return typeof a === 'number' ? a < (b as number) : undefined;
    case '>': return typeof a === 'number' ? a > (b as number) : undefined;
    case '<=': return typeof a === 'number' ? a <= (b as number) : undefined;
    case '>=': return typeof a === 'number' ? a >= (b as number) : undefined;
    default: return undefined;
  }
}

/**
 * The value of an expression built from integer and string literals, constant variables,
 * `+ - * / %`, comparisons, `&& || !`, and `"ABC".charAt(1)` / `"ABC"[1]`; undefined when any
 * part is unknown.
 */
export function foldConst(e: Expr, lookup: Lookup, language: Language, depth = 0): Value | undefined {
  if (depth > 32) return undefined;
  const fold = (x: Expr): Value | undefined => foldConst(x, lookup, language, depth + 1);
  switch (e.kind) {
    case 'literal':
      if (e.type === 'number') return numberLiteral(e.value);
      if (e.type === 'string') return e.value;
      if (e.type === 'boolean') return e.value === 'true' || e.value === 'True';
      return undefined;
    case 'name':
      return lookup(e.name);
    case 'binary': {
      const op = e.op;
      if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
        const l = fold(e.left);
        const r = fold(e.right);
        if (typeof l !== 'boolean' || typeof r !== 'boolean') return undefined;
        return op === '&&' || op === 'and' ? l && r : l || r;
      }
      const l = fold(e.left);
      if (l === undefined) return undefined;
      const r = fold(e.right);
      if (r === undefined) return undefined;
      if (typeof l === 'number' && typeof r === 'number') {
        const a = arith(op, l, r);
        if (a !== undefined) return a;
      }
      // Java's `'A' + 'B'` adds chars as numbers: one-character strings may be chars there.
      if (op === '+' && typeof l === 'string' && typeof r === 'string') return language === 'java' && (l.length === 1 || r.length === 1) ? undefined : l + r;
      return compare(op, l, r, language);
    }
    case 'unary': {
      const v = fold(e.operand);
      if ((e.op === '!' || e.op === 'not') && typeof v === 'boolean') return !v;
      if (e.op === '-' && typeof v === 'number') return -v;
      return undefined;
    }
    case 'index': {
      const s = fold(e.object);
      const i = fold(e.index);
      return typeof s === 'string' && typeof i === 'number' && i >= 0 && i < s.length ? s.charAt(i) : undefined;
    }
    case 'call': {
      const c = e.callee;
      if (c.kind !== 'member' || c.property !== 'charAt' || e.args.length !== 1) return undefined;
      const s = fold(c.object);
      const i = fold((e.args[0] as { value: Expr }).value);
      return typeof s === 'string' && typeof i === 'number' && i >= 0 && i < s.length ? s.charAt(i) : undefined;
    }
    case 'cast':
      return undefined;
    default:
      return undefined;
  }
}

/** A branch test decided by constants: true / false, or undefined when it depends on the run. */
export function decideTest(test: Expr, lookup: Lookup, language: Language): boolean | undefined {
  const v = foldConst(test, lookup, language);
  return typeof v === 'boolean' ? v : undefined;
}
