import type { CallExpr, Expr, Language, Stmt } from '../ir/types.js';
import { isExpr } from '../match/walk.js';
import { alwaysExits } from './guards.js';
import { decideTest, foldConst, type Fact } from './constants.js';
import type { FnCtx } from './context.js';
import { evalExpr } from './exprs.js';
import { CLEAN, union, unionAll, withStep, type TaintSet } from './taint-set.js';

/**
 * Precision for local collections and constants (Java and Python: there a local variable can
 * change only through its own statements; a JavaScript or C# closure may write a captured one).
 *
 * - A list of known length keeps element i at the field `v.i`; a map or a ConfigParser keeps
 *   the value of a constant key at `m.key` (`c.section.key`). `list.remove(0)` shifts the
 *   elements, `map.get("keyA")` reads only `m.keyA` (plus taint on the whole collection).
 * - A non-constant key or index writes the whole collection (the root path, seen by every read),
 *   and any use of the variable this module does not understand (passed to a call, aliased,
 *   iterated) drops the shape: from then on reads take the whole collection. Both are sound.
 * - Constants (`num = 106`, `c = "ABC".charAt(1)`) decide branch tests (`(7 * 18) + num > 200`).
 */

const FACT_LANGUAGES: ReadonlySet<Language> = new Set(['java', 'python']);

export function factsOn(ctx: FnCtx): boolean {
  return FACT_LANGUAGES.has(ctx.mod.module.language);
}

function lookupOf(ctx: FnCtx): (name: string) => number | string | boolean | undefined {
  return (name) => {
    const f = ctx.env.fact(name);
    return f?.kind === 'value' ? f.value : undefined;
  };
}

/** A branch test that constants decide, or undefined. */
export function constantTest(ctx: FnCtx, test: Expr): boolean | undefined {
  if (!factsOn(ctx)) return undefined;
  return decideTest(test, lookupOf(ctx), ctx.mod.module.language);
}

const LIST_TYPES = new Set(['ArrayList', 'LinkedList', 'Vector', 'CopyOnWriteArrayList', 'list']);
const MAP_TYPES = new Set(['HashMap', 'LinkedHashMap', 'TreeMap', 'Hashtable', 'ConcurrentHashMap', 'Properties', 'dict', 'OrderedDict']);
const CONFIG_TYPES = new Set(['ConfigParser', 'RawConfigParser', 'SafeConfigParser']);
/** Keys kept as fields: a dot would read as a deeper field. */
const SAFE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** `java.util.HashMap<String, Object>` → `HashMap`; `configparser.ConfigParser` → `ConfigParser`. */
function typeName(e: Expr | undefined, depth = 0): string | undefined {
  if (!e || depth > 8) return undefined;
  if (e.kind === 'name') return e.name;
  if (e.kind === 'member') return e.property;
  if (e.kind === 'other') return typeName(e.type === 'generic_type' ? e.children[0] : e.children[e.children.length - 1], depth + 1);
  return undefined;
}

function isFreshCollection(value: Expr): Fact | undefined {
  if (value.kind !== 'call' || value.args.length > 0) return undefined;
  const name = typeName(value.callee);
  if (name === undefined) return undefined;
  if (LIST_TYPES.has(name)) return { kind: 'list', length: 0 };
  if (MAP_TYPES.has(name)) return { kind: 'map' };
  if (CONFIG_TYPES.has(name)) return { kind: 'config' };
  return undefined;
}

function literalKey(ctx: FnCtx, e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  const v = foldConst(e, lookupOf(ctx), ctx.mod.module.language);
  const key = typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  return key !== undefined && SAFE_KEY.test(key) ? key : undefined;
}

function constIndex(ctx: FnCtx, e: Expr | undefined): number | undefined {
  if (!e) return undefined;
  const v = foldConst(e, lookupOf(ctx), ctx.mod.module.language);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * `x = [a, b]`, `x = {"k": v}`, `String[] x = {a}` in Java or Python: each element is stored under
 * its index or key. Returns the value's taint (for a sink on the assignment), or undefined when
 * the statement is left to the ordinary assignment.
 */
export function assignLiteral(ctx: FnCtx, target: Expr, value: Expr, op: string): TaintSet | undefined {
  if (!factsOn(ctx) || target.kind !== 'name' || (op !== '=' && op !== '')) return undefined;
  const name = target.name;
  let parts: { key: string; value: Expr }[];
  if (value.kind === 'array') parts = value.elements.map((el, i) => ({ key: String(i), value: el }));
  else if (value.kind === 'object') {
    if (!value.entries.every((en) => en.key !== undefined && !en.spread && !en.computedKey && SAFE_KEY.test(en.key))) return undefined;
    parts = value.entries.map((en) => ({ key: en.key as string, value: en.value }));
  } else return undefined;
  if (parts.some((p) => p.value.kind === 'ellipsis' || p.value.kind === 'function')) return undefined;
  const taints = parts.map((p) => evalExpr(ctx, p.value));
  ctx.env.write(name, CLEAN);
  const path = ctx.mod.module.path;
  parts.forEach((p, i) => ctx.env.write(`${name}.${p.key}`, withStep(taints[i] ?? CLEAN, path, target.span, 'assignment')));
  ctx.env.setFact(name, value.kind === 'array' ? { kind: 'list', length: parts.length } : { kind: 'map' });
  return unionAll(taints);
}

/** After `x = <value>` (written already): what is now known about `x`. */
export function noteAssignment(ctx: FnCtx, target: Expr, value: Expr | undefined, op: string, declared: boolean | undefined): void {
  if (!value || target.kind !== 'name' || (op !== '=' && op !== '') || !factsOn(ctx)) return;
  // A bare `x = 5` in Java may write a field another method changes; a declaration is a local.
  if (ctx.mod.module.language === 'java' && declared !== true) return;
  const v = foldConst(value, lookupOf(ctx), ctx.mod.module.language);
  if (v !== undefined) ctx.env.setFact(target.name, { kind: 'value', value: v });
  else {
    const fresh = isFreshCollection(value);
    if (fresh) ctx.env.setFact(target.name, fresh);
  }
}

/** A use of a variable holding a tracked collection that is not one of the operations below. */
export function noteUse(ctx: FnCtx, e: Expr & { kind: 'name' }): void {
  if (ctx.keepShape === e) return;
  const f = ctx.env.fact(e.name);
  if (f && f.kind !== 'value') ctx.env.forget(e.name);
}

/** `del lst[0]`, `++i`: the variable changed outside an assignment. */
export function noteMutation(ctx: FnCtx, e: Expr): void {
  if (e.kind === 'name') ctx.env.forget(e.name);
  else if (e.kind === 'index' || e.kind === 'member') noteMutation(ctx, e.object);
}

export function noteStatement(ctx: FnCtx, s: Stmt & { kind: 'other' }): void {
  if (s.type === 'delete_statement') for (const c of s.children) if (isExpr(c)) noteMutation(ctx, c);
}

/** The receiver of `v.m(...)` when `v` holds a tracked collection (its uses there keep the shape). */
export function shapedReceiver(ctx: FnCtx, e: CallExpr): string | undefined {
  const c = e.callee;
  if (c.kind !== 'member' || c.object.kind !== 'name') return undefined;
  const f = ctx.env.fact(c.object.name);
  if (!f || f.kind === 'value') return undefined;
  ctx.keepShape = c.object;
  return c.object.name;
}

const READ_ONLY = new Set(['size', 'isEmpty', 'contains', 'containsKey', 'containsValue', 'indexOf', 'count', 'has_section', 'has_option', '__len__']);

type Outcome = TaintSet | 'keep' | undefined;

function moveField(ctx: FnCtx, from: string, to: string): void {
  ctx.env.write(to, ctx.env.read(from));
}

function listCall(ctx: FnCtx, e: CallExpr, v: string, length: number, args: readonly TaintSet[]): Outcome {
  const method = (e.callee as { property: string }).property;
  const java = ctx.mod.module.language === 'java';
  const argAt = (i: number) => e.args[i]?.value;
  const stepped = (t: TaintSet) => withStep(t, ctx.mod.module.path, e.span, 'assignment');
  if ((method === 'add' || method === 'append' || method === 'addLast') && e.args.length === 1) {
    ctx.env.write(`${v}.${length}`, stepped(args[0] ?? CLEAN));
    ctx.env.setFact(v, { kind: 'list', length: length + 1 });
    return CLEAN;
  }
  if (((java && method === 'add') || (!java && method === 'insert')) && e.args.length === 2) {
    const i = constIndex(ctx, argAt(0));
    if (i === undefined || i > length) return undefined;
    for (let j = length - 1; j >= i; j--) moveField(ctx, `${v}.${j}`, `${v}.${j + 1}`);
    ctx.env.write(`${v}.${i}`, stepped(args[1] ?? CLEAN));
    ctx.env.setFact(v, { kind: 'list', length: length + 1 });
    return CLEAN;
  }
  // Java's `remove(int)` and Python's `pop(i)` / `pop()` remove by position; Python's `remove(x)` by value.
  if ((java && (method === 'remove' || method === 'removeLast')) || (!java && method === 'pop')) {
    const i = e.args.length === 0 ? (method === 'remove' ? 0 : length - 1) : e.args.length === 1 ? constIndex(ctx, argAt(0)) : undefined;
    if (i === undefined || i < 0 || i >= length) return undefined;
    const out = union(ctx.env.read(`${v}.${i}`), ctx.env.readOwn(v));
    for (let j = i; j < length - 1; j++) moveField(ctx, `${v}.${j + 1}`, `${v}.${j}`);
    ctx.env.write(`${v}.${length - 1}`, CLEAN);
    ctx.env.setFact(v, { kind: 'list', length: length - 1 });
    return out;
  }
  if (java && (method === 'get' || method === 'set') && e.args.length === (method === 'get' ? 1 : 2)) {
    const i = constIndex(ctx, argAt(0));
    if (i === undefined || i >= length) return method === 'get' ? ctx.env.read(v) : undefined;
    const out = union(ctx.env.read(`${v}.${i}`), ctx.env.readOwn(v));
    if (method === 'set') ctx.env.write(`${v}.${i}`, stepped(args[1] ?? CLEAN));
    return out;
  }
  return READ_ONLY.has(method) ? 'keep' : undefined;
}

function mapCall(ctx: FnCtx, e: CallExpr, m: string, args: readonly TaintSet[]): Outcome {
  const method = (e.callee as { property: string }).property;
  const key = literalKey(ctx, e.args[0]?.value);
  const stepped = (t: TaintSet) => withStep(t, ctx.mod.module.path, e.span, 'assignment');
  if ((method === 'put' || method === 'setProperty') && e.args.length === 2) {
    if (key === undefined) {
      ctx.env.add(m, stepped(args[1] ?? CLEAN));
      return ctx.env.read(m);
    }
    const old = union(ctx.env.read(`${m}.${key}`), ctx.env.readOwn(m));
    ctx.env.write(`${m}.${key}`, stepped(args[1] ?? CLEAN));
    return old;
  }
  if (['get', 'getOrDefault', 'getProperty', 'pop', 'remove'].includes(method) && e.args.length >= 1 && e.args.length <= 2) {
    const fallback = unionAll(args.slice(1));
    if (key === undefined) return method === 'get' || method === 'getOrDefault' || method === 'getProperty' ? union(ctx.env.read(m), fallback) : undefined;
    const out = union(union(ctx.env.read(`${m}.${key}`), ctx.env.readOwn(m)), fallback);
    if (method === 'pop' || method === 'remove') ctx.env.write(`${m}.${key}`, CLEAN);
    return out;
  }
  return READ_ONLY.has(method) ? 'keep' : undefined;
}

function configCall(ctx: FnCtx, e: CallExpr, c: string, args: readonly TaintSet[]): Outcome {
  const method = (e.callee as { property: string }).property;
  const section = literalKey(ctx, e.args[0]?.value);
  const option = literalKey(ctx, e.args[1]?.value);
  const exact = section !== undefined && option !== undefined && e.args[0]?.name === undefined && e.args[1]?.name === undefined;
  if (method === 'add_section') return 'keep';
  if (method === 'set' && e.args.length === 3) {
    if (exact) ctx.env.write(`${c}.${section}.${option}`, withStep(args[2] ?? CLEAN, ctx.mod.module.path, e.span, 'assignment'));
    else ctx.env.add(c, args[2] ?? CLEAN);
    return CLEAN;
  }
  if (method === 'get' && e.args.length >= 2) {
    // `fallback=` and friends come back when the option is missing.
    const rest = unionAll(args.slice(2));
    return exact ? union(union(ctx.env.read(`${c}.${section}.${option}`), ctx.env.readOwn(`${c}.${section}`)), rest) : union(ctx.env.read(c), rest);
  }
  return READ_ONLY.has(method) ? 'keep' : undefined;
}

/**
 * `v.m(...)` on a tracked collection `v` (receiver and arguments evaluated already): the call's
 * taint, or undefined for the ordinary call handling (after which the shape is kept only for a
 * read-only method).
 */
export function collectionCall(ctx: FnCtx, e: CallExpr, v: string, args: readonly TaintSet[]): TaintSet | undefined {
  const f = ctx.env.fact(v);
  let out: Outcome;
  if (f?.kind === 'list') out = listCall(ctx, e, v, f.length, args);
  else if (f?.kind === 'map') out = mapCall(ctx, e, v, args);
  else if (f?.kind === 'config') out = configCall(ctx, e, v, args);
  if (out === 'keep') return undefined;
  if (out === undefined) ctx.env.forget(v);
  return out;
}

/**
 * The cases of a Java `switch` that run when the discriminant and every label are constants:
 * from the matching case (or `default`) through empty fall-through labels to the first case
 * that ends in `break`/`return`. Undefined when that cannot be told.
 */
export function constantSwitch(ctx: FnCtx, s: Stmt & { kind: 'switch' }): (typeof s.cases)[number][] | undefined {
  if (!factsOn(ctx)) return undefined;
  const lookup = lookupOf(ctx);
  const language = ctx.mod.module.language;
  const v = foldConst(s.discriminant, lookup, language);
  if (v === undefined) return undefined;
  let start = -1;
  let fallback = -1;
  for (const [i, c] of s.cases.entries()) {
    if (c.tests.length === 0) fallback = i;
    for (const t of c.tests) {
      const tv = foldConst(t, lookup, language);
      // Java's `char` also matches an int label (`case 65:`): any type mismatch leaves the switch alone.
      if (tv === undefined || typeof tv !== typeof v) return undefined;
      if (tv === v && start < 0) start = i;
    }
  }
  if (start < 0) start = fallback;
  const out: (typeof s.cases)[number][] = [];
  if (start < 0) return out;
  for (let i = start; i < s.cases.length; i++) {
    const c = s.cases[i] as (typeof s.cases)[number];
    out.push(c);
    if (c.endsInBreak === true || alwaysExits(c.body)) return out;
    if (c.body.length > 0) return undefined;
  }
  return out;
}
