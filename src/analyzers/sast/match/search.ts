import type { Expr, Span, Stmt } from '../ir/types.js';
import { NO_BINDINGS, type Bindings } from './bindings.js';
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

/** Every place in the module where the pattern matches. */
export function searchPattern(pattern: CompiledPattern, index: ModuleIndex): Hit[] {
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
