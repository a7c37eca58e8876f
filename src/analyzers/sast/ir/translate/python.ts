import type { SyntaxNode } from '../../parse/parser.js';
import type { Argument, Expr, FunctionDecl, ImportBinding, ObjectEntry, Param, Stmt } from '../types.js';
import { stringPart, typeText, unescapeString, type ExprHandler, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';

const BLOCKS: ReadonlySet<string> = new Set(['block']);

/** A string, f-string or byte string: constant parts resolved, `{x}` interpolations as template parts. */
function pyString(node: SyntaxNode, t: Translator): Expr {
  const start = node.namedChildren.find((c) => c.type === 'string_start')?.text ?? '"';
  const prefix = start.replace(/['"]+$/, '').toLowerCase();
  const isRaw = prefix.includes('r');
  const parts: Expr[] = [];
  let hasInterpolation = false;
  for (const child of node.namedChildren) {
    if (child.type === 'string_content') parts.push(stringPart(child, isRaw ? child.text : unescapeString(child.text)));
    else if (child.type === 'interpolation') {
      hasInterpolation = true;
      parts.push(t.expr(child.childForFieldName('expression') ?? child.namedChildren[0]));
    }
  }
  if (hasInterpolation) return { kind: 'template', parts, span: t.span(node) };
  const value = parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('');
  return t.literal(node, 'string', value);
}

function concatenated(node: SyntaxNode, t: Translator): Expr {
  const parts = t.named(node).map((child) => pyString(child, t));
  if (parts.every((p) => p.kind === 'literal')) return t.literal(node, 'string', parts.map((p) => (p.kind === 'literal' ? p.value : '')).join(''));
  return { kind: 'template', parts: parts.flatMap((p) => (p.kind === 'template' ? p.parts : [p])), span: t.span(node) };
}

function args(node: SyntaxNode | null, t: Translator): Argument[] {
  if (!node) return [];
  if (node.type === 'generator_expression') return [{ value: t.expr(node) }];
  return t.named(node).map((child): Argument => {
    if (child.type === 'keyword_argument') return { name: child.childForFieldName('name')?.text ?? '', value: t.expr(child.childForFieldName('value')) };
    if (child.type === 'list_splat' || child.type === 'dictionary_splat') return { spread: true, value: t.expr(child.namedChildren[0]) };
    return { value: t.expr(child) };
  });
}

function params(node: SyntaxNode | null, t: Translator): Param[] {
  if (!node) return [];
  const out: Param[] = [];
  for (const child of t.named(node)) {
    switch (child.type) {
      case 'identifier':
        out.push(t.param(child, child.text));
        break;
      case 'default_parameter':
      case 'typed_default_parameter': {
        const type = typeText(child.childForFieldName('type'));
        out.push(t.param(child, child.childForFieldName('name')?.text ?? '', { defaultValue: t.expr(child.childForFieldName('value')), ...(type ? { type } : {}) }));
        break;
      }
      case 'typed_parameter': {
        const inner = child.namedChildren[0];
        const type = typeText(child.childForFieldName('type'));
        const rest = inner?.type === 'list_splat_pattern' || inner?.type === 'dictionary_splat_pattern';
        out.push(t.param(child, rest ? (inner.namedChildren[0]?.text ?? '') : (inner?.text ?? ''), { ...(rest ? { rest } : {}), ...(type ? { type } : {}) }));
        break;
      }
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern':
        out.push(t.param(child, child.namedChildren[0]?.text ?? '', { rest: true }));
        break;
      default:
        // `*` and `/` markers; in snippets `...` stands for any parameters.
        if (child.type === 'expression_statement' || child.text === '...' || child.type === 'ellipsis') out.push(t.param(child, '...'));
    }
  }
  return out;
}

function pyFunction(node: SyntaxNode, t: Translator, decorators: readonly Expr[], className?: string): FunctionDecl {
  const name = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  const returnType = typeText(node.childForFieldName('return_type'));
  return {
    ...(name ? { name: t.nameText(name.text) } : {}),
    ...(className !== undefined ? { className } : {}),
    params: params(node.childForFieldName('parameters'), t),
    body: node.type === 'lambda' ? [{ kind: 'return', value: t.expr(body), span: t.span(body ?? node) }] : t.body(body, BLOCKS),
    decorators,
    ...(returnType ? { returnType } : {}),
    span: t.span(node),
  };
}

function classStmt(node: SyntaxNode, t: Translator, decorators: readonly Expr[]): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases = (node.childForFieldName('superclasses')?.namedChildren ?? []).filter((c) => c.type !== 'keyword_argument').map((c) => c.text);
  const body: Stmt[] = [];
  for (const member of t.named(node.childForFieldName('body') ?? node)) {
    if (member.type === 'function_definition') body.push({ kind: 'function', fn: pyFunction(member, t, [], name), span: t.span(member) });
    else if (member.type === 'decorated_definition') body.push(...decorated(member, t, name));
    else body.push(...t.stmt(member));
  }
  return { kind: 'class', name: t.nameText(name), bases, decorators, body, span: t.span(node) };
}

function decorated(node: SyntaxNode, t: Translator, className?: string): Stmt[] {
  const decorators = node.namedChildren.filter((c) => c.type === 'decorator').map((d) => t.expr(d.namedChildren[0]));
  const def = node.childForFieldName('definition');
  if (!def) return [];
  if (def.type === 'class_definition') return [classStmt(def, t, decorators)];
  return [{ kind: 'function', fn: pyFunction(def, t, decorators, className), span: t.span(node) }];
}

function dottedText(node: SyntaxNode | null): string {
  return node?.text.replace(/\s+/g, '') ?? '';
}

const importStmt: StmtHandler = (node, t) =>
  node.childrenForFieldName('name').filter((n) => n.isNamed).map((name): Stmt => {
    if (name.type === 'aliased_import') {
      const module = dottedText(name.childForFieldName('name'));
      return { kind: 'import', module, bindings: [{ imported: '*', local: name.childForFieldName('alias')?.text ?? module }], span: t.span(node) };
    }
    // `import os.path` binds `os`; the module is the whole dotted name.
    const module = dottedText(name);
    return { kind: 'import', module, bindings: [{ imported: '*', local: module.split('.')[0] ?? module }], span: t.span(node) };
  });

const importFrom: StmtHandler = (node, t) => {
  const module = dottedText(node.childForFieldName('module_name'));
  const bindings: ImportBinding[] = [];
  for (const name of node.childrenForFieldName('name').filter((n) => n.isNamed)) {
    if (name.type === 'aliased_import') {
      bindings.push({ imported: dottedText(name.childForFieldName('name')), local: name.childForFieldName('alias')?.text ?? '' });
    } else bindings.push({ imported: dottedText(name), local: dottedText(name) });
  }
  if (node.namedChildren.some((c) => c.type === 'wildcard_import')) bindings.push({ imported: '*', local: '*' });
  return { kind: 'import', module, bindings, span: t.span(node) };
};

function assignment(node: SyntaxNode, t: Translator): Stmt {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const type = typeText(node.childForFieldName('type'));
  const op = node.type === 'augmented_assignment' ? (node.childForFieldName('operator')?.text ?? '=') : '=';
  // `a = b = c`: the value is the innermost right-hand side; the middle targets are assigned too.
  const value = right?.type === 'assignment' ? assignment(right, t) : undefined;
  return {
    kind: 'assign',
    target: t.expr(left),
    op,
    value: value?.kind === 'assign' ? value.value : right ? t.expr(right) : undefined,
    ...(type ? { type, declared: true } : {}),
    span: t.span(node),
  };
}

const binary: ExprHandler = (node, t) => ({
  kind: 'binary',
  op: node.childForFieldName('operator')?.text ?? '',
  left: t.expr(node.childForFieldName('left')),
  right: t.expr(node.childForFieldName('right')),
  span: t.span(node),
});

function comparison(node: SyntaxNode, t: Translator): Expr {
  const operands = t.named(node);
  const op = node.children.find((c) => !c.isNamed)?.text ?? '==';
  let out = t.expr(operands[0]);
  for (const operand of operands.slice(1)) out = { kind: 'binary', op, left: out, right: t.expr(operand), span: t.span(node) };
  return out;
}

const collection: ExprHandler = (node, t) => ({ kind: 'array', elements: t.named(node).map((c) => t.expr(c)), span: t.span(node) });

function dictEntries(node: SyntaxNode, t: Translator): ObjectEntry[] {
  return t.named(node).map((child): ObjectEntry => {
    if (child.type === 'dictionary_splat') return { spread: true, value: t.expr(child.namedChildren[0]) };
    const key = child.childForFieldName('key');
    const value = t.expr(child.childForFieldName('value'));
    const keyExpr = t.expr(key);
    return keyExpr.kind === 'literal' && keyExpr.type === 'string' ? { key: keyExpr.value, value } : { computedKey: keyExpr, value };
  });
}

const expr: Readonly<Record<string, ExprHandler>> = {
  identifier: (node, t) => t.name(node),
  string: pyString,
  concatenated_string: concatenated,
  integer: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  float: (node, t) => t.literal(node, 'number', node.text.replace(/_/g, '')),
  true: (node, t) => t.literal(node, 'boolean', 'true'),
  false: (node, t) => t.literal(node, 'boolean', 'false'),
  none: (node, t) => t.literal(node, 'null', 'None'),
  ellipsis: (node, t) => ({ kind: 'ellipsis', span: t.span(node) }),
  attribute: (node, t) => ({
    kind: 'member',
    object: t.expr(node.childForFieldName('object')),
    property: t.nameText(node.childForFieldName('attribute')?.text ?? ''),
    span: t.span(node),
  }),
  subscript: (node, t) => ({ kind: 'index', object: t.expr(node.childForFieldName('value')), index: t.expr(node.childForFieldName('subscript')), span: t.span(node) }),
  call: (node, t) => ({ kind: 'call', callee: t.expr(node.childForFieldName('function')), args: args(node.childForFieldName('arguments'), t), span: t.span(node) }),
  binary_operator: binary,
  boolean_operator: binary,
  comparison_operator: comparison,
  not_operator: (node, t) => ({ kind: 'unary', op: 'not', operand: t.expr(node.childForFieldName('argument')), span: t.span(node) }),
  unary_operator: (node, t) => ({ kind: 'unary', op: node.childForFieldName('operator')?.text ?? '', operand: t.expr(node.childForFieldName('argument')), span: t.span(node) }),
  conditional_expression: (node, t) => {
    const [consequent, test, alternate] = t.named(node);
    return { kind: 'conditional', test: t.expr(test), consequent: t.expr(consequent), alternate: t.expr(alternate), span: t.span(node) };
  },
  lambda: (node, t) => ({ kind: 'function', fn: pyFunction(node, t, []), span: t.span(node) }),
  list: collection,
  tuple: collection,
  set: collection,
  expression_list: collection,
  pattern_list: collection,
  tuple_pattern: collection,
  list_pattern: collection,
  dictionary: (node, t) => ({ kind: 'object', entries: dictEntries(node, t), span: t.span(node) }),
  parenthesized_expression: (node, t) => t.expr(t.named(node)[0]),
  await: (node, t) => ({ kind: 'await', value: t.expr(node.namedChildren[0]), span: t.span(node) }),
  yield: (node, t) => ({ kind: 'await', value: t.expr(node.namedChildren[0]), span: t.span(node) }),
  named_expression: (node, t) => ({ kind: 'assign', op: ':=', target: t.expr(node.childForFieldName('name')), value: t.expr(node.childForFieldName('value')), span: t.span(node) }),
  as_pattern_target: (node, t) => t.expr(node.namedChildren[0]),
  keyword_argument: (node, t) => t.expr(node.childForFieldName('value')),
};

export const PYTHON_HANDLERS: LanguageHandlers = {
  expr,
  skip: new Set(['comment', 'pass_statement', 'break_statement', 'continue_statement']),
  stmt: {
    module: (node, t) => t.stmts(t.named(node)),
    block: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => {
      const inner = t.named(node);
      const first = inner[0];
      if (inner.length === 1 && first && (first.type === 'assignment' || first.type === 'augmented_assignment')) return assignment(first, t);
      const value = inner.length === 1 ? t.expr(first) : { kind: 'array' as const, elements: inner.map((c) => t.expr(c)), span: t.span(node) };
      return { kind: 'expr', expr: value, span: t.span(node) };
    },
    return_statement: (node, t) => ({ kind: 'return', value: node.namedChildren[0] ? t.expr(node.namedChildren[0]) : undefined, span: t.span(node) }),
    raise_statement: (node, t) => ({ kind: 'throw', value: node.namedChildren[0] ? t.expr(node.namedChildren[0]) : undefined, span: t.span(node) }),
    if_statement: (node, t) => {
      const alternatives = node.childrenForFieldName('alternative');
      // `elif` chains nest as ifs in the `else` branch, from the last one up.
      let alternate: Stmt[] | undefined;
      for (const alt of [...alternatives].reverse()) {
        if (alt.type === 'else_clause') alternate = t.body(alt.childForFieldName('body'), BLOCKS);
        else alternate = [{ kind: 'if', test: t.expr(alt.childForFieldName('condition')), consequent: t.body(alt.childForFieldName('consequence'), BLOCKS), alternate, span: t.span(alt) }];
      }
      return { kind: 'if', test: t.expr(node.childForFieldName('condition')), consequent: t.body(node.childForFieldName('consequence'), BLOCKS), alternate, span: t.span(node) };
    },
    for_statement: (node, t) => {
      const loop: Stmt = {
        kind: 'loop',
        binding: t.expr(node.childForFieldName('left')),
        iterable: t.expr(node.childForFieldName('right')),
        body: t.body(node.childForFieldName('body'), BLOCKS),
        span: t.span(node),
      };
      const alternative = node.childForFieldName('alternative');
      return alternative ? [loop, ...t.body(alternative.childForFieldName('body'), BLOCKS)] : [loop];
    },
    while_statement: (node, t) => ({ kind: 'loop', test: t.expr(node.childForFieldName('condition')), body: t.body(node.childForFieldName('body'), BLOCKS), span: t.span(node) }),
    try_statement: (node, t) => {
      const handlers = node.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause').map((clause) => {
        const block = clause.namedChildren.find((c) => c.type === 'block');
        const head = clause.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
        const alias = head?.type === 'as_pattern' ? head.childForFieldName('alias') : null;
        const type = head?.type === 'as_pattern' ? head.namedChildren[0]?.text : head?.text;
        return { ...(alias ? { binding: t.expr(alias) } : {}), ...(type ? { type } : {}), body: t.body(block, BLOCKS) };
      });
      const orElse = node.namedChildren.find((c) => c.type === 'else_clause');
      const finalizer = node.namedChildren.find((c) => c.type === 'finally_clause');
      return {
        kind: 'try',
        body: [...t.body(node.childForFieldName('body'), BLOCKS), ...(orElse ? t.body(orElse.childForFieldName('body'), BLOCKS) : [])],
        handlers,
        finalizer: finalizer ? t.body(finalizer.namedChildren.find((c) => c.type === 'block'), BLOCKS) : undefined,
        span: t.span(node),
      };
    },
    with_statement: (node, t) => {
      const body: Stmt[] = [];
      for (const item of node.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren ?? []) {
        const value = item.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          body.push({ kind: 'assign', target: t.expr(value.childForFieldName('alias')), op: '=', value: t.expr(value.namedChildren[0]), declared: true, span: t.span(item) });
        } else if (value) body.push({ kind: 'expr', expr: t.expr(value), span: t.span(item) });
      }
      body.push(...t.body(node.childForFieldName('body'), BLOCKS));
      return { kind: 'block', body, span: t.span(node) };
    },
    function_definition: (node, t) => ({ kind: 'function', fn: pyFunction(node, t, []), span: t.span(node) }),
    decorated_definition: (node, t) => decorated(node, t),
    class_definition: (node, t) => classStmt(node, t, []),
    import_statement: importStmt,
    import_from_statement: importFrom,
    future_import_statement: () => [],
    global_statement: () => [],
    nonlocal_statement: () => [],
    match_statement: (node, t) => ({
      kind: 'switch',
      discriminant: t.expr(node.childForFieldName('subject')),
      cases: t.named(node.childForFieldName('body') ?? node).filter((c) => c.type === 'case_clause').map((c) => ({
        tests: c.namedChildren.filter((p) => p.type === 'case_pattern').map((p) => t.expr(p)),
        body: t.body(c.childForFieldName('consequence'), BLOCKS),
      })),
      span: t.span(node),
    }),
  },
};
