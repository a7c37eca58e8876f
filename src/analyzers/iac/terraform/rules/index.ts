import type { IacRule } from '../../types.js';
import type { TfResource } from '../framework.js';
import { AWS_SERVICE_RULES } from './aws-services.js';
import { AZURE_RULES } from './azure.js';
import { COMPUTE_RULES } from './compute.js';
import { DATABASE_RULES } from './databases.js';
import { GCP_RULES } from './gcp.js';
import { IAM_RULES } from './iam.js';
import { LOGGING_RULES } from './logging.js';
import { MODULE_RULES } from './modules.js';
import { NETWORK_RULES } from './network.js';
import { S3_RULES } from './s3.js';
import { STORAGE_RULES } from './storage.js';

export const TERRAFORM_RULES: readonly IacRule<TfResource>[] = [...S3_RULES, ...NETWORK_RULES, ...IAM_RULES, ...DATABASE_RULES, ...STORAGE_RULES, ...LOGGING_RULES, ...COMPUTE_RULES, ...AWS_SERVICE_RULES, ...GCP_RULES, ...AZURE_RULES, ...MODULE_RULES];
