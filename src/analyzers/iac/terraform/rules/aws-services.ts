import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import { at, attribute, blocksOf, firstBlock, isResource, literalBool, literalString } from '../values.js';

const ecrTagsMutable: IacRule<TfResource> = {
  id: 'tf-ecr-tags-mutable',
  title: 'ECR repository allows tags to be overwritten',
  description:
    '`image_tag_mutability` is `MUTABLE` (the default), so pushing to an existing tag silently replaces the image: a deployment that pulls `app:1.4.2` may run different code than was tested, or an attacker’s image.',
  severity: 'low',
  cwe: 494,
  remediation: 'Set `image_tag_mutability = "IMMUTABLE"` and publish every build under a new tag (or deploy by digest).',
  check: (target) => {
    if (!isResource(target, 'aws_ecr_repository')) return [];
    const attr = attribute(target.body, 'image_tag_mutability');
    if (!attr) return at(target, target.line, 'image_tag_mutability not set: defaults to MUTABLE');
    return literalString(attr.value)?.trim() === 'MUTABLE' ? at(target, attr.line, 'image_tag_mutability = "MUTABLE"') : [];
  },
};

const ecrScanOnPushOff: IacRule<TfResource> = {
  id: 'tf-ecr-scan-on-push-disabled',
  title: 'ECR repository does not scan images on push',
  description:
    '`image_scanning_configuration.scan_on_push` is false or left out, so images with known-vulnerable packages are stored and deployed without a scan finding ever being raised (unless registry-wide scanning is configured separately).',
  severity: 'low',
  cwe: 1104,
  remediation: 'Add `image_scanning_configuration { scan_on_push = true }`, or configure enhanced scanning for the registry with `aws_ecr_registry_scanning_configuration`.',
  check: (target): Violation[] => {
    if (!isResource(target, 'aws_ecr_repository')) return [];
    const config = firstBlock(target.body, 'image_scanning_configuration');
    if (!config) {
      const computed = blocksOf(target.body, 'dynamic').some((block) => block.labels[0] === 'image_scanning_configuration');
      return computed ? [] : at(target, target.line, 'no image_scanning_configuration');
    }
    const scan = attribute(config.body, 'scan_on_push');
    if (!scan) return at(target, config.line, 'scan_on_push not set: defaults to false');
    return literalBool(scan.value) === false ? at(target, scan.line, 'scan_on_push = false') : [];
  },
};

/**
 * ElastiCache encryption flags default to false for the Redis engine (the default engine) and
 * to true for Valkey; a group joined to a global datastore takes the global group's settings.
 */
function elasticacheEncryption(target: TfResource, name: string, detail: string): Violation[] {
  if (!isResource(target, 'aws_elasticache_replication_group')) return [];
  if (attribute(target.body, 'global_replication_group_id')) return [];
  const attr = attribute(target.body, name);
  if (attr) return literalBool(attr.value) === false ? at(target, attr.line, `${name} = false: ${detail}`) : [];
  const engine = attribute(target.body, 'engine');
  const defaultsOff = engine === undefined || literalString(engine.value)?.trim().toLowerCase() === 'redis';
  return defaultsOff ? at(target, target.line, `${name} not set: ${detail}`) : [];
}

const elasticacheAtRestUnencrypted: IacRule<TfResource> = {
  id: 'tf-elasticache-at-rest-unencrypted',
  title: 'ElastiCache replication group is not encrypted at rest',
  description:
    '`at_rest_encryption_enabled` is false or left out (for Redis the default is false), so cached data, snapshots and backups are stored unencrypted; encryption cannot be added to an existing group.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Set `at_rest_encryption_enabled = true` (with a `kms_key_id` you manage) when creating the group.',
  check: (target) => elasticacheEncryption(target, 'at_rest_encryption_enabled', 'data at rest unencrypted'),
};

const elasticacheTransitUnencrypted: IacRule<TfResource> = {
  id: 'tf-elasticache-transit-unencrypted',
  title: 'ElastiCache replication group accepts unencrypted connections',
  description:
    '`transit_encryption_enabled` is false or left out (for Redis the default is false), so clients and replicas talk in plain text: cached values and AUTH tokens can be read or changed by anyone on the network path.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Set `transit_encryption_enabled = true` (with `transit_encryption_mode = "required"`) and connect with TLS.',
  check: (target) => elasticacheEncryption(target, 'transit_encryption_enabled', 'traffic unencrypted'),
};

const redshiftPublic: IacRule<TfResource> = {
  id: 'tf-redshift-publicly-accessible',
  title: 'Redshift cluster is reachable from the internet',
  description:
    '`publicly_accessible = true` gives the cluster a public address, exposing the warehouse’s login to brute force and its engine to attack from anywhere.',
  severity: 'high',
  cwe: 284,
  remediation: 'Set `publicly_accessible = false` and reach the cluster from inside the VPC (or through a VPN or bastion).',
  check: (target) => {
    if (!isResource(target, 'aws_redshift_cluster')) return [];
    const attr = attribute(target.body, 'publicly_accessible');
    return attr && literalBool(attr.value) === true ? at(target, attr.line, 'publicly_accessible = true') : [];
  },
};

const redshiftUnencrypted: IacRule<TfResource> = {
  id: 'tf-redshift-unencrypted',
  title: 'Redshift cluster is not encrypted',
  description: '`encrypted = false` stores the warehouse data, its snapshots and backups unencrypted, so a leaked or shared snapshot exposes the data.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Set `encrypted = true` (with a `kms_key_id` you manage), or remove the line where your provider version encrypts by default.',
  // Only a literal false fires: newer providers and AWS encrypt new clusters by default.
  check: (target) => {
    if (!isResource(target, 'aws_redshift_cluster')) return [];
    const attr = attribute(target.body, 'encrypted');
    return attr && literalBool(attr.value) === false ? at(target, attr.line, 'encrypted = false') : [];
  },
};

const searchDomainUnencrypted: IacRule<TfResource> = {
  id: 'tf-opensearch-unencrypted-at-rest',
  title: 'OpenSearch / Elasticsearch domain is not encrypted at rest',
  description: '`encrypt_at_rest.enabled = false` stores the domain’s indices, logs and snapshots unencrypted; encryption cannot be turned on later for older engine versions without migrating the domain.',
  severity: 'medium',
  cwe: 311,
  remediation: 'Set `encrypt_at_rest { enabled = true }` (with a `kms_key_id` you manage).',
  check: (target) => {
    if (!isResource(target, 'aws_opensearch_domain', 'aws_elasticsearch_domain')) return [];
    const enabled = attribute(firstBlock(target.body, 'encrypt_at_rest')?.body, 'enabled');
    return enabled && literalBool(enabled.value) === false ? at(target, enabled.line, 'encrypt_at_rest disabled') : [];
  },
};

export const AWS_SERVICE_RULES: readonly IacRule<TfResource>[] = [
  ecrTagsMutable,
  ecrScanOnPushOff,
  elasticacheAtRestUnencrypted,
  elasticacheTransitUnencrypted,
  redshiftPublic,
  redshiftUnencrypted,
  searchDomainUnencrypted,
];
