import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, ObjectEntry, Param } from '../types.js';
import { fieldAssignment, fieldConditional, stringPart, typeText, unescapeString, type ExprHandler, type Translator } from './common.js';

// JavaScript, TypeScript and TSX expressions (one grammar family).

export const JS_BLOCKS: ReadonlySet<string> = new Set(['statement_block']);

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  if (node.type === 'template_string') return [{ value: t.expr(node) }];
  return t.named(node).map((child) =>
    child.type === 'spread_element' ? { spread: true, value: t.expr(child.namedChildren[0]) } : { value: t.expr(child) },
  );
}

function stringValue(node: SyntaxNode): string {
  let out = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_fragment') out += child.text;
    else if (child.type === 'escape_sequence') out += unescapeString(child.text);
  }
  return out;
}

function template(node: SyntaxNode, t: Translator): Expr {
  const parts: Expr[] = [];
  let text = '';
  let textStart: SyntaxNode | undefined;
  const flush = (): void => {
    if (textStart) parts.push(stringPart(textStart, text));
    text = '';
    textStart = undefined;
  };
  for (const child of node.namedChildren) {
    if (child.type === 'template_substitution') {
      flush();
      parts.push(t.expr(child.namedChildren[0]));
    } else if (child.type === 'string_fragment' || child.type === 'escape_sequence') {
      textStart ??= child;
      text += child.type === 'escape_sequence' ? unescapeString(child.text) : child.text;
    }
  }
  flush();
  return { kind: 'template', parts, span: t.span(node) };
}

function objectEntries(node: SyntaxNode, t: Translator): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  for (const child of t.named(node)) {
    switch (child.type) {
      case 'pair': {
        const key = child.childForFieldName('key');
        const value = t.expr(child.childForFieldName('value'));
        if (!key) break;
        if (key.type === 'computed_property_name') entries.push({ computedKey: t.expr(key.namedChildren[0]), value });
        else entries.push({ key: key.type === 'string' ? stringValue(key) : t.nameText(key.text), value });
        break;
      }
      case 'shorthand_property_identifier':
        entries.push({ key: t.nameText(child.text), value: t.name(child) });
        break;
      case 'spread_element':
        entries.push({ spread: true, value: t.expr(child.namedChildren[0]) });
        break;
      case 'method_definition':
        entries.push({ key: child.childForFieldName('name')?.text ?? '', value: { kind: 'function', fn: jsFunction(child, t), span: t.span(child) } });
        break;
      default:
        entries.push({ computedKey: t.expr(child), value: t.expr(child) });
    }
  }
  return entries;
}

/** Parameters: plain names, defaults, rest, TypeScript's required/optional parameters, destructuring (named after its text). */
export function jsParams(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  if (node.type === 'identifier') return [t.param(node, node.text)];
  const params: Param[] = [];
  for (const child of t.named(node)) {
    let pattern: SyntaxNode | null = child;
    let type: string | undefined;
    const annotations: string[] = [];
    if (child.type === 'required_parameter' || child.type === 'optional_parameter') {
      pattern = child.childForFieldName('pattern');
      type = typeText(child.childForFieldName('type'));
      for (const deco of child.namedChildren) if (deco.type === 'decorator') annotations.push(deco.text.replace(/^@/, ''));
      const value = child.childForFieldName('value');
      if (value && pattern) {
        params.push(t.param(child, pattern.text, { defaultValue: t.expr(value), annotations, ...(type ? { type } : {}) }));
        continue;
      }
    }
    if (!pattern || pattern.type === 'this') continue;
    if (pattern.type === 'assignment_pattern') {
      const left = pattern.childForFieldName('left');
      params.push(t.param(child, left?.text ?? '', { defaultValue: t.expr(pattern.childForFieldName('right')), annotations, ...(type ? { type } : {}) }));
    } else if (pattern.type === 'rest_pattern') {
      params.push(t.param(child, pattern.namedChildren[0]?.text ?? '', { rest: true, annotations, ...(type ? { type } : {}) }));
    } else {
      params.push(t.param(child, pattern.text, { annotations, ...(type ? { type } : {}) }));
    }
  }
  return params;
}

/** Functions, methods, arrows. A concise arrow body becomes one `return`. */
export function jsFunction(node: SyntaxNode, t: Translator, decorators: readonly Expr[] = [], className?: string): FunctionDecl {
  const body = node.childForFieldName('body');
  const name = node.childForFieldName('name');
  const params = jsParams(node.childForFieldName('parameters') ?? node.childForFieldName('parameter'), t);
  let stmts = body ? t.body(body, JS_BLOCKS) : [];
  if (body && body.type !== 'statement_block') stmts = [{ kind: 'return', value: t.expr(body), span: t.span(body) }];
  const returnType = typeText(node.childForFieldName('return_type'));
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params,
    body: stmts,
    decorators,
    ...(returnType ? { returnType } : {}),
    span: t.span(node),
  };
}

const fn: ExprHandler = (node, t) => ({ kind: 'function', fn: jsFunction(node, t), span: t.span(node) });
const binary: ExprHandler = (node, t) => ({
  kind: 'binary',
  op: node.childForFieldName('operator')?.text ?? '',
  left: t.expr(node.childForFieldName('left')),
  right: t.expr(node.childForFieldName('right')),
  span: t.span(node),
});
const inner: ExprHandler = (node, t) => t.expr(node.namedChildren[0]);
const cast: ExprHandler = (node, t) => {
  const [value, type] = node.namedChildren;
  return { kind: 'cast', type: type?.text ?? '', value: t.expr(value), span: t.span(node) };
};

export const JS_EXPR: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  property_identifier: (node, t) => t.name(node),
  shorthand_property_identifier: (node, t) => t.name(node),
  type_identifier: (node, t) => t.name(node),
  private_property_identifier: (node, t) => t.name(node),
  this: (node, t) => ({ kind: 'name', name: 'this', span: t.span(node) }),
  super: (node, t) => ({ kind: 'name', name: 'super', span: t.span(node) }),
  undefined: (node, t) => t.literal(node, 'null', 'undefined'),
  null: (node, t) => t.literal(node, 'null', 'null'),
  true: (node, t) => t.literal(node, 'boolean', 'true'),
  false: (node, t) => t.literal(node, 'boolean', 'false'),
  number: (node, t) => t.literal(node, 'number', String(Number(node.text.replace(/_/g, '')))),
  string: (node, t) => t.literal(node, 'string', stringValue(node)),
  regex: (node, t) => t.literal(node, 'regex', node.childForFieldName('pattern')?.text ?? node.text),
  template_string: template,
  call_expression: (node, t) => ({
    kind: 'call',
    callee: t.expr(node.childForFieldName('function')),
    args: args(node.childForFieldName('arguments'), t),
    span: t.span(node),
  }),
  new_expression: (node, t) => ({
    kind: 'call',
    callee: t.expr(node.childForFieldName('constructor')),
    args: args(node.childForFieldName('arguments'), t),
    isNew: true,
    span: t.span(node),
  }),
  member_expression: (node, t) => ({
    kind: 'member',
    object: t.expr(node.childForFieldName('object')),
    property: t.nameText(node.childForFieldName('property')?.text ?? ''),
    span: t.span(node),
  }),
  subscript_expression: (node, t) => ({
    kind: 'index',
    object: t.expr(node.childForFieldName('object')),
    index: t.expr(node.childForFieldName('index')),
    span: t.span(node),
  }),
  binary_expression: (node, t) => jsBinaryOrTypeTest(node, t),
  unary_expression: (node, t) => ({
    kind: 'unary',
    op: node.childForFieldName('operator')?.text ?? '',
    operand: t.expr(node.childForFieldName('argument')),
    span: t.span(node),
  }),
  update_expression: (node, t) => ({
    kind: 'unary',
    op: node.childForFieldName('operator')?.text ?? '',
    operand: t.expr(node.childForFieldName('argument')),
    span: t.span(node),
  }),
  assignment_expression: fieldAssignment,
  augmented_assignment_expression: fieldAssignment,
  ternary_expression: fieldConditional,
  arrow_function: fn,
  function: fn,
  function_expression: fn,
  generator_function: fn,
  array: (node, t) => ({ kind: 'array', elements: t.named(node).map((child) => t.expr(child)), span: t.span(node) }),
  object: (node, t) => ({ kind: 'object', entries: objectEntries(node, t), span: t.span(node) }),
  parenthesized_expression: inner,
  non_null_expression: inner,
  satisfies_expression: (node, t) => t.expr(node.namedChildren[0]),
  as_expression: cast,
  type_assertion: (node, t) => {
    const [type, value] = node.namedChildren;
    return { kind: 'cast', type: type?.text.replace(/^<|>$/g, '') ?? '', value: t.expr(value), span: t.span(node) };
  },
  await_expression: (node, t) => ({ kind: 'await', value: t.expr(node.namedChildren[0]), span: t.span(node) }),
  yield_expression: (node, t) => ({ kind: 'await', value: t.expr(node.namedChildren[0]), span: t.span(node) }),
  spread_element: (node, t) => t.otherExpr(node),
  // Destructuring targets (`const { id, q: query } = req.query`) as object / array shapes, so
  // taint reaches each bound name.
  object_pattern: (node, t) => ({ kind: 'object', entries: patternEntries(node, t), span: t.span(node) }),
  array_pattern: (node, t) => ({ kind: 'array', elements: t.named(node).map((child) => t.expr(child)), span: t.span(node) }),
  shorthand_property_identifier_pattern: (node, t) => t.name(node),
  assignment_pattern: (node, t) => defaulted(node.childForFieldName('left'), node.childForFieldName('right'), node, t),
  rest_pattern: (node, t) => t.expr(node.namedChildren[0]),
  sequence_expression: (node, t) => t.otherExpr(node),
};

/** `a = 1` inside a destructuring pattern: an assignment expression, as the taint engine reads defaults. */
function defaulted(left: SyntaxNode | null, right: SyntaxNode | null, node: SyntaxNode, t: Translator): Expr {
  return { kind: 'assign', op: '=', target: t.expr(left), value: t.expr(right), span: t.span(node) };
}

function patternEntries(node: SyntaxNode, t: Translator): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  for (const child of t.named(node)) {
    if (child.type === 'shorthand_property_identifier_pattern') entries.push({ key: t.nameText(child.text), value: t.name(child) });
    else if (child.type === 'object_assignment_pattern') {
      const left = child.childForFieldName('left');
      entries.push({ key: t.nameText(left?.text ?? ''), value: defaulted(left, child.childForFieldName('right'), child, t) });
    } else if (child.type === 'pair_pattern') {
      const key = child.childForFieldName('key');
      const value = t.expr(child.childForFieldName('value'));
      if (key?.type === 'computed_property_name') entries.push({ computedKey: t.expr(key.namedChildren[0]), value });
      else entries.push({ key: key?.type === 'string' ? stringValue(key) : t.nameText(key?.text ?? ''), value });
    } else if (child.type === 'rest_pattern') entries.push({ spread: true, value: t.expr(child.namedChildren[0]) });
  }
  return entries;
}

/** `x instanceof T` is a type test, not arithmetic. */
export function jsBinaryOrTypeTest(node: SyntaxNode, t: Translator): Expr {
  const op = node.childForFieldName('operator')?.text;
  if (op === 'instanceof') {
    return { kind: 'type-test', type: node.childForFieldName('right')?.text ?? '', value: t.expr(node.childForFieldName('left')), span: t.span(node) };
  }
  return binary(node, t);
}
