import type { Argument, Expr, Span, Stmt } from '../ir/types.js';

/** What a metavariable bound during matching. */
export type Bound =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'args'; readonly args: readonly Argument[]; readonly span: Span }
  /**
   * A bare identifier without its own node: a property, a function or parameter name. `span` is
   * the enclosing node's; `at` says whether the name is its first or last occurrence there.
   */
  | { readonly kind: 'name'; readonly name: string; readonly span: Span; readonly at?: 'first' | 'last' }
  | { readonly kind: 'stmt'; readonly stmt: Stmt };

export type Bindings = Readonly<Record<string, Bound>>;

export const NO_BINDINGS: Bindings = Object.freeze({});

const METAVAR = /^\$[A-Z_][A-Z0-9_]*$/;
const ELLIPSIS_METAVAR = /^\$\.\.\.[A-Z_][A-Z0-9_]*$/;

/** PHP's superglobals look like metavariables but are matched as the literal names they are. */
const PHP_SUPERGLOBALS = new Set(['$_GET', '$_POST', '$_REQUEST', '$_COOKIE', '$_FILES', '$_SERVER', '$_ENV', '$_SESSION', '$GLOBALS']);

/** `$X`, `$FOO_1`: upper case, so PHP's `$x` variables stay ordinary names. */
export function isMetavar(name: string): boolean {
  return METAVAR.test(name) && !PHP_SUPERGLOBALS.has(name);
}

/** `$...ARGS`: binds a run of arguments, parameters or elements. */
export function isEllipsisMetavar(name: string): boolean {
  return ELLIPSIS_METAVAR.test(name);
}

export function spanOfBound(b: Bound): Span {
  switch (b.kind) {
    case 'expr':
      return b.expr.span;
    case 'stmt':
      return b.stmt.span;
    default:
      return b.span;
  }
}

/** Binds `name` to `value`, or checks it equals the earlier binding. */
export function bind(b: Bindings, name: string, value: Bound): Bindings | undefined {
  const prev = b[name];
  if (prev === undefined) return { ...b, [name]: value };
  return boundEqual(prev, value) ? b : undefined;
}

function boundName(b: Bound): string | undefined {
  if (b.kind === 'name') return b.name;
  if (b.kind === 'expr' && b.expr.kind === 'name') return b.expr.name;
  return undefined;
}

export function boundEqual(a: Bound, b: Bound): boolean {
  const an = boundName(a);
  const bn = boundName(b);
  if (an !== undefined || bn !== undefined) return an === bn;
  if (a.kind === 'expr' && b.kind === 'expr') return exprEqual(a.expr, b.expr);
  if (a.kind === 'args' && b.kind === 'args') return argsEqual(a.args, b.args);
  if (a.kind === 'stmt' && b.kind === 'stmt') return a.stmt.span.startByte === b.stmt.span.startByte && a.stmt.span.endByte === b.stmt.span.endByte;
  return false;
}

function argsEqual(a: readonly Argument[], b: readonly Argument[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.name !== y.name || Boolean(x.spread) !== Boolean(y.spread) || !exprEqual(x.value, y.value)) return false;
  }
  return true;
}

function listEqual(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || !exprEqual(x, y)) return false;
  }
  return true;
}

/** Structural equality, spans ignored: `$X == $X` holds for `a.b == a.b`. */
export function exprEqual(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'name':
      return b.kind === 'name' && a.name === b.name;
    case 'literal':
      return b.kind === 'literal' && a.type === b.type && a.value === b.value;
    case 'member':
      return b.kind === 'member' && a.property === b.property && exprEqual(a.object, b.object);
    case 'index':
      return b.kind === 'index' && exprEqual(a.object, b.object) && exprEqual(a.index, b.index);
    case 'call':
      return b.kind === 'call' && Boolean(a.isNew) === Boolean(b.isNew) && exprEqual(a.callee, b.callee) && argsEqual(a.args, b.args);
    case 'binary':
      return b.kind === 'binary' && a.op === b.op && exprEqual(a.left, b.left) && exprEqual(a.right, b.right);
    case 'unary':
      return b.kind === 'unary' && a.op === b.op && exprEqual(a.operand, b.operand);
    case 'template':
      return b.kind === 'template' && listEqual(a.parts, b.parts);
    case 'array':
      return b.kind === 'array' && listEqual(a.elements, b.elements);
    case 'conditional':
      return b.kind === 'conditional' && exprEqual(a.test, b.test) && exprEqual(a.consequent, b.consequent) && exprEqual(a.alternate, b.alternate);
    case 'assign':
      return b.kind === 'assign' && a.op === b.op && exprEqual(a.target, b.target) && exprEqual(a.value, b.value);
    case 'cast':
    case 'type-test':
      return b.kind === a.kind && a.type === b.type && exprEqual(a.value, b.value);
    case 'await':
      return b.kind === 'await' && exprEqual(a.value, b.value);
    case 'ellipsis':
      return b.kind === 'ellipsis';
    case 'other':
      return b.kind === 'other' && a.type === b.type && listEqual(a.children, b.children);
    case 'object':
    case 'function':
      // Compared by position: two object literals or lambdas are "the same" only as the same code.
      return a.span.startByte === b.span.startByte && a.span.endByte === b.span.endByte;
  }
}
