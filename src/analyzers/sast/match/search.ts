import { NAMES_NOT_IN_SOURCE } from '../ir/translate/common.js';
import type { Expr, FunctionDecl, Language, Span, Stmt } from '../ir/types.js';
import { isEllipsisMetavar, isMetavar, NO_BINDINGS, type Bindings } from './bindings.js';
import type { CompiledPattern, SeqItem } from './compile.js';
import { matchExpr, type MatchContext } from './match-expr.js';
import { matchSeqStmt, matchStmt } from './match-stmt.js';
import type { ModuleIndex } from './module-index.js';
import { dottedName } from './resolve.js';
import { stmtBlocks } from './walk.js';

export interface Hit {
  readonly span: Span;
  readonly bindings: Bindings;
}

/** Statements a sequence may continue into after a `...`: the rest of the block, nested blocks included. */
const MAX_GAP_STATEMENTS = 5000;
/** Statement comparisons one sequence pattern may make in one module; past it the search stops (hostile input). */
const MAX_SEQUENCE_WORK = 500_000;

function cover(a: Span, b: Span): Span {
  return { startLine: a.startLine, startColumn: a.startColumn, startByte: a.startByte, endLine: b.endLine, endColumn: b.endColumn, endByte: b.endByte };
}

/** Only the target nodes that could match the pattern's root, from the module index. */
function exprCandidates(p: Expr, index: ModuleIndex): readonly Expr[] {
  switch (p.kind) {
    case 'call': {
      const callee = p.callee;
      const last = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
      if (last !== undefined && !last.startsWith('$')) return index.callsByName.get(last) ?? [];
      return index.exprsByKind.get('call') ?? [];
    }
    case 'name':
      if (p.name.startsWith('$')) return index.exprs;
      return byLastName(p.name, index, false);
    case 'member': {
      const d = dottedName(p);
      if (d !== undefined && !d.includes('$')) return byLastName(p.property, index, true);
      if (!p.property.startsWith('$')) return index.membersByProperty.get(p.property) ?? [];
      return index.exprsByKind.get('member') ?? [];
    }
    case 'ellipsis':
      return index.exprs;
    case 'literal':
      // A string pattern also matches a template without interpolation, which some translators keep.
      return index.exprsByKind.get('literal') ?? [];
    default:
      return index.exprsByKind.get(p.kind) ?? [];
  }
}

/** Names and members that can stand for a dotted name ending in `last`, directly or through an import alias. */
function byLastName(last: string, index: ModuleIndex, members: boolean): Expr[] {
  const out: Expr[] = [...(index.namesByName.get(last) ?? [])];
  if (members) out.push(...(index.membersByProperty.get(last) ?? []));
  for (const local of index.aliasesByLast.get(last) ?? []) if (local !== last) out.push(...(index.namesByName.get(local) ?? []));
  return out;
}

function searchExpr(p: Expr, index: ModuleIndex, ctx: MatchContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of exprCandidates(p, index)) {
    const b = matchExpr(p, t, NO_BINDINGS, ctx);
    if (b) hits.push({ span: t.span, bindings: b });
  }
  // `$X = foo()` written as an expression also matches assignment statements.
  if (p.kind === 'assign') {
    for (const s of index.stmtsByKind.get('assign') ?? []) {
      if (s.kind !== 'assign' || !s.value) continue;
      const b = matchStmt({ kind: 'expr', expr: p, span: p.span }, s, NO_BINDINGS, ctx);
      if (b) hits.push({ span: s.span, bindings: b });
    }
  }
  return hits;
}

function searchStmt(p: Stmt, index: ModuleIndex, ctx: MatchContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of index.stmtsByKind.get(p.kind) ?? []) {
    const b = matchStmt(p, t, NO_BINDINGS, ctx);
    if (b) hits.push({ span: t.span, bindings: b });
  }
  if (p.kind === 'assign' && p.value) {
    for (const t of index.exprsByKind.get('assign') ?? []) {
      if (t.kind !== 'assign') continue;
      const b = matchExpr({ kind: 'assign', target: p.target, op: p.op, value: p.value, span: p.span }, t, NO_BINDINGS, ctx);
      if (b) hits.push({ span: t.span, bindings: b });
    }
  }
  return hits;
}

interface Pos {
  readonly block: readonly Stmt[];
  readonly index: number;
}

/** Statements after `pos` in its block, and inside their nested blocks (not nested functions), in order; lazily. */
function* following(pos: Pos): Generator<Pos> {
  let yielded = 0;
  const stack: Pos[] = [{ block: pos.block, index: pos.index + 1 }];
  while (stack.length > 0 && yielded < MAX_GAP_STATEMENTS) {
    const top = stack.pop() as Pos;
    if (top.index >= top.block.length) continue;
    yielded++;
    yield top;
    stack.push({ block: top.block, index: top.index + 1 });
    const nested = stmtBlocks(top.block[top.index] as Stmt);
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ block: nested[i] as readonly Stmt[], index: 0 });
  }
}

function searchSeq(items: readonly SeqItem[], trailing: boolean, index: ModuleIndex, ctx: MatchContext): Hit[] {
  const hits: Hit[] = [];
  let work = MAX_SEQUENCE_WORK;
  const go = (k: number, candidates: Iterable<Pos>, b: Bindings, start: Span): Hit | undefined => {
    const item = items[k] as SeqItem;
    for (const pos of candidates) {
      if (--work < 0) return undefined;
      const t = pos.block[pos.index] as Stmt;
      const bb = matchSeqStmt(item.stmt, t, b, ctx);
      if (!bb) continue;
      const begin = k === 0 ? t.span : start;
      if (k === items.length - 1) {
        const last = trailing ? (pos.block[pos.block.length - 1] as Stmt) : t;
        return { span: cover(begin, last.span), bindings: bb };
      }
      const next = items[k + 1] as SeqItem;
      const more = next.gap ? following(pos) : pos.index + 1 < pos.block.length ? [{ block: pos.block, index: pos.index + 1 }] : [];
      const r = go(k + 1, more, bb, begin);
      if (r) return r;
    }
    return undefined;
  };
  for (const block of index.blocks) {
    for (let i = 0; i < block.length && work > 0; i++) {
      const first = block[i] as Stmt;
      const hit = go(0, [{ block, index: i }], NO_BINDINGS, first.span);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/**
 * Words that must occur in the text of any file the pattern matches: the identifiers, member
 * names and keyword-argument names the matcher compares as they are written, or through an
 * import alias whose parts are written in the file too. Only the parts every match must meet
 * are read (not what a `...` body or an `other` statement leaves unchecked); metavariables and
 * names the translators make up (NAMES_NOT_IN_SOURCE) are left out. Split at anything not an
 * identifier character, as ModuleIndex.mentions splits the file, so a dotted name asks for
 * each of its parts (identifiers spelled with escapes, `\u0065val`, are not recognised).
 */
function requiredWords(pattern: CompiledPattern): readonly string[] {
  const words = new Set<string>();
  const word = (text: string): void => {
    if (text.startsWith('$') || isMetavar(text) || isEllipsisMetavar(text) || NAMES_NOT_IN_SOURCE.has(text)) return;
    for (const part of text.split(/[^A-Za-z0-9_]+/)) if (part !== '') words.add(part);
  };
  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'name':
        word(e.name);
        return;
      case 'member':
        word(e.property);
        expr(e.object);
        return;
      case 'call':
        expr(e.callee);
        for (const a of e.args) {
          if (a.name !== undefined) word(a.name);
          expr(a.value);
        }
        return;
      case 'index':
        expr(e.object);
        expr(e.index);
        return;
      case 'binary':
        expr(e.left);
        expr(e.right);
        return;
      case 'unary':
        expr(e.operand);
        return;
      case 'await':
      case 'cast':
      case 'type-test':
        expr(e.value);
        return;
      case 'assign':
        expr(e.target);
        expr(e.value);
        return;
      case 'conditional':
        expr(e.test);
        expr(e.consequent);
        expr(e.alternate);
        return;
      case 'array':
        e.elements.forEach(expr);
        return;
      case 'other':
        e.children.forEach(expr);
        return;
      case 'function':
        fn(e.fn);
        return;
      default:
        // Literals, templates (a plain string can match them), objects, ellipses: nothing certain.
        return;
    }
  };
  const fn = (f: FunctionDecl): void => {
    f.decorators.forEach(expr);
    f.body.forEach(stmt);
  };
  const stmt = (s: Stmt): void => {
    switch (s.kind) {
      case 'expr':
        expr(s.expr);
        return;
      case 'assign':
      case 'return':
      case 'throw':
        if (s.kind === 'assign') expr(s.target);
        expr(s.value);
        return;
      case 'if':
        expr(s.test);
        s.consequent.forEach(stmt);
        s.alternate?.forEach(stmt);
        return;
      case 'loop':
        expr(s.binding);
        expr(s.iterable);
        expr(s.test);
        s.body.forEach(stmt);
        return;
      case 'block':
        s.body.forEach(stmt);
        return;
      case 'try':
        s.body.forEach(stmt);
        s.finalizer?.forEach(stmt);
        return;
      case 'switch':
        expr(s.discriminant);
        return;
      case 'function':
        fn(s.fn);
        return;
      case 'class':
        s.decorators.forEach(expr);
        s.body.forEach(stmt);
        return;
      default:
        // `import`, `export`, `other`: compared on other grounds, or not at all.
        return;
    }
  };
  if (pattern.kind === 'expr') expr(pattern.expr);
  else if (pattern.kind === 'stmt') stmt(pattern.stmt);
  else for (const item of pattern.items) stmt(item.stmt);
  // Longest first: usually the rarer words.
  return [...words].sort((a, b) => b.length - a.length);
}

const REQUIRED = new WeakMap<CompiledPattern, readonly string[]>();
// PHP's translator names calls after keywords, which PHP reads in any case (`ECHO`, `Print`),
// and after node types (`print` is `print_intrinsic`): its names need not be in the text.
const NO_TEXT_PREFILTER: ReadonlySet<Language> = new Set(['php']);

/** Every place in the module where the pattern matches. */
export function searchPattern(pattern: CompiledPattern, index: ModuleIndex): Hit[] {
  let words = NO_TEXT_PREFILTER.has(index.module.language) ? [] : REQUIRED.get(pattern);
  if (!words) {
    words = requiredWords(pattern);
    REQUIRED.set(pattern, words);
  }
  // Most patterns name a call or a setting the file never mentions: a text search settles it.
  for (const w of words) if (!index.mentions(w)) return [];
  const ctx: MatchContext = { aliases: index.aliases };
  switch (pattern.kind) {
    case 'expr':
      return searchExpr(pattern.expr, index, ctx);
    case 'stmt':
      return searchStmt(pattern.stmt, index, ctx);
    case 'seq':
      return searchSeq(pattern.items, pattern.trailing, index, ctx);
  }
}
