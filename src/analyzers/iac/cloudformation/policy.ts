import type { Located } from '../located-yaml.js';
import { isIntrinsic, literalString } from './values.js';

/** One statement of an IAM policy document. */
export interface Statement {
  readonly node: Located;
  /** True only for a literal `Effect: Allow`. */
  readonly allows: boolean;
  readonly hasCondition: boolean;
}

/** The statements of a policy document (a single statement map or a list of them). */
export function statementsOf(document: Located | undefined): Statement[] {
  const statement = document?.get('Statement');
  if (!statement || isIntrinsic(statement)) return [];
  const nodes = statement.isSeq() ? statement.items() : [statement];
  return nodes
    .filter((node) => node.isMap() && !isIntrinsic(node))
    .map((node) => ({ node, allows: literalString(node.get('Effect')) === 'Allow', hasCondition: node.has('Condition') }));
}

/** Literal strings of a string-or-list field, each with its line; computed entries are left out. */
export function literalValues(field: Located | undefined): { value: string; line: number }[] {
  if (!field) return [];
  const items = field.isSeq() ? field.items() : [field];
  return items.flatMap((item) => {
    const value = literalString(item);
    return value === undefined ? [] : [{ value, line: item.line }];
  });
}

/** The line of a `*` principal (the `*` itself): `Principal: "*"` or `Principal: { AWS: "*" }` (or `AWS: ["*"]`). */
export function anyPrincipalLine(statement: Statement): number | undefined {
  const principal = statement.node.get('Principal');
  if (!principal) return undefined;
  if (literalString(principal) === '*') return principal.line;
  const wildcard = literalValues(principal.get('AWS')).find((entry) => entry.value === '*');
  return wildcard?.line;
}
