import type { IacRule } from '../../types.js';
import type { TfResource } from '../framework.js';
import { attribute, isResource, literalString, requireTrue } from '../values.js';

const logValidationOff: IacRule<TfResource> = {
  id: 'tf-cloudtrail-log-validation-disabled',
  title: 'CloudTrail log file validation is off',
  description:
    '`enable_log_file_validation` is false or left out, so nobody can prove the trail’s log files were not edited or deleted after delivery: an intruder can cover their tracks.',
  severity: 'medium',
  cwe: 354,
  remediation: 'Set `enable_log_file_validation = true`.',
  check: (target) => (isResource(target, 'aws_cloudtrail') ? requireTrue(target, target.body, 'enable_log_file_validation', target.line, 'log integrity not provable') : []),
};

const singleRegionTrail: IacRule<TfResource> = {
  id: 'tf-cloudtrail-single-region',
  title: 'CloudTrail trail records one region only',
  description: '`is_multi_region_trail` is false or left out, so API activity in every other region (where an attacker would start resources unnoticed) is not recorded.',
  severity: 'low',
  cwe: 778,
  remediation: 'Set `is_multi_region_trail = true`.',
  check: (target) => (isResource(target, 'aws_cloudtrail') ? requireTrue(target, target.body, 'is_multi_region_trail', target.line, 'other regions not logged') : []),
};

const keyRotationOff: IacRule<TfResource> = {
  id: 'tf-kms-key-rotation-disabled',
  title: 'KMS key rotation is not enabled',
  description: '`enable_key_rotation` is false or left out, so the same key material protects data indefinitely, and a key exposed once stays useful forever.',
  severity: 'medium',
  cwe: 320,
  remediation: 'Set `enable_key_rotation = true` (yearly rotation, or `rotation_period_in_days`).',
  check: (target) => {
    if (!isResource(target, 'aws_kms_key')) return [];
    // Only symmetric encryption keys can rotate automatically.
    const spec = attribute(target.body, 'customer_master_key_spec');
    if (spec && literalString(spec.value) !== 'SYMMETRIC_DEFAULT') return [];
    return requireTrue(target, target.body, 'enable_key_rotation', target.line, 'key material never rotates');
  },
};

export const LOGGING_RULES: readonly IacRule<TfResource>[] = [logValidationOff, singleRegionTrail, keyRotationOff];
