import type { IacRule } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { DATABASE_RULES } from './databases.js';
import { IAM_RULES } from './iam.js';
import { LOGGING_RULES } from './logging.js';
import { NETWORK_RULES } from './network.js';
import { S3_RULES } from './s3.js';
import { STORAGE_RULES } from './storage.js';

export const CLOUDFORMATION_RULES: readonly IacRule<CfnResource>[] = [...S3_RULES, ...NETWORK_RULES, ...IAM_RULES, ...DATABASE_RULES, ...STORAGE_RULES, ...LOGGING_RULES];
