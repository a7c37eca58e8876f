import type { IacRule, Violation } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { anyPrincipalLine, statementsOf } from '../policy.js';
import { at, isIntrinsic, literalBool, literalString, property, typeLine } from '../values.js';

const BUCKET = 'AWS::S3::Bucket';

function isBucket(target: CfnResource): boolean {
  return target.type === BUCKET && !isIntrinsic(target.node.get('Properties'));
}

/** A bucket setting that must be present: fires at the Type line when it is not written at all. */
function missingOnBucket(target: CfnResource, key: string, detail: string): Violation[] {
  return isBucket(target) && property(target, key) === undefined ? at(target, typeLine(target), detail) : [];
}

const bucketUnencrypted: IacRule<CfnResource> = {
  id: 'cfn-s3-bucket-unencrypted',
  title: 'S3 bucket has no server-side encryption configured',
  description:
    'The bucket declares no `BucketEncryption`, so it relies on the account default (SSE-S3 at best). Without a KMS key of your own, who may decrypt the objects cannot be limited by a key policy, and reads are not audited per key.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Add `BucketEncryption.ServerSideEncryptionConfiguration` with `SSEAlgorithm: aws:kms` and a `KMSMasterKeyID` you manage (or at least `AES256`).',
  check: (target) => missingOnBucket(target, 'BucketEncryption', 'no BucketEncryption'),
};

const PUBLIC_ACCESS_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

const publicAccessBlock: IacRule<CfnResource> = {
  id: 'cfn-s3-public-access-block',
  title: 'S3 bucket does not block public access',
  description:
    'The bucket has no `PublicAccessBlockConfiguration`, or one of its four flags is off. Then a single ACL or bucket policy change can expose every object to the internet, which is how most S3 data leaks happen.',
  severity: 'high',
  cwe: 732,
  remediation: 'Set `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and `RestrictPublicBuckets` all `true`.',
  check: (target) => {
    if (!isBucket(target)) return [];
    const block = property(target, 'PublicAccessBlockConfiguration');
    if (block === undefined) return at(target, typeLine(target), 'no PublicAccessBlockConfiguration');
    if (isIntrinsic(block) || !block.isMap()) return [];
    const missing = PUBLIC_ACCESS_FLAGS.filter((flag) => !block.has(flag));
    const off = PUBLIC_ACCESS_FLAGS.flatMap((flag) => {
      const value = block.get(flag);
      return value !== undefined && literalBool(value) === false ? at(target, value.line, `${flag} is false`) : [];
    });
    // A flag left out defaults to false.
    return [...(missing.length > 0 ? at(target, block.line, `${missing.join(', ')} not set`) : []), ...off];
  },
};

function aclRule(acls: readonly string[], rule: Omit<IacRule<CfnResource>, 'check'>): IacRule<CfnResource> {
  return {
    ...rule,
    check: (target) => {
      const acl = isBucket(target) ? property(target, 'AccessControl') : undefined;
      const value = literalString(acl);
      return acl && value !== undefined && acls.includes(value) ? at(target, acl.line, `AccessControl: ${value}`) : [];
    },
  };
}

const publicReadAcl = aclRule(['PublicRead', 'AuthenticatedRead'], {
  id: 'cfn-s3-public-read-acl',
  title: 'S3 bucket ACL lets anyone read it',
  description:
    '`AccessControl: PublicRead` lets anyone on the internet list and download the objects (`AuthenticatedRead` does the same for any AWS account). Data put in the bucket later is exposed too.',
  severity: 'high',
  cwe: 732,
  remediation: 'Remove `AccessControl` (buckets are private by default); to publish a site, serve it through CloudFront with origin access control.',
});

const publicWriteAcl = aclRule(['PublicReadWrite'], {
  id: 'cfn-s3-public-write-acl',
  title: 'S3 bucket ACL lets anyone write to it',
  description:
    '`AccessControl: PublicReadWrite` lets anyone on the internet read, upload, overwrite and delete objects: the bucket can be used to host malware, replace your files, or run up your bill.',
  severity: 'critical',
  cwe: 732,
  remediation: 'Remove `AccessControl: PublicReadWrite`; grant upload rights to specific principals, or hand out pre-signed URLs.',
});

const versioningDisabled: IacRule<CfnResource> = {
  id: 'cfn-s3-versioning-disabled',
  title: 'S3 bucket versioning is not enabled',
  description:
    'Without versioning, an overwritten or deleted object is gone: a mistake, a compromised credential or ransomware can destroy the data with no way back.',
  severity: 'low',
  cwe: 693,
  remediation: 'Set `VersioningConfiguration: { Status: Enabled }` (and a lifecycle rule to expire old versions).',
  check: (target) => {
    if (!isBucket(target)) return [];
    const config = property(target, 'VersioningConfiguration');
    if (config === undefined) return at(target, typeLine(target), 'no VersioningConfiguration');
    const status = config.get('Status');
    const value = literalString(status);
    return status && value !== undefined && value !== 'Enabled' ? at(target, status.line, `versioning ${value}`) : [];
  },
};

const accessLoggingDisabled: IacRule<CfnResource> = {
  id: 'cfn-s3-access-logging-disabled',
  title: 'S3 bucket has no access logging',
  description: 'The bucket has no `LoggingConfiguration`, so there is no record of who read or changed objects: an incident cannot be investigated.',
  severity: 'low',
  cwe: 778,
  remediation: 'Add `LoggingConfiguration` with a `DestinationBucketName` (a separate log bucket), or enable CloudTrail data events for the bucket.',
  check: (target) => {
    // A bucket that receives access logs would log into itself.
    if (literalString(property(target, 'AccessControl')) === 'LogDeliveryWrite') return [];
    return missingOnBucket(target, 'LoggingConfiguration', 'no LoggingConfiguration');
  },
};

const bucketPolicyPublic: IacRule<CfnResource> = {
  id: 'cfn-s3-bucket-policy-public',
  title: 'S3 bucket policy allows anyone',
  description:
    'A bucket policy statement allows `Principal: "*"` with no `Condition`, so the actions it lists are open to every AWS account and, for object reads, to anonymous internet users.',
  severity: 'high',
  cwe: 732,
  remediation: 'Name the principals (accounts, roles, the CloudFront service) or add a `Condition` such as `aws:SourceArn`, `aws:PrincipalOrgID` or `aws:SourceVpce`.',
  check: (target) => {
    if (target.type !== 'AWS::S3::BucketPolicy') return [];
    return statementsOf(property(target, 'PolicyDocument')).flatMap((statement) => {
      const line = statement.allows && !statement.hasCondition ? anyPrincipalLine(statement) : undefined;
      return line === undefined ? [] : at(target, line, 'Allow to Principal "*" without a Condition');
    });
  },
};

export const S3_RULES: readonly IacRule<CfnResource>[] = [bucketUnencrypted, publicAccessBlock, publicReadAcl, publicWriteAcl, versioningDisabled, accessLoggingDisabled, bucketPolicyPublic];
