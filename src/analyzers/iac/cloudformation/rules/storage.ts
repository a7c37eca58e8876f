import type { IacRule, Violation } from '../../types.js';
import { isLiteralSecret } from '../../secret-names.js';
import type { CfnResource } from '../framework.js';
import { at, isIntrinsic, literalBool, literalString, property, requireTrue, typeLine } from '../values.js';

const ebsUnencrypted: IacRule<CfnResource> = {
  id: 'cfn-ebs-volume-unencrypted',
  title: 'EBS volume is not encrypted',
  description: 'The volume does not set `Encrypted: true`, so its data and every snapshot taken from it are stored unencrypted, and snapshots shared by mistake are readable.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Set `Encrypted: true` (with `KmsKeyId` for a key you manage), or turn on EBS encryption by default for the account.',
  check: (target) => {
    // A volume restored from a snapshot takes the snapshot's encryption, which the template does not show.
    if (target.type !== 'AWS::EC2::Volume' || property(target, 'SnapshotId') !== undefined) return [];
    return requireTrue(target, ['Encrypted'], 'volume unencrypted');
  },
};

/** A messaging resource without `KmsMasterKeyId` (unless `except` says it is encrypted another way). */
function withoutKmsKey(target: CfnResource, type: string, except: (target: CfnResource) => boolean): Violation[] {
  if (target.type !== type || isIntrinsic(target.node.get('Properties')) || except(target)) return [];
  return property(target, 'KmsMasterKeyId') === undefined ? at(target, typeLine(target), 'no KmsMasterKeyId') : [];
}

const sqsNoKms: IacRule<CfnResource> = {
  id: 'cfn-sqs-queue-unencrypted',
  title: 'SQS queue is not encrypted with a KMS key',
  description:
    'The queue sets no `KmsMasterKeyId`. Messages, which often carry personal data or tokens, are then not protected by a key you control: who may read them cannot be limited or audited through a key policy.',
  severity: 'low',
  cwe: 311,
  remediation: 'Set `KmsMasterKeyId` to a KMS key (`alias/aws/sqs` or a customer managed key).',
  // An explicit `SqsManagedSseEnabled: true` is a deliberate choice of SQS-managed encryption.
  check: (target) => withoutKmsKey(target, 'AWS::SQS::Queue', (queue) => literalBool(property(queue, 'SqsManagedSseEnabled')) === true),
};

const snsNoKms: IacRule<CfnResource> = {
  id: 'cfn-sns-topic-unencrypted',
  title: 'SNS topic is not encrypted',
  description: 'The topic sets no `KmsMasterKeyId`, so SNS stores published messages unencrypted at rest.',
  severity: 'low',
  cwe: 311,
  remediation: 'Set `KmsMasterKeyId` to a KMS key (`alias/aws/sns` or a customer managed key).',
  check: (target) => withoutKmsKey(target, 'AWS::SNS::Topic', () => false),
};

const kmsRotation: IacRule<CfnResource> = {
  id: 'cfn-kms-key-rotation-disabled',
  title: 'KMS key rotation is not enabled',
  description: 'The symmetric KMS key does not set `EnableKeyRotation: true`, so the same key material encrypts data for as long as the key exists, and a leaked key stays useful.',
  severity: 'medium',
  cwe: 320,
  remediation: 'Set `EnableKeyRotation: true` (KMS then rotates the key material every year by default).',
  check: (target) => {
    if (target.type !== 'AWS::KMS::Key') return [];
    // Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys cannot.
    const spec = property(target, 'KeySpec');
    if (spec !== undefined && literalString(spec) !== 'SYMMETRIC_DEFAULT') return [];
    return requireTrue(target, ['EnableKeyRotation'], 'key never rotates');
  },
};

const lambdaSecret: IacRule<CfnResource> = {
  id: 'cfn-lambda-secret-in-environment',
  title: 'Secret written into a Lambda environment variable',
  description:
    'A Lambda environment variable with a secret-like name (password, token, API key) has a literal value in the template. The secret is in version control, in the CloudFormation console, and readable by anyone allowed `lambda:GetFunctionConfiguration`.',
  severity: 'high',
  cwe: 798,
  remediation: 'Keep the secret in Secrets Manager or SSM Parameter Store and read it at run time, or use a `{{resolve:secretsmanager:…}}` dynamic reference.',
  check: (target) => {
    if (target.type !== 'AWS::Lambda::Function' && target.type !== 'AWS::Serverless::Function') return [];
    return (property(target, 'Environment', 'Variables')?.entries() ?? []).flatMap(([name, value]) => {
      const text = literalString(value);
      // `{{resolve:…}}` is a dynamic reference, filled in from Secrets Manager or SSM at deploy time.
      return text !== undefined && !text.includes('{{resolve:') && isLiteralSecret(name, text) ? at(target, value.line, `environment ${name}`) : [];
    });
  },
};

export const STORAGE_RULES: readonly IacRule<CfnResource>[] = [ebsUnencrypted, sqsNoKms, snsNoKms, kmsRotation, lambdaSecret];
