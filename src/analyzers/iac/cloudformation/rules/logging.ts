import type { IacRule } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { at, literalBool, property, requireTrue } from '../values.js';

const trailNotLogging: IacRule<CfnResource> = {
  id: 'cfn-cloudtrail-not-logging',
  title: 'CloudTrail trail is not logging',
  description: '`IsLogging: false` creates the trail switched off: API activity in the account is not recorded, so misuse cannot be detected or investigated.',
  severity: 'medium',
  cwe: 778,
  remediation: 'Set `IsLogging: true`.',
  check: (target) => {
    const flag = target.type === 'AWS::CloudTrail::Trail' ? property(target, 'IsLogging') : undefined;
    return flag && literalBool(flag) === false ? at(target, flag.line, 'IsLogging: false') : [];
  },
};

const trailValidation: IacRule<CfnResource> = {
  id: 'cfn-cloudtrail-log-validation-disabled',
  title: 'CloudTrail log file validation is not enabled',
  description:
    'The trail does not set `EnableLogFileValidation: true`, so nobody can prove its log files were not edited or deleted after delivery: an attacker with access to the log bucket can cover their tracks.',
  severity: 'medium',
  cwe: 354,
  remediation: 'Set `EnableLogFileValidation: true` and check digests with `aws cloudtrail validate-logs`.',
  check: (target) => (target.type === 'AWS::CloudTrail::Trail' ? requireTrue(target, ['EnableLogFileValidation'], 'log files can be altered unnoticed') : []),
};

export const LOGGING_RULES: readonly IacRule<CfnResource>[] = [trailNotLogging, trailValidation];
