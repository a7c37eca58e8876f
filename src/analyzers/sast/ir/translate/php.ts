import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, ObjectEntry, Param, Stmt } from '../types.js';
import { fieldAssignment, stringPart, unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

// PHP variables keep their `$` in the IR (`$_GET`, `$q`), as rules write them.

const BLOCKS: ReadonlySet<string> = new Set(['compound_statement', 'colon_block']);

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  return t.named(node).map((arg): Argument => {
    const inner = arg.type === 'argument' ? (t.named(arg).pop() ?? arg) : arg;
    const name = arg.type === 'argument' ? arg.childForFieldName('name')?.text : undefined;
    const spread = arg.type === 'argument' && arg.children.some((c) => c.type === '...');
    return { ...(name ? { name } : {}), ...(spread ? { spread } : {}), value: t.expr(inner) };
  });
}

function encapsed(node: SyntaxNode, t: Translator): Expr {
  const parts: Expr[] = [];
  for (const child of t.named(node)) {
    if (child.type === 'string_value' || child.type === 'string_content' || child.type === 'escape_sequence') {
      const prev = parts[parts.length - 1];
      const text = unescapeString(child.text);
      if (prev?.kind === 'literal') parts[parts.length - 1] = { ...prev, value: prev.value + text };
      else parts.push(stringPart(child, text));
    } else parts.push(t.expr(child));
  }
  if (parts.every((p) => p.kind === 'literal')) return t.literal(node, 'string', parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''));
  return { kind: 'template', parts, span: t.span(node) };
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  return t.named(node).map((p) => {
    const type = p.childForFieldName('type')?.text;
    const def = p.childForFieldName('default_value');
    const attrs = p.namedChildren.filter((c) => c.type === 'attribute_list').map((a) => a.text);
    return t.param(p, p.childForFieldName('name')?.text ?? p.text, {
      ...(type ? { type } : {}),
      ...(def ? { defaultValue: t.expr(def) } : {}),
      ...(p.type === 'variadic_parameter' ? { rest: true } : {}),
      annotations: attrs,
    });
  });
}

function fn(node: SyntaxNode, t: Translator, className?: string): FunctionDecl {
  const name = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('return_type')?.text;
  const decorators = node.namedChildren.filter((c) => c.type === 'attribute_list').flatMap((list) => list.descendantsOfType('attribute').map((a) => t.otherExpr(a)));
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params: params(node.childForFieldName('parameters'), t),
    body: body && !BLOCKS.has(body.type) ? [{ kind: 'return', value: t.expr(body), span: t.span(body) }] : t.body(body, BLOCKS),
    decorators,
    ...(returnType ? { returnType } : {}),
    span: t.span(node),
  };
}

function arrayEntries(node: SyntaxNode, t: Translator): Expr {
  const items = t.named(node);
  const keyed = items.some((i) => t.named(i).length > 1);
  if (!keyed) return { kind: 'array', elements: items.map((i) => t.expr(t.named(i)[0])), span: t.span(node) };
  const entries = items.map((item): ObjectEntry => {
    const [k, v] = t.named(item);
    const alone = v ? undefined : t.expr(k);
    // A bare `...` among keyed items (patterns: `[..., 'k' => v, ...]`) is an open entry, not a positional one.
    if (alone?.kind === 'ellipsis') return { value: alone };
    if (!v) return { computedKey: { kind: 'literal', type: 'number', value: '', raw: '', span: t.span(item) }, value: alone ?? t.expr(k) };
    const key = t.expr(k);
    return key.kind === 'literal' ? { key: key.value, value: t.expr(v) } : { computedKey: key, value: t.expr(v) };
  });
  return { kind: 'object', entries, span: t.span(node) };
}

const binary: ExprHandler = (node, t) => {
  const op = node.childForFieldName('operator')?.text ?? '';
  if (op === 'instanceof') return { kind: 'type-test', type: node.childForFieldName('right')?.text ?? '', value: t.expr(node.childForFieldName('left')), span: t.span(node) };
  return { kind: 'binary', op, left: t.expr(node.childForFieldName('left')), right: t.expr(node.childForFieldName('right')), span: t.span(node) };
};

const member = (node: SyntaxNode, t: Translator): Expr => ({
  kind: 'member',
  object: t.expr(node.childForFieldName('object') ?? node.childForFieldName('scope')),
  property: t.nameText(node.childForFieldName('name')?.text ?? ''),
  span: t.span(node),
});

const includeLike: ExprHandler = (node, t) => ({
  kind: 'call',
  callee: { kind: 'name', name: node.type.replace(/_expression$/, ''), span: t.span(node) },
  args: t.named(node).map((c) => ({ value: t.expr(c) })),
  span: t.span(node),
});

const expr: Readonly<Record<string, ExprHandler>> = {
  variable_name: (node, t) => t.name(node, node.text),
  name: (node, t) => t.name(node),
  qualified_name: (node, t) => t.name(node, node.text.replace(/^\\/, '')),
  string: (node, t) => t.literal(node, 'string', node.text.startsWith("'") ? node.text.slice(1, -1).replace(/\\(['\\])/g, '$1') : encapsedValue(node)),
  encapsed_string: encapsed,
  heredoc: (node, t) => t.otherExpr(node),
  integer: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  float: (node, t) => t.literal(node, 'number', node.text),
  boolean: (node, t) => t.literal(node, 'boolean', node.text.toLowerCase()),
  null: (node, t) => t.literal(node, 'null', 'null'),
  function_call_expression: (node, t) => ({ kind: 'call', callee: t.expr(node.childForFieldName('function')), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  member_call_expression: (node, t) => ({ kind: 'call', callee: member(node, t), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  nullsafe_member_call_expression: (node, t) => ({ kind: 'call', callee: member(node, t), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  scoped_call_expression: (node, t) => ({ kind: 'call', callee: member(node, t), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  object_creation_expression: (node, t) => {
    const [cls, list] = t.named(node);
    return { kind: 'call', callee: t.expr(cls), args: list?.type === 'arguments' ? args(list, t) : [], isNew: true, span: t.span(node) };
  },
  member_access_expression: member,
  nullsafe_member_access_expression: member,
  scoped_property_access_expression: member,
  class_constant_access_expression: (node, t) => {
    const [scope, name] = t.named(node);
    return { kind: 'member', object: t.expr(scope), property: name?.text ?? '', span: t.span(node) };
  },
  subscript_expression: (node, t) => {
    const [object, index] = t.named(node);
    return { kind: 'index', object: t.expr(object), index: index ? t.expr(index) : { kind: 'literal', type: 'null', value: '', raw: '', span: t.span(node) }, span: t.span(node) };
  },
  binary_expression: binary,
  unary_op_expression: (node, t) => ({ kind: 'unary', op: node.childForFieldName('operator')?.text ?? node.children[0]?.text ?? '', operand: t.expr(node.childForFieldName('argument') ?? t.named(node)[0]), span: t.span(node) }),
  update_expression: (node, t) => ({ kind: 'unary', op: node.childForFieldName('operator')?.text ?? '++', operand: t.expr(node.childForFieldName('argument') ?? t.named(node)[0]), span: t.span(node) }),
  assignment_expression: fieldAssignment,
  reference_assignment_expression: fieldAssignment,
  augmented_assignment_expression: fieldAssignment,
  conditional_expression: (node, t) => ({
    kind: 'conditional',
    test: t.expr(node.childForFieldName('condition')),
    consequent: t.expr(node.childForFieldName('body') ?? node.childForFieldName('condition')),
    alternate: t.expr(node.childForFieldName('alternative')),
    span: t.span(node),
  }),
  cast_expression: (node, t) => ({ kind: 'cast', type: node.childForFieldName('type')?.text ?? '', value: t.expr(node.childForFieldName('value')), span: t.span(node) }),
  parenthesized_expression: (node, t) => t.expr(t.named(node)[0]),
  array_creation_expression: arrayEntries,
  anonymous_function_creation_expression: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  anonymous_function: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  arrow_function: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
  include_expression: includeLike,
  include_once_expression: includeLike,
  require_expression: includeLike,
  require_once_expression: includeLike,
  print_intrinsic: includeLike,
  shell_command_expression: (node, t) => ({ kind: 'call', callee: { kind: 'name', name: 'shell_exec', span: t.span(node) }, args: [{ value: encapsed(node, t) }], span: t.span(node) }),
};

function encapsedValue(node: SyntaxNode): string {
  return unescapeString(node.text.slice(1, -1));
}

function classDecl(node: SyntaxNode, t: Translator): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases = node.namedChildren.filter((c) => c.type === 'base_clause' || c.type === 'class_interface_clause').flatMap((c) => t.named(c).map((n) => n.text));
  const body: Stmt[] = [];
  for (const member of t.named(node.childForFieldName('body') ?? node)) {
    if (member.type === 'method_declaration') body.push({ kind: 'function', fn: fn(member, t, name), span: t.span(member) });
    else if (member.type === 'property_declaration') {
      for (const element of member.namedChildren.filter((c) => c.type === 'property_element')) {
        const variable = element.namedChildren.find((c) => c.type === 'variable_name');
        const init = element.namedChildren.find((c) => c.type === 'property_initializer');
        body.push({
          kind: 'assign',
          target: { kind: 'member', object: { kind: 'name', name: '$this', span: t.span(element) }, property: variable?.text.replace(/^\$/, '') ?? '', span: t.span(element) },
          op: '=',
          value: init ? t.expr(t.named(init)[0]) : undefined,
          declared: true,
          span: t.span(element),
        });
      }
    } else body.push(...t.stmt(member));
  }
  return { kind: 'class', name: t.nameText(name), bases, decorators: [], body, span: t.span(node) };
}

const loop: StmtHandler = (node, t) => ({
  kind: 'loop',
  ...(node.childForFieldName('condition') ? { test: t.expr(node.childForFieldName('condition')) } : {}),
  body: t.body(node.childForFieldName('body'), BLOCKS),
  span: t.span(node),
});

const callStmt = (name: string): StmtHandler => (node, t) => ({
  kind: 'expr',
  expr: { kind: 'call', callee: { kind: 'name', name, span: t.span(node) }, args: t.named(node).map((c) => ({ value: t.expr(c) })), span: t.span(node) },
  span: t.span(node),
});

/** Does this node end with a `<?=` tag (alone, or at the end of template text)? */
function opensShortEcho(node: SyntaxNode): boolean {
  const tag = node.type === 'text_interpolation' ? node.namedChildren[node.namedChildren.length - 1] : node;
  return tag?.type === 'php_tag' && tag.text === '<?=';
}

/** Top-level statements, where the expression after a `<?=` tag is echoed: `<?= $x ?>` is `echo $x`. */
function withShortEcho(children: readonly SyntaxNode[], t: Translator): Stmt[] {
  const out: Stmt[] = [];
  let echo = false;
  for (const child of children) {
    if (echo && child.type === 'expression_statement') out.push(...t.stmt(child).map((s): Stmt => (s.kind === 'expr' ? { ...s, expr: { kind: 'call', callee: { kind: 'name', name: 'echo', span: s.span }, args: [{ value: s.expr }], span: s.span } } : s)));
    else out.push(...t.stmt(child));
    echo = opensShortEcho(child);
  }
  return out;
}

export const PHP_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['comment', 'php_tag', 'text_interpolation', 'break_statement', 'continue_statement', 'empty_statement', 'namespace_definition']),
  stmt: {
    program: (node, t) => withShortEcho(node.namedChildren, t),
    compound_statement: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => {
      const expr = t.expr(t.named(node)[0]);
      const module = phpRequireModule(expr);
      const stmt: Stmt = { kind: 'expr', expr, span: t.span(node) };
      return module === undefined ? stmt : [{ kind: 'import', module, bindings: [], span: t.span(node) }, stmt];
    },
    echo_statement: callStmt('echo'),
    print_statement: callStmt('print'),
    unset_statement: callStmt('unset'),
    return_statement: (node, t) => ({ kind: 'return', value: t.named(node)[0] ? t.expr(t.named(node)[0]) : undefined, span: t.span(node) }),
    throw_expression: (node, t) => ({ kind: 'throw', value: t.expr(t.named(node)[0]), span: t.span(node) }),
    if_statement: (node, t) => {
      const alternatives = node.childrenForFieldName('alternative');
      let alternate: Stmt[] | undefined;
      for (const alt of [...alternatives].reverse()) {
        const body = t.body(alt.childForFieldName('body'), BLOCKS);
        alternate = alt.type === 'else_clause' ? body : [{ kind: 'if', test: t.expr(alt.childForFieldName('condition')), consequent: body, alternate, span: t.span(alt) }];
      }
      return { kind: 'if', test: t.expr(node.childForFieldName('condition')), consequent: t.body(node.childForFieldName('body'), BLOCKS), alternate, span: t.span(node) };
    },
    while_statement: loop,
    do_statement: loop,
    for_statement: (node, t) => {
      const parts = t.named(node);
      const body = parts.pop();
      return { kind: 'loop', body: [...t.body(body, BLOCKS), ...parts.map((p): Stmt => ({ kind: 'expr', expr: t.expr(p), span: t.span(p) }))], span: t.span(node) };
    },
    foreach_statement: (node, t) => {
      const [iterable, binding] = t.named(node);
      const bind = binding?.type === 'pair' ? t.named(binding)[1] : binding;
      return { kind: 'loop', iterable: t.expr(iterable), ...(bind ? { binding: t.expr(bind) } : {}), body: t.body(node.childForFieldName('body'), BLOCKS), span: t.span(node) };
    },
    switch_statement: (node, t) => ({
      kind: 'switch',
      discriminant: t.expr(node.childForFieldName('condition')),
      cases: t.named(node.childForFieldName('body') ?? node).map((c) => {
        const value = c.childForFieldName('value');
        return { tests: value ? [t.expr(value)] : [], body: t.stmts(t.named(c).filter((s) => s !== value)) };
      }),
      span: t.span(node),
    }),
    try_statement: (node, t) => {
      const handlers = node.namedChildren.filter((c) => c.type === 'catch_clause').map((c) => {
        const name = c.childForFieldName('name');
        const type = c.childForFieldName('type')?.text;
        return { ...(name ? { binding: t.expr(name) } : {}), ...(type ? { type } : {}), body: t.body(c.childForFieldName('body'), BLOCKS) };
      });
      const finalizer = node.namedChildren.find((c) => c.type === 'finally_clause');
      return { kind: 'try', body: t.body(node.childForFieldName('body'), BLOCKS), handlers, finalizer: finalizer ? t.body(finalizer.childForFieldName('body') ?? t.named(finalizer)[0], BLOCKS) : undefined, span: t.span(node) };
    },
    function_definition: (node, t) => ({ kind: 'function', fn: fn(node, t), span: t.span(node) }),
    class_declaration: classDecl,
    trait_declaration: classDecl,
    interface_declaration: classDecl,
    namespace_use_declaration: (node, t) =>
      node.namedChildren.filter((c) => c.type === 'namespace_use_clause').map((clause): Stmt => {
        const [qualified, alias] = t.named(clause);
        const module = qualified?.text.replace(/^\\/, '') ?? '';
        const last = module.split('\\').pop() ?? module;
        const local = alias?.type === 'namespace_aliasing_clause' ? (t.named(alias)[0]?.text ?? last) : (alias?.text ?? last);
        return { kind: 'import', module, bindings: [{ imported: last, local }], span: t.span(clause) };
      }),
    global_declaration: () => [],
    const_declaration: (node, t) => t.otherStmt(node),
  },
};

/** `require 'x.php'` as an import as well as a call (the call keeps include-path rules working). */
export function phpRequireModule(call: Expr): string | undefined {
  if (call.kind !== 'call' || call.callee.kind !== 'name' || !/^(require|include)(_once)?$/.test(call.callee.name)) return undefined;
  const first = call.args[0]?.value;
  return first?.kind === 'literal' && first.type === 'string' ? first.value : undefined;
}
