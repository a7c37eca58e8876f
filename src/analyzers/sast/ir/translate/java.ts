import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, Param, Stmt } from '../types.js';
import { fieldAssignment, fieldConditional, unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

const BLOCKS: ReadonlySet<string> = new Set(['block', 'constructor_body']);

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  return node ? t.named(node).map((child) => ({ value: t.expr(child) })) : [];
}

function stringValue(node: SyntaxNode): string {
  let out = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_fragment' || child.type === 'multiline_string_fragment') out += child.text;
    else if (child.type === 'escape_sequence') out += unescapeString(child.text);
  }
  return out;
}

function annotationsOf(node: SyntaxNode, t: Translator): Expr[] {
  const modifiers = node.namedChildren.find((c) => c.type === 'modifiers');
  return (modifiers?.namedChildren ?? []).filter((c) => c.type === 'annotation' || c.type === 'marker_annotation').map((a) => annotation(a, t));
}

/** `@GetMapping("/x")` as a call, `@Override` as a name: decorators the matcher reads the same in every language. */
function annotation(node: SyntaxNode, t: Translator): Expr {
  const name = t.expr(node.childForFieldName('name'));
  const list = node.childForFieldName('arguments');
  if (!list) return name;
  const argList: Argument[] = t.named(list).map((arg) =>
    arg.type === 'element_value_pair' ? { name: arg.childForFieldName('key')?.text ?? '', value: t.expr(arg.childForFieldName('value')) } : { value: t.expr(arg) },
  );
  return { kind: 'call', callee: name, args: argList, span: t.span(node) };
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  if (node.type === 'identifier') return [t.param(node, node.text)];
  return t.named(node).flatMap((p): Param[] => {
    if (p.type === 'identifier') return [t.param(p, p.text)];
    const annotations = annotationsOf(p, t).map((a) => (a.kind === 'call' && a.callee.kind === 'name' ? a.callee.name : a.kind === 'name' ? a.name : ''));
    const type = p.childForFieldName('type')?.text;
    if (p.type === 'spread_parameter') {
      const declarator = p.namedChildren.find((c) => c.type === 'variable_declarator');
      return [t.param(p, declarator?.childForFieldName('name')?.text ?? '', { rest: true, annotations })];
    }
    const name = p.childForFieldName('name')?.text ?? p.text;
    return [t.param(p, name, { annotations, ...(type ? { type } : {}) })];
  });
}

function method(node: SyntaxNode, t: Translator, className?: string): FunctionDecl {
  const name = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('type')?.text;
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params: params(node.childForFieldName('parameters'), t),
    body: body && !BLOCKS.has(body.type) ? [{ kind: 'return', value: t.expr(body), span: t.span(body) }] : t.body(body, BLOCKS),
    decorators: annotationsOf(node, t),
    ...(returnType ? { returnType } : {}),
    span: t.span(node),
  };
}

function declarators(node: SyntaxNode, t: Translator, field: boolean): Stmt[] {
  const type = node.childForFieldName('type')?.text;
  return node.childrenForFieldName('declarator').map((d): Stmt => {
    const value = d.childForFieldName('value');
    const nameNode = d.childForFieldName('name');
    const target: Expr = field && nameNode
      ? { kind: 'member', object: { kind: 'name', name: 'this', span: t.span(nameNode) }, property: nameNode.text, span: t.span(nameNode) }
      : t.expr(nameNode);
    return { kind: 'assign', target, op: '=', value: value ? t.expr(value) : undefined, declared: true, ...(type ? { type } : {}), span: t.span(d) };
  });
}

function classDecl(node: SyntaxNode, t: Translator): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases = [node.childForFieldName('superclass'), node.childForFieldName('interfaces')].flatMap((b) => (b ? b.text.replace(/^(extends|implements)\s+/, '').split(/\s*,\s*/) : []));
  const body: Stmt[] = [];
  for (const member of t.named(node.childForFieldName('body') ?? node)) {
    if (member.type === 'method_declaration' || member.type === 'constructor_declaration') body.push({ kind: 'function', fn: method(member, t, name), span: t.span(member) });
    else if (member.type === 'field_declaration') body.push(...declarators(member, t, true));
    else body.push(...t.stmt(member));
  }
  return { kind: 'class', name: t.nameText(name), bases, decorators: annotationsOf(node, t), body, span: t.span(node) };
}

const binary: ExprHandler = (node, t) => ({
  kind: 'binary',
  op: node.childForFieldName('operator')?.text ?? '',
  left: t.expr(node.childForFieldName('left')),
  right: t.expr(node.childForFieldName('right')),
  span: t.span(node),
});

const expr: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  type_identifier: (node, t) => t.name(node),
  scoped_identifier: (node, t) => ({ kind: 'member', object: t.expr(node.childForFieldName('scope')), property: node.childForFieldName('name')?.text ?? '', span: t.span(node) }),
  this: (node, t) => ({ kind: 'name', name: 'this', span: t.span(node) }),
  super: (node, t) => ({ kind: 'name', name: 'super', span: t.span(node) }),
  string_literal: (node, t) => t.literal(node, 'string', stringValue(node)),
  character_literal: (node, t) => t.literal(node, 'string', unescapeString(node.text.slice(1, -1))),
  decimal_integer_literal: (node, t) => t.literal(node, 'number', node.text.replace(/[_lL]/g, '')),
  hex_integer_literal: (node, t) => t.literal(node, 'number', String(Number.parseInt(node.text.replace(/[_lL]/g, ''), 16))),
  decimal_floating_point_literal: (node, t) => t.literal(node, 'number', node.text.replace(/[_fFdD]/g, '')),
  true: (node, t) => t.literal(node, 'boolean', 'true'),
  false: (node, t) => t.literal(node, 'boolean', 'false'),
  null_literal: (node, t) => t.literal(node, 'null', 'null'),
  method_invocation: (node, t) => {
    const object = node.childForFieldName('object');
    const nameNode = node.childForFieldName('name');
    const callee: Expr = object ? { kind: 'member', object: t.expr(object), property: t.nameText(nameNode?.text ?? ''), span: t.span(node) } : t.expr(nameNode);
    return { kind: 'call', callee, args: args(node.childForFieldName('arguments'), t), span: t.span(node) };
  },
  object_creation_expression: (node, t) => ({ kind: 'call', callee: t.expr(node.childForFieldName('type')), args: args(node.childForFieldName('arguments'), t), isNew: true, span: t.span(node) }),
  field_access: (node, t) => ({ kind: 'member', object: t.expr(node.childForFieldName('object')), property: t.nameText(node.childForFieldName('field')?.text ?? ''), span: t.span(node) }),
  array_access: (node, t) => ({ kind: 'index', object: t.expr(node.childForFieldName('array')), index: t.expr(node.childForFieldName('index')), span: t.span(node) }),
  binary_expression: binary,
  unary_expression: (node, t) => ({ kind: 'unary', op: node.childForFieldName('operator')?.text ?? '', operand: t.expr(node.childForFieldName('operand')), span: t.span(node) }),
  update_expression: (node, t) => ({ kind: 'unary', op: node.children.find((c) => !c.isNamed)?.text ?? '++', operand: t.expr(node.namedChildren[0]), span: t.span(node) }),
  assignment_expression: fieldAssignment,
  ternary_expression: fieldConditional,
  cast_expression: (node, t) => ({ kind: 'cast', type: node.childForFieldName('type')?.text ?? '', value: t.expr(node.childForFieldName('value')), span: t.span(node) }),
  instanceof_expression: (node, t) => ({ kind: 'type-test', type: node.childForFieldName('right')?.text ?? '', value: t.expr(node.childForFieldName('left')), span: t.span(node) }),
  lambda_expression: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
  array_initializer: (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
  array_creation_expression: (node, t) => {
    const init = node.childForFieldName('value');
    return init ? t.expr(init) : t.otherExpr(node);
  },
  parenthesized_expression: (node, t) => t.expr(t.named(node)[0]),
  condition: (node, t) => t.expr(t.named(node)[0]),
  method_reference: (node, t) => t.otherExpr(node),
  marker_annotation: annotation,
  annotation,
};

const loop: StmtHandler = (node, t) => ({
  kind: 'loop',
  ...(node.childForFieldName('condition') ? { test: t.expr(node.childForFieldName('condition')) } : {}),
  body: t.body(node.childForFieldName('body'), BLOCKS),
  span: t.span(node),
});

export const JAVA_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['line_comment', 'block_comment', 'comment', 'package_declaration', 'break_statement', 'continue_statement', ';']),
  stmt: {
    program: (node, t) => t.stmts(t.named(node)),
    block: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => ({ kind: 'expr', expr: t.expr(t.named(node)[0]), span: t.span(node) }),
    local_variable_declaration: (node, t) => declarators(node, t, false),
    field_declaration: (node, t) => declarators(node, t, true),
    return_statement: (node, t) => ({ kind: 'return', value: t.named(node)[0] ? t.expr(t.named(node)[0]) : undefined, span: t.span(node) }),
    throw_statement: (node, t) => ({ kind: 'throw', value: t.expr(t.named(node)[0]), span: t.span(node) }),
    if_statement: (node, t) => {
      const alternative = node.childForFieldName('alternative');
      return {
        kind: 'if',
        test: t.expr(node.childForFieldName('condition')),
        consequent: t.body(node.childForFieldName('consequence'), BLOCKS),
        alternate: alternative ? t.body(alternative, BLOCKS) : undefined,
        span: t.span(node),
      };
    },
    while_statement: loop,
    do_statement: loop,
    for_statement: (node, t) => {
      const init = node.childrenForFieldName('init').filter((c) => c.isNamed);
      const update = node.childrenForFieldName('update').filter((c) => c.isNamed);
      const condition = node.childForFieldName('condition');
      const body = [...t.body(node.childForFieldName('body'), BLOCKS), ...update.map((u): Stmt => ({ kind: 'expr', expr: t.expr(u), span: t.span(u) }))];
      return [...t.stmts(init), { kind: 'loop', ...(condition ? { test: t.expr(condition) } : {}), body, span: t.span(node) }];
    },
    enhanced_for_statement: (node, t) => ({
      kind: 'loop',
      binding: t.expr(node.childForFieldName('name')),
      iterable: t.expr(node.childForFieldName('value')),
      body: t.body(node.childForFieldName('body'), BLOCKS),
      span: t.span(node),
    }),
    try_statement: (node, t) => tryStmt(node, t),
    try_with_resources_statement: (node, t) => {
      const resources = node.childForFieldName('resources');
      const pre: Stmt[] = (resources ? t.named(resources) : []).map((r): Stmt => {
        const value = r.childForFieldName('value');
        return value ? { kind: 'assign', target: t.expr(r.childForFieldName('name')), op: '=', value: t.expr(value), declared: true, span: t.span(r) } : { kind: 'expr', expr: t.expr(r), span: t.span(r) };
      });
      const inner = tryStmt(node, t);
      return { ...inner, body: [...pre, ...inner.body] };
    },
    switch_expression: (node, t) => switchStmt(node, t),
    switch_statement: (node, t) => switchStmt(node, t),
    method_declaration: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
    constructor_declaration: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
    class_declaration: classDecl,
    interface_declaration: classDecl,
    enum_declaration: classDecl,
    record_declaration: classDecl,
    import_declaration: (node, t) => {
      const path = t.named(node)[0]?.text ?? '';
      const isWildcard = node.namedChildren.some((c) => c.type === 'asterisk');
      const last = path.split('.').pop() ?? path;
      return { kind: 'import', module: path, bindings: isWildcard ? [{ imported: '*', local: '*' }] : [{ imported: last, local: last }], span: t.span(node) };
    },
    labeled_statement: (node, t) => t.stmts(t.named(node).slice(1)),
    synchronized_statement: (node, t) => ({ kind: 'block', body: t.body(node.childForFieldName('body') ?? t.named(node).pop(), BLOCKS), span: t.span(node) }),
  },
};

function tryStmt(node: SyntaxNode, t: Translator): Extract<Stmt, { kind: 'try' }> {
  const handlers = node.namedChildren.filter((c) => c.type === 'catch_clause').map((clause) => {
    const param = clause.namedChildren.find((c) => c.type === 'catch_formal_parameter');
    const name = param?.childForFieldName('name');
    const type = param?.namedChildren.find((c) => c.type === 'catch_type')?.text;
    return { ...(name ? { binding: t.expr(name) } : {}), ...(type ? { type } : {}), body: t.body(clause.childForFieldName('body'), BLOCKS) };
  });
  const finalizer = node.namedChildren.find((c) => c.type === 'finally_clause');
  return {
    kind: 'try',
    body: t.body(node.childForFieldName('body'), BLOCKS),
    handlers,
    finalizer: finalizer ? t.body(finalizer.namedChildren.find((c) => c.type === 'block'), BLOCKS) : undefined,
    span: t.span(node),
  };
}

function switchStmt(node: SyntaxNode, t: Translator): Stmt {
  const body = node.childForFieldName('body');
  const cases = (body ? t.named(body) : []).map((group) => {
    const labels = group.namedChildren.filter((c) => c.type === 'switch_label');
    const stmts = group.namedChildren.filter((c) => c.type !== 'switch_label');
    // `break` is dropped from the IR; the taint engine needs to know the case does not fall through.
    const last = stmts.filter((c) => !c.type.endsWith('comment')).pop();
    const endsInBreak = group.type === 'switch_rule' || last?.type === 'break_statement' || last?.type === 'yield_statement';
    return { tests: labels.flatMap((l) => t.named(l).map((e) => t.expr(e))), body: t.stmts(stmts), ...(endsInBreak ? { endsInBreak } : {}) };
  });
  return { kind: 'switch', discriminant: t.expr(node.childForFieldName('condition')), cases, span: t.span(node) };
}
