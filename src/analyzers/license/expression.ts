import parseSpdx from 'spdx-expression-parse';
import { canonicalExceptionId, canonicalLicenseId } from './spdx-ids.js';

/** One license of an SPDX expression: `GPL-2.0+ WITH Classpath-exception-2.0` is id, plus, exception. */
export interface LicenseLeaf {
  readonly kind: 'license';
  readonly id: string;
  readonly plus: boolean;
  readonly exception?: string;
}

export interface Conjunction {
  readonly kind: 'and' | 'or';
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export type ExpressionNode = LicenseLeaf | Conjunction;

/** Inputs longer than this are not license expressions; refusing them bounds the parser's cost. */
const MAX_EXPRESSION_LENGTH = 1_000;

const OPERATORS: ReadonlySet<string> = new Set(['AND', 'OR', 'WITH']);

/**
 * Canonicalise the case of every id and operator (`mit or apache-2.0` → `MIT OR Apache-2.0`), or
 * undefined when a word is not an SPDX id. SPDX ids are case-insensitive, the parser is not.
 */
function canonicalCase(source: string): string | undefined {
  const tokens = source.match(/[()]|[^\s()]+/g) ?? [];
  const out: string[] = [];
  let previous = '';
  for (const token of tokens) {
    const upper = token.toUpperCase();
    let canonical: string | undefined;
    if (token === '(' || token === ')' || OPERATORS.has(upper)) canonical = token.length === 1 ? token : upper;
    else if (previous === 'WITH') canonical = canonicalExceptionId(token);
    else if (token.toLowerCase().startsWith('documentref-')) canonical = token;
    else {
      const plus = token.endsWith('+');
      const id = canonicalLicenseId(plus ? token.slice(0, -1) : token);
      canonical = id === undefined ? undefined : `${id}${plus ? '+' : ''}`;
    }
    if (canonical === undefined) return undefined;
    out.push(canonical);
    previous = canonical;
  }
  return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

function fromParsed(info: parseSpdx.Info): ExpressionNode {
  if ('conjunction' in info) {
    return { kind: info.conjunction, left: fromParsed(info.left), right: fromParsed(info.right) };
  }
  return {
    kind: 'license',
    id: info.license,
    plus: info.plus === true,
    ...(info.exception === undefined ? {} : { exception: info.exception }),
  };
}

/**
 * Parse an SPDX license expression with ids in any case. Undefined for anything that is not a valid
 * expression of known ids (or `LicenseRef-`s); never throws.
 */
export function parseExpression(source: string): ExpressionNode | undefined {
  const trimmed = source.trim();
  if (trimmed === '' || trimmed.length > MAX_EXPRESSION_LENGTH) return undefined;
  const canonical = canonicalCase(trimmed);
  if (canonical === undefined) return undefined;
  try {
    return fromParsed(parseSpdx(canonical));
  } catch {
    // The parser throws on any syntax error; for us that only means "not an expression".
    return undefined;
  }
}

export function leafText(leaf: LicenseLeaf): string {
  const license = `${leaf.id}${leaf.plus ? '+' : ''}`;
  return leaf.exception === undefined ? license : `${license} WITH ${leaf.exception}`;
}

/** Write an expression back as text; a nested conjunction of the other kind gets parentheses. */
export function formatExpression(node: ExpressionNode): string {
  if (node.kind === 'license') return leafText(node);
  const side = (child: ExpressionNode): string =>
    child.kind !== 'license' && child.kind !== node.kind ? `(${formatExpression(child)})` : formatExpression(child);
  return `${side(node.left)} ${node.kind.toUpperCase()} ${side(node.right)}`;
}

/** All licenses of an expression, left to right. */
export function expressionLeaves(node: ExpressionNode): LicenseLeaf[] {
  return node.kind === 'license' ? [node] : [...expressionLeaves(node.left), ...expressionLeaves(node.right)];
}
