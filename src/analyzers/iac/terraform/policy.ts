import type { TfResource } from './framework.js';
import type { HclBlock, HclExpr } from './hcl.js';
import { attribute, blocksOf, entry, literalString, literalStrings } from './values.js';

/** One IAM policy statement, from a JSON document or an `aws_iam_policy_document` block. */
export interface Statement {
  /** True unless the effect is written and is not `Allow`. */
  readonly allows: boolean;
  readonly hasCondition: boolean;
  readonly actions: readonly { value: string; line: number }[];
  /** The line of a `*` principal (anyone), when there is one. */
  readonly anyPrincipalLine?: number;
}

/** A JSON value as an HCL literal, every part on `line` (the policy attribute's). */
function fromJson(value: unknown, line: number): HclExpr {
  if (typeof value === 'string') return { kind: 'string', value, line };
  if (typeof value === 'number') return { kind: 'number', value, line };
  if (typeof value === 'boolean') return { kind: 'bool', value, line };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item) => fromJson(item, line)), line };
  if (value !== null && typeof value === 'object') {
    return { kind: 'object', entries: Object.entries(value).map(([key, item]) => ({ key, line, value: fromJson(item, line) })), line };
  }
  return { kind: 'null', line };
}

/** A policy document written out in the file: `jsonencode({…})` or a JSON string/heredoc. */
export function policyDocument(expr: HclExpr | undefined): HclExpr | undefined {
  if (expr?.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1) return expr.args[0];
  if (expr?.kind !== 'string') return undefined;
  try {
    return fromJson(JSON.parse(expr.value), expr.line);
  } catch {
    return undefined;
  }
}

function jsonStatement(node: HclExpr): Statement {
  const principal = entry(node, 'Principal');
  const anyPrincipal = literalString(principal) === '*' ? principal?.line : literalStrings(entry(principal, 'AWS')).find((item) => item.value === '*')?.line;
  const effect = literalString(entry(node, 'Effect'));
  return {
    allows: effect === undefined ? entry(node, 'Effect') === undefined : effect === 'Allow',
    hasCondition: entry(node, 'Condition') !== undefined,
    actions: literalStrings(entry(node, 'Action')),
    ...(anyPrincipal !== undefined ? { anyPrincipalLine: anyPrincipal } : {}),
  };
}

/** The statements of a JSON-shaped document (one statement object or a list of them). */
export function jsonStatements(document: HclExpr | undefined): Statement[] {
  const statement = entry(document, 'Statement');
  if (statement === undefined) return [];
  const nodes = statement.kind === 'list' ? statement.items : [statement];
  return nodes.filter((node) => node.kind === 'object').map(jsonStatement);
}

function blockStatement(block: HclBlock): Statement {
  const effect = attribute(block.body, 'effect');
  const anyPrincipal = blocksOf(block.body, 'principals')
    .filter((principals) => ['*', 'AWS'].includes(literalString(attribute(principals.body, 'type')?.value) ?? ''))
    .flatMap((principals) => literalStrings(attribute(principals.body, 'identifiers')?.value).filter((item) => item.value === '*'))[0];
  return {
    // The effect defaults to Allow; a computed effect is not known to allow.
    allows: effect === undefined || literalString(effect.value) === 'Allow',
    hasCondition: blocksOf(block.body, 'condition').length > 0,
    actions: literalStrings(attribute(block.body, 'actions')?.value),
    ...(anyPrincipal !== undefined ? { anyPrincipalLine: anyPrincipal.line } : {}),
  };
}

/** Identity policies a resource declares, as statements. */
export function identityStatements(target: TfResource): Statement[] {
  if (target.kind === 'data') return target.type === 'aws_iam_policy_document' ? blocksOf(target.body, 'statement').map(blockStatement) : [];
  switch (target.type) {
    case 'aws_iam_policy':
    case 'aws_iam_role_policy':
    case 'aws_iam_user_policy':
    case 'aws_iam_group_policy':
      return jsonStatements(policyDocument(attribute(target.body, 'policy')?.value));
    case 'aws_iam_role':
      return blocksOf(target.body, 'inline_policy').flatMap((inline) => jsonStatements(policyDocument(attribute(inline.body, 'policy')?.value)));
    default:
      return [];
  }
}

/** Trust policies: an `aws_iam_role`'s `assume_role_policy`, or a policy document that grants sts:AssumeRole*. */
export function trustStatements(target: TfResource): Statement[] {
  if (target.kind === 'resource' && target.type === 'aws_iam_role') return jsonStatements(policyDocument(attribute(target.body, 'assume_role_policy')?.value));
  if (target.kind === 'data' && target.type === 'aws_iam_policy_document') {
    return blocksOf(target.body, 'statement')
      .map(blockStatement)
      .filter((statement) => statement.actions.some((action) => /^sts:assumerole/i.test(action.value)));
  }
  return [];
}
