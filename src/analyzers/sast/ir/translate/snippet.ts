import { err, ok, type Problem, type Result } from '../../../../core/result.js';
import { parseWithBudget } from './index.js';
import { DEFAULT_PARSE_BUDGET } from '../../parse/budget.js';
import { lightRoot, type SyntaxNode } from '../../parse/parser.js';
import type { Expr, Language, Stmt } from '../types.js';
import { countErrors, ELLIPSIS_PLACEHOLDER, MV_ELLIPSIS_PREFIX, MV_PREFIX, placeholderText, Translator } from './common.js';
import { HANDLERS } from './handlers.js';

/** A rule pattern translated to IR: its statements, and the expression when it is just one. */
export interface Snippet {
  readonly body: readonly Stmt[];
  readonly expr?: Expr;
}

interface Variant {
  readonly code: string;
  /** Finds the statements of the snippet inside the wrapper's tree. */
  readonly unwrap: (root: SyntaxNode) => readonly SyntaxNode[];
}

const MAX_SNIPPET = 20_000;
// PHP's request globals look like metavariables; in PHP patterns they mean themselves.
const PHP_SUPERGLOBALS = new Set(['_GET', '_POST', '_REQUEST', '_COOKIE', '_SERVER', '_FILES', '_ENV', '_SESSION', 'GLOBALS']);

/** `$X` → placeholder identifiers the grammars accept; `...` → the ellipsis placeholder. */
export function replaceMetavariables(code: string, language: Language, ellipsis: string): string {
  const sigil = language === 'php' ? '$' : '';
  return code
    .replace(/\$\.\.\.([A-Z_][A-Z0-9_]*)/g, (_m, name: string) => `${sigil}${MV_ELLIPSIS_PREFIX}${name}`)
    .replace(/\$([A-Z_][A-Z0-9_]*)\b/g, (all, name: string) => (language === 'php' && PHP_SUPERGLOBALS.has(name) ? all : `${sigil}${MV_PREFIX}${name}`))
    .replace(/\.\.\.(?![A-Za-z_$])/g, ellipsis);
}

function children(root: SyntaxNode): readonly SyntaxNode[] {
  return root.namedChildren.filter((c) => c.type !== 'comment');
}

/** The body of the first function / method found depth-first (the wrapper's). */
function wrapperBody(types: readonly string[]): (root: SyntaxNode) => readonly SyntaxNode[] {
  return (root) => {
    const fn = root.descendantsOfType(types as string[])[0];
    const body = fn?.childForFieldName('body');
    return body ? children(body) : [];
  };
}

/**
 * `m(..., @A T p, ...)`: a bare `...` is not a Java / C# parameter, a typed one is (`... ...`,
 * read back as a parameter run). Only in the header, before the body's `{`.
 */
function typedHeaderEllipsis(code: string): string {
  const brace = code.indexOf('{');
  const head = brace < 0 ? code : code.slice(0, brace);
  const typed = head.replace(new RegExp(`([(,]\\s*)${ELLIPSIS_PLACEHOLDER}(?=\\s*[,)])`, 'g'), `$1${ELLIPSIS_PLACEHOLDER} ${ELLIPSIS_PLACEHOLDER}`);
  // A body of just `...` is a statement: `{ ... }` is `{ ...; }`.
  const body = brace < 0 ? '' : code.slice(brace).replace(new RegExp(`\\{\\s*${ELLIPSIS_PLACEHOLDER}\\s*\\}`, 'g'), `{ ${ELLIPSIS_PLACEHOLDER}; }`);
  return typed + body;
}

function variants(language: Language, code: string): Variant[] {
  const plain = (c: string): Variant => ({ code: c, unwrap: children });
  const withSemicolon = /[;}]\s*$/.test(code) ? code : `${code};`;
  switch (language) {
    case 'php':
      return [
        { code: `<?php ${withSemicolon}`, unwrap: (root) => children(root).filter((c) => c.type !== 'php_tag') },
        { code: `<?php ${code}`, unwrap: (root) => children(root).filter((c) => c.type !== 'php_tag') },
      ];
    case 'java':
      return [
        { code: `class __BW_C { void __BW_M() { ${withSemicolon} } }`, unwrap: wrapperBody(['method_declaration']) },
        { code: `class __BW_C { ${code} }`, unwrap: (root) => children(root.descendantsOfType('class_body')[0] ?? root) },
        { code: `class __BW_C { ${typedHeaderEllipsis(code)} }`, unwrap: (root) => children(root.descendantsOfType('class_body')[0] ?? root) },
        plain(code),
      ];
    case 'csharp':
      return [
        { code: `class __BW_C { void __BW_M() { ${withSemicolon} } }`, unwrap: wrapperBody(['method_declaration']) },
        { code: `class __BW_C { ${code} }`, unwrap: (root) => children(root.descendantsOfType('declaration_list')[0] ?? root) },
        { code: `class __BW_C { ${typedHeaderEllipsis(code)} }`, unwrap: (root) => children(root.descendantsOfType('declaration_list')[0] ?? root) },
        plain(code),
      ];
    case 'go':
      return [
        { code: `package p\nfunc __BW_F() {\n${code}\n}`, unwrap: wrapperBody(['function_declaration']) },
        { code: `package p\n${code}`, unwrap: (root) => children(root).filter((c) => c.type !== 'package_clause') },
      ];
    case 'ruby': {
      // `{..., k: v, ...}`: a bare name is not a hash item, a double splat is (read back as `...`).
      const splat = code.replace(new RegExp(`([{,]\\s*)(${ELLIPSIS_PLACEHOLDER})(?=\\s*[,}])`, 'g'), '$1**$2');
      return splat === code ? [plain(code)] : [plain(code), plain(splat)];
    }
    case 'javascript':
    case 'typescript':
    case 'tsx':
      // A leading `{` starts a block: try the object literal `({..., a: false, ...})` first.
      return code.startsWith('{') ? [plain(`(${code})`), plain(code)] : [plain(code)];
    default:
      return [plain(code)];
  }
}

function unwrapBlock(nodes: readonly SyntaxNode[]): readonly SyntaxNode[] {
  // Go and C# wrap a function body in a block node of its own.
  const only = nodes[0];
  if (nodes.length === 1 && only && (only.type === 'block' || only.type === 'statement_list')) return children(only);
  return nodes;
}

/**
 * Translate a rule pattern. Tries the snippet as it is and wrapped (inside a function body, a
 * class body, after `<?php`), with `...` as an identifier and then as a call, and keeps the first
 * variant that parses without error (or, failing that, the one with the fewest errors).
 */
export function translateSnippet(language: Language, code: string): Result<Snippet, Problem> {
  if (code.length > MAX_SNIPPET) return err({ code: 'sast-pattern-too-long', message: `pattern longer than ${MAX_SNIPPET} characters` });
  let best: { errors: number; body: Stmt[] } | undefined;
  for (const ellipsis of [ELLIPSIS_PLACEHOLDER, `${ELLIPSIS_PLACEHOLDER}()`]) {
    const replaced = replaceMetavariables(code.trim(), language, ellipsis);
    for (const variant of variants(language, replaced)) {
      const tree = parseWithBudget(language, variant.code, DEFAULT_PARSE_BUDGET);
      if (!tree) continue;
      try {
        const root = lightRoot(tree, variant.code);
        const errors = countErrors(root);
        if (best && errors >= best.errors) continue;
        const translator = new Translator(language, HANDLERS[language], DEFAULT_PARSE_BUDGET.maxDepth, true, '<pattern>');
        const nodes = unwrapBlock(variant.unwrap(root));
        if (nodes.length === 0) continue;
        best = { errors, body: translator.stmts(nodes) };
        if (errors === 0) break;
      } finally {
        tree.delete();
      }
    }
    if (best?.errors === 0) break;
  }
  if (!best) return err({ code: 'sast-pattern-unparsable', message: `the ${language} parser cannot read this pattern: ${code.slice(0, 200)}` });
  if (best.errors > 0) return err({ code: 'sast-pattern-syntax-error', message: `the pattern is not valid ${language}: ${code.slice(0, 200)}` });
  const body = best.body.map(normalizeEllipsisStmt);
  const first = body[0];
  return ok({ body, ...(body.length === 1 && first?.kind === 'expr' ? { expr: first.expr } : {}) });
}

const PLACEHOLDER_IN_TEXT = new RegExp(`\\$?(?:${ELLIPSIS_PLACEHOLDER}|${MV_PREFIX}[A-Za-z0-9_]+)`, 'g');

/**
 * `__BW_ELLIPSIS__()` placeholders become plain ellipses, at any depth of the statement, and
 * placeholders inside string literals (`"..."`, `"$X"`) turn back into what the rule wrote.
 */
function normalizeEllipsisStmt(stmt: Stmt): Stmt {
  return JSON.parse(JSON.stringify(stmt), (key, value: unknown) => {
    if (key === 'value' && typeof value === 'string' && value.includes('__BW_')) return value.replace(PLACEHOLDER_IN_TEXT, (m) => placeholderText(m));
    if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'call') {
      const call = value as { callee?: { kind?: string }; args?: unknown[]; span?: unknown };
      if (call.callee?.kind === 'ellipsis' && call.args?.length === 0) return { kind: 'ellipsis', span: call.span };
    }
    return value;
  }) as Stmt;
}
