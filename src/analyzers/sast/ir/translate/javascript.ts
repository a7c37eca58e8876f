import type { SyntaxNode } from '../../parse/parser.js';
import type { Expr, ImportBinding, Stmt } from '../types.js';
import { typeText, type LanguageHandlers, type StmtHandler, type Translator } from './common.js';
import { JS_BLOCKS, JS_EXPR, jsFunction } from './javascript-expr.js';

// JavaScript, TypeScript and TSX statements, imports (ES and require) and exports (ES and CommonJS).

function requiredModule(value: SyntaxNode | null): string | undefined {
  if (value?.type === 'await_expression') value = value.namedChildren[0] ?? null;
  if (value?.type !== 'call_expression') return undefined;
  const callee = value.childForFieldName('function');
  if (callee?.type !== 'identifier' || callee.text !== 'require') return undefined;
  const first = value.childForFieldName('arguments')?.namedChildren[0];
  if (first?.type !== 'string') return undefined;
  return first.namedChildren.map((c) => c.text).join('');
}

/** `const x = require('m')`, `const { a, b: c } = require('m')` as imports. */
function requireImport(declarator: SyntaxNode, module: string, t: Translator): Stmt {
  const name = declarator.childForFieldName('name');
  const bindings: ImportBinding[] = [];
  if (name?.type === 'identifier') bindings.push({ imported: '*', local: name.text });
  else if (name?.type === 'object_pattern') {
    for (const part of name.namedChildren) {
      if (part.type === 'shorthand_property_identifier_pattern') bindings.push({ imported: part.text, local: part.text });
      else if (part.type === 'pair_pattern') {
        const key = part.childForFieldName('key')?.text;
        const value = part.childForFieldName('value');
        if (key && value?.type === 'identifier') bindings.push({ imported: key, local: value.text });
      }
    }
  }
  return { kind: 'import', module, bindings, span: t.span(declarator) };
}

const declaration: StmtHandler = (node, t) => {
  const out: Stmt[] = [];
  for (const declarator of node.namedChildren) {
    if (declarator.type !== 'variable_declarator') continue;
    const value = declarator.childForFieldName('value');
    const module = requiredModule(value);
    if (module !== undefined) {
      out.push(requireImport(declarator, module, t));
      continue;
    }
    const type = typeText(declarator.childForFieldName('type'));
    out.push({
      kind: 'assign',
      target: t.expr(declarator.childForFieldName('name')),
      op: '=',
      value: value ? t.expr(value) : undefined,
      declared: true,
      ...(type ? { type } : {}),
      span: t.span(declarator),
    });
  }
  return out;
};

function memberPath(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'member') {
    const base = memberPath(expr.object);
    return base === undefined ? undefined : `${base}.${expr.property}`;
  }
  return undefined;
}

/** `module.exports = …`, `exports.f = …`, `module.exports.f = …` become exports; other assignments stay. */
function commonJsExport(node: SyntaxNode, expr: Expr, t: Translator): Stmt | undefined {
  if (expr.kind !== 'assign' || expr.op !== '=') return undefined;
  const target = memberPath(expr.target);
  if (target === 'module.exports') {
    const value = expr.value;
    const bindings =
      value.kind === 'name'
        ? [{ local: value.name, exported: 'default' }]
        : value.kind === 'object'
          ? value.entries.flatMap((e) => (e.key !== undefined && e.value.kind === 'name' ? [{ local: e.value.name, exported: e.key }] : []))
          : [];
    return { kind: 'export', bindings, value, span: t.span(node) };
  }
  const match = target === undefined ? null : /^(?:module\.)?exports\.([^.]+)$/.exec(target);
  if (!match?.[1]) return undefined;
  const exported = match[1];
  const value = expr.value;
  if (value.kind === 'function') {
    const fn = { ...value.fn, name: value.fn.name ?? exported };
    return { kind: 'export', declaration: { kind: 'function', fn, span: value.span }, bindings: [{ local: fn.name, exported }], span: t.span(node) };
  }
  const local = value.kind === 'name' ? value.name : exported;
  return { kind: 'export', bindings: [{ local, exported }], value, span: t.span(node) };
}

function importStatement(node: SyntaxNode, t: Translator): Stmt {
  const source = node.childForFieldName('source');
  const module = source?.namedChildren.map((c) => c.text).join('') ?? '';
  const bindings: ImportBinding[] = [];
  const clause = node.namedChildren.find((c) => c.type === 'import_clause');
  for (const part of clause?.namedChildren ?? []) {
    if (part.type === 'identifier') bindings.push({ imported: 'default', local: part.text });
    else if (part.type === 'namespace_import') bindings.push({ imported: '*', local: part.namedChildren[0]?.text ?? '' });
    else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        const name = spec.childForFieldName('name')?.text ?? '';
        bindings.push({ imported: name, local: spec.childForFieldName('alias')?.text ?? name });
      }
    }
  }
  return { kind: 'import', module, bindings, span: t.span(node) };
}

function declaredNames(stmt: Stmt): string[] {
  if (stmt.kind === 'function') return stmt.fn.name ? [stmt.fn.name] : [];
  if (stmt.kind === 'class') return [stmt.name];
  if (stmt.kind === 'assign' && stmt.target.kind === 'name') return [stmt.target.name];
  return [];
}

function exportStatement(node: SyntaxNode, t: Translator): Stmt | readonly Stmt[] {
  const isDefault = node.children.some((c) => c.type === 'default');
  const decl = node.childForFieldName('declaration');
  if (decl) {
    const stmts = t.stmt(decl);
    return stmts.map((stmt) => ({
      kind: 'export' as const,
      declaration: stmt,
      bindings: declaredNames(stmt).map((local) => ({ local, exported: isDefault ? 'default' : local })),
      span: t.span(node),
    }));
  }
  const value = node.childForFieldName('value');
  if (value) {
    const expr = t.expr(value);
    return { kind: 'export', value: expr, bindings: expr.kind === 'name' ? [{ local: expr.name, exported: 'default' }] : [], span: t.span(node) };
  }
  const clause = node.namedChildren.find((c) => c.type === 'export_clause');
  const bindings = (clause?.namedChildren ?? []).map((spec) => {
    const local = spec.childForFieldName('name')?.text ?? '';
    return { local, exported: spec.childForFieldName('alias')?.text ?? local };
  });
  const source = node.childForFieldName('source');
  if (source) {
    // `export { a } from 'm'` re-exports: an import plus an export of the same names.
    const module = source.namedChildren.map((c) => c.text).join('');
    return [
      { kind: 'import', module, bindings: bindings.map((b) => ({ imported: b.local, local: b.local })), span: t.span(node) },
      { kind: 'export', bindings, span: t.span(node) },
    ];
  }
  return { kind: 'export', bindings, span: t.span(node) };
}

function classStatement(node: SyntaxNode, t: Translator): Stmt {
  const name = node.childForFieldName('name')?.text ?? '';
  const decorators: Expr[] = [];
  const bases: string[] = [];
  for (const child of node.namedChildren) {
    if (child.type === 'decorator') decorators.push(t.expr(child.namedChildren[0]));
    if (child.type === 'class_heritage') {
      for (const clause of child.namedChildren) {
        if (clause.type === 'extends_clause' || clause.type === 'implements_clause') bases.push(...clause.namedChildren.map((c) => c.text));
        else bases.push(clause.text);
      }
    }
  }
  const body: Stmt[] = [];
  let pending: Expr[] = [];
  for (const member of t.named(node.childForFieldName('body') ?? node)) {
    if (member.type === 'decorator') {
      pending.push(t.expr(member.namedChildren[0]));
      continue;
    }
    const memberDecorators = [...pending, ...member.namedChildren.filter((c) => c.type === 'decorator').map((c) => t.expr(c.namedChildren[0]))];
    pending = [];
    if (member.type === 'method_definition' || member.type === 'method_signature' || member.type === 'abstract_method_signature') {
      body.push({ kind: 'function', fn: jsFunction(member, t, memberDecorators, name), span: t.span(member) });
    } else if (member.type === 'public_field_definition' || member.type === 'field_definition') {
      const field = member.childForFieldName('name') ?? member.childForFieldName('property');
      const value = member.childForFieldName('value');
      const type = typeText(member.childForFieldName('type'));
      body.push({
        kind: 'assign',
        target: { kind: 'member', object: { kind: 'name', name: 'this', span: t.span(member) }, property: field?.text ?? '', span: t.span(member) },
        op: '=',
        value: value ? t.expr(value) : undefined,
        declared: true,
        ...(type ? { type } : {}),
        span: t.span(member),
      });
    } else body.push(...t.stmt(member));
  }
  return { kind: 'class', name, bases, decorators, body, span: t.span(node) };
}

const fnStmt: StmtHandler = (node, t) => ({ kind: 'function', fn: jsFunction(node, t), span: t.span(node) });
const loop: StmtHandler = (node, t) => ({
  kind: 'loop',
  ...(node.childForFieldName('condition') ? { test: t.expr(node.childForFieldName('condition')) } : {}),
  body: t.body(node.childForFieldName('body'), JS_BLOCKS),
  span: t.span(node),
});

export const JS_HANDLERS: LanguageHandlers = {
  expr: JS_EXPR,
  skip: new Set(['comment', 'empty_statement', 'hash_bang_line']),
  stmt: {
    program: (node, t) => t.stmts(t.named(node)),
    statement_block: (node, t) => ({ kind: 'block', body: t.stmts(t.named(node)), span: t.span(node) }),
    expression_statement: (node, t) => {
      const inner = node.namedChildren[0];
      const module = requiredModule(inner ?? null);
      if (module !== undefined) return { kind: 'import', module, bindings: [], span: t.span(node) };
      const expr = t.expr(inner);
      return commonJsExport(node, expr, t) ?? { kind: 'expr', expr, span: t.span(node) };
    },
    lexical_declaration: declaration,
    variable_declaration: declaration,
    return_statement: (node, t) => ({ kind: 'return', value: node.namedChildren[0] ? t.expr(node.namedChildren[0]) : undefined, span: t.span(node) }),
    throw_statement: (node, t) => ({ kind: 'throw', value: t.expr(node.namedChildren[0]), span: t.span(node) }),
    if_statement: (node, t) => {
      const alternative = node.childForFieldName('alternative');
      return {
        kind: 'if',
        test: t.expr(node.childForFieldName('condition')),
        consequent: t.body(node.childForFieldName('consequence'), JS_BLOCKS),
        alternate: alternative ? t.body(t.named(alternative)[0], JS_BLOCKS) : undefined,
        span: t.span(node),
      };
    },
    for_statement: (node, t) => {
      const init = node.childForFieldName('initializer');
      const condition = node.childForFieldName('condition');
      const increment = node.childForFieldName('increment');
      const testNode = condition?.type === 'expression_statement' ? condition.namedChildren[0] : condition;
      const body = [...t.body(node.childForFieldName('body'), JS_BLOCKS), ...(increment ? [{ kind: 'expr' as const, expr: t.expr(increment), span: t.span(increment) }] : [])];
      const loopStmt: Stmt = { kind: 'loop', ...(testNode ? { test: t.expr(testNode) } : {}), body, span: t.span(node) };
      return init ? [...t.stmt(init), loopStmt] : [loopStmt];
    },
    for_in_statement: (node, t) => ({
      kind: 'loop',
      binding: t.expr(node.childForFieldName('left')),
      iterable: t.expr(node.childForFieldName('right')),
      body: t.body(node.childForFieldName('body'), JS_BLOCKS),
      span: t.span(node),
    }),
    while_statement: loop,
    do_statement: loop,
    switch_statement: (node, t) => ({
      kind: 'switch',
      discriminant: t.expr(node.childForFieldName('value')),
      cases: t.named(node.childForFieldName('body') ?? node).map((c) => {
        const value = c.childForFieldName('value');
        return { tests: value ? [t.expr(value)] : [], body: t.stmts(c.childrenForFieldName('body').filter((b) => b.isNamed)) };
      }),
      span: t.span(node),
    }),
    try_statement: (node, t) => {
      const handler = node.childForFieldName('handler');
      const finalizer = node.childForFieldName('finalizer');
      const param = handler?.childForFieldName('parameter');
      return {
        kind: 'try',
        body: t.body(node.childForFieldName('body'), JS_BLOCKS),
        handlers: handler ? [{ ...(param ? { binding: t.expr(param) } : {}), body: t.body(handler.childForFieldName('body'), JS_BLOCKS) }] : [],
        finalizer: finalizer ? t.body(finalizer.childForFieldName('body'), JS_BLOCKS) : undefined,
        span: t.span(node),
      };
    },
    function_declaration: fnStmt,
    generator_function_declaration: fnStmt,
    function_signature: () => [],
    class_declaration: classStatement,
    abstract_class_declaration: classStatement,
    class: classStatement,
    import_statement: importStatement,
    export_statement: exportStatement,
    labeled_statement: (node, t) => t.stmts(t.named(node).slice(1)),
    interface_declaration: () => [],
    type_alias_declaration: () => [],
    ambient_declaration: () => [],
    break_statement: () => [],
    continue_statement: () => [],
    debugger_statement: () => [],
  },
};
