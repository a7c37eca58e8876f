import type { IacRule } from '../../types.js';
import type { TfResource } from '../framework.js';
import { at, attribute, isResource, literalBool, literalString, requireTrue } from '../values.js';

const ebsUnencrypted: IacRule<TfResource> = {
  id: 'tf-ebs-volume-unencrypted',
  title: 'EBS volume is not encrypted',
  description:
    '`encrypted` is false or left out, so the volume and its snapshots are stored unencrypted (unless the account turned on encryption by default), and a shared or leaked snapshot exposes the data.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Set `encrypted = true` (with a `kms_key_id` you manage), and turn on EBS encryption by default for the account.',
  check: (target) => {
    if (!isResource(target, 'aws_ebs_volume')) return [];
    // A volume restored from a snapshot takes the snapshot's encryption.
    if (attribute(target.body, 'snapshot_id')) return [];
    return requireTrue(target, target.body, 'encrypted', target.line, 'volume unencrypted');
  },
};

const sqsUnencrypted: IacRule<TfResource> = {
  id: 'tf-sqs-queue-unencrypted',
  title: 'SQS queue is not encrypted at rest',
  description:
    'The queue sets neither `kms_master_key_id` nor `sqs_managed_sse_enabled = true`, so messages (often with personal data or tokens) are not known to be encrypted at rest.',
  severity: 'low',
  cwe: 311,
  remediation: 'Set `kms_master_key_id` to a KMS key, or `sqs_managed_sse_enabled = true`.',
  check: (target) => {
    if (!isResource(target, 'aws_sqs_queue')) return [];
    if (attribute(target.body, 'kms_master_key_id')) return [];
    const managed = attribute(target.body, 'sqs_managed_sse_enabled');
    if (managed === undefined) return at(target, target.line, 'no kms_master_key_id or sqs_managed_sse_enabled');
    return literalBool(managed.value) === false ? at(target, managed.line, 'sqs_managed_sse_enabled = false') : [];
  },
};

const gcsUniformAccessOff: IacRule<TfResource> = {
  id: 'tf-gcs-uniform-access-disabled',
  title: 'Cloud Storage bucket allows per-object ACLs',
  description:
    '`uniform_bucket_level_access` is false or left out, so each object may carry its own ACL: a single object can be made public without anyone changing the bucket’s IAM policy, and access is hard to audit.',
  severity: 'medium',
  cwe: 732,
  remediation: 'Set `uniform_bucket_level_access = true` and grant access through bucket IAM bindings only.',
  check: (target) => (isResource(target, 'google_storage_bucket') ? requireTrue(target, target.body, 'uniform_bucket_level_access', target.line, 'object ACLs allowed') : []),
};

const OLD_TLS = new Set(['TLS1_0', 'TLS1_1']);

const azureOldTls: IacRule<TfResource> = {
  id: 'tf-azure-storage-old-tls',
  title: 'Azure storage account accepts TLS 1.0 or 1.1',
  description: '`min_tls_version` allows TLS 1.0 or 1.1, protocol versions with known weaknesses that compliance baselines forbid; clients can be pushed down to them.',
  severity: 'medium',
  cwe: 326,
  remediation: 'Set `min_tls_version = "TLS1_2"`.',
  check: (target) => {
    if (!isResource(target, 'azurerm_storage_account')) return [];
    const attr = attribute(target.body, 'min_tls_version');
    const value = literalString(attr?.value);
    return attr && value !== undefined && OLD_TLS.has(value) ? at(target, attr.line, `min_tls_version = "${value}"`) : [];
  },
};

const azureHttpAllowed: IacRule<TfResource> = {
  id: 'tf-azure-storage-http-allowed',
  title: 'Azure storage account accepts plain HTTP',
  description: 'HTTPS-only traffic is turned off, so blobs, queues and shared-key-signed requests can travel unencrypted and be read or altered on the way.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Set `https_traffic_only_enabled = true` (`enable_https_traffic_only` in azurerm provider 3.x), or remove the line: true is the default.',
  check: (target) => {
    if (!isResource(target, 'azurerm_storage_account')) return [];
    return ['enable_https_traffic_only', 'https_traffic_only_enabled'].flatMap((name) => {
      const attr = attribute(target.body, name);
      return attr && literalBool(attr.value) === false ? at(target, attr.line, `${name} = false`) : [];
    });
  },
};

export const STORAGE_RULES: readonly IacRule<TfResource>[] = [ebsUnencrypted, sqsUnencrypted, gcsUniformAccessOff, azureOldTls, azureHttpAllowed];
