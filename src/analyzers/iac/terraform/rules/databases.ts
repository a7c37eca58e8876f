import type { IacRule } from '../../types.js';
import type { TfResource } from '../framework.js';
import { at, attribute, isResource, literalBool, literalNumber, requireTrue } from '../values.js';

const DATABASES = ['aws_db_instance', 'aws_rds_cluster'] as const;

const storageUnencrypted: IacRule<TfResource> = {
  id: 'tf-rds-storage-unencrypted',
  title: 'RDS database storage is not encrypted',
  description:
    '`storage_encrypted` is false or left out (the default is false), so the database files, snapshots and backups are stored unencrypted; encryption cannot be turned on later without copying the data to a new instance.',
  severity: 'high',
  cwe: 311,
  remediation: 'Set `storage_encrypted = true` (and a `kms_key_id` you manage) when creating the database.',
  check: (target) => {
    if (!isResource(target, ...DATABASES)) return [];
    // A read replica or an Aurora member inherits encryption from its source.
    if (attribute(target.body, 'replicate_source_db') || attribute(target.body, 'snapshot_identifier')) return [];
    if (target.type === 'aws_db_instance' && attribute(target.body, 'cluster_identifier')) return [];
    return requireTrue(target, target.body, 'storage_encrypted', target.line, 'data at rest unencrypted');
  },
};

const publiclyAccessible: IacRule<TfResource> = {
  id: 'tf-rds-publicly-accessible',
  title: 'RDS database is reachable from the internet',
  description:
    '`publicly_accessible = true` gives the database a public address. Its login is then exposed to brute force and to any flaw in the database engine, from anywhere.',
  severity: 'high',
  cwe: 284,
  remediation: 'Set `publicly_accessible = false` and reach the database from inside the VPC (application subnets, a bastion, or a VPN).',
  check: (target) => {
    if (!isResource(target, 'aws_db_instance', 'aws_rds_cluster_instance')) return [];
    const attr = attribute(target.body, 'publicly_accessible');
    return attr && literalBool(attr.value) === true ? at(target, attr.line, 'publicly_accessible = true') : [];
  },
};

const backupsDisabled: IacRule<TfResource> = {
  id: 'tf-rds-backups-disabled',
  title: 'RDS automated backups are turned off',
  description: '`backup_retention_period = 0` disables automated backups and point-in-time recovery: deleted or corrupted data cannot be restored.',
  severity: 'low',
  cwe: 693,
  remediation: 'Set `backup_retention_period` to at least 7 days.',
  check: (target) => {
    if (!isResource(target, ...DATABASES)) return [];
    const attr = attribute(target.body, 'backup_retention_period');
    return attr && literalNumber(attr.value) === 0 ? at(target, attr.line, 'backup_retention_period = 0') : [];
  },
};

export const DATABASE_RULES: readonly IacRule<TfResource>[] = [storageUnencrypted, publiclyAccessible, backupsDisabled];
