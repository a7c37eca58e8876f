import type { Expr, Stmt } from '../ir/types.js';
import { dottedName } from '../match/resolve.js';
import { accessPath } from './env.js';

/** Methods that check the receiver's content: `v.isdigit()`, `v.isalnum()`. */
const RECEIVER_CHECKS = new Set(['isdigit', 'isnumeric', 'isdecimal', 'isalnum', 'isalpha', 'isidentifier', 'isInteger', 'isSafeInteger', 'isFinite']);
/** Calls that check their (last) argument against an allow-list or a pattern: `ALLOWED.includes(v)`, `re.fullmatch(p, v)`. */
const ARGUMENT_CHECKS = new Set(['includes', 'contains', 'has', 'test', 'fullmatch', 'hasOwnProperty', 'isInteger', 'isSafeInteger', 'isFinite', 'ContainsKey', 'Contains', 'include?', 'in_array', 'is_numeric', 'ctype_digit', 'ctype_alnum', 'isinstance']);
/** Prefix checks on a resolved path (`full.startswith(ROOT + os.sep)`): a guard when the prefix is computed, not a bare literal like `"/"`. */
const PREFIX_CHECKS = new Set(['startswith', 'startsWith', 'HasPrefix', 'start_with?', 'StartsWith']);
/** Validator functions by name (`is_safe_url(u)`, `url_has_allowed_host_and_scheme(u, …)`, `isValidId(x)`): they guard their first argument. */
const VALIDATOR_NAME = /^(?:is_?(?:safe|valid|allowed)|has_allowed|url_has_allowed|validate|valid_|allowed_)|(?:_is_safe|_is_valid|IsValid|IsSafe|isSafe|isValid|isAllowed|Allowed)$/;
const NUMERIC_TYPE_NAMES = new Set(['number', 'bigint', 'boolean', 'int', 'float', 'bool']);

/** A variable the test validates, and whether the test is true when the value is safe. */
export interface Guard {
  readonly path: string;
  readonly safeWhenTrue: boolean;
}

function lastPositional(args: readonly { name?: string; value: Expr }[]): Expr | undefined {
  const pos = args.filter((a) => a.name === undefined);
  return pos[pos.length - 1]?.value;
}

/** Recognises `v.isdigit()`, `v in ALLOWED`, `ALLOWED.includes(v)`, `typeof v === 'number'`, and their negations. */
export function guardOf(test: Expr): Guard | undefined {
  if (test.kind === 'unary' && (test.op === '!' || test.op === 'not')) {
    const g = guardOf(test.operand);
    return g && { path: g.path, safeWhenTrue: !g.safeWhenTrue };
  }
  if (test.kind === 'call') {
    const c = test.callee;
    const method = c.kind === 'member' ? c.property : c.kind === 'name' ? c.name : undefined;
    if (method === undefined) return undefined;
    let target: Expr | undefined;
    const firstArg = test.args[0]?.value;
    if (c.kind === 'member' && RECEIVER_CHECKS.has(method) && test.args.length === 0) target = c.object;
    // Go's `strings.HasPrefix(p, root)` checks its first argument, not the `strings` package.
    else if (method === 'HasPrefix' && test.args[1]) target = test.args[1].value.kind !== 'literal' ? firstArg : undefined;
    else if (c.kind === 'member' && PREFIX_CHECKS.has(method) && firstArg && firstArg.kind !== 'literal') target = c.object;
    else if (VALIDATOR_NAME.test(method)) target = firstArg;
    else if (ARGUMENT_CHECKS.has(method)) {
      // PHP's `in_array($needle, $haystack, $strict)` checks its first argument.
      const arg = method === 'isinstance' || method === 'in_array' ? test.args[0]?.value : lastPositional(test.args);
      if (method === 'isinstance') {
        const type = test.args[1]?.value;
        if (!type || type.kind !== 'name' || !NUMERIC_TYPE_NAMES.has(type.name)) return undefined;
      }
      target = arg;
    }
    const path = target && accessPath(target);
    return path === undefined ? undefined : { path, safeWhenTrue: true };
  }
  if (test.kind === 'binary') {
    // `bad1 || bad2` false means each is false; `ok1 && ok2` true means each is true.
    if (test.op === '||' || test.op === 'or' || test.op === '&&' || test.op === 'and') {
      const whenTrue = test.op === '&&' || test.op === 'and';
      return [guardOf(test.left), guardOf(test.right)].find((g) => g?.safeWhenTrue === whenTrue);
    }
    // PHP `strpos($real, $base) === 0` (`!== 0`): a prefix check against a computed root.
    if ((test.op === '===' || test.op === '==' || test.op === '!==' || test.op === '!=') && test.left.kind === 'call' && test.right.kind === 'literal' && test.right.value === '0') {
      const call = test.left;
      const prefix = call.args[1]?.value;
      const path = call.callee.kind === 'name' && call.callee.name === 'strpos' && prefix && prefix.kind !== 'literal' && call.args[0] ? accessPath(call.args[0].value) : undefined;
      return path === undefined ? undefined : { path, safeWhenTrue: test.op === '===' || test.op === '==' };
    }
    if (test.op === 'in' || test.op === 'not in') {
      const path = test.right.kind === 'name' || test.right.kind === 'member' || test.right.kind === 'array' ? accessPath(test.left) : undefined;
      return path === undefined ? undefined : { path, safeWhenTrue: test.op === 'in' };
    }
    if ((test.op === '===' || test.op === '==' || test.op === '!==' || test.op === '!=') && test.left.kind === 'unary' && test.left.op === 'typeof') {
      const r = test.right;
      const path = accessPath(test.left.operand);
      if (path === undefined || r.kind !== 'literal' || !NUMERIC_TYPE_NAMES.has(r.value)) return undefined;
      return { path, safeWhenTrue: test.op === '===' || test.op === '==' };
    }
  }
  return undefined;
}

/** Calls that do not return: `abort(400)`, `sys.exit()`, `process.exit(1)`, `panic(err)`, `log.Fatal(err)`. */
const NO_RETURN = new Set(['abort', 'exit', 'die', 'panic', 'raise', 'sys.exit', 'os.Exit', 'process.exit', 'log.Fatal', 'log.Fatalf', 'log.Fatalln', 'log.Panic', 'log.Panicf', 'flask.abort', 'os._exit']);

function isNoReturnCall(s: Stmt): boolean {
  // PHP's bare `exit;` / `die;`.
  if (s.kind === 'expr' && s.expr.kind === 'name') return s.expr.name === 'exit' || s.expr.name === 'die';
  if (s.kind !== 'expr' || s.expr.kind !== 'call') return false;
  const name = dottedName(s.expr.callee);
  return name !== undefined && NO_RETURN.has(name);
}

/** A block that never falls through: it ends in `return`, `throw`, `continue`, `break`, or a call like `abort(403)`. */
export function alwaysExits(body: readonly Stmt[] | undefined): boolean {
  const last = body?.[body.length - 1];
  if (!last) return false;
  if (last.kind === 'return' || last.kind === 'throw' || isNoReturnCall(last)) return true;
  if (last.kind === 'other' && (last.type === 'continue_statement' || last.type === 'break_statement')) return true;
  if (last.kind === 'if') return alwaysExits(last.consequent) && alwaysExits(last.alternate);
  if (last.kind === 'block') return alwaysExits(last.body);
  return false;
}
