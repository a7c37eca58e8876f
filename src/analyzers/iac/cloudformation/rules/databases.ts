import type { IacRule } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { at, isIntrinsic, literalBool, literalNumber, literalString, property, requireTrue } from '../values.js';

/** Properties with which an instance or cluster inherits encryption from elsewhere (its cluster, source, snapshot). */
const INHERITS_ENCRYPTION: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBInstance': ['DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBInstanceAutomatedBackupsArn', 'SourceDbiResourceId'],
  'AWS::RDS::DBCluster': ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier'],
};

const rdsUnencrypted: IacRule<CfnResource> = {
  id: 'cfn-rds-storage-unencrypted',
  title: 'RDS database storage is not encrypted',
  description:
    'The database does not set `StorageEncrypted: true`, so its storage, automated backups, snapshots and read replicas are unencrypted at rest. Encryption cannot be switched on later without restoring into a new instance.',
  severity: 'high',
  cwe: 311,
  remediation: 'Set `StorageEncrypted: true` (and `KmsKeyId` for a key you manage) when the database is created.',
  check: (target) => {
    const inherits = INHERITS_ENCRYPTION[target.type];
    if (inherits === undefined || inherits.some((key) => property(target, key) !== undefined)) return [];
    // Aurora Serverless v1 clusters are always encrypted.
    if (literalString(property(target, 'EngineMode'))?.toLowerCase() === 'serverless') return [];
    return requireTrue(target, ['StorageEncrypted'], 'storage unencrypted');
  },
};

const rdsPublic: IacRule<CfnResource> = {
  id: 'cfn-rds-publicly-accessible',
  title: 'RDS database is publicly accessible',
  description:
    '`PubliclyAccessible: true` gives the database a public DNS name and address. Security groups are then the only barrier between the internet and the database login, which attackers brute-force.',
  severity: 'high',
  cwe: 668,
  remediation: 'Set `PubliclyAccessible: false`, put the database in private subnets, and reach it through the application, a bastion or a VPN.',
  check: (target) => {
    if (target.type !== 'AWS::RDS::DBInstance') return [];
    const flag = property(target, 'PubliclyAccessible');
    return flag && literalBool(flag) === true ? at(target, flag.line, 'PubliclyAccessible: true') : [];
  },
};

const rdsNoBackups: IacRule<CfnResource> = {
  id: 'cfn-rds-backups-disabled',
  title: 'RDS automated backups are turned off',
  description: '`BackupRetentionPeriod: 0` turns off automated backups and point-in-time recovery: data lost to a mistake, corruption or an attacker cannot be restored.',
  severity: 'low',
  cwe: 693,
  remediation: 'Set `BackupRetentionPeriod` to at least 7 days.',
  check: (target) => {
    if (target.type !== 'AWS::RDS::DBInstance' && target.type !== 'AWS::RDS::DBCluster') return [];
    const period = property(target, 'BackupRetentionPeriod');
    return period && literalNumber(period) === 0 ? at(target, period.line, 'BackupRetentionPeriod: 0') : [];
  },
};

const dynamoNoKms: IacRule<CfnResource> = {
  id: 'cfn-dynamodb-sse-disabled',
  title: 'DynamoDB table is not encrypted with a KMS key',
  description:
    'The table does not set `SSESpecification.SSEEnabled: true`, so it is encrypted only with a key AWS owns: access to the data cannot be limited or audited through a key policy, and the key cannot be disabled in an incident.',
  severity: 'low',
  cwe: 311,
  remediation: 'Set `SSESpecification: { SSEEnabled: true }` (optionally with `SSEType: KMS` and `KMSMasterKeyId` for a customer managed key).',
  check: (target) => (target.type === 'AWS::DynamoDB::Table' && !isIntrinsic(target.node.get('Properties')) ? requireTrue(target, ['SSESpecification', 'SSEEnabled'], 'AWS-owned key only') : []),
};

export const DATABASE_RULES: readonly IacRule<CfnResource>[] = [rdsUnencrypted, rdsPublic, rdsNoBackups, dynamoNoKms];
