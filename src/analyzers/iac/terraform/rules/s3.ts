import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import { at, attribute, blocksOf, isResource, literalBool, literalString } from '../values.js';

/** The canned ACL of a bucket (`aws_s3_bucket.acl`, provider v3) or of an `aws_s3_bucket_acl` (v4+). */
function cannedAcl(target: TfResource): { value: string; line: number } | undefined {
  if (!isResource(target, 'aws_s3_bucket', 'aws_s3_bucket_acl')) return undefined;
  const acl = attribute(target.body, 'acl');
  const value = literalString(acl?.value);
  return acl && value !== undefined ? { value, line: acl.line } : undefined;
}

function aclRule(acls: readonly string[], rule: Omit<IacRule<TfResource>, 'check'>): IacRule<TfResource> {
  return {
    ...rule,
    check: (target) => {
      const acl = cannedAcl(target);
      return acl && acls.includes(acl.value) ? at(target, acl.line, `acl = "${acl.value}"`) : [];
    },
  };
}

const publicReadAcl = aclRule(['public-read', 'authenticated-read'], {
  id: 'tf-s3-public-read-acl',
  title: 'S3 bucket ACL lets anyone read it',
  description:
    'The canned ACL `public-read` lets anyone on the internet list and download the objects (`authenticated-read` does the same for every AWS account). Whatever is put in the bucket later is exposed as well.',
  severity: 'high',
  cwe: 732,
  remediation: 'Drop the `acl` (buckets are private by default) or set it to `private`; publish a site through CloudFront with origin access control instead.',
});

const publicWriteAcl = aclRule(['public-read-write'], {
  id: 'tf-s3-public-write-acl',
  title: 'S3 bucket ACL lets anyone write to it',
  description:
    'The canned ACL `public-read-write` lets anyone on the internet upload, overwrite and delete objects: the bucket can host malware, have its files replaced, or run up the bill.',
  severity: 'critical',
  cwe: 732,
  remediation: 'Remove `acl = "public-read-write"`; give upload rights to named principals, or hand out pre-signed URLs.',
});

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

const publicAccessBlockOff: IacRule<TfResource> = {
  id: 'tf-s3-public-access-block-off',
  title: 'S3 public access block leaves public access open',
  description:
    'An `aws_s3_bucket_public_access_block` sets one of its four flags to false, or leaves it out (the default is false). Then one ACL or bucket-policy change can expose every object to the internet.',
  severity: 'high',
  cwe: 732,
  remediation: 'Set `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` all to `true`.',
  check: (target) => {
    if (!isResource(target, 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) return [];
    const missing = BLOCK_FLAGS.filter((flag) => attribute(target.body, flag) === undefined);
    const off = BLOCK_FLAGS.flatMap((flag): Violation[] => {
      const attr = attribute(target.body, flag);
      return attr && literalBool(attr.value) === false ? at(target, attr.line, `${flag} = false`) : [];
    });
    return [...(missing.length > 0 ? at(target, target.line, `${missing.join(', ')} not set`) : []), ...off];
  },
};

const versioningOff: IacRule<TfResource> = {
  id: 'tf-s3-versioning-disabled',
  title: 'S3 bucket versioning is suspended or disabled',
  description:
    'Versioning is turned off: an overwritten or deleted object is gone for good, so a mistake, a stolen credential or ransomware can destroy the data with no way back.',
  severity: 'low',
  cwe: 693,
  remediation: 'Set `versioning_configuration { status = "Enabled" }` (and a lifecycle rule that expires old versions).',
  check: (target) => {
    if (isResource(target, 'aws_s3_bucket_versioning')) {
      return blocksOf(target.body, 'versioning_configuration').flatMap((config): Violation[] => {
        const status = attribute(config.body, 'status');
        const value = literalString(status?.value);
        return status && (value === 'Suspended' || value === 'Disabled') ? at(target, status.line, `status = "${value}"`) : [];
      });
    }
    // Provider v3 style: `versioning { enabled = false }` inside the bucket.
    if (!isResource(target, 'aws_s3_bucket')) return [];
    return blocksOf(target.body, 'versioning').flatMap((versioning): Violation[] => {
      const enabled = attribute(versioning.body, 'enabled');
      return enabled && literalBool(enabled.value) === false ? at(target, enabled.line, 'versioning enabled = false') : [];
    });
  },
};

export const S3_RULES: readonly IacRule<TfResource>[] = [publicReadAcl, publicWriteAcl, publicAccessBlockOff, versioningOff];
