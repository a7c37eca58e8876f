import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { anyPrincipalLine, literalValues, statementsOf, type Statement } from '../policy.js';
import { at, property } from '../values.js';

/** The identity policy documents a resource declares: its own, or its inline `Policies`. */
function policyDocuments(target: CfnResource): Located[] {
  switch (target.type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
    case 'AWS::IAM::UserPolicy':
    case 'AWS::IAM::RolePolicy':
    case 'AWS::IAM::GroupPolicy': {
      const document = property(target, 'PolicyDocument');
      return document ? [document] : [];
    }
    case 'AWS::IAM::Role':
    case 'AWS::IAM::User':
    case 'AWS::IAM::Group':
      return (property(target, 'Policies')?.items() ?? []).flatMap((policy) => {
        const document = policy.get('PolicyDocument');
        return document ? [document] : [];
      });
    default:
      return [];
  }
}

function allowStatements(target: CfnResource): Statement[] {
  return policyDocuments(target)
    .flatMap(statementsOf)
    .filter((statement) => statement.allows);
}

const isFullWildcard = (action: string): boolean => action === '*' || action === '*:*';

const wildcardAction: IacRule<CfnResource> = {
  id: 'cfn-iam-wildcard-action',
  title: 'IAM policy allows every action',
  description:
    'A policy statement allows `Action: "*"`: whoever holds it can do anything the resources allow, including changing IAM itself. One leaked credential or one compromised workload then owns the account.',
  severity: 'high',
  cwe: 269,
  remediation: 'List the actions the workload calls (IAM Access Analyzer can generate a policy from CloudTrail activity); use AWS managed job-function policies for people.',
  check: (target) =>
    allowStatements(target).flatMap((statement) =>
      literalValues(statement.node.get('Action'))
        .filter((action) => isFullWildcard(action.value))
        .flatMap((action) => at(target, action.line, `Action ${action.value}`)),
    ),
};

/** Services where a wildcard on every resource hands over data, keys or identities. */
const SENSITIVE_SERVICES = new Set(['iam', 's3', 'kms', 'sts', 'secretsmanager', 'ssm', 'ec2', 'lambda', 'dynamodb', 'rds', 'organizations', 'cloudformation']);

/** Single actions that let the holder grant themselves more (well-known privilege escalation paths). */
const ESCALATION_ACTIONS = new Set(
  ['iam:PassRole', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:AttachGroupPolicy', 'iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:PutGroupPolicy', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:UpdateAssumeRolePolicy', 'iam:AddUserToGroup'].map((action) => action.toLowerCase()),
);

function sensitiveAction(action: string): boolean {
  const lower = action.toLowerCase();
  if (ESCALATION_ACTIONS.has(lower)) return true;
  const [service, name] = lower.split(':');
  return service !== undefined && name === '*' && SENSITIVE_SERVICES.has(service);
}

const wildcardResource: IacRule<CfnResource> = {
  id: 'cfn-iam-sensitive-wildcard-resource',
  title: 'IAM policy allows sensitive actions on every resource',
  description:
    'A statement without a `Condition` allows a whole sensitive service (`iam:*`, `s3:*`, `kms:*`…) or a privilege-escalation action such as `iam:PassRole` on `Resource: "*"`. The holder can reach every bucket, key or role in the account, or grant itself more rights.',
  severity: 'high',
  cwe: 732,
  remediation: 'Scope `Resource` to the ARNs the workload uses, name specific actions instead of `service:*`, or add a `Condition` (for PassRole, `iam:PassedToService`).',
  check: (target) =>
    allowStatements(target)
      .filter((statement) => !statement.hasCondition)
      .flatMap((statement): Violation[] => {
        const actions = literalValues(statement.node.get('Action')).map((action) => action.value);
        // `Action: "*"` is the wildcard-action rule's finding.
        if (actions.some(isFullWildcard)) return [];
        const sensitive = actions.filter(sensitiveAction);
        const everywhere = literalValues(statement.node.get('Resource')).find((resource) => resource.value === '*');
        return sensitive.length > 0 && everywhere ? at(target, everywhere.line, `${sensitive.join(', ')} on Resource "*"`) : [];
      }),
};

const trustAnyPrincipal: IacRule<CfnResource> = {
  id: 'cfn-iam-role-trusts-anyone',
  title: 'IAM role can be assumed by anyone',
  description:
    'The role’s trust policy allows `Principal: "*"` (or `AWS: "*"`) without a `Condition`, so any AWS account in the world can assume the role and act with its permissions.',
  severity: 'critical',
  cwe: 284,
  remediation: 'Trust specific accounts, roles or services in `Principal`, or add a `Condition` such as `aws:PrincipalOrgID` or `sts:ExternalId`.',
  check: (target) => {
    if (target.type !== 'AWS::IAM::Role') return [];
    return statementsOf(property(target, 'AssumeRolePolicyDocument')).flatMap((statement) => {
      const line = statement.allows && !statement.hasCondition ? anyPrincipalLine(statement) : undefined;
      return line === undefined ? [] : at(target, line, 'trusts Principal "*"');
    });
  },
};

export const IAM_RULES: readonly IacRule<CfnResource>[] = [wildcardAction, wildcardResource, trustAnyPrincipal];
