import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, ObjectEntry, Param, Stmt } from '../types.js';
import { stringPart, unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

// Ruby: everything is an expression; statement-like nodes in expression position become `other`.

const BLOCKS: ReadonlySet<string> = new Set(['body_statement', 'then', 'else', 'do', 'block_body', 'begin_block']);

function interpolated(node: SyntaxNode, t: Translator): Expr {
  const parts: Expr[] = [];
  for (const child of t.named(node)) {
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      const prev = parts[parts.length - 1];
      const text = unescapeString(child.text);
      if (prev?.kind === 'literal') parts[parts.length - 1] = { ...prev, value: prev.value + text };
      else parts.push(stringPart(child, text));
    } else if (child.type === 'interpolation') parts.push(t.expr(t.named(child)[0]));
  }
  if (parts.every((p) => p.kind === 'literal')) return t.literal(node, 'string', parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''));
  return { kind: 'template', parts, span: t.span(node) };
}

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  return t.named(node).map((arg): Argument => {
    if (arg.type === 'pair') {
      const key = arg.childForFieldName('key');
      if (key?.type === 'hash_key_symbol') return { name: key.text, value: t.expr(arg.childForFieldName('value')) };
    }
    if (arg.type === 'splat_argument' || arg.type === 'hash_splat_argument' || arg.type === 'block_argument') return { spread: true, value: t.expr(t.named(arg)[0]) };
    return { value: t.expr(arg) };
  });
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  return t.named(node).map((p) => {
    if (p.type === 'identifier') return t.param(p, p.text);
    const name = p.childForFieldName('name')?.text ?? p.text;
    const value = p.childForFieldName('value');
    const rest = p.type === 'splat_parameter' || p.type === 'hash_splat_parameter' || p.type === 'block_parameter';
    return t.param(p, name, { ...(value ? { defaultValue: t.expr(value) } : {}), ...(rest ? { rest } : {}) });
  });
}

function fn(node: SyntaxNode, t: Translator, className?: string): FunctionDecl {
  const name = node.childForFieldName('name');
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params: params(node.childForFieldName('parameters'), t),
    body: t.body(node.childForFieldName('body'), BLOCKS),
    decorators: [],
    span: t.span(node),
  };
}

function call(node: SyntaxNode, t: Translator): Expr {
  const receiver = node.childForFieldName('receiver');
  const method = node.childForFieldName('method');
  const block = node.childForFieldName('block');
  const methodName = t.nameText(method?.text ?? '');
  const callArgs = args(node.childForFieldName('arguments'), t);
  if (block) callArgs.push({ value: { kind: 'function', fn: fn(block, t), span: t.span(block) } });
  if (receiver && methodName === 'new') return { kind: 'call', callee: t.expr(receiver), args: callArgs, isNew: true, span: t.span(node) };
  const callee: Expr = receiver ? { kind: 'member', object: t.expr(receiver), property: methodName, span: t.span(node) } : t.expr(method);
  return { kind: 'call', callee, args: callArgs, span: t.span(node) };
}

const binary: ExprHandler = (node, t) => ({ kind: 'binary', op: node.childForFieldName('operator')?.text ?? '', left: t.expr(node.childForFieldName('left')), right: t.expr(node.childForFieldName('right')), span: t.span(node) });

function hash(node: SyntaxNode, t: Translator): Expr {
  const entries = t.named(node).map((pair): ObjectEntry => {
    if (pair.type !== 'pair') return { spread: true, value: t.expr(t.named(pair)[0]) };
    const keyNode = pair.childForFieldName('key');
    const value = t.expr(pair.childForFieldName('value'));
    if (keyNode?.type === 'hash_key_symbol') return { key: keyNode.text, value };
    const key = t.expr(keyNode);
    return key.kind === 'literal' ? { key: key.value, value } : { computedKey: key, value };
  });
  return { kind: 'object', entries, span: t.span(node) };
}

const expr: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  constant: (node, t) => t.name(node),
  instance_variable: (node, t) => t.name(node),
  class_variable: (node, t) => t.name(node),
  global_variable: (node, t) => t.name(node),
  self: (node, t) => ({ kind: 'name', name: 'self', span: t.span(node) }),
  scope_resolution: (node, t) => {
    const scope = node.childForFieldName('scope');
    const name = node.childForFieldName('name')?.text ?? '';
    return scope ? { kind: 'member', object: t.expr(scope), property: name, span: t.span(node) } : t.name(node, name);
  },
  string: interpolated,
  subshell: (node, t) => ({ kind: 'call', callee: { kind: 'name', name: '`', span: t.span(node) }, args: [{ value: interpolated(node, t) }], span: t.span(node) }),
  simple_symbol: (node, t) => t.literal(node, 'string', node.text.replace(/^:/, '')),
  hash_key_symbol: (node, t) => t.literal(node, 'string', node.text),
  integer: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  float: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  true: (node, t) => t.literal(node, 'boolean', 'true'),
  false: (node, t) => t.literal(node, 'boolean', 'false'),
  nil: (node, t) => t.literal(node, 'null', 'nil'),
  regex: (node, t) => t.literal(node, 'regex', node.text.slice(1, -1)),
  call,
  element_reference: (node, t) => {
    // Nodes are fresh wrapper objects on each access: compare ids, not references.
    const objectId = node.childForFieldName('object')?.id;
    const [index] = t.named(node).filter((c) => c.id !== objectId);
    return { kind: 'index', object: t.expr(node.childForFieldName('object')), index: t.expr(index), span: t.span(node) };
  },
  binary,
  unary: (node, t) => ({ kind: 'unary', op: node.childForFieldName('operator')?.text ?? '', operand: t.expr(node.childForFieldName('operand')), span: t.span(node) }),
  assignment: (node, t) => ({ kind: 'assign', op: '=', target: t.expr(node.childForFieldName('left')), value: t.expr(node.childForFieldName('right')), span: t.span(node) }),
  operator_assignment: (node, t) => ({ kind: 'assign', op: node.childForFieldName('operator')?.text ?? '', target: t.expr(node.childForFieldName('left')), value: t.expr(node.childForFieldName('right')), span: t.span(node) }),
  conditional: (node, t) => ({ kind: 'conditional', test: t.expr(node.childForFieldName('condition')), consequent: t.expr(node.childForFieldName('consequence')), alternate: t.expr(node.childForFieldName('alternative')), span: t.span(node) }),
  array: (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
  hash,
  parenthesized_statements: (node, t) => (t.named(node).length === 1 ? t.expr(t.named(node)[0]) : t.otherExpr(node)),
  lambda: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  block: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  do_block: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  argument_list: (node, t) => (t.named(node).length === 1 ? t.expr(t.named(node)[0]) : { kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
  left_assignment_list: (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
  right_assignment_list: (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
};

function ifLike(node: SyntaxNode, t: Translator, negate: boolean): Stmt {
  const test = t.expr(node.childForFieldName('condition'));
  const alt = node.childForFieldName('alternative');
  const alternate = alt ? (alt.type === 'elsif' ? [ifLike(alt, t, false)] : t.body(alt, BLOCKS)) : undefined;
  return {
    kind: 'if',
    test: negate ? { kind: 'unary', op: 'not', operand: test, span: test.span } : test,
    consequent: t.body(node.childForFieldName('consequence') ?? node.childForFieldName('body'), BLOCKS),
    alternate,
    span: t.span(node),
  };
}

const requireImport = (expr: Expr): string | undefined => {
  if (expr.kind !== 'call' || expr.callee.kind !== 'name' || !['require', 'require_relative', 'load'].includes(expr.callee.name)) return undefined;
  const first = expr.args[0]?.value;
  return first?.kind === 'literal' && first.type === 'string' ? first.value : undefined;
};

const loop: StmtHandler = (node, t) => ({ kind: 'loop', test: t.expr(node.childForFieldName('condition')), body: t.body(node.childForFieldName('body'), BLOCKS), span: t.span(node) });

function classDecl(node: SyntaxNode, t: Translator): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const superclass = node.childForFieldName('superclass');
  const body: Stmt[] = [];
  const skipped = new Set([node.childForFieldName('name')?.id, superclass?.id]);
  for (const member of t.named(node.childForFieldName('body') ?? node).filter((m) => !skipped.has(m.id))) {
    if (member.type === 'method' || member.type === 'singleton_method') body.push({ kind: 'function', fn: fn(member, t, name), span: t.span(member) });
    else body.push(...t.stmt(member));
  }
  return { kind: 'class', name: t.nameText(name), bases: superclass ? [t.named(superclass)[0]?.text ?? ''] : [], decorators: [], body, span: t.span(node) };
}

export const RUBY_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['comment', 'empty_statement', 'heredoc_body']),
  stmt: {
    program: (node, t) => t.stmts(t.named(node)),
    body_statement: (node, t) => t.stmts(t.named(node)),
    begin_block: (node, t) => t.stmts(t.named(node)),
    call: (node, t) => {
      const expr = call(node, t);
      const module = requireImport(expr);
      return module === undefined ? { kind: 'expr', expr, span: t.span(node) } : { kind: 'import', module, bindings: [], span: t.span(node) };
    },
    assignment: (node, t) => ({ kind: 'assign', target: t.expr(node.childForFieldName('left')), op: '=', value: t.expr(node.childForFieldName('right')), span: t.span(node) }),
    operator_assignment: (node, t) => ({ kind: 'assign', target: t.expr(node.childForFieldName('left')), op: node.childForFieldName('operator')?.text ?? '', value: t.expr(node.childForFieldName('right')), span: t.span(node) }),
    return: (node, t) => ({ kind: 'return', value: t.named(node)[0] ? t.expr(t.named(node)[0]) : undefined, span: t.span(node) }),
    if: (node, t) => ifLike(node, t, false),
    unless: (node, t) => ifLike(node, t, true),
    if_modifier: (node, t) => ifLike(node, t, false),
    unless_modifier: (node, t) => ifLike(node, t, true),
    while: loop,
    until: loop,
    while_modifier: loop,
    until_modifier: loop,
    for: (node, t) => ({ kind: 'loop', binding: t.expr(node.childForFieldName('pattern')), iterable: t.expr(t.named(node.childForFieldName('value') ?? node)[0]), body: t.body(node.childForFieldName('body'), BLOCKS), span: t.span(node) }),
    case: (node, t) => ({
      kind: 'switch',
      discriminant: t.expr(node.childForFieldName('value')),
      cases: t.named(node).filter((c) => c.type === 'when' || c.type === 'else').map((c) => ({
        tests: c.childrenForFieldName('pattern').map((p) => t.expr(t.named(p)[0] ?? p)),
        body: t.body(c.childForFieldName('body') ?? (c.type === 'else' ? c : null), BLOCKS),
      })),
      span: t.span(node),
    }),
    begin: (node, t) => {
      const rescues = node.namedChildren.filter((c) => c.type === 'rescue');
      const ensure = node.namedChildren.find((c) => c.type === 'ensure');
      const body = t.stmts(t.named(node).filter((c) => c.type !== 'rescue' && c.type !== 'ensure' && c.type !== 'else'));
      const handlers = rescues.map((r) => {
        const variable = r.childForFieldName('variable');
        return { ...(variable ? { binding: t.expr(t.named(variable)[0]) } : {}), body: t.body(r.childForFieldName('body'), BLOCKS) };
      });
      return { kind: 'try', body, handlers, finalizer: ensure ? t.stmts(t.named(ensure)) : undefined, span: t.span(node) };
    },
    method: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
    singleton_method: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
    class: classDecl,
    module: classDecl,
    break: () => [],
    next: () => [],
  },
};
