import type { IacRule } from '../../types.js';
import type { TfResource } from '../framework.js';
import { identityStatements, trustStatements } from '../policy.js';
import { at } from '../values.js';

const isFullWildcard = (action: string): boolean => action === '*' || action === '*:*';

const wildcardAction: IacRule<TfResource> = {
  id: 'tf-iam-wildcard-action',
  title: 'IAM policy allows every action',
  description:
    'A policy statement allows the action `*`: whoever holds the policy can do anything the resources allow, including rewriting IAM itself. One leaked key or one compromised workload then controls the account.',
  severity: 'high',
  cwe: 269,
  remediation: 'List the actions the workload really calls (IAM Access Analyzer can draft a policy from CloudTrail activity); use AWS job-function policies for people.',
  check: (target) =>
    identityStatements(target)
      .filter((statement) => statement.allows)
      .flatMap((statement) => statement.actions.filter((action) => isFullWildcard(action.value)).flatMap((action) => at(target, action.line, `action "${action.value}"`))),
};

const trustsAnyone: IacRule<TfResource> = {
  id: 'tf-iam-role-trusts-anyone',
  title: 'IAM role can be assumed by anyone',
  description:
    'A trust policy allows the principal `*` (or `AWS = "*"`) to assume the role with no condition, so any AWS account in the world can take on the role and act with its permissions.',
  severity: 'critical',
  cwe: 284,
  remediation: 'Trust named accounts, roles or services only, or add a condition such as `aws:PrincipalOrgID` or `sts:ExternalId`.',
  check: (target) =>
    trustStatements(target).flatMap((statement) => {
      const line = statement.allows && !statement.hasCondition ? statement.anyPrincipalLine : undefined;
      return line === undefined ? [] : at(target, line, 'trusts principal "*"');
    }),
};

export const IAM_RULES: readonly IacRule<TfResource>[] = [wildcardAction, trustsAnyone];
