import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, ObjectEntry, Param, Stmt } from '../types.js';
import { unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

const BLOCKS: ReadonlySet<string> = new Set(['block']);

function list(node: SyntaxNode | null, t: Translator): Expr {
  if (!node) return { kind: 'other', type: 'missing', children: [], span: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startByte: 0, endByte: 0 } };
  const items = node.type === 'expression_list' ? t.named(node) : [node];
  if (items.length === 1) return t.expr(items[0]);
  return { kind: 'array', elements: items.map((c) => t.expr(c)), span: t.span(node) };
}

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  return t.named(node).map((child) => (child.type === 'variadic_argument' ? { spread: true, value: t.expr(child.namedChildren[0]) } : { value: t.expr(child) }));
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  return t.named(node).flatMap((decl): Param[] => {
    const type = decl.childForFieldName('type')?.text;
    const names = decl.childrenForFieldName('name');
    const rest = decl.type === 'variadic_parameter_declaration';
    if (names.length === 0) return [t.param(decl, '_', { ...(type ? { type } : {}), ...(rest ? { rest } : {}) })];
    return names.map((name) => t.param(name, name.text, { ...(type ? { type } : {}), ...(rest ? { rest } : {}) }));
  });
}

function fn(node: SyntaxNode, t: Translator): FunctionDecl {
  const name = node.childForFieldName('name');
  const receiver = node.childForFieldName('receiver');
  const receiverType = receiver?.namedChildren[0]?.childForFieldName('type')?.text.replace(/^\*/, '');
  const result = node.childForFieldName('result')?.text;
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(receiverType ? { className: receiverType } : {}),
    params: [...params(receiver, t), ...params(node.childForFieldName('parameters'), t)],
    body: t.body(node.childForFieldName('body'), BLOCKS),
    decorators: [],
    ...(result ? { returnType: result } : {}),
    span: t.span(node),
  };
}

function literalValue(node: SyntaxNode | null, t: Translator, isMap: boolean): Expr {
  if (!node) return { kind: 'array', elements: [], span: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, startByte: 0, endByte: 0 } };
  const elements = t.named(node);
  const inner = (e: SyntaxNode): SyntaxNode | undefined => (e.type === 'literal_element' ? e.namedChildren[0] : e);
  if (!isMap && !elements.some((e) => e.type === 'keyed_element')) {
    const items = elements.map((e) => t.expr(inner(e)));
    // `T{...}` in a pattern: any literal of T, keyed or not (an object with an open entry).
    if (items.length > 0 && items.every((e) => e.kind === 'ellipsis')) return { kind: 'object', entries: items.map((value) => ({ value })), span: t.span(node) };
    return { kind: 'array', elements: items, span: t.span(node) };
  }
  const entries = elements.map((element): ObjectEntry => {
    // A bare `...` among keyed elements (patterns: `T{..., K: v, ...}`) is an open entry, not a key.
    if (element.type !== 'keyed_element') return { value: t.expr(inner(element)) };
    const [keyNode, valueNode] = element.namedChildren.map((c) => (c.type === 'literal_element' ? c.namedChildren[0] : c));
    const key = t.expr(keyNode ?? null);
    const value = t.expr(valueNode ?? null);
    if (key.kind === 'literal' && key.type === 'string') return { key: key.value, value };
    if (key.kind === 'name') return { key: key.name, value };
    return { computedKey: key, value };
  });
  return { kind: 'object', entries, span: t.span(node) };
}

function assign(node: SyntaxNode, t: Translator, declared: boolean): Stmt {
  return { kind: 'assign', target: list(node.childForFieldName('left'), t), op: declared ? ':=' : (node.childForFieldName('operator')?.text ?? '='), value: list(node.childForFieldName('right'), t), ...(declared ? { declared } : {}), span: t.span(node) };
}

const expr: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  field_identifier: (node, t) => t.name(node),
  package_identifier: (node, t) => t.name(node),
  type_identifier: (node, t) => t.name(node),
  // `http.Cookie` in `http.Cookie{...}`: a member of the package, as a call's callee would be.
  qualified_type: (node, t) => ({ kind: 'member', object: t.expr(node.childForFieldName('package')), property: node.childForFieldName('name')?.text ?? '', span: t.span(node) }),
  interpreted_string_literal: (node, t) => t.literal(node, 'string', unescapeString(node.text.slice(1, -1))),
  raw_string_literal: (node, t) => t.literal(node, 'string', node.text.slice(1, -1)),
  rune_literal: (node, t) => t.literal(node, 'string', unescapeString(node.text.slice(1, -1))),
  int_literal: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  float_literal: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  true: (node, t) => t.literal(node, 'boolean', 'true'),
  false: (node, t) => t.literal(node, 'boolean', 'false'),
  nil: (node, t) => t.literal(node, 'null', 'nil'),
  call_expression: (node, t) => ({ kind: 'call', callee: t.expr(node.childForFieldName('function')), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  selector_expression: (node, t) => ({ kind: 'member', object: t.expr(node.childForFieldName('operand')), property: t.nameText(node.childForFieldName('field')?.text ?? ''), span: t.span(node) }),
  index_expression: (node, t) => ({ kind: 'index', object: t.expr(node.childForFieldName('operand')), index: t.expr(node.childForFieldName('index')), span: t.span(node) }),
  slice_expression: (node, t) => t.expr(node.childForFieldName('operand')),
  binary_expression: (node, t) => ({ kind: 'binary', op: node.childForFieldName('operator')?.text ?? '', left: t.expr(node.childForFieldName('left')), right: t.expr(node.childForFieldName('right')), span: t.span(node) }),
  unary_expression: (node, t) => {
    const op = node.childForFieldName('operator')?.text ?? '';
    // `&x` and `*p` point at the same value: taint and patterns see through them.
    if (op === '&' || op === '*') return t.expr(node.childForFieldName('operand'));
    return { kind: 'unary', op, operand: t.expr(node.childForFieldName('operand')), span: t.span(node) };
  },
  parenthesized_expression: (node, t) => t.expr(t.named(node)[0]),
  type_assertion_expression: (node, t) => ({ kind: 'type-test', type: node.childForFieldName('type')?.text ?? '', value: t.expr(node.childForFieldName('operand')), span: t.span(node) }),
  type_conversion_expression: (node, t) => ({ kind: 'cast', type: node.childForFieldName('type')?.text ?? '', value: t.expr(node.childForFieldName('operand')), span: t.span(node) }),
  func_literal: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  composite_literal: (node, t) => {
    const type = node.childForFieldName('type');
    const value = literalValue(node.childForFieldName('body'), t, type?.type === 'map_type');
    if (type && type.type !== 'map_type' && type.type !== 'slice_type' && type.type !== 'array_type' && type.type !== 'implicit_length_array_type') {
      return { kind: 'call', callee: t.expr(type), args: [{ value }], isNew: true, span: t.span(node) };
    }
    return value;
  },
  literal_value: (node, t) => literalValue(node, t, false),
  expression_list: (node, t) => list(node, t),
};

const simple = (expression: SyntaxNode | undefined, node: SyntaxNode, t: Translator): Stmt => ({ kind: 'expr', expr: t.expr(expression), span: t.span(node) });

function ifStmt(node: SyntaxNode, t: Translator): Stmt[] {
  const init = node.childForFieldName('initializer');
  const alternative = node.childForFieldName('alternative');
  const stmt: Stmt = {
    kind: 'if',
    test: t.expr(node.childForFieldName('condition')),
    consequent: t.body(node.childForFieldName('consequence'), BLOCKS),
    alternate: alternative ? (alternative.type === 'if_statement' ? ifStmt(alternative, t) : t.body(alternative, BLOCKS)) : undefined,
    span: t.span(node),
  };
  return init ? [...t.stmt(init), stmt] : [stmt];
}

const switchStmt: StmtHandler = (node, t) => {
  const init = node.childForFieldName('initializer');
  const cases = t.named(node).filter((c) => c.type.endsWith('_case')).map((c) => {
    const value = c.childForFieldName('value') ?? c.childForFieldName('type');
    return { tests: value ? [list(value, t)] : [], body: t.stmts(t.named(c).filter((s) => s !== value)) };
  });
  const stmt: Stmt = { kind: 'switch', discriminant: t.expr(node.childForFieldName('value')), cases, span: t.span(node) };
  return init ? [...t.stmt(init), stmt] : [stmt];
};

export const GO_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['comment', 'package_clause', 'break_statement', 'continue_statement', 'empty_statement', 'type_declaration']),
  stmt: {
    source_file: (node, t) => t.stmts(t.named(node)),
    block: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => simple(t.named(node)[0], node, t),
    go_statement: (node, t) => simple(t.named(node)[0], node, t),
    defer_statement: (node, t) => simple(t.named(node)[0], node, t),
    inc_statement: (node, t) => ({ kind: 'expr', expr: { kind: 'unary', op: '++', operand: t.expr(t.named(node)[0]), span: t.span(node) }, span: t.span(node) }),
    dec_statement: (node, t) => ({ kind: 'expr', expr: { kind: 'unary', op: '--', operand: t.expr(t.named(node)[0]), span: t.span(node) }, span: t.span(node) }),
    short_var_declaration: (node, t) => assign(node, t, true),
    assignment_statement: (node, t) => assign(node, t, false),
    var_declaration: (node, t) => t.named(node).flatMap((spec) => varSpecs(spec, t)),
    const_declaration: (node, t) => t.named(node).flatMap((spec) => varSpecs(spec, t)),
    return_statement: (node, t) => ({ kind: 'return', value: t.named(node)[0] ? list(t.named(node)[0] ?? null, t) : undefined, span: t.span(node) }),
    if_statement: (node, t) => ifStmt(node, t),
    for_statement: (node, t) => {
      const body = t.body(node.childForFieldName('body'), BLOCKS);
      const head = t.named(node).find((c) => c.type === 'range_clause' || c.type === 'for_clause');
      if (head?.type === 'range_clause') {
        return { kind: 'loop', binding: list(head.childForFieldName('left'), t), iterable: t.expr(head.childForFieldName('right')), body, span: t.span(node) };
      }
      if (head?.type === 'for_clause') {
        const init = head.childForFieldName('initializer');
        const condition = head.childForFieldName('condition');
        const update = head.childForFieldName('update');
        return [...(init ? t.stmt(init) : []), { kind: 'loop', ...(condition ? { test: t.expr(condition) } : {}), body: [...body, ...(update ? t.stmt(update) : [])], span: t.span(node) }];
      }
      const condition = t.named(node).find((c) => c.type !== 'block');
      return { kind: 'loop', ...(condition ? { test: t.expr(condition) } : {}), body, span: t.span(node) };
    },
    expression_switch_statement: switchStmt,
    type_switch_statement: switchStmt,
    select_statement: (node, t) => t.otherStmt(node),
    function_declaration: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
    method_declaration: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
    import_declaration: (node, t) =>
      node.descendantsOfType('import_spec').map((spec): Stmt => {
        const path = spec.childForFieldName('path')?.text.slice(1, -1) ?? '';
        const alias = spec.childForFieldName('name')?.text;
        const local = alias ?? goPackageName(path);
        return { kind: 'import', module: path, bindings: [{ imported: '*', local }], span: t.span(spec) };
      }),
    labeled_statement: (node, t) => t.stmts(t.named(node).slice(1)),
  },
};

/**
 * The name a Go import binds without an alias, by the usual conventions: the last path element,
 * skipping a major-version element (`.../ldap/v3` is `ldap`), without a gopkg.in version
 * (`gopkg.in/yaml.v3` is `yaml`) or a `go-` / `-go` affix (`go-sqlite3` is `sqlite3`).
 */
export function goPackageName(path: string): string {
  const parts = path.split('/').filter((part) => part !== '');
  let last = parts.pop() ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts.pop() ?? last;
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[-.]go$/, '');
  return last.replace(/[^A-Za-z0-9_]/g, '_');
}

function varSpecs(spec: SyntaxNode, t: Translator): Stmt[] {
  if (spec.type !== 'var_spec' && spec.type !== 'const_spec') return [...t.stmt(spec)];
  const names = spec.childrenForFieldName('name');
  const value = spec.childForFieldName('value');
  const type = spec.childForFieldName('type')?.text;
  const target: Expr = names.length === 1 ? t.expr(names[0]) : { kind: 'array', elements: names.map((n) => t.expr(n)), span: t.span(spec) };
  return [{ kind: 'assign', target, op: '=', value: value ? list(value, t) : undefined, declared: true, ...(type ? { type } : {}), span: t.span(spec) }];
}
