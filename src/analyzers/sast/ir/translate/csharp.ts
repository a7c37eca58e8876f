import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, Param, Stmt } from '../types.js';
import { fieldConditional, stringPart, unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

const BLOCKS: ReadonlySet<string> = new Set(['block']);

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  return t.named(node).map((arg): Argument => {
    const name = arg.childForFieldName('name')?.text ?? arg.namedChildren.find((c) => c.type === 'name_colon')?.namedChildren[0]?.text;
    const value = t.named(arg).filter((c) => c.type !== 'name_colon').pop();
    return { ...(name ? { name } : {}), value: t.expr(value ?? arg) };
  });
}

function attributes(node: SyntaxNode, t: Translator): Expr[] {
  return node.namedChildren.filter((c) => c.type === 'attribute_list').flatMap((list) =>
    t.named(list).filter((a) => a.type === 'attribute').map((a): Expr => {
      const name = t.expr(a.childForFieldName('name'));
      const list2 = a.namedChildren.find((c) => c.type === 'attribute_argument_list');
      return list2 ? { kind: 'call', callee: name, args: t.named(list2).map((x) => ({ value: t.expr(t.named(x).pop()) })), span: t.span(a) } : name;
    }),
  );
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  if (node.type === 'identifier') return [t.param(node, node.text)];
  return t.named(node).map((p) => {
    if (p.type === 'identifier') return t.param(p, p.text);
    const type = p.childForFieldName('type')?.text;
    const annotations = attributes(p, t).map((a) => (a.kind === 'name' ? a.name : a.kind === 'call' && a.callee.kind === 'name' ? a.callee.name : ''));
    return t.param(p, p.childForFieldName('name')?.text ?? p.text, { annotations, ...(type ? { type } : {}) });
  });
}

/** A member name without type arguments: `Query<User>` is `Query`, as patterns name it. */
function simpleName(node: SyntaxNode | null): string {
  if (!node) return '';
  return node.type === 'generic_name' ? (node.namedChildren[0]?.text ?? node.text) : node.text;
}

function method(node: SyntaxNode, t: Translator, className?: string): FunctionDecl {
  const name = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('type')?.text ?? node.childForFieldName('returns')?.text;
  const paramNode = node.childForFieldName('parameters') ?? (node.type === 'lambda_expression' ? (t.named(node).find((c) => c.id !== body?.id) ?? null) : null);
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params: params(paramNode, t),
    body: body && !BLOCKS.has(body.type) ? [{ kind: 'return', value: t.expr(body), span: t.span(body) }] : t.body(body, BLOCKS),
    decorators: attributes(node, t),
    ...(returnType ? { returnType } : {}),
    span: t.span(node),
  };
}

function variables(decl: SyntaxNode, t: Translator, field: boolean): Stmt[] {
  const type = decl.childForFieldName('type')?.text;
  return decl.namedChildren.filter((c) => c.type === 'variable_declarator').map((d): Stmt => {
    const nameNode = d.childForFieldName('name') ?? d.namedChildren.find((c) => c.type === 'identifier');
    const init = d.namedChildren.find((c) => c.type === 'equals_value_clause');
    const valueNode = init ? t.named(init)[0] : d.namedChildren.find((c) => c.id !== nameNode?.id && c.type !== 'bracketed_argument_list');
    const target: Expr = field && nameNode ? { kind: 'member', object: { kind: 'name', name: 'this', span: t.span(d) }, property: nameNode.text, span: t.span(d) } : t.expr(nameNode);
    return { kind: 'assign', target, op: '=', value: valueNode ? t.expr(valueNode) : undefined, declared: true, ...(type && type !== 'var' ? { type } : {}), span: t.span(d) };
  });
}

function interpolated(node: SyntaxNode, t: Translator): Expr {
  const parts: Expr[] = [];
  for (const child of t.named(node)) {
    if (child.type === 'interpolated_string_text' || child.type === 'interpolated_verbatim_string_text') parts.push(stringPart(child, unescapeString(child.text)));
    else if (child.type === 'interpolation') parts.push(t.expr(t.named(child)[0]));
  }
  return { kind: 'template', parts, span: t.span(node) };
}

function classDecl(node: SyntaxNode, t: Translator): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases = (node.childForFieldName('bases') ?? node.namedChildren.find((c) => c.type === 'base_list'))?.namedChildren.map((b) => b.text) ?? [];
  const body: Stmt[] = [];
  for (const member of t.named(node.childForFieldName('body') ?? node)) {
    if (member.type === 'method_declaration' || member.type === 'constructor_declaration') body.push({ kind: 'function', fn: method(member, t, name), span: t.span(member) });
    else if (member.type === 'field_declaration') {
      const decl = member.namedChildren.find((c) => c.type === 'variable_declaration');
      if (decl) body.push(...variables(decl, t, true));
    } else body.push(...t.stmt(member));
  }
  return { kind: 'class', name: t.nameText(name), bases, decorators: attributes(node, t), body, span: t.span(node) };
}

const binary: ExprHandler = (node, t) => ({ kind: 'binary', op: node.childForFieldName('operator')?.text ?? '', left: t.expr(node.childForFieldName('left')), right: t.expr(node.childForFieldName('right')), span: t.span(node) });

const expr: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  predefined_type: (node, t) => t.name(node),
  generic_name: (node, t) => t.name(node, t.named(node)[0]?.text ?? node.text),
  qualified_name: (node, t) => {
    const parts = t.named(node);
    const last = parts.pop();
    return parts.length === 0 ? t.name(node) : { kind: 'member', object: parts.length === 1 ? t.expr(parts[0]) : t.name(node, parts.map((p) => p.text).join('.')), property: last?.text ?? '', span: t.span(node) };
  },
  this_expression: (node, t) => ({ kind: 'name', name: 'this', span: t.span(node) }),
  this: (node, t) => ({ kind: 'name', name: 'this', span: t.span(node) }),
  base_expression: (node, t) => ({ kind: 'name', name: 'base', span: t.span(node) }),
  string_literal: (node, t) => t.literal(node, 'string', unescapeString(node.text.slice(1, -1))),
  verbatim_string_literal: (node, t) => t.literal(node, 'string', node.text.slice(2, -1).replace(/""/g, '"')),
  raw_string_literal: (node, t) => t.literal(node, 'string', node.text.replace(/^"+|"+$/g, '')),
  character_literal: (node, t) => t.literal(node, 'string', unescapeString(node.text.slice(1, -1))),
  integer_literal: (node, t) => t.literal(node, 'number', node.text.replace(/[_uUlL]/g, '')),
  real_literal: (node, t) => t.literal(node, 'number', node.text.replace(/[_fFdDmM]/g, '')),
  boolean_literal: (node, t) => t.literal(node, 'boolean', node.text),
  null_literal: (node, t) => t.literal(node, 'null', 'null'),
  interpolated_string_expression: interpolated,
  invocation_expression: (node, t) => ({ kind: 'call', callee: t.expr(node.childForFieldName('function')), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  object_creation_expression: (node, t) => {
    const init = node.childForFieldName('initializer');
    const callArgs = args(node.childForFieldName('arguments'), t);
    const type = t.expr(node.childForFieldName('type'));
    // `new T { P = v }` sets P on the new object: its assignments read as `T.P = v`, so a rule's
    // `$S.P = v` pattern sees the property set in an initialiser too.
    const member = (e: Expr): Expr => (e.kind === 'assign' && e.target.kind === 'name' ? { ...e, target: { kind: 'member', object: type, property: e.target.name, span: e.target.span } } : e);
    if (init) callArgs.push({ value: { kind: 'array', elements: t.named(init).map((c) => member(t.expr(c))), span: t.span(init) } });
    return { kind: 'call', callee: type, args: callArgs, isNew: true, span: t.span(node) };
  },
  member_access_expression: (node, t) => ({ kind: 'member', object: t.expr(node.childForFieldName('expression')), property: t.nameText(simpleName(node.childForFieldName('name'))), span: t.span(node) }),
  conditional_access_expression: (node, t) => {
    const binding = node.namedChildren.find((c) => c.type === 'member_binding_expression');
    const object = t.expr(node.childForFieldName('condition'));
    return binding ? { kind: 'member', object, property: simpleName(binding.childForFieldName('name')), span: t.span(node) } : t.otherExpr(node);
  },
  element_access_expression: (node, t) => {
    const sub = node.childForFieldName('subscript');
    const first = sub ? t.named(sub)[0] : undefined;
    return { kind: 'index', object: t.expr(node.childForFieldName('expression')), index: t.expr(first ? (t.named(first)[0] ?? first) : null), span: t.span(node) };
  },
  binary_expression: binary,
  prefix_unary_expression: (node, t) => ({ kind: 'unary', op: node.children[0]?.text ?? '', operand: t.expr(t.named(node)[0]), span: t.span(node) }),
  postfix_unary_expression: (node, t) => ({ kind: 'unary', op: node.children[1]?.text ?? '', operand: t.expr(t.named(node)[0]), span: t.span(node) }),
  assignment_expression: (node, t) => ({
    kind: 'assign',
    op: node.namedChildren.find((c) => c.type === 'assignment_operator')?.text ?? node.childForFieldName('operator')?.text ?? '=',
    target: t.expr(node.childForFieldName('left')),
    value: t.expr(node.childForFieldName('right')),
    span: t.span(node),
  }),
  conditional_expression: fieldConditional,
  cast_expression: (node, t) => ({ kind: 'cast', type: node.childForFieldName('type')?.text ?? '', value: t.expr(node.childForFieldName('value')), span: t.span(node) }),
  as_expression: (node, t) => ({ kind: 'cast', type: node.childForFieldName('right')?.text ?? '', value: t.expr(node.childForFieldName('left')), span: t.span(node) }),
  is_expression: (node, t) => ({ kind: 'type-test', type: node.childForFieldName('right')?.text ?? '', value: t.expr(node.childForFieldName('left')), span: t.span(node) }),
  is_pattern_expression: (node, t) => ({ kind: 'type-test', type: node.childForFieldName('pattern')?.text ?? '', value: t.expr(node.childForFieldName('expression')), span: t.span(node) }),
  lambda_expression: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
  anonymous_method_expression: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
  await_expression: (node, t) => ({ kind: 'await', value: t.expr(t.named(node)[0]), span: t.span(node) }),
  parenthesized_expression: (node, t) => t.expr(t.named(node)[0]),
  initializer_expression: (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) }),
  array_creation_expression: (node, t) => {
    const init = node.namedChildren.find((c) => c.type === 'initializer_expression');
    return init ? t.expr(init) : t.otherExpr(node);
  },
  implicit_array_creation_expression: (node, t) => t.expr(node.namedChildren.find((c) => c.type === 'initializer_expression')),
};

const loop: StmtHandler = (node, t) => {
  const condition = node.childForFieldName('condition') ?? t.named(node).find((c) => !BLOCKS.has(c.type));
  const body = node.childForFieldName('body') ?? t.named(node).find((c) => BLOCKS.has(c.type));
  return { kind: 'loop', ...(condition ? { test: t.expr(condition) } : {}), body: t.body(body, BLOCKS), span: t.span(node) };
};

export const CSHARP_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['comment', 'break_statement', 'continue_statement', 'empty_statement', 'modifier']),
  stmt: {
    compilation_unit: (node, t) => t.stmts(t.named(node)),
    namespace_declaration: (node, t) => t.stmts(t.named(node.childForFieldName('body') ?? node)),
    file_scoped_namespace_declaration: (node, t) => t.stmts(t.named(node).filter((c) => c.id !== node.childForFieldName('name')?.id)),
    global_statement: (node, t) => t.stmts(t.named(node)),
    block: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => ({ kind: 'expr', expr: t.expr(t.named(node)[0]), span: t.span(node) }),
    local_declaration_statement: (node, t) => t.named(node).flatMap((d) => (d.type === 'variable_declaration' ? variables(d, t, false) : [])),
    variable_declaration: (node, t) => variables(node, t, false),
    return_statement: (node, t) => ({ kind: 'return', value: t.named(node)[0] ? t.expr(t.named(node)[0]) : undefined, span: t.span(node) }),
    throw_statement: (node, t) => ({ kind: 'throw', value: t.named(node)[0] ? t.expr(t.named(node)[0]) : undefined, span: t.span(node) }),
    if_statement: (node, t) => {
      const alternative = node.childForFieldName('alternative');
      return { kind: 'if', test: t.expr(node.childForFieldName('condition')), consequent: t.body(node.childForFieldName('consequence'), BLOCKS), alternate: alternative ? t.body(alternative, BLOCKS) : undefined, span: t.span(node) };
    },
    while_statement: loop,
    do_statement: loop,
    for_statement: (node, t) => {
      const init = node.childForFieldName('initializer');
      const condition = node.childForFieldName('condition');
      const update = node.childForFieldName('update');
      const body = [...t.body(node.childForFieldName('body'), BLOCKS), ...(update ? [{ kind: 'expr' as const, expr: t.expr(update), span: t.span(update) }] : [])];
      return [...(init ? t.stmt(init) : []), { kind: 'loop', ...(condition ? { test: t.expr(condition) } : {}), body, span: t.span(node) }];
    },
    for_each_statement: (node, t) => ({ kind: 'loop', binding: t.expr(node.childForFieldName('left')), iterable: t.expr(node.childForFieldName('right')), body: t.body(node.childForFieldName('body'), BLOCKS), span: t.span(node) }),
    try_statement: (node, t) => {
      const handlers = node.namedChildren.filter((c) => c.type === 'catch_clause').map((c) => {
        const decl = c.namedChildren.find((x) => x.type === 'catch_declaration');
        const name = decl?.childForFieldName('name');
        const type = decl?.childForFieldName('type')?.text;
        return { ...(name ? { binding: t.expr(name) } : {}), ...(type ? { type } : {}), body: t.body(c.childForFieldName('body'), BLOCKS) };
      });
      const finalizer = node.namedChildren.find((c) => c.type === 'finally_clause');
      return { kind: 'try', body: t.body(node.childForFieldName('body'), BLOCKS), handlers, finalizer: finalizer ? t.body(t.named(finalizer)[0], BLOCKS) : undefined, span: t.span(node) };
    },
    using_statement: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    lock_statement: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node).slice(1)), span: t.span(node) }),
    method_declaration: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
    local_function_statement: (node, t) => ({ kind: 'function', fn: method(node, t), span: t.span(node) }),
    class_declaration: classDecl,
    struct_declaration: classDecl,
    interface_declaration: classDecl,
    record_declaration: classDecl,
    using_directive: (node, t) => {
      const target = t.named(node).pop();
      const alias = node.namedChildren.find((c) => c.type === 'name_equals')?.namedChildren[0]?.text;
      const module = target?.text ?? '';
      return { kind: 'import', module, bindings: [{ imported: '*', local: alias ?? module }], span: t.span(node) };
    },
  },
};
